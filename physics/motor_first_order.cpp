#include "physics/motor_first_order.h"

#include <cmath>

namespace physics {

double reactiveRatio(double power_factor) {
  return std::sqrt(1.0 - power_factor * power_factor) / power_factor;
}

MotorFirstOrder motorFirstOrderFrom(const MotorNameplate& nameplate) {
  return {nameplate.rated_power, nameplate.rated_efficiency, reactiveRatio(nameplate.power_factor)};
}

MotorOperatingPoint motorFirstOrder(const MotorFirstOrder& motor, double shaft_power) {
  MotorOperatingPoint op;
  op.shaft_power = shaft_power;
  op.input_power = shaft_power / motor.rated_efficiency;
  op.losses = op.input_power - op.shaft_power;
  op.reactive_power = op.input_power * motor.reactive_ratio;
  op.load_fraction = shaft_power / motor.rated_power;
  return op;
}

}  // namespace physics
