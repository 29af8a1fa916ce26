// Typical days and energy flows of a run for `parktwin report` (report_data.h).
#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "app/report_data.h"
#include "twin/base/calendar.h"

namespace twin::cli {
namespace {

// Equipment kinds as the report names them: motors by their machine, loads by their kind.
std::string motorKind(const Motor& m) { return std::string(kDrivenKindNames[size_t(m.driven)]); }
std::string loadKind(const Load& l) { return std::string(kLoadKindNames[size_t(l.kind)]); }

const std::map<std::string, std::array<const char*, 2>> kLabels = {
    {"pump", {"Pumps", "泵"}},
    {"fan", {"Fans", "风机"}},
    {"air_compressor", {"Air compressors", "空压机"}},
    {"conveyor", {"Conveyors", "输送机"}},
    {"machine_tool", {"Machine tools", "机床"}},
    {"mixer", {"Mixers", "搅拌机"}},
    {"lighting", {"Lighting", "照明"}},
    {"hvac", {"HVAC", "暖通空调"}},
    {"plug", {"Plug loads", "插座负荷"}},
    {"process", {"Process loads", "工艺负荷"}},
    {"ev_charger", {"EV chargers", "充电桩"}},
    {"ev", {"EV charging", "电动汽车充电"}},
    {"other", {"Other", "其他"}},
    {"grid", {"Grid import", "电网购电"}},
    {"pv", {"PV", "光伏发电"}},
    {"battery", {"Battery discharge", "储能放电"}},
    {"network", {"Park network", "园区配电网"}},
    {"losses", {"Network losses", "网损"}},
    {"export", {"Export", "上网电量"}},
};

std::string label(const std::string& key, bool zh) {
  const auto it = kLabels.find(key);
  return it == kLabels.end() ? key : it->second[zh ? 1 : 0];
}

bool hasSeries(const ScenarioResults& run, const std::string& kind, const std::string& field) {
  for (const SeriesListing& s : run.series) {
    if (s.kind == kind && s.field == field) return true;
  }
  return false;
}

// Per step: the demand of each equipment kind, kW (motors and loads where the file keeps them,
// else the park's demand as "other").
std::map<std::string, std::vector<double>> demandByKind(SeriesSums& sums, const ReportRun& run,
                                                        const ScenarioResults& listed,
                                                        size_t steps) {
  std::map<std::string, std::vector<double>> out;
  // Each kind's columns summed per step. A kind of both motors and loads ("other") adds the loads'
  // sum onto the motors' (column by column before the sums were kept: the same up to rounding).
  auto add = [&](const std::string& kind, const std::string& field, const DemandGrouping& g) {
    for (const auto& [k, v] : sums.byGroup(run.name, kind, field, g.groups, steps)) {
      std::vector<double>& total = out[k];
      if (total.empty()) {
        total = v;
      } else {
        for (size_t i = 0; i < v.size(); ++i) total[i] += v[i];
      }
    }
  };
  const bool per_equipment =
      hasSeries(listed, "motor", "input_power_kW") && hasSeries(listed, "load", "power_kW");
  for (const DemandGrouping& g : demandGroupings(run.model)) {
    const std::string kind(kSeries[g.series].kind), field(kSeries[g.series].field);
    const bool whole_park = g.series == kParkDemand;
    const bool wanted = per_equipment ? !whole_park : whole_park;
    if (wanted && hasSeries(listed, kind, field)) add(kind, field, g);
  }
  return out;
}

const std::array<const char*, 4> kSeasons = {"winter", "spring", "summer", "autumn"};

// Dec-Feb winter, Mar-May spring, Jun-Aug summer, Sep-Nov autumn.
size_t seasonOf(int month) { return static_cast<size_t>((month % 12) / 3); }

}  // namespace

std::vector<DemandGrouping> demandGroupings(const ParkModel& model) {
  std::vector<std::string> motors, loads;
  for (const Motor& m : model.motors) motors.push_back(motorKind(m));
  for (const Load& l : model.loads) loads.push_back(loadKind(l));
  return {{kMotorInputPower, motors},
          {kLoadPower, loads},
          {kParkEvPower, {"ev"}},
          {kParkDemand, {"other"}}};
}

Json profilesJson(SeriesSums& stored, const ReportRun& run, const ResultsSummary& summary,
                  bool zh) {
  const ScenarioResults& listed = runListing(summary, run.name);
  const std::vector<int64_t>& times = stored.times();
  const auto per_day = static_cast<size_t>(86400 / summary.step_s);
  std::map<std::string, std::vector<double>> series =
      demandByKind(stored, run, listed, times.size());
  const std::vector<std::string> kinds = [&] {
    std::vector<std::string> k;
    for (const auto& [key, v] : series) k.push_back(key);
    return k;
  }();
  for (const char* name : {"pv_kW", "storage_kW", "grid_import_kW"}) {
    series[name] = stored.series(run.name, "park", name).values;
  }
  // sums[season x day type][series][step of day], days[season x day type]
  std::vector<std::map<std::string, std::vector<double>>> sums(8);
  std::vector<std::vector<double>> days(8, std::vector<double>(per_day, 0.0));
  for (size_t k = 0; k < times.size(); ++k) {
    const long day = localDayOf(times[k], summary.utc_offset_s);
    const int weekday = static_cast<int>(((day % 7) + 10) % 7);  // 0 Monday (1970-01-01: Thu)
    const size_t group = 2 * seasonOf(civilDate(day).month) + (weekday >= 5 ? 1 : 0);
    const size_t step =
        static_cast<size_t>(secondsIntoLocalDay(times[k], summary.utc_offset_s) / summary.step_s) %
        per_day;
    days[group][step] += 1;
    for (const auto& [key, v] : series) {
      std::vector<double>& s = sums[group][key];
      s.resize(per_day, 0.0);
      s[step] += v[k];
    }
  }
  Json out = Json::array();
  for (size_t g = 0; g < 8; ++g) {
    if (days[g][0] == 0) continue;
    auto mean = [&](const std::string& key) {
      Json values = Json::array();
      for (size_t s = 0; s < per_day; ++s)
        values.push_back(sums[g][key][s] / std::max(1.0, days[g][s]));
      return values;
    };
    Json hours = Json::array(), demand = Json::object(), labels = Json::object();
    for (size_t s = 0; s < per_day; ++s) hours.push_back(double(s * size_t(summary.step_s)) / 3600);
    for (const std::string& k : kinds) demand[k] = mean(k), labels[k] = label(k, zh);
    out.push_back({{"scenario", run.name},
                   {"season", kSeasons[g / 2]},
                   {"day", g % 2 ? "weekend" : "workday"},
                   {"hours", hours},
                   {"demand_kw", demand},
                   {"labels", labels},
                   {"pv_kw", mean("pv_kW")},
                   {"battery_kw", mean("storage_kW")},
                   {"grid_kw", mean("grid_import_kW")}});
  }
  return out;
}

Json sankeyJson(SeriesSums& sums, const ReportRun& run, const ResultsSummary& summary, bool zh) {
  const ScenarioResults& listed = runListing(summary, run.name);
  const auto kpi = [&](const char* name) { return storedKpi(listed.total, name); };
  Json nodes = Json::array(), links = Json::array();
  auto node = [&](const std::string& id, const std::string& text, int column) {
    nodes.push_back({{"id", id}, {"label", text}, {"column", column}});
  };
  auto link = [&](const std::string& from, const std::string& to, double kwh) {
    if (kwh > 0) links.push_back({{"source", from}, {"target", to}, {"kwh", kwh}});
  };
  for (const char* key : {"grid", "pv", "battery"}) node(key, label(key, zh), 0);
  node("network", label("network", zh), 1);
  link("grid", "network", kpi("grid_import_kWh"));
  link("pv", "network", kpi("pv_kWh"));
  link("battery", "network", kpi("storage_discharge_kWh"));
  // Each building's motors and loads by kind, where the file keeps them.
  std::map<std::pair<int, std::string>, double> by_building;
  if (hasSeries(listed, "motor", "input_power_kW") && hasSeries(listed, "load", "power_kW")) {
    const std::vector<double>& motors = sums.energies(run.name, "motor", "input_power_kW");
    const std::vector<double>& loads = sums.energies(run.name, "load", "power_kW");
    for (size_t i = 0; i < motors.size() && i < run.model.motors.size(); ++i) {
      const Motor& m = run.model.motors[i];
      by_building[{m.building, motorKind(m)}] += motors[i];
    }
    for (size_t i = 0; i < loads.size() && i < run.model.loads.size(); ++i) {
      const Load& l = run.model.loads[i];
      by_building[{l.building, loadKind(l)}] += loads[i];
    }
  }
  std::map<int, double> building_total;
  std::map<std::string, bool> kinds;
  for (const auto& [key, kwh] : by_building) building_total[key.first] += kwh, kinds[key.second];
  for (const auto& [b, kwh] : building_total) {
    const Building& building = run.model.buildings[static_cast<size_t>(b)];
    node("building:" + building.id, shownName(building.name, building.name_zh, zh), 2);
    link("network", "building:" + building.id, kwh);
  }
  for (const char* key : {"ev", "losses", "export"}) node(key, label(key, zh), 2);
  link("network", "ev", kpi("ev_charging_kWh"));
  link("network", "losses", kpi("network_losses_kWh"));
  link("network", "export", kpi("grid_export_kWh"));
  for (const auto& [kind, unused] : kinds) node("kind:" + kind, label(kind, zh), 3);
  for (const auto& [key, kwh] : by_building) {
    link("building:" + run.model.buildings[static_cast<size_t>(key.first)].id, "kind:" + key.second,
         kwh);
  }
  return {{"scenario", run.name}, {"nodes", nodes}, {"links", links}};
}

}  // namespace twin::cli
