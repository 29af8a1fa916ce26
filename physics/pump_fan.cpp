#include "physics/pump_fan.h"

#include <cmath>

namespace physics {
namespace {

double shutoffPressure(const TurboMachine& m) { return m.shutoff_ratio * m.pressure_bep; }

// a in p = p0 - a Q^2.
double curveCoefficient(const TurboMachine& m) {
  return (shutoffPressure(m) - m.pressure_bep) / (m.flow_bep * m.flow_bep);
}

}  // namespace

AffinityPoint affinityScale(const AffinityPoint& at_rated, double speed_ratio) {
  const double r = speed_ratio;
  return {at_rated.flow * r, at_rated.pressure * r * r, at_rated.shaft_power * r * r * r};
}

double machinePressure(const TurboMachine& m, double flow, double speed_ratio) {
  return speed_ratio * speed_ratio * shutoffPressure(m) - curveCoefficient(m) * flow * flow;
}

double machineEfficiency(const TurboMachine& m, double flow, double speed_ratio) {
  const double x = flow / (speed_ratio * m.flow_bep);
  if (x <= 0.0 || x >= 2.0) return 0.0;
  return m.efficiency_bep * x * (2.0 - x);
}

std::optional<double> machineShaftPower(const TurboMachine& m, double flow, double speed_ratio) {
  const double x = flow / (speed_ratio * m.flow_bep);
  if (x < 0.0 || x >= 2.0) return std::nullopt;
  // Q p / (eta_bep x (2 - x)) with Q / x = s Q_bep.
  return machinePressure(m, flow, speed_ratio) * speed_ratio * m.flow_bep /
         (m.efficiency_bep * (2.0 - x));
}

double systemPressure(const SystemCurve& sys, double flow) {
  return sys.static_pressure + sys.k * flow * flow;
}

SystemCurve systemCurveThrough(double static_pressure, double design_flow, double design_pressure) {
  return {static_pressure, (design_pressure - static_pressure) / (design_flow * design_flow)};
}

std::optional<OperatingPoint> operatingPoint(const TurboMachine& m, const SystemCurve& sys,
                                             double speed_ratio) {
  const double head_room = speed_ratio * speed_ratio * shutoffPressure(m) - sys.static_pressure;
  if (head_room <= 0.0) return std::nullopt;
  const double flow = std::sqrt(head_room / (curveCoefficient(m) + sys.k));
  const std::optional<double> power = machineShaftPower(m, flow, speed_ratio);
  if (!power) return std::nullopt;
  return OperatingPoint{flow, systemPressure(sys, flow), machineEfficiency(m, flow, speed_ratio),
                        *power};
}

DutyComparison compareThrottlingAndSpeedControl(const TurboMachine& m, const SystemCurve& sys,
                                                double duty_flow) {
  DutyComparison out;
  out.duty_flow = duty_flow;
  if (!(duty_flow > 0.0)) {
    out.reason = "duty flow must be > 0";
    return out;
  }
  const std::optional<OperatingPoint> full = operatingPoint(m, sys, 1.0);
  if (!full) {
    out.reason = "the machine at full speed cannot overcome the static pressure";
    return out;
  }
  if (duty_flow > full->flow * (1.0 + 1e-12)) {
    out.reason = "duty flow exceeds the full-speed operating point";
    return out;
  }
  out.system_pressure = systemPressure(sys, duty_flow);

  const std::optional<double> p_thr = machineShaftPower(m, duty_flow, 1.0);
  const double speed = std::sqrt(
      (out.system_pressure + curveCoefficient(m) * duty_flow * duty_flow) / shutoffPressure(m));
  const std::optional<double> p_vsd = machineShaftPower(m, duty_flow, speed);
  if (!p_thr || !p_vsd) {
    out.reason = "duty flow outside the efficiency model (Q >= 2 Q_bep at that speed)";
    return out;
  }
  const double p_machine = machinePressure(m, duty_flow, 1.0);
  out.throttled = {duty_flow, p_machine, machineEfficiency(m, duty_flow, 1.0), *p_thr};
  out.throttle_pressure = p_machine - out.system_pressure;
  out.speed_ratio = speed;
  out.speed_controlled = {duty_flow, out.system_pressure, machineEfficiency(m, duty_flow, speed),
                          *p_vsd};
  out.power_saving = *p_thr - *p_vsd;
  out.ok = true;
  return out;
}

}  // namespace physics
