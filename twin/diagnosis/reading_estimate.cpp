#include "twin/diagnosis/reading_estimate.h"

#include <cmath>

#include "twin/model/motor_duty.h"

namespace twin::diagnosis {
namespace {

using physics::EstimationMethod;
using physics::MethodEstimate;

// Below these a motor is taken as stopped: a running motor draws its no-load current (typically
// 20-50 % of rated) and its constant losses (2-10 % of rated power) even when idling.
constexpr double kEnergisedCurrentShare = 0.05;  // of the reference current
constexpr double kEnergisedPowerShare = 0.005;   // of rated shaft power
constexpr double kTurningSpeedShare = 0.5;       // of synchronous speed

std::string methodName(EstimationMethod m) {
  return std::string(physics::kEstimationMethodNames[static_cast<size_t>(m)]);
}

// The input power a reading measured: its power, else its energy over its duration. A motor
// draws power; a negative reading is a meter that signs consumption negative, so the magnitude is
// taken (docs/diagnosis.md).
std::optional<double> measuredInputPower(const MeterReading& r, int duration_s) {
  if (r.power) return std::abs(*r.power);
  if (r.energy && duration_s > 0) return std::abs(*r.energy) / duration_s;
  return std::nullopt;
}

bool isEnergised(const MotorContext& c, const MeterReading& r, std::optional<double> power) {
  if (r.current && *r.current > kEnergisedCurrentShare * c.reference_current) return true;
  if (power && *power > kEnergisedPowerShare * c.model.rated_power) return true;
  const double sync = physics::synchronousSpeed(c.model.poles);
  return !r.current && !power && r.speed && *r.speed > kTurningSpeedShare * sync;
}

}  // namespace

MotorContext makeMotorContext(const Motor& motor, const std::vector<Bus>& buses) {
  MotorContext c;
  c.motor = &motor;
  c.model = motorModelOf(motor, buses);
  if (motor.rated_speed > 0) c.circuit = physics::fitEquivalentCircuit(c.model, motor.rated_speed);
  const physics::MotorLoadPoint rated = physics::motorAtLoad(c.model, 1.0, c.model.rated_voltage);
  c.reference_current = motor.rated_current > 0 ? motor.rated_current : rated.current;
  return c;
}

ReadingEstimate estimateReading(const MotorContext& c, const MeterReading& r, int duration_s,
                                std::set<std::pair<std::string, std::string>>& skipped) {
  ReadingEstimate out;
  const Motor& m = *c.motor;
  out.voltage = r.voltage.value_or(c.model.rated_voltage);
  if (r.line_voltages) {
    const auto& v = *r.line_voltages;
    out.unbalance = physics::voltageUnbalance(v[0], v[1], v[2]);
  }
  const std::optional<double> power = measuredInputPower(r, duration_s);
  out.energised = isEnergised(c, r, power);
  if (!out.energised) return out;
  const double unbalance = out.unbalance.value_or(0.0);
  std::vector<MethodEstimate> estimates;
  if (power) estimates.push_back(physics::estimateByInputPower(c.model, *power, unbalance));
  if (r.speed && m.rated_speed <= 0) {
    skipped.insert({methodName(EstimationMethod::kSlip), "rated_speed missing from the nameplate"});
  } else if (r.speed) {
    auto e = physics::estimateBySlip(c.model, m.rated_speed, *r.speed, out.voltage, power);
    if (e) estimates.push_back(*e);
  }
  if (power && r.current && !c.circuit) {
    skipped.insert({methodName(EstimationMethod::kEquivalentCircuit),
                    "rated_speed missing from the nameplate (it sets the rotor resistance)"});
  } else if (power && r.current) {
    auto e = physics::estimateByCircuit(*c.circuit, *power, *r.current, out.voltage);
    if (e) estimates.push_back(*e);
  }
  if (estimates.empty() && r.current && m.rated_current <= 0) {
    skipped.insert(
        {methodName(EstimationMethod::kCurrent), "rated_current missing from the nameplate"});
  } else if (estimates.empty() && r.current) {
    estimates.push_back(
        physics::estimateByCurrent(c.model, m.rated_current, *r.current, out.voltage));
  }
  if (estimates.empty()) return out;
  for (const MethodEstimate& e : estimates) out.methods |= 1u << static_cast<unsigned>(e.method);
  out.combined = physics::combineEstimates(estimates);
  out.power_measured = power.has_value();
  out.input_power = power.value_or(out.combined->input_power);
  return out;
}

}  // namespace twin::diagnosis
