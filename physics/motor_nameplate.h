// What a motor's nameplate says, and the reactive power of a load at a power factor.
#pragma once

#include <cmath>

namespace physics {

struct MotorNameplate {
  double rated_power = 0.0;       // W, shaft output at rating, > 0
  double rated_efficiency = 0.0;  // 0 < eta < 1
  double power_factor = 0.0;      // 0 < cos(phi) <= 1, at rated load
};

// Q / P = tan(acos(pf)) of a load at power factor pf (0 < pf <= 1, lagging): reactive power in var
// is the active power in W times this ratio.
inline double reactiveRatio(double power_factor) {
  return std::sqrt(1.0 - power_factor * power_factor) / power_factor;
}

}  // namespace physics
