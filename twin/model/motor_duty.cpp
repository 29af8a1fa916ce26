#include "twin/model/motor_duty.h"

#include <algorithm>

#include "physics/pump_fan.h"

namespace twin {

physics::MotorModel motorModelOf(const Motor& m, const std::vector<Bus>& buses) {
  const double voltage = m.rated_voltage > 0 ? m.rated_voltage : buses[m.bus].nominal_voltage;
  return physics::makeMotorModel(m.nameplate.rated_power, m.poles, m.nameplate.rated_efficiency,
                                 m.nameplate.power_factor, voltage);
}

double flowControlledShaftFraction(const Motor& m, FlowControl control, double q) {
  if (q <= 0.0) return 0.0;
  const physics::TurboMachine machine{1.0, 1.0, 1.0};
  const physics::SystemCurve system = physics::systemCurveThrough(m.static_share, 1.0, 1.0);
  const physics::DutyComparison duty =
      physics::compareThrottlingAndSpeedControl(machine, system, std::min(q, 1.0));
  const physics::OperatingPoint& point =
      control == FlowControl::kSpeed ? duty.speed_controlled : duty.throttled;
  return point.shaft_power / *physics::machineShaftPower(machine, 1.0);
}

}  // namespace twin
