// Three-phase cage induction motors: rated efficiency by class and part-load behaviour.
// Rated efficiency: IEC 60034-30-1:2014 IE2/IE3/IE4 interpolation formula (as reproduced in
// EU 2019/1781 Annex I and UK SI 2021/745 Schedule 16, Tables 27-28); IE1 from the IEC
// 60034-30-1:2014 table (0.12-1000 kW, 2/4/6/8 poles); GB 18613-2020 Table 1 grades 1/2/3; IE5 as
// GB 18613-2020 grade 1 (stated proxy, IEC TS 60034-30-2 coefficients not found).
// Part load: loss segregation (constant iron + friction/windage losses, load losses ~ load^2, in
// the sense of IEC 60034-2-1 clause 6.4) and a magnetising + leakage reactive-power model.
// Voltage unbalance: NEMA MG 1 Part 14.35 (derating curve, Figure 14-1; heating 2 x unbalance^2).
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace physics {

// IE1..IE4: IEC 60034-30-1; IE5: GB 18613-2020 grade 1 as proxy; GB1..GB3: GB 18613-2020
// grades 1..3 (grade 1 ~ IE5, grade 2 ~ IE4, grade 3 ~ IE3; the equivalence is approximate).
enum class MotorClass { kIE1, kIE2, kIE3, kIE4, kIE5, kGB1, kGB2, kGB3 };

// The names of the classes as park files, the CLI and the viewer write them, in enum order.
inline constexpr std::array<std::string_view, 8> kMotorClassNames = {"IE1", "IE2", "IE3", "IE4",
                                                                     "IE5", "GB1", "GB2", "GB3"};
// The class of a name ("IE3"), std::nullopt for any other text.
std::optional<MotorClass> motorClassFromName(std::string_view name);

// What the table behind a class covers, for messages ("IE1 covers ...").
struct MotorClassCoverage {
  double min_power = 0.0;  // W, smallest rated power covered
  double max_power = 0.0;  // W, largest rated power covered
  int pole_mask = 0;       // bit (poles / 2 - 1) set for each pole count covered (2, 4, 6, 8)
  std::string_view text;   // one line: standard, table, ratings, poles, interpolation rule
};

MotorClassCoverage coverage(MotorClass motor_class);

// True when coverage(motor_class) includes this pole count.
bool coversPoles(const MotorClassCoverage& c, int poles);

// Rated (full-load) efficiency, fraction 0..1, rounded to 0.1 % as the standards print it.
// rated_power: W; poles: 2, 4, 6 or 8. std::nullopt outside coverage(motor_class).
// Intermediate ratings: IE2-IE4 by the formula (coefficients of 0.12-0.55 kW below 0.75 kW, of
// 0.75-200 kW from 0.75 to 200 kW; above 200 kW the 200 kW value); IE1, IE5 and GB grades by the
// next lower tabulated rating (the conservative reading of a table of minimum values).
std::optional<double> ratedEfficiency(MotorClass motor_class, double rated_power, int poles);

// Typical rated power factor of a 50 Hz cage induction motor (fraction), used when the nameplate
// value is unknown. An estimate (rounded, representative of IEC-frame IE2/IE3 catalogues), not a
// standard value: expect +-0.04. rated_power: W > 0; poles: 2, 4, 6 or 8 (others: 4-pole value).
double typicalRatedPowerFactor(double rated_power, int poles);

// Share of the rated-load losses that does not depend on load (iron + friction and windage),
// 0.25..0.40, rising with rating: 0.30 + 0.03 log10(P / 1 kW), clamped. Typical loss shares of
// standard induction motors: core 15-25 %, friction and windage 5-15 %, stator I2R 25-40 %, rotor
// I2R 15-25 %, stray 10-20 % (DOE/de Almeida loss distribution as summarised in motor handbooks);
// the slope gives an efficiency peak near 61 % load at 0.12 kW and 80 % at 1000 kW and reproduces
// the US DOE MEASUR part-load curves of 100 and 200 hp motors within 0.6 percentage points.
double constantLossShare(double rated_power);

// Share of the rated reactive power drawn at no load (magnetising), the rest being leakage
// reactive power ~ load^2. 0.75: no-load current is typically 30-50 % of rated current at a rated
// power factor of 0.80-0.88 (assumption, documented; not from a standard).
inline constexpr double kMagnetisingReactiveShare = 0.75;

// The fitted per-motor constants; build with makeMotorModel.
struct MotorModel {
  double rated_power = 0.0;           // W, shaft output at rating
  int poles = 4;                      // 2, 4, 6, 8
  double rated_efficiency = 0.0;      // 0 < eta < 1
  double rated_power_factor = 0.0;    // 0 < pf <= 1
  double rated_voltage = 0.0;         // V, line-to-line
  double constant_losses = 0.0;       // W, iron + friction & windage (independent of load)
  double load_losses = 0.0;           // W, stator + rotor I2R + stray at rated load (~ load^2)
  double magnetising_reactive = 0.0;  // var at no load
  double leakage_reactive = 0.0;      // var at rated load, ~ load^2
};

// rated_power: W > 0; poles: 2/4/6/8; rated_efficiency: 0 < eta < 1 (e.g. ratedEfficiency());
// rated_power_factor: 0 < pf <= 1, or nullopt for typicalRatedPowerFactor(); rated_voltage: V > 0.
MotorModel makeMotorModel(double rated_power, int poles, double rated_efficiency,
                          std::optional<double> rated_power_factor, double rated_voltage);

// One steady operating point.
struct MotorLoadPoint {
  double load_fraction = 0.0;   // shaft / rated shaft power
  double shaft_power = 0.0;     // W
  double input_power = 0.0;     // W, electrical active power
  double losses = 0.0;          // W, input - shaft
  double reactive_power = 0.0;  // var, drawn (inductive)
  double efficiency = 0.0;      // shaft / input, 0 at no load
  double power_factor = 0.0;    // input / apparent power
  double current = 0.0;         // A, line current, input / (sqrt(3) V pf)
};

// The active and reactive power only, at a balanced rated supply: what a simulation step needs
// (no power factor or current, so no square roots). load_fraction: 0..1.25, not clamped.
struct MotorPowers {
  double input_power = 0.0;     // W
  double reactive_power = 0.0;  // var
  double losses = 0.0;          // W
};
inline MotorPowers motorPowersAtLoad(const MotorModel& motor, double load_fraction) {
  const double x2 = load_fraction * load_fraction;
  const double losses = motor.constant_losses + motor.load_losses * x2;
  return {load_fraction * motor.rated_power + losses,
          motor.magnetising_reactive + motor.leakage_reactive * x2, losses};
}

// load_fraction: 0..1.25 (values outside are clamped); voltage: V line-to-line > 0 (sets the
// current only; the loss model is that of rated voltage); voltage_unbalance: fraction (NEMA
// definition, max deviation from average / average), 0 for a balanced supply: load losses are
// multiplied by unbalanceLoadLossFactor().
MotorLoadPoint motorAtLoad(const MotorModel& motor, double load_fraction, double voltage,
                           double voltage_unbalance = 0.0);

// Load fraction of peak efficiency: sqrt(constant / load losses at rating).
double peakEfficiencyLoad(const MotorModel& motor);

// NEMA MG 1 Part 14.35, Figure 14-1: the factor by which to derate a motor's output for a voltage
// unbalance (fraction, e.g. 0.02 for 2 %): 1.0 up to 1 %, 0.95 at 2 %, 0.88 at 3 %, 0.82 at 4 %,
// 0.75 at 5 %, linear between. nullopt above 5 % (NEMA advises against operation) or below 0.
std::optional<double> nemaUnbalanceDerating(double voltage_unbalance);

// NEMA MG 1 Part 14.35.1: the temperature rise in the hottest phase grows by about
// 2 x (unbalance in %)^2 percent. We carry it as extra load-dependent (I2R) losses: factor
// 1 + 2 u^2 / 100 with u in percent (3 % -> 1.18). voltage_unbalance: fraction >= 0.
double unbalanceLoadLossFactor(double voltage_unbalance);

}  // namespace physics
