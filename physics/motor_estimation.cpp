// In-service load and efficiency of induction motors (motor_estimation.h): NEMA unbalance, IEC
// tolerances, the input-power, slip and current methods, and the approximate equivalent circuit.
//
// Uncertainties: every tolerance and reading limit is taken as an expanded (~95 %) half-width and
// propagated to first order; independent sources are added in quadrature (JCGM 100:2008, GUM,
// 5.1.2). Load uncertainties are capped at 100 % of rating and efficiency ones at 0.5: beyond that
// first order means nothing and the estimate only says "unknown".
#include "physics/motor_estimation.h"

#include <algorithm>
#include <cmath>
#include <complex>

#include "physics/units.h"

namespace physics {
namespace {

using units::kW;

constexpr double kPowerReading = 0.01;              // relative, a class-1 power reading
constexpr double kSpeedReading = 1.0 * units::rpm;  // rad/s, +-1 rpm of a tachometer reading
constexpr double kNoLoadCurrentTolerance = 0.30;    // relative: a typical share, not a measurement
constexpr double kRatedCurrentTolerance = 0.05;     // relative: nameplate current
constexpr double kMinUncertainty = 1e-12;           // keeps 1 / u^2 finite when combining
constexpr double kMaxLoadUncertainty = 1.0;         // of rating
constexpr double kMaxEfficiencyUncertainty = 0.5;

struct Spread {
  double load = 0.0;        // of rating
  double efficiency = 0.0;  // absolute
};

// The loss model's efficiency at load x (from a method that does not measure the input power),
// with its spread: d eta / dx times u_x, and the nameplate loss tolerance (all losses scaled by
// 1 + e gives d eta / d e = -eta (1 - eta)).
struct ModelPoint {
  double input_power = 0.0;
  double efficiency = 0.0;
  double efficiency_uncertainty = 0.0;
};

ModelPoint modelAtLoad(const MotorModel& motor, double x, double u_x) {
  const double p_r = motor.rated_power;
  const double p_in = motorPowersAtLoad(motor, x).input_power;
  const double eta = x * p_r / p_in;
  // d/dx [x P_r / (x P_r + C + L x^2)] = P_r (C - L x^2) / P_in^2.
  const double deta_dx = p_r * (motor.constant_losses - motor.load_losses * x * x) / (p_in * p_in);
  return {p_in, eta, std::hypot(deta_dx * u_x, lossTolerance(p_r) * eta * (1.0 - eta))};
}

MethodEstimate makeEstimate(EstimationMethod method, double load, double efficiency, Spread u,
                            double input_power, bool power_measured) {
  MethodEstimate e;
  e.method = method;
  e.load = load;
  e.load_uncertainty = std::min(u.load, kMaxLoadUncertainty);
  e.efficiency = efficiency;
  e.efficiency_uncertainty = std::min(u.efficiency, kMaxEfficiencyUncertainty);
  e.input_power = input_power;
  e.power_measured = power_measured;
  return e;
}

Spread lossSpread(double input_power, double losses, double rated_power, double rel_loss_error,
                  double marginal_loss) {
  // Output P = P_in - (1 + e) losses(P), losses(P) rising by marginal_loss per W of output:
  //   dP / de = -losses / (1 + m),   dP / dP_in = 1 / (1 + m),
  //   eta = P / P_in:  d eta / d P_in = (1 - eta (1 + m)) / ((1 + m) P_in).
  const double k = 1.0 + marginal_loss;
  const double eta = (input_power - losses) / input_power;
  const double u_output = std::hypot(rel_loss_error * losses, kPowerReading * input_power) / k;
  const double u_eta =
      std::hypot(rel_loss_error * losses / (k * input_power), kPowerReading * (1.0 - eta * k) / k);
  return {u_output / rated_power, u_eta};
}

}  // namespace

double voltageUnbalance(double v_ab, double v_bc, double v_ca) {
  const double mean = (v_ab + v_bc + v_ca) / 3.0;
  const double deviation =
      std::max({std::abs(v_ab - mean), std::abs(v_bc - mean), std::abs(v_ca - mean)});
  return deviation / mean;
}

double lossTolerance(double rated_power) { return rated_power <= 150.0 * kW ? 0.15 : 0.10; }

double slipTolerance(double rated_power) { return rated_power >= 1.0 * kW ? 0.20 : 0.30; }

double synchronousSpeed(int poles, double frequency) {
  // n_s = 120 f / p rpm (f / (p / 2) revolutions a second), converted as callers convert rpm, so
  // that a speed written as 1000 rpm equals the 6-pole 50 Hz synchronous speed exactly.
  return 120.0 * frequency / poles * units::rpm;
}

MethodEstimate estimateByInputPower(const MotorModel& motor, double input_power,
                                    double voltage_unbalance) {
  const double p_r = motor.rated_power;
  const double load_losses = motor.load_losses * unbalanceLoadLossFactor(voltage_unbalance);
  // P_in = x P_r + C + L' x^2: the positive root of L' x^2 + P_r x - (P_in - C) = 0, written
  // without cancellation (also exact for L' = 0). No load below the constant losses.
  const double excess = input_power - motor.constant_losses;
  const double x =
      excess > 0.0 ? 2.0 * excess / (p_r + std::sqrt(p_r * p_r + 4.0 * load_losses * excess)) : 0.0;
  const double output = x * p_r;
  // Marginal loss d losses / d output = 2 L' x / P_r; at idle all the input counts as losses.
  const Spread u = lossSpread(input_power, input_power - output, p_r, lossTolerance(p_r),
                              2.0 * load_losses * x / p_r);
  return makeEstimate(EstimationMethod::kInputPower, x, output / input_power, u, input_power, true);
}

std::optional<MethodEstimate> estimateBySlip(const MotorModel& motor, double rated_speed,
                                             double speed, double voltage,
                                             std::optional<double> input_power) {
  // The MotorModel is a 50 Hz model (IEC 60034-30-1), hence the 50 Hz synchronous speed.
  const double n_s = synchronousSpeed(motor.poles);
  const double rated_slip = n_s - rated_speed;  // rad/s
  if (!(rated_slip > 0.0) || !(voltage > 0.0) || (input_power && !(*input_power > 0.0))) {
    return std::nullopt;
  }
  // At small slip the torque is ~ s V^2 (Thevenin rotor circuit with r2/s >> x), so at a given
  // load the slip grows as 1 / V^2: correct the slip ratio by (V / V_r)^2. A speed at or above
  // synchronous is no load (it is within reading accuracy of it, or the motor is generating).
  const double v2 = (voltage / motor.rated_voltage) * (voltage / motor.rated_voltage);
  const double x = std::max(0.0, n_s - speed) / rated_slip * v2;
  // x ~ 1 / rated slip: the nameplate slip tolerance is a relative error on x; the reading
  // error of the speed is one on the measured slip.
  const double u_x =
      std::hypot(slipTolerance(motor.rated_power) * x, kSpeedReading / rated_slip * v2);
  if (input_power) {
    const double eta = x * motor.rated_power / *input_power;
    const double u_eta = std::hypot(u_x * motor.rated_power / *input_power, kPowerReading * eta);
    return makeEstimate(EstimationMethod::kSlip, x, eta, {u_x, u_eta}, *input_power, true);
  }
  const ModelPoint m = modelAtLoad(motor, x, u_x);
  return makeEstimate(EstimationMethod::kSlip, x, m.efficiency, {u_x, m.efficiency_uncertainty},
                      m.input_power, false);
}

MethodEstimate estimateByCurrent(const MotorModel& motor, double rated_current, double current,
                                 double voltage) {
  // The model's no-load current at rated voltage: constant losses and magnetising reactive power.
  const double i0_model = std::hypot(motor.constant_losses, motor.magnetising_reactive) /
                          (std::sqrt(3.0) * motor.rated_voltage);
  // A nameplate current at or below that contradicts the model; the no-load share cannot then be
  // separated and the plain ratio of the DOE fact sheet remains, with the largest uncertainty.
  const bool consistent = rated_current > i0_model;
  const double i0 = consistent ? i0_model : 0.0;
  // The current that carries the same apparent power at rated voltage (DOE: I / I_r x V / V_r).
  const double i = current * voltage / motor.rated_voltage;
  const double d = rated_current * rated_current - i0 * i0;
  const double x2 = std::max(0.0, (i * i - i0 * i0) / d);
  // x^2 = (I^2 - I0^2) / (I_r^2 - I0^2): d x^2 / d I0 = 2 I0 (x^2 - 1) / D and
  // d x^2 / d I_r = -2 I_r x^2 / D. The half-width of x^2 maps to x as sqrt(x^2 + u) - x (first
  // order u / 2x at load, and finite at no load where the square root is not differentiable).
  const double u_x2 =
      std::hypot(2.0 * i0 * i0 * (1.0 - x2) / d * kNoLoadCurrentTolerance,
                 2.0 * rated_current * rated_current * x2 / d * kRatedCurrentTolerance);
  const double x = std::sqrt(x2);
  const double u_x = consistent ? std::sqrt(x2 + u_x2) - x : kMaxLoadUncertainty;
  const ModelPoint m = modelAtLoad(motor, x, u_x);
  return makeEstimate(EstimationMethod::kCurrent, x, m.efficiency, {u_x, m.efficiency_uncertainty},
                      m.input_power, false);
}

MethodEstimate combineEstimates(const std::vector<MethodEstimate>& estimates) {
  if (estimates.empty()) return {};
  double load_weight = 0.0;
  double load_sum = 0.0;
  double eta_weight = 0.0;
  double eta_sum = 0.0;
  const MethodEstimate* dominant = &estimates.front();
  const MethodEstimate* measured = nullptr;
  for (const MethodEstimate& e : estimates) {
    const double u_load = std::max(e.load_uncertainty, kMinUncertainty);
    const double u_eta = std::max(e.efficiency_uncertainty, kMinUncertainty);
    load_weight += 1.0 / (u_load * u_load);
    load_sum += e.load / (u_load * u_load);
    eta_weight += 1.0 / (u_eta * u_eta);
    eta_sum += e.efficiency / (u_eta * u_eta);
    if (e.load_uncertainty < dominant->load_uncertainty) dominant = &e;
    if (!measured && e.power_measured) measured = &e;
  }
  // The result is labelled with the method that weighs most on the load.
  MethodEstimate out;
  out.method = dominant->method;
  out.load = load_sum / load_weight;
  out.load_uncertainty = 1.0 / std::sqrt(load_weight);
  out.efficiency = eta_sum / eta_weight;
  out.efficiency_uncertainty = 1.0 / std::sqrt(eta_weight);
  const MethodEstimate& power = measured ? *measured : estimates.front();
  out.input_power = power.input_power;
  out.power_measured = power.power_measured;
  return out;
}

// Equivalent circuit ----------------------------------------------------------------------------
//
// Per phase of the star equivalent (V_ph = V / sqrt 3), the approximate "L" circuit: the
// magnetising branch (r_core parallel to x_m) at the terminals, and the series branch
// r1 + r2 / s + j x_leakage carrying the rotor current I2. Air-gap power 3 I2^2 r2 / s, of which
// s goes to rotor copper and (1 - s) to the shaft, less friction & windage and stray load loss.
// Fitted so that the rated point reproduces the loss model's rated losses and reactive power
// exactly (IEEE 112 / IEEE 1415 nameplate-based circuit, simplified).

namespace {

// Assumption: iron losses are 2/3 of the constant losses and friction & windage 1/3 (typical
// shares of total losses 15-25 % and 5-15 %, see constantLossShare).
constexpr double kCoreShareOfConstantLosses = 2.0 / 3.0;
// Floor on the stator copper share of the rated losses (below, the stray loss gives way).
constexpr double kMinStatorCopperShare = 0.10;
// Bisection halvings of the slip interval: it reaches double resolution well before 100.
constexpr int kSlipBisectionSteps = 100;

// IEC 60034-2-1:2014 assumed stray load loss at rated load, share of the rated input power:
// 0.025 below 1 kW, 0.025 - 0.005 log10(P_r / 1 kW) from 1 kW to 10 MW, 0.005 above.
double assumedStrayLossShare(double rated_power) {
  if (rated_power < 1.0 * kW) return 0.025;
  return std::max(0.005, 0.025 - 0.005 * std::log10(rated_power / kW));
}

struct RatedLosses {
  double core = 0.0;
  double friction_windage = 0.0;
  double stray = 0.0;
  double rotor_copper = 0.0;
  double stator_copper = 0.0;
};

// Segregation of the rated losses (IEC 60034-2-1 summation of losses): total = core + F&W + stray
// + rotor copper + stator copper, with rotor copper = s_r P_airgap and P_airgap (1 - s_r) = P_r +
// F&W + stray (mechanical power). nullopt when no non-negative stray loss closes the sum.
std::optional<RatedLosses> splitRatedLosses(const MotorModel& motor, double rated_slip) {
  const double p_r = motor.rated_power;
  const double p_in = p_r / motor.rated_efficiency;
  const double total = p_in - p_r;
  RatedLosses l;
  l.core = kCoreShareOfConstantLosses * motor.constant_losses;
  l.friction_windage = motor.constant_losses - l.core;
  const auto rotor_copper = [&](double stray) {
    return rated_slip / (1.0 - rated_slip) * (p_r + l.friction_windage + stray);
  };
  l.stray = assumedStrayLossShare(p_r) * p_in;
  l.stator_copper = total - l.core - l.friction_windage - l.stray - rotor_copper(l.stray);
  const double floor = kMinStatorCopperShare * total;
  if (l.stator_copper < floor) {
    // A large rated slip leaves too little for the stator: keep the floor and solve
    // stray + s_r / (1 - s_r) (P_r + F&W + stray) = total - floor - core - F&W for the stray loss.
    l.stator_copper = floor;
    l.stray = (1.0 - rated_slip) * (total - floor - l.core - l.friction_windage) -
              rated_slip * (p_r + l.friction_windage);
  }
  if (!(l.stray >= 0.0)) return std::nullopt;
  l.rotor_copper = rotor_copper(l.stray);
  return l;
}

struct CircuitPoint {
  double input_power = 0.0;   // W, three phases
  double output = 0.0;        // W shaft (negative: the input does not cover the idle losses)
  double line_current = 0.0;  // A
};

// The circuit at phase voltage v_ph and slip s (s = 0: the rotor branch carries no current).
CircuitPoint circuitAtSlip(const EquivalentCircuit& c, double v_ph, double s) {
  const std::complex<double> v(v_ph, 0.0);
  const std::complex<double> i_mag = v / c.r_core + v / std::complex<double>(0.0, c.x_magnetising);
  std::complex<double> i2;
  double airgap = 0.0;
  if (s > 0.0) {
    i2 = v / std::complex<double>(c.r1 + c.r2 / s, c.x_leakage);
    airgap = 3.0 * std::norm(i2) * c.r2 / s;
  }
  const double core = 3.0 * v_ph * v_ph / c.r_core;  // ~ V^2 through the fixed r_core
  const double i2_ratio = std::abs(i2) / c.rated_rotor_current;
  // Friction & windage kept at its rated value (the speed changes by a few % at most: simpler).
  // Stray load loss scaled with the load current squared, (I2 / I2_r)^2.
  CircuitPoint p;
  p.input_power = core + 3.0 * std::norm(i2) * c.r1 + airgap;
  p.output = (1.0 - s) * airgap - c.friction_windage - c.stray_rated * i2_ratio * i2_ratio;
  p.line_current = std::abs(i2 + i_mag);
  return p;
}

// The slip in (0, s_max] whose input power is input_power, by bisection: the input power rises
// monotonically with slip up to the breakdown slip (r2 / s >= |r1 + j x| > x).
double solveSlip(const EquivalentCircuit& c, double v_ph, double input_power, double s_max) {
  double lo = 0.0;
  double hi = s_max;
  for (int i = 0; i < kSlipBisectionSteps; ++i) {
    const double mid = 0.5 * (lo + hi);
    (circuitAtSlip(c, v_ph, mid).input_power < input_power ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace

std::optional<EquivalentCircuit> fitEquivalentCircuit(const MotorModel& motor, double rated_speed) {
  const double n_s = synchronousSpeed(motor.poles);  // 50 Hz model
  if (!(rated_speed > 0.0 && rated_speed < n_s) || !(motor.rated_voltage > 0.0) ||
      !(motor.rated_efficiency > 0.0 && motor.rated_efficiency < 1.0)) {
    return std::nullopt;
  }
  const double s_r = (n_s - rated_speed) / n_s;
  const std::optional<RatedLosses> l = splitRatedLosses(motor, s_r);
  // Series branch at rating: the input less the core loss, and the rated reactive power
  // (magnetising + leakage) less the magnetising part, i.e. the leakage part.
  const double q2 = motor.leakage_reactive;
  if (!l || !(l->core > 0.0) || !(motor.magnetising_reactive > 0.0) || !(q2 > 0.0)) {
    return std::nullopt;
  }
  const double p2 = motor.rated_power / motor.rated_efficiency - l->core;
  const double v_ph2 = motor.rated_voltage * motor.rated_voltage / 3.0;
  const double i2 = std::hypot(p2, q2) / (3.0 * std::sqrt(v_ph2));
  const double three_i2_squared = 3.0 * i2 * i2;
  EquivalentCircuit c;
  c.rated_voltage = motor.rated_voltage;
  c.rated_power = motor.rated_power;
  c.synchronous_speed = n_s;
  c.r1 = l->stator_copper / three_i2_squared;
  c.r2 = l->rotor_copper / three_i2_squared;  // s_r P_airgap / (3 I2^2)
  c.x_leakage = q2 / three_i2_squared;
  c.r_core = v_ph2 / (l->core / 3.0);
  c.x_magnetising = v_ph2 / (motor.magnetising_reactive / 3.0);
  c.friction_windage = l->friction_windage;
  c.stray_rated = l->stray;
  c.rated_rotor_current = i2;
  c.loss_tolerance = lossTolerance(motor.rated_power);
  return c;
}

std::optional<MethodEstimate> estimateByCircuit(const EquivalentCircuit& circuit,
                                                double input_power, double current,
                                                double voltage) {
  if (!(input_power > 0.0) || !(current > 0.0) || !(voltage > 0.0)) return std::nullopt;
  const double v_ph = voltage / std::sqrt(3.0);
  // Breakdown (maximum torque) slip of the L circuit: r2 / s = |r1 + j x|. Beyond the input
  // power there, no steady operating point exists.
  const double s_breakdown = circuit.r2 / std::hypot(circuit.r1, circuit.x_leakage);
  if (input_power > circuitAtSlip(circuit, v_ph, s_breakdown).input_power) return std::nullopt;
  const double core = 3.0 * v_ph * v_ph / circuit.r_core;
  const double slip = input_power > core ? solveSlip(circuit, v_ph, input_power, s_breakdown) : 0.0;
  const CircuitPoint p = circuitAtSlip(circuit, v_ph, slip);
  // Idle when the input does not cover core, F&W and copper losses: no shaft output.
  const double output = std::max(0.0, p.output);
  // The loss tolerance, widened by how far the model's current misses the measured one.
  const double mismatch = std::abs(p.line_current - current) / current;
  const Spread u = lossSpread(input_power, input_power - output, circuit.rated_power,
                              std::hypot(circuit.loss_tolerance, mismatch), 0.0);
  return makeEstimate(EstimationMethod::kEquivalentCircuit, output / circuit.rated_power,
                      output / input_power, u, input_power, true);
}

}  // namespace physics
