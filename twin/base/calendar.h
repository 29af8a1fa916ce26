// The calendar of the twin: civil dates <-> local days (days since 1970-01-01 in the site's local
// calendar, proleptic Gregorian, negative before 1970), dates and clock times as park files and
// messages write them. ISO 8601 instants with offsets: twin/base/iso_time.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace twin {

// A date of the proleptic Gregorian calendar; month 1..12, day 1..31.
struct CivilDate {
  int year = 1970;
  int month = 1;
  int day = 1;
  bool operator==(const CivilDate&) const = default;
};

// Local day of a civil date that exists (2024-02-29 yes, 2025-02-29 no: see parseDate).
long localDay(const CivilDate& date);
// Civil date of a local day; any day, before 1970 too.
CivilDate civilDate(long day);

// Calendar month of a local day: {year, month 1..12}.
struct YearMonth {
  int year = 1970;
  int month = 1;
  bool operator==(const YearMonth&) const = default;
};
YearMonth yearMonthOf(long day);
// Day of the year of a local day, 1 (January 1) to 366.
int dayOfYear(long day);

// A date "YYYY-MM-DD" as a local day; nullopt when malformed or not a real date.
std::optional<long> parseDate(std::string_view text);
// A time of day "HH:MM" (00:00 to 24:00) in minutes; nullopt when malformed.
std::optional<int> parseClock(std::string_view text);

// The local day of an instant (unix_time s since 1970-01-01T00:00:00Z, utc_offset s), and the
// seconds since that day's local midnight.
long localDayOf(int64_t unix_time, int utc_offset);
int secondsIntoLocalDay(int64_t unix_time, int utc_offset);

// "YYYY-MM-DD" of a local day.
std::string formatDate(long day);
// "YYYY-MM-DD HH:MM" local time of an instant: unix_time s since 1970-01-01T00:00:00Z,
// utc_offset s (local minus UTC).
std::string formatLocalTime(int64_t unix_time, int utc_offset);

}  // namespace twin
