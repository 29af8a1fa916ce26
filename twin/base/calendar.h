// Calendar arithmetic on local days (days since 1970-01-01 in the site's local calendar).
#pragma once

namespace twin {

// Calendar month of a local day: {year, month 1..12}.
struct YearMonth {
  int year = 1970;
  int month = 1;
  bool operator==(const YearMonth&) const = default;
};
YearMonth yearMonthOf(long day);
// Day of the year of a local day, 1 (January 1) to 366.
int dayOfYear(long day);

}  // namespace twin
