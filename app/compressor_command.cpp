// `parktwin compressor`: the air-compressor model of physics/air_compressor.h as a calculator:
// power at a demand by control mode, leak cost, the effect of a lower discharge pressure and the
// GB 19153-2019 grade. Bad input (an unknown control mode, a demand above the rated flow...) is an
// InputError (exit 2) naming the flag. A rating outside the partial GB 19153 table is not an
// error: the grade is reported as "not covered" with the coverage.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/commands.h"
#include "app/flags.h"
#include "physics/air_compressor.h"
#include "physics/units.h"
#include "twin/base/error.h"
#include "twin/base/text.h"
#include "twin/parkfile/quantity.h"

namespace twin::cli {
namespace {

namespace u = physics::units;

constexpr double kM3PerMin = 1.0 / u::minute;
constexpr double kMPa = 1e6;

constexpr std::string_view kControlNames[] = {"load-unload", "modulation", "vsd"};

physics::CompressorControl controlMode(const std::string& name) {
  for (size_t i = 0; i < std::size(kControlNames); ++i) {
    if (kControlNames[i] == name) return static_cast<physics::CompressorControl>(i);
  }
  throw InputError("--control: expected load-unload, modulation or vsd, got " + quote(name));
}

// The flags in SI, checked, in the order they are checked.
struct CompressorInput {
  double rated_flow = 0.0;  // m3/s free air delivery
  double power = 0.0;       // W at full load
  double pressure = 0.0;    // Pa gauge
  physics::CompressorControl control{};
  double demand = 0.0;       // m3/s
  double leak = 0.0;         // m3/s
  double motor_power = 0.0;  // W, for GB 19153
  AnnualFlags annual;
};

CompressorInput compressorInput(const CompressorRequest& r) {
  CompressorInput in;
  in.rated_flow = quantityFlag("--rated-flow", r.rated_flow, Dimension::kVolumeFlow);
  if (!(in.rated_flow > 0.0)) {
    throw InputError("--rated-flow: expected a flow above 0, got " + quote(r.rated_flow));
  }
  in.power = quantityFlag("--power", r.power, Dimension::kPower);
  if (!(in.power > 0.0)) {
    throw InputError("--power: expected a power above 0, got " + quote(r.power));
  }
  in.pressure = quantityFlag("--pressure", r.pressure, Dimension::kPressure);
  if (!(in.pressure > 0.0) || in.pressure > 10 * kMPa) {
    throw InputError(
        "--pressure: expected a gauge discharge pressure above 0 and at most 10 MPa, "
        "got " +
        quote(r.pressure));
  }
  in.control = controlMode(r.control);
  in.demand = flowOrShare("--demand", r.demand, in.rated_flow, "rated flow");
  if (in.demand < 0.0 || in.demand > in.rated_flow * (1.0 + 1e-12)) {
    throw InputError("--demand: expected 0 to the rated flow (" +
                     formatNumber(in.rated_flow / kM3PerMin) + " m3/min), got " + quote(r.demand));
  }
  in.leak = r.leak.empty() ? 0.0 : flowOrShare("--leak", r.leak, in.demand, "demand");
  if (in.leak < 0.0 || in.leak > in.demand * (1.0 + 1e-12)) {
    throw InputError("--leak: expected 0 to the demand (" + formatNumber(in.demand / kM3PerMin) +
                     " m3/min), got " + quote(r.leak));
  }
  in.motor_power = r.motor_power.empty()
                       ? in.power
                       : quantityFlag("--motor-power", r.motor_power, Dimension::kPower);
  if (!(in.motor_power > 0.0)) {
    throw InputError("--motor-power: expected a power above 0, got " + quote(r.motor_power));
  }
  in.annual = annualFlags(r.hours, r.price);
  return in;
}

// The operating point at the demand, with the full-load keys of the output.
nlohmann::ordered_json demandJson(const CompressorRequest& r, const CompressorInput& in,
                                  const physics::CompressorPoint& at) {
  nlohmann::ordered_json j;
  j["control"] = r.control;
  j["rated_flow_m3_min"] = in.rated_flow / kM3PerMin;
  j["full_load_power_kw"] = in.power / u::kW;
  j["rated_pressure_mpa_gauge"] = in.pressure / kMPa;
  j["full_load_specific_power_kw_per_m3_min"] = in.power / in.rated_flow / physics::kKwPerM3PerMin;
  j["demand_m3_min"] = in.demand / kM3PerMin;
  j["load_fraction"] = at.load_fraction;
  j["power_kw"] = at.input_power / u::kW;
  if (in.demand > 0.0) {
    j["specific_power_kw_per_m3_min"] = at.specific_power / physics::kKwPerM3PerMin;
  } else {
    j["specific_power_kw_per_m3_min"] = nullptr;
  }
  return j;
}

// Leaks: their share of the demand carries the same share of the power (average specific
// power); repairing them saves what the control mode gives back at the lower demand.
struct LeakEffect {
  double share = 0.0;  // of the demand
  physics::LeakCost cost;
  double repair_saving = 0.0;  // W
};

LeakEffect leakEffect(const physics::Compressor& c, const CompressorInput& in,
                      const physics::CompressorPoint& at) {
  const double duration = in.annual.duration.value_or(0.0);
  const double price = in.annual.price.value_or(0.0);
  LeakEffect out;
  out.share = in.demand > 0.0 ? in.leak / in.demand : 0.0;
  out.cost = physics::leakCost(in.leak, at.specific_power, duration, price);
  const physics::CompressorPoint repaired = physics::compressorAtDemand(c, in.demand - in.leak);
  out.repair_saving = at.input_power - repaired.input_power;
  return out;
}

void addLeakAndAnnualJson(nlohmann::ordered_json& j, const CompressorInput& in,
                          const physics::CompressorPoint& at, const LeakEffect& leak) {
  const double duration = in.annual.duration.value_or(0.0);
  const double price = in.annual.price.value_or(0.0);
  j["leak_flow_m3_min"] = in.leak / kM3PerMin;
  j["leak_share_pct"] = leak.share / u::pct;
  j["leak_power_kw"] = leak.cost.power / u::kW;
  j["leak_repair_saving_kw"] = leak.repair_saving / u::kW;
  if (in.annual.duration) {
    j["hours_h"] = duration / u::hour;
    j["energy_kwh"] = at.input_power * duration / u::kWh;
    j["leak_energy_kwh"] = leak.cost.energy / u::kWh;
  }
  if (in.annual.price) {
    j["price_cny_per_kwh"] = price * u::kWh;
    j["cost_cny"] = at.input_power * duration * price;
    j["leak_cost_cny"] = leak.cost.cost;
  }
}

// 0.1 MPa lower discharge pressure at the same demand (isentropic work ratio); null when the
// pressure is not above 0.1 MPa.
nlohmann::ordered_json lowerPressureJson(const CompressorRequest& r, const physics::Compressor& c,
                                         const CompressorInput& in,
                                         const physics::CompressorPoint& at) {
  nlohmann::ordered_json lower = nullptr;
  if (!(in.pressure > 0.1 * kMPa)) return lower;
  const double duration = in.annual.duration.value_or(0.0);
  const double price = in.annual.price.value_or(0.0);
  const double p2 = in.pressure - 0.1 * kMPa;
  const physics::CompressorPoint low = physics::compressorAtDemand(c, in.demand, p2);
  const double saving = at.input_power - low.input_power;
  lower = nlohmann::ordered_json::object();
  lower["pressure_mpa_gauge"] = p2 / kMPa;
  lower["power_kw"] = low.input_power / u::kW;
  lower["saving_kw"] = saving / u::kW;
  lower["saving_pct"] = at.input_power > 0.0 ? saving / at.input_power / u::pct : 0.0;
  lower["full_load_saving_pct"] =
      (1.0 - physics::pressurePowerRatio(in.pressure, p2, r.stages)) / u::pct;
  lower["rule_of_thumb_saving_pct"] =
      (1.0 - physics::pressurePowerRatioRuleOfThumb(in.pressure, p2)) / u::pct;
  if (in.annual.duration) lower["annual_saving_kwh"] = saving * duration / u::kWh;
  if (in.annual.price) lower["annual_saving_cny"] = saving * duration * price;
  return lower;
}

// GB 19153-2019 grades the package's specific power at rated (full-load) conditions; the grade
// is null where the partial table does not cover the rating.
void addGradeJson(nlohmann::ordered_json& j, const CompressorRequest& r,
                  const CompressorInput& in) {
  const auto kind = in.control == physics::CompressorControl::kVariableSpeed
                        ? physics::CompressorKind::kVariableSpeed
                        : physics::CompressorKind::kFixedSpeed;
  const auto cooling =
      r.cooling == "liquid" ? physics::Cooling::kLiquidCooled : physics::Cooling::kAirCooled;
  const std::optional<int> grade =
      physics::gb19153Grade(kind, in.motor_power, in.pressure, cooling, in.power / in.rated_flow);
  j["gb19153_motor_power_kw"] = in.motor_power / u::kW;
  j["gb19153_cooling"] = r.cooling;
  if (grade) {
    j["gb19153_grade"] = *grade;
    j["gb19153_status"] = *grade <= 3 ? "grade " + std::to_string(*grade) : "worse than grade 3";
    nlohmann::ordered_json limits = nlohmann::ordered_json::array();
    for (int g = 1; g <= 3; ++g) {
      limits.push_back(
          *physics::gb19153SpecificPowerLimit(kind, in.motor_power, g, in.pressure, cooling) /
          physics::kKwPerM3PerMin);
    }
    j["gb19153_limits_kw_per_m3_min"] = limits;
  } else {
    j["gb19153_grade"] = nullptr;
    j["gb19153_status"] = "not covered";
  }
  j["gb19153_coverage"] = physics::gb19153Coverage();
}

void printCompressor(const CompressorRequest& r, const CompressorInput& in,
                     const physics::CompressorPoint& at, const LeakEffect& leak,
                     const nlohmann::ordered_json& j) {
  const double duration = in.annual.duration.value_or(0.0);
  const double price = in.annual.price.value_or(0.0);
  std::printf(
      "%s compressor, %g m3/min FAD, %g kW at %g MPa gauge (%.3f kW/(m3/min) at full load)\n",
      r.control.c_str(), in.rated_flow / kM3PerMin, in.power / u::kW, in.pressure / kMPa,
      in.power / in.rated_flow / physics::kKwPerM3PerMin);
  std::printf("at %g m3/min (%.1f %% load): %.3f kW", in.demand / kM3PerMin, at.load_fraction * 100,
              at.input_power / u::kW);
  if (in.demand > 0.0) {
    std::printf(", specific power %.3f kW/(m3/min)", at.specific_power / physics::kKwPerM3PerMin);
  }
  std::printf("\n");
  if (in.annual.duration) {
    std::printf("  over %g h: %.0f kWh", duration / u::hour, at.input_power * duration / u::kWh);
    if (in.annual.price) std::printf(", %.0f CNY", at.input_power * duration * price);
    std::printf("\n");
  }
  if (in.leak > 0.0) {
    std::printf("leaks %g m3/min (%.1f %% of demand): %.3f kW of the power", in.leak / kM3PerMin,
                leak.share / u::pct, leak.cost.power / u::kW);
    if (in.annual.duration) std::printf(", %.0f kWh", leak.cost.energy / u::kWh);
    if (in.annual.price) std::printf(", %.0f CNY", leak.cost.cost);
    std::printf("; repairing them saves %.3f kW with %s control\n", leak.repair_saving / u::kW,
                r.control.c_str());
  }
  const nlohmann::ordered_json& lower = j["lower_pressure"];
  if (!lower.is_null()) {
    std::printf("at %g MPa gauge: %.3f kW, saving %.3f kW (%.1f %%; rule of thumb %.1f %%)\n",
                lower["pressure_mpa_gauge"].get<double>(), lower["power_kw"].get<double>(),
                lower["saving_kw"].get<double>(), lower["saving_pct"].get<double>(),
                lower["rule_of_thumb_saving_pct"].get<double>());
  }
  if (!j["gb19153_grade"].is_null()) {
    std::printf("GB 19153-2019 (%g kW motor, %s-cooled): %s\n", in.motor_power / u::kW,
                r.cooling.c_str(), j["gb19153_status"].get<std::string>().c_str());
  } else {
    std::printf("GB 19153-2019 (%g kW motor, %s-cooled): not covered (%s)\n",
                in.motor_power / u::kW, r.cooling.c_str(),
                std::string(physics::gb19153Coverage()).c_str());
  }
}

}  // namespace

int compressorCommand(const CompressorRequest& r) {
  const CompressorInput in = compressorInput(r);
  physics::Compressor c;
  c.rated_flow = in.rated_flow;
  c.full_load_power = in.power;
  c.rated_pressure = in.pressure;
  c.control = in.control;
  c.stages = r.stages;
  const physics::CompressorPoint at = physics::compressorAtDemand(c, in.demand);
  if (!at.ok) throw InputError(std::string("--demand: ") + at.reason);

  nlohmann::ordered_json j = demandJson(r, in, at);
  const LeakEffect leak = leakEffect(c, in, at);
  addLeakAndAnnualJson(j, in, at, leak);
  j["lower_pressure"] = lowerPressureJson(r, c, in, at);
  addGradeJson(j, r, in);
  if (r.json) {
    std::cout << j.dump(2) << '\n';
    return 0;
  }
  printCompressor(r, in, at, leak, j);
  return 0;
}

}  // namespace twin::cli
