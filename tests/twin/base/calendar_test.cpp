// Civil dates <-> local days. Reference day numbers: `date -u -d 2024-02-29 +%s` / 86400 = 19782,
// 1900-03-01 = -25508 (1900 is not a leap year: Gregorian century rule), 2000-03-01 = 11017
// (2000 is one: the 400-year rule).
#include "twin/base/calendar.h"

#include <gtest/gtest.h>

namespace twin {
namespace {

TEST(Calendar, CivilDatesAroundLeapDaysAndBeforeTheEpoch) {
  EXPECT_EQ(localDay({1970, 1, 1}), 0);
  EXPECT_EQ(localDay({1969, 12, 31}), -1);
  EXPECT_EQ(localDay({2024, 2, 29}), 19782);
  EXPECT_EQ(localDay({2000, 3, 1}), 11017);
  EXPECT_EQ(localDay({1900, 3, 1}), -25508);
  EXPECT_EQ(civilDate(-1), (CivilDate{1969, 12, 31}));
  EXPECT_EQ(civilDate(-25508), (CivilDate{1900, 3, 1}));
  EXPECT_EQ(civilDate(-25509), (CivilDate{1900, 2, 28}));
  EXPECT_EQ(civilDate(11016), (CivilDate{2000, 2, 29}));
  for (long day = -800000; day <= 800000; day += 997) EXPECT_EQ(localDay(civilDate(day)), day);
}

TEST(Calendar, MonthAndDayOfYear) {
  EXPECT_EQ(yearMonthOf(-1), (YearMonth{1969, 12}));
  EXPECT_EQ(yearMonthOf(19782), (YearMonth{2024, 2}));
  EXPECT_EQ(dayOfYear(localDay({2024, 12, 31})), 366);
  EXPECT_EQ(dayOfYear(localDay({2025, 12, 31})), 365);
  EXPECT_EQ(dayOfYear(11017), 61);   // 2000-03-01, after Feb 29
  EXPECT_EQ(dayOfYear(-25508), 60);  // 1900-03-01, no Feb 29
  EXPECT_EQ(dayOfYear(-365), 1);     // 1969-01-01
}

TEST(Calendar, ParsesDatesAndClockTimes) {
  EXPECT_EQ(parseDate("1970-01-02"), 1);
  EXPECT_EQ(parseDate("2024-02-29"), 19782);
  EXPECT_EQ(parseDate("1969-12-31"), -1);
  EXPECT_FALSE(parseDate("2025-02-29"));
  EXPECT_FALSE(parseDate("1900-02-29"));
  EXPECT_FALSE(parseDate("2025-1-01"));
  EXPECT_FALSE(parseDate("2025-13-01"));
  EXPECT_FALSE(parseDate("2025-01-01T00:00"));
  EXPECT_EQ(parseClock("00:00"), 0);
  EXPECT_EQ(parseClock("24:00"), 1440);
  EXPECT_EQ(parseClock("08:30"), 510);
  EXPECT_FALSE(parseClock("24:30"));
  EXPECT_FALSE(parseClock("12:60"));
  EXPECT_FALSE(parseClock("8:30"));
  EXPECT_FALSE(parseClock("08-30"));
}

TEST(Calendar, FormatsDatesAndLocalTimes) {
  EXPECT_EQ(formatDate(19782), "2024-02-29");
  EXPECT_EQ(formatDate(-1), "1969-12-31");
  EXPECT_EQ(formatDate(-25508), "1900-03-01");
  // 1750478400 s = 2025-06-21T04:00:00Z.
  EXPECT_EQ(formatLocalTime(1750478400, 8 * 3600), "2025-06-21 12:00");
  EXPECT_EQ(formatLocalTime(1750478400, -7 * 3600), "2025-06-20 21:00");
  EXPECT_EQ(formatLocalTime(1750478400 + 59, 0), "2025-06-21 04:00");  // minutes, not rounded
  EXPECT_EQ(formatLocalTime(-1, 0), "1969-12-31 23:59");
  EXPECT_EQ(formatLocalTime(0, -3600), "1969-12-31 23:00");
}

}  // namespace
}  // namespace twin

namespace twin {
namespace {

// The local day of an instant and the seconds into it, at +08:00 and across 1970-01-01 (floor,
// not truncation, before the epoch).
TEST(Calendar, LocalDayOfAnInstant) {
  EXPECT_EQ(localDayOf(1735660800, 28800), localDay({2025, 1, 1}));    // 2025-01-01T00:00+08:00
  EXPECT_EQ(localDayOf(1735660799, 28800), localDay({2024, 12, 31}));  // one second before
  EXPECT_EQ(secondsIntoLocalDay(1735660799, 28800), 86399);
  EXPECT_EQ(localDayOf(-1, 0), -1);
  EXPECT_EQ(secondsIntoLocalDay(-1, 0), 86399);
  EXPECT_EQ(secondsIntoLocalDay(1735705800, 28800), 12 * 3600 + 30 * 60);  // 12:30 local
}

}  // namespace
}  // namespace twin
