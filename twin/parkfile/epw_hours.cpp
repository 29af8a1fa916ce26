#include "twin/parkfile/epw_hours.h"

namespace twin::epw {
namespace {

int minMonthDays(int month) { return month == 2 ? 28 : kMaxMonthDays[month]; }

}  // namespace

std::string describe(const Stamp& s) {
  return "month " + std::to_string(s.month) + ", day " + std::to_string(s.day) + ", hour " +
         std::to_string(s.hour);
}

bool follows(const Stamp& prev, const Stamp& next) {
  if (prev.hour < 24) return next == Stamp{prev.month, prev.day, prev.hour + 1};
  if (next.hour != 1) return false;
  if (next.month == prev.month) {
    return next.day == prev.day + 1 && next.day <= kMaxMonthDays[prev.month];
  }
  return next.month == prev.month + 1 && next.day == 1 && prev.day >= minMonthDays(prev.month);
}

std::string expectedAfter(const Stamp& prev) {
  if (prev.hour < 24) return describe({prev.month, prev.day, prev.hour + 1});
  if (prev.day < minMonthDays(prev.month)) return describe({prev.month, prev.day + 1, 1});
  if (prev.month == 2 && prev.day == 28) {
    return describe({2, 29, 1}) + " or " + describe({3, 1, 1});
  }
  return describe({prev.month + 1, 1, 1});
}

}  // namespace twin::epw
