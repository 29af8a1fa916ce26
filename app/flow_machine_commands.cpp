// `parktwin pump`, `parktwin fan` and `parktwin compressor`: the flow-machine models of
// physics/pump_fan.h and physics/air_compressor.h as calculators. Bad input (a negative head, a
// duty flow beyond the full-speed operating point, an unknown control mode...) is an InputError
// (exit 2) naming the flag and what was expected. A compressor rating outside the partial
// GB 19153 table is not an error: the grade is reported as "not covered" with the coverage.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "app/flags.h"
#include "physics/air_compressor.h"
#include "physics/pump_fan.h"
#include "physics/units.h"
#include "twin/base/error.h"
#include "twin/base/text.h"
#include "twin/parkfile/quantity.h"

namespace twin::cli {
namespace {

namespace u = physics::units;

constexpr double kM3PerHour = 1.0 / u::hour;
constexpr double kM3PerMin = 1.0 / u::minute;
constexpr double kMPa = 1e6;

// A flow given either as a share of a reference flow ("70%", "0.7") or as a volume flow.
double flowOrShare(std::string_view flag, const std::string& text, double reference,
                   std::string_view reference_name) {
  const QuantityResult share = parseQuantity(text, Dimension::kFraction);
  if (const double* v = std::get_if<double>(&share)) return *v * reference;
  const QuantityResult flow = parseQuantity(text, Dimension::kVolumeFlow);
  if (const double* v = std::get_if<double>(&flow)) return *v;
  throw InputError(std::string(flag) + ": expected a volume flow (e.g. \"" +
                   std::string(dimensionExample(Dimension::kVolumeFlow)) +
                   "\") or a share of the " + std::string(reference_name) +
                   " (e.g. \"70 %\"), got " + quote(text));
}

// An efficiency above 0 and at most 100 %.
double efficiencyFlag(std::string_view flag, const std::string& text) {
  const double eta = quantityFlag(flag, text, Dimension::kFraction);
  if (!(eta > 0.0) || eta >= 1.0) {
    throw InputError(std::string(flag) + ": expected an efficiency above 0 and below 100 %, got " +
                     quote(text));
  }
  return eta;
}

// Running hours and energy price; price needs hours. Hours: a duration within a year.
struct AnnualFlags {
  std::optional<double> duration;  // s
  std::optional<double> price;     // currency per J
};

AnnualFlags annualFlags(const std::string& hours, const std::string& price) {
  AnnualFlags out;
  if (!hours.empty()) {
    const double d = quantityFlag("--hours", hours, Dimension::kDuration);
    if (d < 0.0 || d > 8784.0 * u::hour) {
      throw InputError("--hours: expected 0 to 8784 h a year, got " + quote(hours));
    }
    out.duration = d;
  }
  if (!price.empty()) {
    if (!out.duration) throw InputError("--price: needs --hours (the running hours a year)");
    const double p = quantityFlag("--price", price, Dimension::kEnergyPrice);
    if (p < 0.0) throw InputError("--price: expected a price of 0 or more, got " + quote(price));
    out.price = p;
  }
  return out;
}

// How a pump and a fan differ on the command line and in the output: a pump's pressure rise is
// a head in m of liquid (p = rho g H), a fan's a pressure in Pa.
struct MachineTerms {
  const char* machine;        // "pump"
  const char* pressure_flag;  // "--head"
  const char* static_flag;    // "--static-head"
  Dimension dimension;        // of the pressure flags
  const char* word;           // "head" or "pressure", in keys and text
  const char* unit;           // "m" or "Pa", in text
  const char* key_unit;       // "m" or "pa", in keys
  const char* throttle;       // "valve" or "damper"
};

constexpr MachineTerms kPumpTerms{"pump", "--head", "--static-head", Dimension::kLength, "head",
                                  "m",    "m",      "valve"};
constexpr MachineTerms kFanTerms{
    "fan", "--pressure", "--static-pressure", Dimension::kPressure, "pressure", "Pa",
    "pa",  "damper"};

// Adds a machine operating point to j; motor_eta 0 for none.
void addMachinePoint(nlohmann::ordered_json& j, const physics::OperatingPoint& p,
                     const std::string& p_key, double to_display, double motor_eta) {
  j[p_key] = p.pressure / to_display;
  j["efficiency_pct"] = p.efficiency / u::pct;
  j["shaft_power_kw"] = p.shaft_power / u::kW;
  if (motor_eta > 0.0) j["input_power_kw"] = p.shaft_power / motor_eta / u::kW;
}

int flowMachineCommand(const FlowMachineRequest& r, const MachineTerms& t) {
  const bool pump = t.dimension == Dimension::kLength;
  // Pa per displayed unit: rho g for a head in m, 1 for Pa.
  const double to_display = pump ? physics::headToPressure(1.0, r.density) : 1.0;
  const std::string p_key = std::string(t.word) + "_" + t.key_unit;

  const double flow = quantityFlag("--flow", r.flow, Dimension::kVolumeFlow);
  if (!(flow > 0.0)) throw InputError("--flow: expected a flow above 0, got " + quote(r.flow));
  const double design = quantityFlag(t.pressure_flag, r.pressure, t.dimension);
  if (!(design > 0.0)) {
    throw InputError(std::string(t.pressure_flag) + ": expected a " + t.word + " above 0 " +
                     t.unit + ", got " + quote(r.pressure));
  }
  const double eta = efficiencyFlag("--efficiency", r.efficiency);
  const double stat =
      r.static_pressure.empty() ? 0.0 : quantityFlag(t.static_flag, r.static_pressure, t.dimension);
  if (stat < 0.0 || stat > design) {
    throw InputError(std::string(t.static_flag) + ": expected 0 to the design " + t.word + " (" +
                     formatNumber(design) + " " + t.unit + "), got " + quote(r.static_pressure));
  }
  const double duty = flowOrShare("--duty-flow", r.duty_flow, flow, "design flow");
  // The system curve goes through the design point, so the full-speed operating point is the
  // design flow: more is beyond what the machine delivers into this system.
  if (!(duty > 0.0) || duty > flow * (1.0 + 1e-12)) {
    throw InputError("--duty-flow: expected above 0 and at most the design flow (" +
                     formatNumber(flow / kM3PerHour) +
                     " m3/h, the full-speed operating point on this system curve), got " +
                     quote(r.duty_flow));
  }
  // 0 for none (shaft power only).
  const double motor_eta =
      r.motor_efficiency.empty() ? 0.0 : efficiencyFlag("--motor-efficiency", r.motor_efficiency);
  const bool with_motor = motor_eta > 0.0;
  const AnnualFlags annual = annualFlags(r.hours, r.price);

  const physics::TurboMachine machine{flow, design * to_display, eta, r.shutoff_ratio};
  const physics::SystemCurve system =
      physics::systemCurveThrough(stat * to_display, flow, design * to_display);
  const physics::DutyComparison cmp =
      physics::compareThrottlingAndSpeedControl(machine, system, duty);
  if (!cmp.ok) throw InputError(std::string("--duty-flow: ") + cmp.reason);
  const double design_shaft = flow * design * to_display / eta;
  const double saving_pct = cmp.power_saving / cmp.throttled.shaft_power / u::pct;
  const double saving = with_motor ? cmp.power_saving / motor_eta : cmp.power_saving;

  nlohmann::ordered_json j;
  j["machine"] = t.machine;
  j["model"] = "quadratic machine curve through the BEP (shut-off " +
               formatNumber(r.shutoff_ratio) + " x BEP " + t.word +
               "), efficiency eta_bep (2x - x^2) with x = Q / (n Q_bep), affinity "
               "laws; system curve static + k Q^2 through the design point";
  nlohmann::ordered_json d;
  d["flow_m3_h"] = flow / kM3PerHour;
  d[p_key] = design;
  d["efficiency_pct"] = eta / u::pct;
  d["shaft_power_kw"] = design_shaft / u::kW;
  d[std::string("shutoff_") + p_key] = r.shutoff_ratio * design;
  if (pump) d["density_kg_m3"] = r.density;
  j["design"] = d;
  j[std::string("static_") + p_key] = stat;
  j["duty_flow_m3_h"] = duty / kM3PerHour;
  j["duty_flow_pct"] = duty / flow / u::pct;
  j[std::string("system_") + p_key] = cmp.system_pressure / to_display;
  nlohmann::ordered_json thr = nlohmann::ordered_json::object();
  addMachinePoint(thr, cmp.throttled, p_key, to_display, motor_eta);
  j["throttling"] = thr;
  j[std::string("throttle_") + t.word + "_loss_" + t.key_unit] = cmp.throttle_pressure / to_display;
  nlohmann::ordered_json vsd = nlohmann::ordered_json::object();
  vsd["speed_ratio"] = cmp.speed_ratio;
  addMachinePoint(vsd, cmp.speed_controlled, p_key, to_display, motor_eta);
  j["speed_control"] = vsd;
  j["saving_kw"] = cmp.power_saving / u::kW;
  j["saving_pct"] = saving_pct;
  if (with_motor) {
    j["motor_efficiency_pct"] = motor_eta / u::pct;
    j["input_saving_kw"] = saving / u::kW;
  }
  if (annual.duration) {
    j["hours_h"] = *annual.duration / u::hour;
    j["annual_saving_basis"] = with_motor ? "input" : "shaft";
    j["annual_saving_kwh"] = saving * *annual.duration / u::kWh;
  }
  if (annual.price) {
    j["price_cny_per_kwh"] = *annual.price * u::kWh;
    j["annual_saving_cny"] = saving * *annual.duration * *annual.price;
  }
  if (r.json) {
    std::cout << j.dump(2) << '\n';
    return 0;
  }
  std::printf("%s design (BEP): %g m3/h at %g %s, efficiency %.1f %%, shaft power %.3f kW\n",
              t.machine, flow / kM3PerHour, design, t.unit, eta / u::pct, design_shaft / u::kW);
  std::printf("system curve: static %g %s + k Q^2 through the design point\n", stat, t.unit);
  std::printf("duty %.6g m3/h (%.1f %% of design): the system needs %.4g %s\n", duty / kM3PerHour,
              duty / flow / u::pct, cmp.system_pressure / to_display, t.unit);
  std::printf("%-16s %8s %10s %8s %14s%s\n", "", "speed", t.word, "eff %", "shaft kW",
              with_motor ? "       input kW" : "");
  const auto row = [&](const char* name, double speed, const physics::OperatingPoint& p) {
    std::printf("%-16s %8.4f %10.4g %8.2f %14.3f", name, speed, p.pressure / to_display,
                p.efficiency / u::pct, p.shaft_power / u::kW);
    if (with_motor) std::printf(" %14.3f", p.shaft_power / motor_eta / u::kW);
    std::printf("\n");
  };
  row("throttling", 1.0, cmp.throttled);
  row("speed control", cmp.speed_ratio, cmp.speed_controlled);
  std::printf("the %s burns %.4g %s; speed control saves %.3f kW shaft (%.1f %%)", t.throttle,
              cmp.throttle_pressure / to_display, t.unit, cmp.power_saving / u::kW, saving_pct);
  if (with_motor) std::printf(", %.3f kW input", saving / u::kW);
  std::printf("\n");
  if (annual.duration) {
    std::printf("over %g h a year: %.0f kWh (%s)", *annual.duration / u::hour,
                saving * *annual.duration / u::kWh, with_motor ? "input" : "shaft");
    if (annual.price) std::printf(", %.0f CNY", saving * *annual.duration * *annual.price);
    std::printf("\n");
  }
  return 0;
}

constexpr std::string_view kControlNames[] = {"load-unload", "modulation", "vsd"};

physics::CompressorControl controlMode(const std::string& name) {
  for (size_t i = 0; i < std::size(kControlNames); ++i) {
    if (kControlNames[i] == name) return static_cast<physics::CompressorControl>(i);
  }
  throw InputError("--control: expected load-unload, modulation or vsd, got " + quote(name));
}

}  // namespace

int pumpCommand(const FlowMachineRequest& r) { return flowMachineCommand(r, kPumpTerms); }

int fanCommand(const FlowMachineRequest& r) { return flowMachineCommand(r, kFanTerms); }

int compressorCommand(const CompressorRequest& r) {
  const double rated_flow = quantityFlag("--rated-flow", r.rated_flow, Dimension::kVolumeFlow);
  if (!(rated_flow > 0.0)) {
    throw InputError("--rated-flow: expected a flow above 0, got " + quote(r.rated_flow));
  }
  const double power = quantityFlag("--power", r.power, Dimension::kPower);
  if (!(power > 0.0)) throw InputError("--power: expected a power above 0, got " + quote(r.power));
  const double pressure = quantityFlag("--pressure", r.pressure, Dimension::kPressure);
  if (!(pressure > 0.0) || pressure > 10 * kMPa) {
    throw InputError(
        "--pressure: expected a gauge discharge pressure above 0 and at most 10 MPa, "
        "got " +
        quote(r.pressure));
  }
  const physics::CompressorControl control = controlMode(r.control);
  const double demand = flowOrShare("--demand", r.demand, rated_flow, "rated flow");
  if (demand < 0.0 || demand > rated_flow * (1.0 + 1e-12)) {
    throw InputError("--demand: expected 0 to the rated flow (" +
                     formatNumber(rated_flow / kM3PerMin) + " m3/min), got " + quote(r.demand));
  }
  const double leak = r.leak.empty() ? 0.0 : flowOrShare("--leak", r.leak, demand, "demand");
  if (leak < 0.0 || leak > demand * (1.0 + 1e-12)) {
    throw InputError("--leak: expected 0 to the demand (" + formatNumber(demand / kM3PerMin) +
                     " m3/min), got " + quote(r.leak));
  }
  const double motor_power = r.motor_power.empty()
                                 ? power
                                 : quantityFlag("--motor-power", r.motor_power, Dimension::kPower);
  if (!(motor_power > 0.0)) {
    throw InputError("--motor-power: expected a power above 0, got " + quote(r.motor_power));
  }
  const AnnualFlags annual = annualFlags(r.hours, r.price);

  physics::Compressor c;
  c.rated_flow = rated_flow;
  c.full_load_power = power;
  c.rated_pressure = pressure;
  c.control = control;
  c.stages = r.stages;
  const physics::CompressorPoint at = physics::compressorAtDemand(c, demand);
  if (!at.ok) throw InputError(std::string("--demand: ") + at.reason);
  const double full_load_specific = power / rated_flow;
  const double duration = annual.duration.value_or(0.0);
  const double price = annual.price.value_or(0.0);

  nlohmann::ordered_json j;
  j["control"] = r.control;
  j["rated_flow_m3_min"] = rated_flow / kM3PerMin;
  j["full_load_power_kw"] = power / u::kW;
  j["rated_pressure_mpa_gauge"] = pressure / kMPa;
  j["full_load_specific_power_kw_per_m3_min"] = full_load_specific / physics::kKwPerM3PerMin;
  j["demand_m3_min"] = demand / kM3PerMin;
  j["load_fraction"] = at.load_fraction;
  j["power_kw"] = at.input_power / u::kW;
  if (demand > 0.0) {
    j["specific_power_kw_per_m3_min"] = at.specific_power / physics::kKwPerM3PerMin;
  } else {
    j["specific_power_kw_per_m3_min"] = nullptr;
  }

  // Leaks: their share of the demand carries the same share of the power (average specific
  // power); repairing them saves what the control mode gives back at the lower demand.
  const double leak_share = demand > 0.0 ? leak / demand : 0.0;
  const physics::LeakCost leak_cost = physics::leakCost(leak, at.specific_power, duration, price);
  const physics::CompressorPoint repaired = physics::compressorAtDemand(c, demand - leak);
  const double repair_saving = at.input_power - repaired.input_power;
  j["leak_flow_m3_min"] = leak / kM3PerMin;
  j["leak_share_pct"] = leak_share / u::pct;
  j["leak_power_kw"] = leak_cost.power / u::kW;
  j["leak_repair_saving_kw"] = repair_saving / u::kW;
  if (annual.duration) {
    j["hours_h"] = duration / u::hour;
    j["energy_kwh"] = at.input_power * duration / u::kWh;
    j["leak_energy_kwh"] = leak_cost.energy / u::kWh;
  }
  if (annual.price) {
    j["price_cny_per_kwh"] = price * u::kWh;
    j["cost_cny"] = at.input_power * duration * price;
    j["leak_cost_cny"] = leak_cost.cost;
  }

  // 0.1 MPa lower discharge pressure at the same demand (isentropic work ratio).
  nlohmann::ordered_json lower = nullptr;
  if (pressure > 0.1 * kMPa) {
    const double p2 = pressure - 0.1 * kMPa;
    const physics::CompressorPoint low = physics::compressorAtDemand(c, demand, p2);
    const double saving = at.input_power - low.input_power;
    lower = nlohmann::ordered_json::object();
    lower["pressure_mpa_gauge"] = p2 / kMPa;
    lower["power_kw"] = low.input_power / u::kW;
    lower["saving_kw"] = saving / u::kW;
    lower["saving_pct"] = at.input_power > 0.0 ? saving / at.input_power / u::pct : 0.0;
    lower["full_load_saving_pct"] =
        (1.0 - physics::pressurePowerRatio(pressure, p2, r.stages)) / u::pct;
    lower["rule_of_thumb_saving_pct"] =
        (1.0 - physics::pressurePowerRatioRuleOfThumb(pressure, p2)) / u::pct;
    if (annual.duration) lower["annual_saving_kwh"] = saving * duration / u::kWh;
    if (annual.price) lower["annual_saving_cny"] = saving * duration * price;
  }
  j["lower_pressure"] = lower;

  // GB 19153-2019 grades the package's specific power at rated (full-load) conditions.
  const auto kind = control == physics::CompressorControl::kVariableSpeed
                        ? physics::CompressorKind::kVariableSpeed
                        : physics::CompressorKind::kFixedSpeed;
  const auto cooling =
      r.cooling == "liquid" ? physics::Cooling::kLiquidCooled : physics::Cooling::kAirCooled;
  const std::optional<int> grade =
      physics::gb19153Grade(kind, motor_power, pressure, cooling, full_load_specific);
  j["gb19153_motor_power_kw"] = motor_power / u::kW;
  j["gb19153_cooling"] = r.cooling;
  if (grade) {
    j["gb19153_grade"] = *grade;
    j["gb19153_status"] = *grade <= 3 ? "grade " + std::to_string(*grade) : "worse than grade 3";
    nlohmann::ordered_json limits = nlohmann::ordered_json::array();
    for (int g = 1; g <= 3; ++g) {
      limits.push_back(
          *physics::gb19153SpecificPowerLimit(kind, motor_power, g, pressure, cooling) /
          physics::kKwPerM3PerMin);
    }
    j["gb19153_limits_kw_per_m3_min"] = limits;
  } else {
    j["gb19153_grade"] = nullptr;
    j["gb19153_status"] = "not covered";
  }
  j["gb19153_coverage"] = physics::gb19153Coverage();

  if (r.json) {
    std::cout << j.dump(2) << '\n';
    return 0;
  }
  std::printf(
      "%s compressor, %g m3/min FAD, %g kW at %g MPa gauge (%.3f kW/(m3/min) at full load)\n",
      r.control.c_str(), rated_flow / kM3PerMin, power / u::kW, pressure / kMPa,
      full_load_specific / physics::kKwPerM3PerMin);
  std::printf("at %g m3/min (%.1f %% load): %.3f kW", demand / kM3PerMin, at.load_fraction * 100,
              at.input_power / u::kW);
  if (demand > 0.0) {
    std::printf(", specific power %.3f kW/(m3/min)", at.specific_power / physics::kKwPerM3PerMin);
  }
  std::printf("\n");
  if (annual.duration) {
    std::printf("  over %g h: %.0f kWh", duration / u::hour, at.input_power * duration / u::kWh);
    if (annual.price) std::printf(", %.0f CNY", at.input_power * duration * price);
    std::printf("\n");
  }
  if (leak > 0.0) {
    std::printf("leaks %g m3/min (%.1f %% of demand): %.3f kW of the power", leak / kM3PerMin,
                leak_share / u::pct, leak_cost.power / u::kW);
    if (annual.duration) std::printf(", %.0f kWh", leak_cost.energy / u::kWh);
    if (annual.price) std::printf(", %.0f CNY", leak_cost.cost);
    std::printf("; repairing them saves %.3f kW with %s control\n", repair_saving / u::kW,
                r.control.c_str());
  }
  if (!lower.is_null()) {
    std::printf("at %g MPa gauge: %.3f kW, saving %.3f kW (%.1f %%; rule of thumb %.1f %%)\n",
                lower["pressure_mpa_gauge"].get<double>(), lower["power_kw"].get<double>(),
                lower["saving_kw"].get<double>(), lower["saving_pct"].get<double>(),
                lower["rule_of_thumb_saving_pct"].get<double>());
  }
  if (grade) {
    std::printf("GB 19153-2019 (%g kW motor, %s-cooled): %s\n", motor_power / u::kW,
                r.cooling.c_str(), j["gb19153_status"].get<std::string>().c_str());
  } else {
    std::printf("GB 19153-2019 (%g kW motor, %s-cooled): not covered (%s)\n", motor_power / u::kW,
                r.cooling.c_str(), std::string(physics::gb19153Coverage()).c_str());
  }
  return 0;
}

}  // namespace twin::cli
