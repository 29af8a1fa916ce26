// Air compressors: part-load input power by control mode, specific power, GB 19153-2019 grade
// limits (PARTIAL table), discharge-pressure effect and leaks.
// Control curves: US DOE / Compressed Air Challenge, "Improving Compressed Air System
// Performance: A Sourcebook for Industry", 3rd ed. (2016), compressor controls: load/unload draws
// typically 15-35 % of full-load power unloaded (default 25 %); inlet modulation ~70 % at zero
// flow, linear to 100 % (so ~85 % at half flow); variable speed near-linear above a minimum speed.
// Pressure: isentropic compression work W = n k/(k-1) p1 V1 [(p2/p1)^((k-1)/(n k)) - 1] (n
// intercooled stages); the sourcebook's rule "1 % per 2 psi near 100 psig" is 7.25 %/bar, the
// isentropic single-stage ratio 7.7 % from 7 to 8 bar gauge (6.6-8.3 %/bar over 6.5-9 bar).
// Leaks: choked flow through an orifice, mdot = Cd A p0 sqrt(k/(R T0)) (2/(k+1))^((k+1)/(2(k-1))),
// which reproduces the sourcebook's leak-rate table (Cd = 1).
// Flow is free air delivery (FAD, m3/s at inlet/atmospheric conditions); specific power in SI is
// J/m3 = W/(m3/s); 1 kW/(m3/min) = 60 000 J/m3.
#pragma once

#include <optional>
#include <string_view>

namespace physics {

inline constexpr double kKwPerM3PerMin = 60e3;         // J/m3 in 1 kW/(m3/min)
inline constexpr double kStandardAtmosphere = 101325;  // Pa
inline constexpr double kAirGasConstant = 287.05;      // J/(kg K), dry air
inline constexpr double kAirHeatCapacityRatio = 1.4;   // cp/cv, dry air

enum class CompressorControl { kLoadUnload, kModulation, kVariableSpeed };

struct Compressor {
  double rated_flow = 0.0;       // m3/s FAD at full load and rated pressure, > 0
  double full_load_power = 0.0;  // W package input at rated flow and rated pressure, > 0
  double rated_pressure = 0.0;   // Pa gauge discharge pressure the rating refers to, > 0
  CompressorControl control = CompressorControl::kLoadUnload;
  double unload_power_fraction = 0.25;  // unloaded / full-load power (load/unload), 0.15-0.35
  double modulation_zero_flow_fraction = 0.70;  // power at zero flow / full load (modulation)
  // Variable speed: flow turndown and power there (power linear in flow between this point and
  // full load); below it the machine runs load/unload at minimum speed. Defaults are a typical
  // oil-injected screw (assumption: replace with the maker's CAGI data sheet).
  double vsd_min_flow_fraction = 0.30;
  double vsd_power_at_min_fraction = 0.36;
  int stages = 1;  // intercooled compression stages for the pressure effect (1 or 2)
};

struct CompressorPoint {
  bool ok = false;
  const char* reason = "";
  double flow = 0.0;            // m3/s FAD delivered (= demand when ok)
  double load_fraction = 0.0;   // flow / rated flow (at the operating pressure)
  double input_power = 0.0;     // W, time-averaged for load/unload
  double specific_power = 0.0;  // J/m3 (input_power / flow), 0 at zero flow
};

// Power at a demand flow (m3/s FAD, 0 <= flow <= rated_flow) at the rated pressure. Load/unload
// is the ideal large-receiver curve P = f + (1 - f) u (time-average; a small receiver adds
// blow-down losses not modelled here).
CompressorPoint compressorAtDemand(const Compressor& c, double flow);

// Same at another discharge pressure (Pa gauge): full-load power scaled by the isentropic work
// ratio (FAD assumed unchanged, a screw-compressor approximation).
CompressorPoint compressorAtDemand(const Compressor& c, double flow, double discharge_pressure);

// Isentropic work per m3 FAD (J/m3) from inlet p_in (Pa abs) to p_out (Pa abs), stages
// intercooled to inlet temperature with equal pressure ratios.
double isentropicSpecificWork(double p_in, double p_out, int stages = 1,
                              double k = kAirHeatCapacityRatio);

// Power ratio P(p2)/P(p1) from the isentropic work ratio; pressures in Pa gauge over p_atm.
double pressurePowerRatio(double p1_gauge, double p2_gauge, int stages = 1,
                          double p_atm = kStandardAtmosphere);

// Rule of thumb: +1 % power per 2 psi (13.79 kPa) near 100 psig, i.e. 7.25 %/bar, linear.
inline constexpr double kPowerIncreasePerPascal = 0.01 / 13789.5;
double pressurePowerRatioRuleOfThumb(double p1_gauge, double p2_gauge);

// Free-air flow (m3/s) through a leak orifice of diameter (m) at p_gauge (Pa) and upstream
// temperature (K, also the free-air temperature), choked flow; discharge coefficient cd: 1 for
// the table's ideal orifice, 0.97 well-rounded, ~0.61-0.65 sharp-edged.
double orificeLeakFlow(double diameter, double p_gauge, double cd = 1.0,
                       double temperature = 293.15, double p_atm = kStandardAtmosphere);

// Leak cost: power = leak flow x specific power (the compressor's marginal or full-load value).
struct LeakCost {
  double power = 0.0;   // W
  double energy = 0.0;  // J over the duration
  double cost = 0.0;    // currency over the duration
};
// leak_flow m3/s FAD; specific_power J/m3; duration s; price currency per J (e.g. yuan / kWh
// divided by units::kWh).
LeakCost leakCost(double leak_flow, double specific_power, double duration, double price_per_joule);

// GB 19153-2019 (positive-displacement air compressors), Tables 1-2: specific power limits by
// energy-efficiency grade (1 best). Typed in from the PARTIAL transcription
// ../shared/datasets/standards/gb19153_2019_compressor_specific_power_PARTIAL.csv: oil-injected
// rotary, fixed speed (Table 1) 1.5, 2.2, 3, 450, 500, 560 kW; variable speed (Table 2) 3, 4, 5.5,
// 7.5 kW; rated discharge pressures 0.3, 0.5, 0.7, 0.8, 1.0, 1.25 MPa; cells empty there are not
// covered. No interpolation between ratings or pressures.
enum class CompressorKind { kFixedSpeed, kVariableSpeed };
enum class Cooling { kAirCooled, kLiquidCooled };

// Limit (J/m3) for motor rated power (W), grade 1..3, rated discharge pressure (Pa gauge);
// nullopt where the partial table has no value.
std::optional<double> gb19153SpecificPowerLimit(CompressorKind kind, double motor_rated_power,
                                                int grade, double discharge_pressure,
                                                Cooling cooling);

// Grade (1..3) a measured specific power (J/m3) meets, 4 when worse than grade 3; nullopt unless
// all three limits are in the table for that rating, pressure and cooling.
std::optional<int> gb19153Grade(CompressorKind kind, double motor_rated_power,
                                double discharge_pressure, Cooling cooling, double specific_power);

// What the typed-in table covers, for messages to the user.
std::string_view gb19153Coverage();

}  // namespace physics
