// The simulated period as a grid of equal steps in the site's local calendar. Step k covers
// [unixTime(k), unixTime(k) + step); every series value is the mean over its step.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "twin/model/model.h"

namespace twin {

struct TimeGrid {
  long start_day = 0;  // local days since 1970-01-01, inclusive
  long end_day = 0;    // exclusive
  int step_s = 900;
  int utc_offset_s = 0;

  int stepsPerDay() const { return 86400 / step_s; }
  long days() const { return end_day - start_day; }
  int64_t steps() const { return static_cast<int64_t>(days()) * stepsPerDay(); }
  // UTC Unix seconds at the start of step k.
  int64_t unixTime(int64_t k) const {
    return static_cast<int64_t>(start_day) * 86400 - utc_offset_s + k * step_s;
  }
};

// A step is valid when it is a whole number of minutes from 1 min to 1 h that divides an hour;
// kStepRule says so in messages.
bool isValidStep(double seconds);
inline constexpr std::string_view kStepRule =
    "a whole number of minutes that divides an hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60 "
    "min)";

// The longest period one run simulates: 100 years of days. Longer periods are refused before any
// work (a typo such as 2025 -> 20250 would otherwise run for days and fill the disk).
inline constexpr long kMaxPeriodDays = 36525;
inline constexpr std::string_view kMaxPeriodRule = "at most 100 years (36525 days)";

// Overrides of the park file's simulation settings (from the command line).
struct PeriodOverride {
  std::optional<long> start_day;
  std::optional<long> end_day;
  std::optional<int> step_s;
};

// The grid for a model, with overrides applied; throws InputError when they make no period.
TimeGrid makeTimeGrid(const ParkModel& model, const PeriodOverride& overrides);

}  // namespace twin
