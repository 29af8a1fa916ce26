// Day types from the calendar: weekends, public holidays and weekend days worked, as in China's
// 2025 holiday notice (国办发明电〔2024〕12号: Spring Festival Jan 28 - Feb 4, make-up workday
// Sunday Jan 26).
#include <gtest/gtest.h>

#include "twin/parkfile/field_reader.h"
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

TEST(Calendar, ParsesDatesAndClockTimes) {
  EXPECT_EQ(parseDate("1970-01-02"), 1);
  EXPECT_EQ(parseDate("2024-02-29"), 19782);
  EXPECT_FALSE(parseDate("2025-02-29"));
  EXPECT_FALSE(parseDate("2025-1-01"));
  EXPECT_EQ(parseClock("24:00"), 1440);
  EXPECT_EQ(parseClock("08:30"), 510);
  EXPECT_FALSE(parseClock("24:30"));
  EXPECT_FALSE(parseClock("8:30"));
}

}  // namespace
}  // namespace twin
