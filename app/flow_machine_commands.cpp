// `parktwin pump` and `parktwin fan`: the turbomachine model of physics/pump_fan.h as a
// calculator of throttling against speed control at a duty. Bad input (a negative head, a duty
// flow beyond the full-speed operating point...) is an InputError (exit 2) naming the flag and
// what was expected. `parktwin compressor`: app/compressor_command.cpp.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "app/flags.h"
#include "physics/pump_fan.h"
#include "physics/units.h"
#include "twin/base/error.h"
#include "twin/base/text.h"
#include "twin/parkfile/quantity.h"

namespace twin::cli {
namespace {

namespace u = physics::units;

constexpr double kM3PerHour = 1.0 / u::hour;

// An efficiency above 0 and at most 100 %.
double efficiencyFlag(std::string_view flag, const std::string& text) {
  const double eta = quantityFlag(flag, text, Dimension::kFraction);
  if (!(eta > 0.0) || eta >= 1.0) {
    throw InputError(std::string(flag) + ": expected an efficiency above 0 and below 100 %, got " +
                     quote(text));
  }
  return eta;
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

// The flags of a pump or fan in SI, checked, in the order they are checked.
struct FlowMachineInput {
  bool pump = true;
  double to_display = 1.0;  // Pa per displayed unit: rho g for a head in m, 1 for Pa
  std::string p_key;        // "head_m" or "pressure_pa"
  double flow = 0.0;        // m3/s, design (BEP)
  double design = 0.0;      // displayed unit, design head or pressure
  double eta = 0.0;         // machine efficiency at the BEP
  double stat = 0.0;        // displayed unit, static head or pressure
  double duty = 0.0;        // m3/s
  double motor_eta = 0.0;   // 0 for none (shaft power only)
  AnnualFlags annual;
};

FlowMachineInput flowMachineInput(const FlowMachineRequest& r, const MachineTerms& t) {
  FlowMachineInput in;
  in.pump = t.dimension == Dimension::kLength;
  in.to_display = in.pump ? physics::headToPressure(1.0, r.density) : 1.0;
  in.p_key = std::string(t.word) + "_" + t.key_unit;

  in.flow = quantityFlag("--flow", r.flow, Dimension::kVolumeFlow);
  if (!(in.flow > 0.0)) throw InputError("--flow: expected a flow above 0, got " + quote(r.flow));
  in.design = quantityFlag(t.pressure_flag, r.pressure, t.dimension);
  if (!(in.design > 0.0)) {
    throw InputError(std::string(t.pressure_flag) + ": expected a " + t.word + " above 0 " +
                     t.unit + ", got " + quote(r.pressure));
  }
  in.eta = efficiencyFlag("--efficiency", r.efficiency);
  in.stat =
      r.static_pressure.empty() ? 0.0 : quantityFlag(t.static_flag, r.static_pressure, t.dimension);
  if (in.stat < 0.0 || in.stat > in.design) {
    throw InputError(std::string(t.static_flag) + ": expected 0 to the design " + t.word + " (" +
                     formatNumber(in.design) + " " + t.unit + "), got " + quote(r.static_pressure));
  }
  in.duty = flowOrShare("--duty-flow", r.duty_flow, in.flow, "design flow");
  // The system curve goes through the design point, so the full-speed operating point is the
  // design flow: more is beyond what the machine delivers into this system.
  if (!(in.duty > 0.0) || in.duty > in.flow * (1.0 + 1e-12)) {
    throw InputError("--duty-flow: expected above 0 and at most the design flow (" +
                     formatNumber(in.flow / kM3PerHour) +
                     " m3/h, the full-speed operating point on this system curve), got " +
                     quote(r.duty_flow));
  }
  in.motor_eta =
      r.motor_efficiency.empty() ? 0.0 : efficiencyFlag("--motor-efficiency", r.motor_efficiency);
  in.annual = annualFlags(r.hours, r.price);
  return in;
}

// Throttling against speed control at the duty, and the savings.
struct FlowMachineResult {
  physics::DutyComparison cmp;
  double design_shaft = 0.0;  // W
  double saving_pct = 0.0;    // of the throttled shaft power
  double saving = 0.0;        // W, input power with a motor, else shaft power
};

FlowMachineResult compareAtDuty(const FlowMachineRequest& r, const FlowMachineInput& in) {
  const physics::TurboMachine machine{in.flow, in.design * in.to_display, in.eta, r.shutoff_ratio};
  const physics::SystemCurve system =
      physics::systemCurveThrough(in.stat * in.to_display, in.flow, in.design * in.to_display);
  FlowMachineResult out;
  out.cmp = physics::compareThrottlingAndSpeedControl(machine, system, in.duty);
  if (!out.cmp.ok) throw InputError(std::string("--duty-flow: ") + out.cmp.reason);
  out.design_shaft = in.flow * in.design * in.to_display / in.eta;
  out.saving_pct = out.cmp.power_saving / out.cmp.throttled.shaft_power / u::pct;
  out.saving = in.motor_eta > 0.0 ? out.cmp.power_saving / in.motor_eta : out.cmp.power_saving;
  return out;
}

nlohmann::ordered_json flowMachineJson(const FlowMachineRequest& r, const MachineTerms& t,
                                       const FlowMachineInput& in, const FlowMachineResult& out) {
  const std::string& p_key = in.p_key;
  const physics::DutyComparison& cmp = out.cmp;
  const bool with_motor = in.motor_eta > 0.0;
  nlohmann::ordered_json j;
  j["machine"] = t.machine;
  j["model"] = "quadratic machine curve through the BEP (shut-off " +
               formatNumber(r.shutoff_ratio) + " x BEP " + t.word +
               "), efficiency eta_bep (2x - x^2) with x = Q / (n Q_bep), affinity "
               "laws; system curve static + k Q^2 through the design point";
  nlohmann::ordered_json d;
  d["flow_m3_h"] = in.flow / kM3PerHour;
  d[p_key] = in.design;
  d["efficiency_pct"] = in.eta / u::pct;
  d["shaft_power_kw"] = out.design_shaft / u::kW;
  d[std::string("shutoff_") + p_key] = r.shutoff_ratio * in.design;
  if (in.pump) d["density_kg_m3"] = r.density;
  j["design"] = d;
  j[std::string("static_") + p_key] = in.stat;
  j["duty_flow_m3_h"] = in.duty / kM3PerHour;
  j["duty_flow_pct"] = in.duty / in.flow / u::pct;
  j[std::string("system_") + p_key] = cmp.system_pressure / in.to_display;
  nlohmann::ordered_json thr = nlohmann::ordered_json::object();
  addMachinePoint(thr, cmp.throttled, p_key, in.to_display, in.motor_eta);
  j["throttling"] = thr;
  j[std::string("throttle_") + t.word + "_loss_" + t.key_unit] =
      cmp.throttle_pressure / in.to_display;
  nlohmann::ordered_json vsd = nlohmann::ordered_json::object();
  vsd["speed_ratio"] = cmp.speed_ratio;
  addMachinePoint(vsd, cmp.speed_controlled, p_key, in.to_display, in.motor_eta);
  j["speed_control"] = vsd;
  j["saving_kw"] = cmp.power_saving / u::kW;
  j["saving_pct"] = out.saving_pct;
  if (with_motor) {
    j["motor_efficiency_pct"] = in.motor_eta / u::pct;
    j["input_saving_kw"] = out.saving / u::kW;
  }
  if (in.annual.duration) {
    j["hours_h"] = *in.annual.duration / u::hour;
    j["annual_saving_basis"] = with_motor ? "input" : "shaft";
    j["annual_saving_kwh"] = out.saving * *in.annual.duration / u::kWh;
  }
  if (in.annual.price) {
    j["price_cny_per_kwh"] = *in.annual.price * u::kWh;
    j["annual_saving_cny"] = out.saving * *in.annual.duration * *in.annual.price;
  }
  return j;
}

void printFlowMachine(const MachineTerms& t, const FlowMachineInput& in,
                      const FlowMachineResult& out) {
  const physics::DutyComparison& cmp = out.cmp;
  const bool with_motor = in.motor_eta > 0.0;
  std::printf("%s design (BEP): %g m3/h at %g %s, efficiency %.1f %%, shaft power %.3f kW\n",
              t.machine, in.flow / kM3PerHour, in.design, t.unit, in.eta / u::pct,
              out.design_shaft / u::kW);
  std::printf("system curve: static %g %s + k Q^2 through the design point\n", in.stat, t.unit);
  std::printf("duty %.6g m3/h (%.1f %% of design): the system needs %.4g %s\n",
              in.duty / kM3PerHour, in.duty / in.flow / u::pct, cmp.system_pressure / in.to_display,
              t.unit);
  std::printf("%-16s %8s %10s %8s %14s%s\n", "", "speed", t.word, "eff %", "shaft kW",
              with_motor ? "       input kW" : "");
  const auto row = [&](const char* name, double speed, const physics::OperatingPoint& p) {
    std::printf("%-16s %8.4f %10.4g %8.2f %14.3f", name, speed, p.pressure / in.to_display,
                p.efficiency / u::pct, p.shaft_power / u::kW);
    if (with_motor) std::printf(" %14.3f", p.shaft_power / in.motor_eta / u::kW);
    std::printf("\n");
  };
  row("throttling", 1.0, cmp.throttled);
  row("speed control", cmp.speed_ratio, cmp.speed_controlled);
  std::printf("the %s burns %.4g %s; speed control saves %.3f kW shaft (%.1f %%)", t.throttle,
              cmp.throttle_pressure / in.to_display, t.unit, cmp.power_saving / u::kW,
              out.saving_pct);
  if (with_motor) std::printf(", %.3f kW input", out.saving / u::kW);
  std::printf("\n");
  if (in.annual.duration) {
    std::printf("over %g h a year: %.0f kWh (%s)", *in.annual.duration / u::hour,
                out.saving * *in.annual.duration / u::kWh, with_motor ? "input" : "shaft");
    if (in.annual.price) {
      std::printf(", %.0f CNY", out.saving * *in.annual.duration * *in.annual.price);
    }
    std::printf("\n");
  }
}

int flowMachineCommand(const FlowMachineRequest& r, const MachineTerms& t) {
  const FlowMachineInput in = flowMachineInput(r, t);
  const FlowMachineResult out = compareAtDuty(r, in);
  if (r.json) {
    std::cout << flowMachineJson(r, t, in, out).dump(2) << '\n';
    return 0;
  }
  printFlowMachine(t, in, out);
  return 0;
}

}  // namespace

int pumpCommand(const FlowMachineRequest& r) { return flowMachineCommand(r, kPumpTerms); }

int fanCommand(const FlowMachineRequest& r) { return flowMachineCommand(r, kFanTerms); }

}  // namespace twin::cli
