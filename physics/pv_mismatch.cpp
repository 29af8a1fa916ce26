#include "physics/pv_mismatch.h"

#include <algorithm>
#include <functional>

namespace physics {

double bypassStringPower(std::span<double> light) {
  if (light.empty()) return 1.0;
  std::sort(light.begin(), light.end(), std::greater<>());
  double best = 0.0;
  for (size_t j = 0; j < light.size(); ++j) {
    best = std::max(best, std::clamp(light[j], 0.0, 1.0) * static_cast<double>(j + 1));
  }
  return best / static_cast<double>(light.size());
}

double bypassStringPowerSorted(std::span<const double> loss, double beam_share) {
  if (loss.empty()) return 1.0;
  double best = 0.0;
  for (size_t j = 0; j < loss.size(); ++j) {
    const double light = std::clamp(1.0 - beam_share * loss[j], 0.0, 1.0);
    best = std::max(best, light * static_cast<double>(j + 1));
  }
  return best / static_cast<double>(loss.size());
}

}  // namespace physics
