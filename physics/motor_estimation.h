// In-service load and efficiency of a three-phase induction motor from field readings, by the
// methods of the field (US DOE "Determining Electric Motor Load and Efficiency", fact sheet 10097;
// Lu, Habetler, Harley, "A survey of efficiency-estimation methods for in-service induction
// motors", IEEE Trans. Ind. Appl. 42(4), 2006; IEEE 112 / IEEE 1415 equivalent circuit):
//   - input power through the part-load loss model fitted to the nameplate (motor_efficiency.h);
//   - the slip method, voltage-corrected (slip ~ torque / V^2 at small slip);
//   - the current method (a fallback: its no-load current is only a typical share);
//   - an equivalent circuit fitted to the nameplate (simplified: the approximate "L" circuit with
//     the magnetising branch at the terminals), solved for the slip that draws the measured power.
// Uncertainties are expanded (about 95 %) half-widths, combined by inverse variance.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "physics/motor_efficiency.h"

namespace physics {

enum class EstimationMethod { kInputPower, kSlip, kCurrent, kEquivalentCircuit };
inline constexpr std::array<std::string_view, 4> kEstimationMethodNames = {
    "input_power", "slip", "current", "equivalent_circuit"};

// What one method says about one reading. Fractions (load of rating, efficiency 0..1).
struct MethodEstimate {
  EstimationMethod method = EstimationMethod::kInputPower;
  double load = 0.0;                    // shaft / rated shaft power
  double load_uncertainty = 0.0;        // +- of rating
  double efficiency = 0.0;              // shaft / input
  double efficiency_uncertainty = 0.0;  // +- absolute
  double input_power = 0.0;             // W: measured, or the model's at `load` when not measured
  bool power_measured = false;          // input_power is a measured one (not the model's)
};

// Voltage unbalance by the NEMA MG 1 definition (Part 14.35): the largest deviation of a line
// voltage from the mean of the three, over that mean (fraction). Line voltages in V, > 0.
double voltageUnbalance(double v_ab, double v_bc, double v_ca);

// IEC 60034-1:2017 Table 23 tolerances a nameplate is allowed: on the losses, 15 % of (1 - eta)
// up to 150 kW and 10 % above; on the slip, 20 % from 1 kW and 30 % below.
double lossTolerance(double rated_power);
double slipTolerance(double rated_power);

// Synchronous speed in rad/s of a motor with `poles` on a supply of `frequency` Hz.
double synchronousSpeed(int poles, double frequency = 50.0);

// Input power method: the load whose model input power (load losses x
// unbalanceLoadLossFactor(unbalance)) equals input_power (W > 0); 0 below the constant losses.
// Uncertainty: the nameplate loss tolerance and a 1 % power reading.
MethodEstimate estimateByInputPower(const MotorModel& motor, double input_power,
                                    double voltage_unbalance = 0.0);

// Slip method: load = (n_s - n) / (n_s - n_r) x (V / V_r)^2; rated_speed and speed in rad/s,
// voltage V line-to-line (the rated voltage when not measured). With a measured input power the
// efficiency is measured (load x P_r / P_in), else the model's at that load. nullopt when
// rated_speed is not below synchronous speed. Uncertainty: slipTolerance and +-1 rpm of reading.
std::optional<MethodEstimate> estimateBySlip(const MotorModel& motor, double rated_speed,
                                             double speed, double voltage,
                                             std::optional<double> input_power);

// Current method: I^2 = I0^2 + (I_r^2 - I0^2) x^2 with the current scaled by V / V_r, I0 the
// model's no-load current (constant losses and magnetising reactive power). rated_current: A > 0.
// Efficiency: the model's at that load. Uncertainty: the no-load current known to +-30 % and the
// nameplate current to +-5 % (large at low load: the method is a fallback).
MethodEstimate estimateByCurrent(const MotorModel& motor, double rated_current, double current,
                                 double voltage);

// Per-phase (star-equivalent) parameters of the approximate equivalent circuit, in ohm, with the
// mechanical losses carried separately.
struct EquivalentCircuit {
  double rated_voltage = 0.0;        // V line-to-line
  double rated_power = 0.0;          // W shaft
  double synchronous_speed = 0.0;    // rad/s
  double r1 = 0.0;                   // stator resistance
  double r2 = 0.0;                   // rotor resistance referred to the stator
  double x_leakage = 0.0;            // x1 + x2'
  double r_core = 0.0;               // core-loss resistance (magnetising branch)
  double x_magnetising = 0.0;        // magnetising reactance
  double friction_windage = 0.0;     // W at rated speed
  double stray_rated = 0.0;          // W stray load loss at rated rotor current (~ I2^2)
  double rated_rotor_current = 0.0;  // A
  double loss_tolerance = 0.0;       // lossTolerance(rated_power)
};

// Fits the circuit to the nameplate: the loss model's split (constant losses: core 2/3, friction
// and windage 1/3; stray load loss per IEC 60034-2-1 assumed values; rotor copper = s_r P_airgap;
// stator copper the rest) and its reactive model (magnetising at no load, leakage at rating).
// rated_speed: rad/s below synchronous. nullopt when the nameplate cannot give positive values.
std::optional<EquivalentCircuit> fitEquivalentCircuit(const MotorModel& motor, double rated_speed);

// The circuit at the measured voltage (V line-to-line), solved for the slip whose input power is
// input_power (W); the efficiency is its output over input. The model's current is compared with
// the measured one (A): their relative difference widens the uncertainties.
std::optional<MethodEstimate> estimateByCircuit(const EquivalentCircuit& circuit,
                                                double input_power, double current, double voltage);

// Inverse-variance combination of estimates (loads and efficiencies each); uncertainties of the
// result 1 / sqrt(sum 1/u^2). input_power: the first estimate's with a measured power if any.
MethodEstimate combineEstimates(const std::vector<MethodEstimate>& estimates);

}  // namespace physics
