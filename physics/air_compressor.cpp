#include "physics/air_compressor.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "physics/units.h"

namespace physics {
namespace {

constexpr double kNa = std::numeric_limits<double>::quiet_NaN();

// GB 19153-2019 rated discharge pressures of the table columns, MPa gauge.
constexpr std::array<double, 6> kGbPressuresMpa{0.3, 0.5, 0.7, 0.8, 1.0, 1.25};

struct GbRow {
  CompressorKind kind;
  double motor_kw;
  int grade;
  Cooling cooling;
  std::array<double, 6> kw_per_m3min;  // by kGbPressuresMpa; kNa where the transcription is empty
};

// GB 19153-2019 Table 1 (fixed speed) and Table 2 (variable speed), oil-injected rotary,
// kW/(m3/min); typed in from the partial CSV (see the header), checked cell by cell in the test.
constexpr GbRow kGb19153Rows[] = {
    {CompressorKind::kFixedSpeed, 1.5, 1, Cooling::kAirCooled, {5.8, 7.1, 8.8, 9.6, 11.0, 12.5}},
    {CompressorKind::kFixedSpeed, 1.5, 2, Cooling::kAirCooled, {6.5, 7.8, 9.7, 10.6, 12.2, 13.8}},
    {CompressorKind::kFixedSpeed, 1.5, 3, Cooling::kAirCooled, {7.4, 8.9, 11.0, 12.0, 13.8, 15.8}},
    {CompressorKind::kFixedSpeed, 2.2, 1, Cooling::kAirCooled, {5.6, 6.8, 8.4, 9.2, 10.5, 11.8}},
    {CompressorKind::kFixedSpeed, 2.2, 2, Cooling::kAirCooled, {6.2, 7.5, 9.3, 10.1, 11.6, 13.1}},
    {CompressorKind::kFixedSpeed, 2.2, 3, Cooling::kAirCooled, {7.0, 8.5, 10.5, 11.5, 13.2, 15.0}},
    {CompressorKind::kFixedSpeed, 3, 1, Cooling::kAirCooled, {5.4, 6.5, 8.1, 8.8, 10.0, 11.2}},
    {CompressorKind::kFixedSpeed, 3, 2, Cooling::kAirCooled, {5.9, 7.2, 8.9, 9.7, 11.1, 12.5}},
    {CompressorKind::kFixedSpeed, 3, 3, Cooling::kAirCooled, {6.7, 8.2, kNa, kNa, kNa, kNa}},
    {CompressorKind::kFixedSpeed, 450, 2, Cooling::kAirCooled, {kNa, kNa, kNa, 6.3, 7.1, 8.0}},
    {CompressorKind::kFixedSpeed, 450, 2, Cooling::kLiquidCooled, {kNa, kNa, kNa, 6.0, 6.8, 7.6}},
    {CompressorKind::kFixedSpeed, 450, 3, Cooling::kAirCooled, {4.3, 5.3, 6.5, 7.0, 7.9, 8.9}},
    {CompressorKind::kFixedSpeed, 450, 3, Cooling::kLiquidCooled, {4.1, 5.1, 6.3, 6.7, 7.6, 8.5}},
    {CompressorKind::kFixedSpeed, 500, 1, Cooling::kAirCooled, {3.5, 4.4, 5.4, 5.8, 6.5, 7.3}},
    {CompressorKind::kFixedSpeed, 500, 1, Cooling::kLiquidCooled, {3.3, 4.2, 5.2, 5.6, 6.2, 6.9}},
    {CompressorKind::kFixedSpeed, 500, 2, Cooling::kAirCooled, {3.8, 4.8, 5.9, 6.3, 7.1, 8.0}},
    {CompressorKind::kFixedSpeed, 500, 2, Cooling::kLiquidCooled, {3.6, 4.6, 5.7, 6.0, 6.8, 7.6}},
    {CompressorKind::kFixedSpeed, 500, 3, Cooling::kAirCooled, {4.3, 5.3, 6.5, 7.0, 7.9, 8.9}},
    {CompressorKind::kFixedSpeed, 500, 3, Cooling::kLiquidCooled, {4.1, 5.1, 6.3, 6.7, 7.6, 8.5}},
    {CompressorKind::kFixedSpeed, 560, 1, Cooling::kAirCooled, {3.5, 4.4, 5.4, 5.8, 6.5, 7.3}},
    {CompressorKind::kFixedSpeed, 560, 1, Cooling::kLiquidCooled, {3.3, 4.2, 5.2, 5.6, 6.2, 6.9}},
    {CompressorKind::kFixedSpeed, 560, 2, Cooling::kAirCooled, {3.8, 4.8, 5.9, 6.3, 7.1, 8.0}},
    {CompressorKind::kFixedSpeed, 560, 2, Cooling::kLiquidCooled, {3.6, 4.6, 5.7, 6.0, 6.8, 7.6}},
    {CompressorKind::kFixedSpeed, 560, 3, Cooling::kAirCooled, {4.3, 5.3, 6.5, 7.0, 7.9, 8.9}},
    {CompressorKind::kFixedSpeed, 560, 3, Cooling::kLiquidCooled, {4.1, 5.1, 6.3, 6.7, 7.6, 8.5}},
    {CompressorKind::kVariableSpeed, 3, 2, Cooling::kAirCooled, {kNa, kNa, 9.7, 10.7, 12.0, 13.6}},
    {CompressorKind::kVariableSpeed, 3, 3, Cooling::kAirCooled, {7.4, 9.1, 11.1, 12.3, 13.9, 15.8}},
    {CompressorKind::kVariableSpeed, 4, 1, Cooling::kAirCooled, {5.7, 6.7, 8.4, 9.1, 10.4, 11.5}},
    {CompressorKind::kVariableSpeed, 4, 2, Cooling::kAirCooled, {6.3, 7.5, 9.3, 10.1, 11.5, 12.9}},
    {CompressorKind::kVariableSpeed, 4, 3, Cooling::kAirCooled, {7.1, 8.7, 10.6, 11.7, 13.2, 15.0}},
    {CompressorKind::kVariableSpeed, 5.5, 1, Cooling::kAirCooled, {5.4, 6.5, 8.1, 8.8, 9.9, 11.1}},
    {CompressorKind::kVariableSpeed, 5.5, 2, Cooling::kAirCooled, {5.9, 7.2, 8.9, 9.8, 11.0, 12.4}},
    {CompressorKind::kVariableSpeed,
     5.5,
     3,
     Cooling::kAirCooled,
     {6.7, 8.3, 10.1, 11.2, 12.6, 14.3}},
    {CompressorKind::kVariableSpeed, 7.5, 1, Cooling::kAirCooled, {5.2, 6.3, 7.8, 8.5, kNa, kNa}},
};

double clamp01(double x) { return std::clamp(x, 0.0, 1.0); }

// Full-load-relative power at load fraction f (0..1) for the control mode.
double partLoadFraction(const Compressor& c, double f) {
  const double u = c.unload_power_fraction;
  switch (c.control) {
    case CompressorControl::kLoadUnload:
      return f + (1.0 - f) * u;
    case CompressorControl::kModulation:
      return c.modulation_zero_flow_fraction + (1.0 - c.modulation_zero_flow_fraction) * f;
    case CompressorControl::kVariableSpeed: {
      const double fmin = c.vsd_min_flow_fraction;
      const double pmin = c.vsd_power_at_min_fraction;
      if (f >= fmin) return pmin + (1.0 - pmin) * (f - fmin) / (1.0 - fmin);
      const double loaded = f / fmin;  // load/unload at minimum speed
      return loaded * pmin + (1.0 - loaded) * u;
    }
  }
  return 1.0;
}

}  // namespace

CompressorPoint compressorAtDemand(const Compressor& c, double flow) {
  return compressorAtDemand(c, flow, c.rated_pressure);
}

CompressorPoint compressorAtDemand(const Compressor& c, double flow, double discharge_pressure) {
  CompressorPoint out;
  out.flow = flow;
  if (!(c.rated_flow > 0.0) || !(c.full_load_power > 0.0)) {
    out.reason = "compressor needs rated flow > 0 and full-load power > 0";
    return out;
  }
  if (!(flow >= 0.0) || flow > c.rated_flow * (1.0 + 1e-12)) {
    out.reason = "demand flow must be between 0 and the rated flow";
    return out;
  }
  const double f = clamp01(flow / c.rated_flow);
  const double full =
      c.full_load_power * pressurePowerRatio(c.rated_pressure, discharge_pressure, c.stages);
  out.load_fraction = f;
  out.input_power = full * partLoadFraction(c, f);
  out.specific_power = flow > 0.0 ? out.input_power / flow : 0.0;
  out.ok = true;
  return out;
}

double isentropicSpecificWork(double p_in, double p_out, int stages, double k) {
  const double n = std::max(stages, 1);
  const double e = (k - 1.0) / (n * k);
  return n * k / (k - 1.0) * p_in * (std::pow(p_out / p_in, e) - 1.0);
}

double pressurePowerRatio(double p1_gauge, double p2_gauge, int stages, double p_atm) {
  return isentropicSpecificWork(p_atm, p_atm + p2_gauge, stages) /
         isentropicSpecificWork(p_atm, p_atm + p1_gauge, stages);
}

double pressurePowerRatioRuleOfThumb(double p1_gauge, double p2_gauge) {
  return 1.0 + kPowerIncreasePerPascal * (p2_gauge - p1_gauge);
}

double orificeLeakFlow(double diameter, double p_gauge, double cd, double temperature,
                       double p_atm) {
  const double k = kAirHeatCapacityRatio;
  const double p0 = p_atm + p_gauge;
  // Choked only above the critical ratio ((k+1)/2)^(k/(k-1)) = 1.893; below it the orifice
  // equation for subsonic flow applies.
  const double area = 0.25 * units::pi * diameter * diameter;
  const double r = p_atm / p0;
  const double r_crit = std::pow(2.0 / (k + 1.0), k / (k - 1.0));
  double mass_flux_factor;  // mdot / (A p0 / sqrt(R T0))
  if (r <= r_crit) {
    mass_flux_factor = std::sqrt(k) * std::pow(2.0 / (k + 1.0), (k + 1.0) / (2.0 * (k - 1.0)));
  } else {
    mass_flux_factor =
        std::sqrt(2.0 * k / (k - 1.0) * (std::pow(r, 2.0 / k) - std::pow(r, (k + 1.0) / k)));
  }
  const double mdot = cd * area * p0 / std::sqrt(kAirGasConstant * temperature) * mass_flux_factor;
  const double free_air_density = p_atm / (kAirGasConstant * temperature);
  return mdot / free_air_density;
}

LeakCost leakCost(double leak_flow, double specific_power, double duration,
                  double price_per_joule) {
  LeakCost out;
  out.power = leak_flow * specific_power;
  out.energy = out.power * duration;
  out.cost = out.energy * price_per_joule;
  return out;
}

std::optional<double> gb19153SpecificPowerLimit(CompressorKind kind, double motor_rated_power,
                                                int grade, double discharge_pressure,
                                                Cooling cooling) {
  const double kw = motor_rated_power / 1e3;
  const double mpa = discharge_pressure / 1e6;
  int column = -1;
  for (int i = 0; i < static_cast<int>(kGbPressuresMpa.size()); ++i) {
    if (std::abs(kGbPressuresMpa[i] - mpa) <= 1e-9) column = i;
  }
  if (column < 0) return std::nullopt;
  for (const GbRow& row : kGb19153Rows) {
    if (row.kind != kind || row.grade != grade || row.cooling != cooling) continue;
    if (std::abs(row.motor_kw - kw) > 1e-9 * row.motor_kw) continue;
    const double v = row.kw_per_m3min[column];
    if (std::isnan(v)) return std::nullopt;
    return v * kKwPerM3PerMin;
  }
  return std::nullopt;
}

std::optional<int> gb19153Grade(CompressorKind kind, double motor_rated_power,
                                double discharge_pressure, Cooling cooling, double specific_power) {
  std::array<double, 3> limits{};
  for (int g = 1; g <= 3; ++g) {
    const auto lim =
        gb19153SpecificPowerLimit(kind, motor_rated_power, g, discharge_pressure, cooling);
    if (!lim) return std::nullopt;
    limits[g - 1] = *lim;
  }
  for (int g = 1; g <= 3; ++g) {
    if (specific_power <= limits[g - 1] * (1.0 + 1e-12)) return g;
  }
  return 4;
}

std::string_view gb19153Coverage() {
  return "GB 19153-2019 specific power limits are typed in only for a partial transcription: "
         "oil-injected rotary fixed speed (Table 1) 1.5, 2.2, 3, 450, 500, 560 kW and variable "
         "speed (Table 2) 3, 4, 5.5, 7.5 kW, at 0.3/0.5/0.7/0.8/1.0/1.25 MPa, air-cooled (and "
         "liquid-cooled for 450-560 kW), with some cells missing; other ratings are not covered";
}

}  // namespace physics
