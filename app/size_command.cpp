// `parktwin size`: the energy and power of a scenario's battery searched over simulated years
// (twin/sweep/battery_sizing.h), ranked by NPV, payback or CO2, printed as a table of every size
// tried, or as JSON.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "app/commands.h"
#include "app/flags.h"
#include "app/size_results.h"
#include "twin/base/error.h"
#include "twin/base/text.h"
#include "twin/economics/appraisal_fields.h"
#include "twin/model/compile_park.h"
#include "twin/sweep/battery_sizing.h"

namespace twin::cli {
namespace {

namespace u = physics::units;

// "MIN..MAX" as two quantities of the dimension, 0 <= MIN <= MAX <= limit (SI).
sweep::SizeRange parseRange(std::string_view flag, const std::string& text, Dimension dimension,
                            double limit, std::string_view unit) {
  const size_t dots = text.find("..");
  if (dots == std::string::npos) {
    throw InputError(std::string(flag) + ": expected a range MIN..MAX with units (e.g. \"0 " +
                     std::string(unit) + "..3000 " + std::string(unit) + "\"), got " + quote(text));
  }
  const sweep::SizeRange r{quantityFlag(flag, text.substr(0, dots), dimension),
                           quantityFlag(flag, text.substr(dots + 2), dimension)};
  if (!(r.min >= 0.0 && r.min <= r.max && r.max <= limit)) {
    throw InputError(std::string(flag) + ": expected 0 <= MIN <= MAX <= " +
                     formatNumber(limit / (unit == "kWh" ? u::kWh : u::kW)) + " " +
                     std::string(unit) + ", got " + quote(text));
  }
  return r;
}

bool addsBattery(const ParkModel& m) {
  return std::any_of(m.measures.begin(), m.measures.end(),
                     [](const Measure& x) { return x.kind == MeasureKind::kBattery; });
}

// The scenario named (or the only one whose measures add a battery).
const ParkModel& chooseScenario(const CompiledPark& park, const SizeRequest& r) {
  std::vector<const ParkModel*> candidates;
  for (const ParkModel& m : park.scenarios) {
    if (r.scenario.empty() ? addsBattery(m) : m.scenario == r.scenario) candidates.push_back(&m);
  }
  if (!r.scenario.empty() && candidates.empty()) {
    throw InputError("--scenario: unknown scenario \"" + r.scenario + "\" in " + r.park_path);
  }
  if (candidates.size() != 1) {
    throw InputError(r.park_path +
                     ": expected --scenario naming the scenario whose battery to "
                     "size (" +
                     std::to_string(candidates.size()) + " scenarios add a battery measure)");
  }
  const ParkModel& m = *candidates.front();
  if (!addsBattery(m) || m.has_investment) {
    throw InputError(
        "--scenario: expected a scenario whose `kind: battery` measure adds the "
        "battery and prices it (no stated `investment:`), but \"" +
        m.scenario + "\" " +
        (m.has_investment ? "states its investment" : "has no battery measure"));
  }
  return m;
}

// The index of the battery to size in the scenario: --battery, or the one its measure adds.
size_t chooseBattery(const ParkModel& m, const std::string& id) {
  std::vector<std::string> added;
  for (const Measure& x : m.measures) {
    if (x.kind == MeasureKind::kBattery) added.insert(added.end(), x.ids.begin(), x.ids.end());
  }
  const std::string wanted = id.empty() && added.size() == 1 ? added.front() : id;
  for (size_t b = 0; b < m.storage.size(); ++b) {
    if (m.storage[b].id == wanted && std::count(added.begin(), added.end(), wanted)) return b;
  }
  std::string list;
  for (const std::string& a : added) list += (list.empty() ? "" : ", ") + a;
  throw InputError("--battery: expected one of the batteries the scenario's measures add (" + list +
                   "), got " + quote(id));
}

// The PV arrays the scenario's pv measures add that --pv names ("all": every one of them).
std::vector<std::string> choosePvOptions(const ParkModel& m, const std::string& flag) {
  if (flag.empty()) return {};
  std::vector<std::string> added;
  for (const Measure& x : m.measures) {
    if (x.kind == MeasureKind::kPv) added.insert(added.end(), x.ids.begin(), x.ids.end());
  }
  if (flag == "all" && added.empty()) {
    throw InputError("--pv: the scenario's measures add no PV array");
  }
  std::vector<std::string> out = flag == "all" ? added : std::vector<std::string>{};
  for (const std::string& id : flag == "all" ? std::vector<std::string>{} : split(flag, ',')) {
    if (std::count(added.begin(), added.end(), id) == 0) {
      throw InputError(
          "--pv: expected \"all\" or ids of the PV arrays the scenario's measures add" +
          (added.empty() ? std::string(" (it adds none)") : " (" + join(added, ", ") + ")") +
          ", got " + quote(id));
    }
    if (std::count(out.begin(), out.end(), id) == 0) out.push_back(id);
  }
  for (const Measure& x : m.measures) {
    const bool listed = std::any_of(x.ids.begin(), x.ids.end(), [&](const std::string& id) {
      return std::count(out.begin(), out.end(), id) > 0;
    });
    const CostSpec& s = x.spec;
    if (listed && x.ids.size() > 1 && (s.capex || s.om || s.subsidy || s.salvage)) {
      throw InputError("--pv: measure \"" + x.name + "\" (line " + std::to_string(x.line) +
                       ") states its cost as a whole (capex, om, subsidy or salvage), so leaving "
                       "out one of its arrays would not change its price; expected its cost per "
                       "kWp (unit_cost) or each array in a measure of its own");
    }
  }
  return out;
}

nlohmann::ordered_json pointJson(const sweep::SizingCase& c, const sweep::SizingPoint& p) {
  nlohmann::ordered_json j{{"energy_kWh", p.energy / u::kWh},
                           {"power_kW", p.power / u::kW},
                           {"round", p.round},
                           {"cost_CNY", p.kpis.total.cost()},
                           {"peak_demand_kW", p.kpis.total.peak_demand / u::kW},
                           {"storage_discharge_kWh", p.kpis.total.storage_discharge / u::kWh}};
  if (!c.pv_options.empty()) j["pv"] = sweep::installedPv(c, p);
  for (const economics::AppraisalField& f : economics::kAppraisalFields) {
    const std::optional<double> v = f.get(p.appraisal);
    j[std::string(f.json)] = v ? nlohmann::ordered_json(*v / f.json_si) : nullptr;
  }
  return j;
}

std::string optional(const std::optional<double>& v, double unit, int decimals) {
  return v ? fmt::format("{:.{}f}", *v / unit, decimals) : "-";
}

void printText(const sweep::SizingCase& c, const sweep::SizingResult& res,
               const std::string& what) {
  std::cout << what << ": " << res.points.size() << " sizes, from the highest NPV\n"
            << fmt::format("  {:>10} {:>9} {:>5} {:>12} {:>11} {:>12} {:>9} {:>10}\n", "energy",
                           "power", "round", "NPV", "investment", "savings/a", "payback",
                           "CO2 saved")
            << fmt::format("  {:>10} {:>9} {:>5} {:>12} {:>11} {:>12} {:>9} {:>10}\n", "[kWh]",
                           "[kW]", "", "[kCNY]", "[kCNY]", "[kCNY]", "[a]", "[t/a]");
  std::vector<size_t> order(res.points.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return res.points[a].appraisal.npv > res.points[b].appraisal.npv;
  });
  for (const size_t i : order) {
    const sweep::SizingPoint& p = res.points[i];
    const economics::Appraisal& a = p.appraisal;
    std::cout << fmt::format(
        "{} {:>10.0f} {:>9.0f} {:>5} {:>12.1f} {:>11.1f} {:>12.1f} {:>9} {:>10.1f}{}\n",
        i == res.best ? '*' : ' ', p.energy / u::kWh, p.power / u::kW, p.round, a.npv / 1e3,
        a.investment / 1e3, a.annual_savings / 1e3, optional(a.simple_payback, 1.0, 1),
        a.co2_avoided / 1e3, c.pv_options.empty() ? "" : "  PV: " + sweep::pvLabel(c, p));
  }
}

// A best size at the top of a range that is not a single value may lie beyond it.
void warnAtEdge(const char* flag, double value, const sweep::SizeRange& range) {
  if (range.max > range.min && value >= range.max) {
    std::cerr << "warning: the best size is at the top of " << flag
              << ": a larger one may be better still; widen the range\n";
  }
}

}  // namespace

