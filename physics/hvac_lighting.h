// Building load models for the park: lighting and cooling.
// Lighting: installed power x schedule x dimming, with the continuous-dimming power curve of
// EnergyPlus Daylighting:Controls (Engineering Reference, "Daylighting Controls"; defaults 0.3
// minimum power at 0.2 minimum light), and a lumen-equivalent retrofit from luminous efficacies.
// Water-cooled chiller: DOE-2 electric chiller model as in EnergyPlus Chiller:Electric:EIR
// (Engineering Reference, "Electric Chiller Model Based on Condenser Entering Temperature"):
// P = Qref CAPFT / COPref x EIRFT x EIRFPLR(PLR) x cycling ratio; IPLV per AHRI 550/590 and per
// GB 50189-2015 4.2.13 (China's part-load weighting).
// Split AC (air-to-air, cooling): the same EIR approach with the DX-coil curves of EnergyPlus
// Coil:Cooling:DX:SingleSpeed and the part-load degradation PLF = 1 - Cd (1 - PLR) of AHRI 210/240.
#pragma once

#include <array>

#include "physics/units.h"

namespace physics {

// ---------------------------------------------------------------------------------------------
// Lighting

// Continuous dimming (EnergyPlus Daylighting:Controls, "Continuous"): the power fraction falls
// linearly from 1 at full light to min_power_fraction at min_light_fraction, and stays there below.
struct DimmingCurve {
  double min_light_fraction = 0.2;  // 0..1, EnergyPlus default
  double min_power_fraction = 0.3;  // 0..1, EnergyPlus default
};

// Power fraction 0..1 drawn at relative light output light_fraction (clamped to 0..1).
double dimmingPowerFraction(double light_fraction, const DimmingCurve& curve = {});

// Electric lighting power, W. installed_power: W at full output (lamps + control gear);
// schedule_fraction: 0..1, the share of the installed lighting switched on; light_fraction: 0..1,
// the dimmed light level of the lights that are on (1 = undimmed).
double lightingPower(double installed_power, double schedule_fraction, double light_fraction = 1.0,
                     const DimmingCurve& curve = {});

// Typical luminous efficacies, lm/W of electric input (lamp + control gear), for a lumen-equivalent
// retrofit. Same basis on both sides of a comparison is the caller's choice; these are:
// - LED troffer luminaire: 102 lm/W, mean of LED Lighting Facts troffers, US DOE CALiPER Snapshot
//   "Troffers" (2017), as reported by the DOE SSL program; fluorescent troffers top out < 100 lm/W.
// - T8 fluorescent, two-lamp system with electronic ballast: 87 lm/W, the fluorescent benchmark of
//   US DOE CALiPER (LED T8 replacement lamps fact sheet, rounds 5 and 9).
// - T12 fluorescent with magnetic ballast: 60 lm/W (luminous-efficacy table of the Wikipedia
//   article "Luminous efficacy", citing manufacturer data).
inline constexpr double kEfficacyLedTroffer = 102.0;
inline constexpr double kEfficacyT8Electronic = 87.0;
inline constexpr double kEfficacyT12Magnetic = 60.0;

struct LightingRetrofit {
  double new_power = 0.0;      // W, giving the same lumens as the old installation
  double saved_power = 0.0;    // W, old - new (negative if the new source is less efficacious)
  double luminous_flux = 0.0;  // lm, delivered by both
};

// Lumen-equivalent retrofit: P_new = P_old x efficacy_old / efficacy_new. old_power: W >= 0;
// efficacies: lm/W > 0.
LightingRetrofit lumenEquivalentRetrofit(double old_power, double old_efficacy,
                                         double new_efficacy);

// ---------------------------------------------------------------------------------------------
// Performance curves (EnergyPlus Curve:Biquadratic / Curve:Quadratic); arguments in degC.

struct BiquadraticCurve {
  double c1, c2, c3, c4, c5, c6;  // c1 + c2 x + c3 x^2 + c4 y + c5 y^2 + c6 x y
  double operator()(double x, double y) const {
    return c1 + c2 * x + c3 * x * x + c4 * y + c5 * y * y + c6 * x * y;
  }
};

struct QuadraticCurve {
  double c1, c2, c3;  // c1 + c2 x + c3 x^2
  double operator()(double x) const { return c1 + c2 * x + c3 * x * x; }
};

// ---------------------------------------------------------------------------------------------
// Water-cooled electric chiller (DOE-2 / EnergyPlus Chiller:Electric:EIR)

struct ElectricEirChiller {
  double reference_capacity = 0.0;               // W, cooling at the reference temperatures
  double reference_cop = 0.0;                    // W/W at the reference temperatures, full load
  double reference_leaving_chilled_water = 0.0;  // K
  double reference_entering_condenser = 0.0;     // K
  BiquadraticCurve cap_ft{};         // capacity ratio vs (T_chw,leaving, T_cond,entering), degC
  BiquadraticCurve eir_ft{};         // EIR ratio vs the same temperatures
  QuadraticCurve eir_fplr{};         // EIR ratio vs part-load ratio
  double min_part_load_ratio = 0.1;  // below it the chiller cycles on and off
  double min_unloading_ratio = 0.2;  // below it capacity is false-loaded (hot-gas bypass)
};

// The DOE-2.1E reference water-cooled centrifugal chiller, COP 5.50 at 6.67 C leaving chilled
// water and 29.4 C entering condenser water; curves "DOE-2 Centrifugal/5.50COP" of the EnergyPlus
// Chillers.idf dataset (as reproduced in the Modelica Buildings library record
// Buildings.Fluid.Chillers.Data.ElectricEIR.DOE_2_Centrifugal_5_50COP). Curve validity: 5-10 C
// chilled water, 24-35 C condenser water. reference_capacity: W > 0.
ElectricEirChiller doe2CentrifugalChiller(double reference_capacity);

struct ChillerOperatingPoint {
  double available_capacity = 0.0;  // W, Qref CAPFT at these temperatures
  double part_load_ratio = 0.0;     // delivered / available, 0..1
  double cooling = 0.0;             // W delivered, min(load, available capacity)
  double electric_power = 0.0;      // W
  double cop = 0.0;                 // cooling / electric_power; 0 at no load
  bool overloaded = false;          // the load exceeded the available capacity
};

// cooling_load: W >= 0; leaving_chilled_water and entering_condenser: K.
ChillerOperatingPoint chillerOperatingPoint(const ElectricEirChiller& chiller, double cooling_load,
                                            double leaving_chilled_water,
                                            double entering_condenser);

// Integrated part-load value: weighted COP at 100/75/50/25 % load, each with its own condenser
// entering temperature. The load of each point is that fraction of the available capacity at the
// 100 % point.
struct IplvConditions {
  std::array<double, 4> load_fraction{1.0, 0.75, 0.5, 0.25};
  std::array<double, 4> weight{};              // sum 1
  std::array<double, 4> entering_condenser{};  // K
  double leaving_chilled_water = 0.0;          // K
};

// AHRI 550/590 (I-P): IPLV = 0.01 A + 0.42 B + 0.45 C + 0.12 D, entering condenser water 85/75/
// 65/65 F, leaving chilled water 44 F.
inline constexpr IplvConditions kIplvAhri550{
    {1.0, 0.75, 0.5, 0.25},
    {0.01, 0.42, 0.45, 0.12},
    {29.4444444444444444 + units::kZeroCelsius, 23.8888888888888889 + units::kZeroCelsius,
     18.3333333333333333 + units::kZeroCelsius, 18.3333333333333333 + units::kZeroCelsius},
    6.66666666666666667 + units::kZeroCelsius};

// GB 50189-2015 4.2.13: IPLV = 1.2 % A + 32.8 % B + 39.7 % C + 26.3 % D, cooling water entering
// 30/26/23/19 C, chilled water leaving 7 C (as quoted from the standard; not checked against its
// text here).
inline constexpr IplvConditions kIplvGb50189{
    {1.0, 0.75, 0.5, 0.25},
    {0.012, 0.328, 0.397, 0.263},
    {30.0 + units::kZeroCelsius, 26.0 + units::kZeroCelsius, 23.0 + units::kZeroCelsius,
     19.0 + units::kZeroCelsius},
    7.0 + units::kZeroCelsius};

struct IplvResult {
  std::array<double, 4> cop{};  // W/W at each point
  double iplv = 0.0;            // W/W
};

// Note: the DOE-2 curves are extrapolated below 24 C condenser water (AHRI 50 % and 25 % points).
IplvResult chillerIplv(const ElectricEirChiller& chiller, const IplvConditions& conditions);

// ---------------------------------------------------------------------------------------------
// Split air conditioner (air-to-air, cooling), EnergyPlus Coil:Cooling:DX:SingleSpeed method

struct SplitAirConditioner {
  double rated_capacity = 0.0;  // W total cooling at the rating conditions
  double rated_cop = 0.0;       // W/W at the rating conditions, full load
  // x = indoor coil entering wet-bulb (degC), y = outdoor dry-bulb (degC).
  BiquadraticCurve cap_ft{};
  BiquadraticCurve eir_ft{};
  double degradation_coefficient = 0.25;  // Cd, AHRI 210/240 default for single-speed units
};

// Rating conditions of the curves below (AHRI 210/240 "A" test): indoor 26.7 C dry-bulb /
// 19.4 C wet-bulb, outdoor 35 C dry-bulb.
inline constexpr double kSplitAcRatedIndoorWetBulb = 19.4444444444444444 + units::kZeroCelsius;
inline constexpr double kSplitAcRatedOutdoor = 35.0 + units::kZeroCelsius;

// A single-speed split AC with the DX-coil curves of the EnergyPlus example file
// AirflowNetwork_MultiZone_House.idf (as reproduced in the Modelica Buildings library record
// DXCoils ... PerformanceCurves.Curve_I). Valid 12.8-23.9 C wet-bulb, 18-46.1 C outdoor.
// rated_capacity: W > 0; rated_cop: W/W > 0.
SplitAirConditioner defaultSplitAirConditioner(double rated_capacity, double rated_cop);

struct SplitAcOperatingPoint {
  double available_capacity = 0.0;  // W
  double part_load_ratio = 0.0;     // 0..1
  double cooling = 0.0;             // W delivered
  double electric_power = 0.0;      // W
  double cop = 0.0;                 // W/W; 0 at no load
  bool overloaded = false;
};

// cooling_load: W >= 0; indoor_wet_bulb and outdoor_dry_bulb: K.
// P = Qrated CAPFT / COPrated x EIRFT x PLR / PLF, PLF = 1 - Cd (1 - PLR) (on-off cycling).
SplitAcOperatingPoint splitAcOperatingPoint(const SplitAirConditioner& unit, double cooling_load,
                                            double indoor_wet_bulb, double outdoor_dry_bulb);

// Cooling load of a building as a fraction of its design load, by the outdoor dry-bulb: the
// straight load line of the ASHRAE bin method (ASHRAE Handbook Fundamentals, "Energy Estimating
// and Modeling Methods", bin and degree-day procedures): zero at the balance point, full at the
// design temperature, capped at 1. A simplification named as such: no solar or internal-gain
// dynamics, no humidity. Temperatures in K.
inline double coolingLoadFraction(double outdoor_dry_bulb, double balance_point,
                                  double design_outdoor) {
  const double x = (outdoor_dry_bulb - balance_point) / (design_outdoor - balance_point);
  return x < 0.0 ? 0.0 : (x > 1.0 ? 1.0 : x);
}

}  // namespace physics
