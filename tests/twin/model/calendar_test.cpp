// Day types from the calendar: weekends, public holidays and weekend days worked, as in China's
// 2025 holiday notice (国办发明电〔2024〕12号: Spring Festival Jan 28 - Feb 4, make-up workday
// Sunday Jan 26).
#include "twin/base/calendar.h"

#include <gtest/gtest.h>

#include "twin/model/model.h"

namespace twin {
namespace {

long day(const char* iso) { return parseDate(iso).value(); }

TEST(Calendar, DayTypes) {
  Calendar c;
  c.holidays = {day("2025-01-28"), day("2025-01-29")};
  c.workdays = {day("2025-01-26")};
  EXPECT_EQ(c.dayType(day("2025-01-27")), DayType::kWorkday);  // Monday
  EXPECT_EQ(c.dayType(day("2025-01-25")), DayType::kWeekend);  // Saturday
  EXPECT_EQ(c.dayType(day("2025-01-26")), DayType::kWorkday);  // Sunday worked
  EXPECT_EQ(c.dayType(day("2025-01-28")), DayType::kHoliday);  // Tuesday holiday
  EXPECT_EQ(c.dayType(day("1970-01-01")), DayType::kWorkday);  // Thursday
  EXPECT_EQ(c.dayType(day("1969-12-28")), DayType::kWeekend);  // Sunday before the epoch
}

}  // namespace
}  // namespace twin