int sizeCommand(const SizeRequest& r) {
  const ParkSource source = loadParkSource(r.park_path);
  const CompiledPark park = compilePark(source);
  if (!r.output.empty()) checkOutputPath(r.output, r.park_path);
  const auto objective = std::find(sweep::kSizingObjectiveNames.begin(),
                                   sweep::kSizingObjectiveNames.end(), r.objective);
  if (objective == sweep::kSizingObjectiveNames.end()) {
    throw InputError("--objective: expected npv, payback or co2, got " + quote(r.objective));
  }
  const ParkModel& model = chooseScenario(park, r);
  sweep::SizingCase c;
  c.baseline = &park.baseline;
  c.model = &model;
  c.battery = chooseBattery(model, r.battery);
  c.pv_options = choosePvOptions(model, r.pv);
  c.grid = makeTimeGrid(park.baseline, parsePeriodFlags(r.period));
  c.energy = parseRange("--battery-energy", r.energy, Dimension::kEnergy, 1000 * u::MWh, "kWh");
  c.power = parseRange("--battery-power", r.power, Dimension::kPower, 100 * u::MW, "kW");
  c.objective =
      static_cast<sweep::SizingObjective>(objective - sweep::kSizingObjectiveNames.begin());
  std::optional<SizingResults> file;
  if (!r.output.empty()) {
    file.emplace(r.output, r.command_line, source, c.grid);
    c.baseline_kpis = file->runBaseline(park.baseline);
  }
  const sweep::SizingResult res = sweep::sizeBattery(c);
  if (file) file->finish(park, c, res);
  const std::string what = "battery \"" + model.storage[c.battery].id + "\" of scenario \"" +
                           model.scenario + "\", by " + r.objective;
  if (r.json) {
    nlohmann::ordered_json j{{"park", r.park_path},
                             {"scenario", model.scenario},
                             {"battery", model.storage[c.battery].id},
                             {"objective", r.objective},
                             {"best", pointJson(c, res.points[res.best])},
                             {"points", nlohmann::ordered_json::array()}};
    for (const sweep::SizingPoint& p : res.points) j["points"].push_back(pointJson(c, p));
    std::cout << j.dump(2) << '\n';
    return 0;
  }
  printText(c, res, what);
  const sweep::SizingPoint& best = res.points[res.best];
  std::cout << fmt::format(
      "best: {:.0f} kWh, {:.0f} kW{}: NPV {:.1f} kCNY, payback {} a\n", best.energy / u::kWh,
      best.power / u::kW, c.pv_options.empty() ? "" : ", PV " + sweep::pvLabel(c, best),
      best.appraisal.npv / 1e3, optional(best.appraisal.simple_payback, 1.0, 1));
  warnAtEdge("--battery-energy", best.energy, c.energy);
  warnAtEdge("--battery-power", best.power, c.power);
  if (!r.output.empty()) {
    std::cout << "results: " << r.output << " (the best as scenario " << sizeName(res.best)
              << "; parktwin compare lists every size)\n";
  }
  return 0;
}

}  // namespace twin::cli
