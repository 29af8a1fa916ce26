#include "physics/motor_first_order.h"

#include <cmath>

namespace physics {

double reactiveFromPowerFactor(double active_power, double power_factor) {
  return active_power * std::sqrt(1.0 - power_factor * power_factor) / power_factor;
}

MotorOperatingPoint motorFirstOrder(const MotorNameplate& nameplate, double shaft_power) {
  MotorOperatingPoint op;
  op.shaft_power = shaft_power;
  op.input_power = shaft_power / nameplate.rated_efficiency;
  op.losses = op.input_power - op.shaft_power;
  op.reactive_power = reactiveFromPowerFactor(op.input_power, nameplate.power_factor);
  op.load_fraction = shaft_power / nameplate.rated_power;
  return op;
}

}  // namespace physics
