#include "twin/dispatch/deferral_envelope.h"

#include <algorithm>

namespace twin::dispatch {

FlexibleDemand deferralEnvelope(std::span<const double> base, double power_max, int window_steps,
                                int steps_per_day, double dt) {
  FlexibleDemand f;
  const size_t n = base.size();
  std::vector<double> scheduled(n);  // J drawn by the end of each step as scheduled
  double sum = 0.0;
  for (size_t t = 0; t < n; ++t) {
    sum += base[t] * dt;
    scheduled[t] = sum;
    f.power_max.push_back(std::max(power_max, base[t]));
  }
  const auto w = static_cast<size_t>(std::max(0, window_steps));
  const auto spd = static_cast<size_t>(steps_per_day);
  for (size_t t = 0; t < n; ++t) {
    const size_t day_start = t - t % spd;
    const bool last = t % spd == spd - 1;
    // Scheduled before the day (all drawn by its start) or at least the window ago: a step's
    // energy may be drawn in that step or in the window's steps after it.
    double least = day_start > 0 ? scheduled[day_start - 1] : 0.0;
    if (t >= w) least = std::max(least, scheduled[t - w]);
    f.energy_min.push_back(last ? scheduled[t] : least);
    f.energy_max.push_back(scheduled[t]);
  }
  return f;
}

}  // namespace twin::dispatch
