// The hours of an EPW year: records stamped month, day and hour 1..24 (the hour ending at the
// stamp), consecutive from January 1 hour 1 to December 31 hour 24, February 29 allowed in any
// year (TMY files take each month from a different year). Used by twin/parkfile/epw_reader.h.
#pragma once

#include <array>
#include <string>

namespace twin::epw {

// Days of each month (index 1..12) in a year that may hold February 29.
constexpr std::array<int, 13> kMaxMonthDays = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

// The date and hour of a record; month 1..12, day 1..kMaxMonthDays[month], hour 1..24.
struct Stamp {
  int month = 0, day = 0, hour = 0;
  bool operator==(const Stamp&) const = default;
};

// "month M, day D, hour H", as messages write a stamp.
std::string describe(const Stamp& s);

// Whether `next` is the hour after `prev` in a year that may or may not hold February 29.
bool follows(const Stamp& prev, const Stamp& next);

// The stamps that may follow `prev`, as messages write them ("... or ..." after February 28).
std::string expectedAfter(const Stamp& prev);

}  // namespace twin::epw
