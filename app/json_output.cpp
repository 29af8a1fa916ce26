#include "app/json_output.h"

#include <cmath>

#include "physics/units.h"
#include "twin/base/calendar.h"
#include "twin/base/iso_time.h"

namespace twin::cli {
namespace {

size_t chargerCount(const ParkModel& m) {
  size_t chargers = 0;
  for (const EvChargerGroup& g : m.ev_chargers) chargers += static_cast<size_t>(g.chargers);
  return chargers;
}

// The PV arrays of a model: what each fitted ("install wherever possible") or was given.
nlohmann::ordered_json pvJson(const ParkModel& m) {
  namespace u = physics::units;
  nlohmann::ordered_json arrays = nlohmann::ordered_json::array();
  for (const PvArray& a : m.pv) {
    nlohmann::ordered_json j;
    j["id"] = a.id;
    j["surface"] = kPvSurfaceNames[static_cast<size_t>(a.surface)];
    j["building"] = a.building >= 0 ? m.buildings[static_cast<size_t>(a.building)].id : "";
    j["bus"] = m.network.buses[static_cast<size_t>(a.bus)].id;
    j["dc_kwp"] = a.dc_capacity / u::kWp;
    j["ac_kw"] = a.dc_capacity / a.dc_ac_ratio / u::kW;
    j["modules"] = a.filled ? a.modules.size() : 0;
    j["module_area_m2"] = a.module_area;
    j["filled"] = a.filled;
    j["spots_left_for_shade"] = a.spots_left_for_shade;
    j["tilt_deg"] = a.tilt / u::deg;
    j["azimuth_deg"] = a.azimuth / u::deg;
    arrays.push_back(j);
  }
  return arrays;
}

// Counts of the model's buildings, network, motors and loads, by kind.
nlohmann::ordered_json equipmentJson(const ParkModel& m) {
  nlohmann::ordered_json j;
  j["buildings"] = m.buildings.size();
  j["buses"] = m.network.buses.size();
  j["cables"] = m.network.cables.size();
  j["transformers"] = m.network.transformers.size();
  j["motors"] = m.motors.size();
  size_t compressors = 0;
  nlohmann::ordered_json by_kind = nlohmann::ordered_json::object();
  for (std::string_view name : kDrivenKindNames) by_kind[std::string(name)] = 0;
  for (const Motor& motor : m.motors) {
    auto& n = by_kind[std::string(kDrivenKindNames[static_cast<int>(motor.driven)])];
    n = n.get<size_t>() + 1;
    compressors += motor.driven == DrivenKind::kAirCompressor ? 1 : 0;
  }
  j["compressors"] = compressors;
  j["equipment_by_kind"] = by_kind;
  nlohmann::ordered_json loads = nlohmann::ordered_json::object();
  for (std::string_view name : kLoadKindNames) loads[std::string(name)] = 0;
  for (const Load& l : m.loads) {
    auto& n = loads[std::string(kLoadKindNames[static_cast<int>(l.kind)])];
    n = n.get<size_t>() + 1;
  }
  j["loads"] = m.loads.size();
  j["loads_by_kind"] = loads;
  return j;
}

// What a results file's /model holds: the counts above, batteries, EV chargers and PV arrays.
nlohmann::ordered_json storedModelJson(const ParkModel& m) {
  nlohmann::ordered_json j = equipmentJson(m);
  j["batteries"] = m.storage.size();
  j["ev_chargers"] = chargerCount(m);
  j["pv"] = pvJson(m);
  return j;
}

}  // namespace

nlohmann::ordered_json measuresJson(const std::vector<Measure>& measures) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Measure& m : measures) {
    out.push_back({{"kind", kMeasureKindNames[size_t(m.kind)]},
                   {"name", m.name},
                   {"line", m.line},
                   {"ids", m.ids},
                   {"size", m.size / sizeUnitSi(m.basis)},
                   {"size_unit", kCostBasisUnits[size_t(m.basis)]},
                   {"capex_cny", m.cost.capex},
                   {"subsidy_cny", m.cost.subsidy},
                   {"om_cny", m.cost.annual_om},
                   {"lifetime_years", m.cost.lifetime_years},
                   {"salvage_cny", m.cost.salvage}});
  }
  return out;
}

nlohmann::ordered_json parkInfoJson(const ParkSource& source, const CompiledPark& park) {
  const ParkModel& m = park.baseline;
  nlohmann::ordered_json j;
  j["type"] = "park";
  j["file"] = source.path;
  j["sha256"] = source.sha256;
  j["site"] = {{"name", m.site.name},
               {"latitude_deg", m.site.latitude_deg},
               {"longitude_deg", m.site.longitude_deg}};
  j["period"] = {{"start", formatDate(m.simulation.start_day)},
                 {"end", formatDate(m.simulation.end_day)},
                 {"step_s", m.simulation.step_s}};
  j.update(equipmentJson(m));
  j["schedules"] = m.schedules.size();
  j["batteries"] = m.storage.size();
  j["ev_chargers"] = chargerCount(m);
  j["dr_events"] = m.demand_response.events.size();
  nlohmann::ordered_json scenarios = nlohmann::ordered_json::array();
  j["weather"] = m.weather.hourly ? m.weather.hourly->source : "";
  j["pv"] = pvJson(m);
  for (size_t i = 0; i < park.specs.size(); ++i) {
    scenarios.push_back({{"name", park.specs[i].name},
                         {"description", park.specs[i].description},
                         {"pv", pvJson(park.scenarios[i])},
                         {"measures", measuresJson(park.scenarios[i].measures)}});
  }
  j["scenarios"] = scenarios;
  j["warnings"] = park.warnings;
  return j;
}

nlohmann::ordered_json resultsInfoJson(const std::string& path, const ResultsSummary& s) {
  nlohmann::ordered_json j;
  j["type"] = "results";
  j["tool_version"] = s.tool_version;
  j["created_utc"] = s.created_utc;
  j["command_line"] = s.command_line;
  j["park_sha256"] = s.park_sha256;
  j["period"] = {{"start", formatIsoTime(s.first_time, s.utc_offset_s)},
                 {"end", formatIsoTime(s.first_time + s.steps * s.step_s, s.utc_offset_s)},
                 {"step_s", s.step_s},
                 {"steps", s.steps}};
  nlohmann::ordered_json scenarios = nlohmann::ordered_json::array();
  for (const ScenarioResults& sc : s.scenarios) {
    nlohmann::ordered_json entry;
    entry["name"] = sc.name;
    entry["description"] = sc.description;
    nlohmann::ordered_json kpi = nlohmann::ordered_json::object();
    for (const KpiValue& k : sc.total) kpi[k.name] = k.value;
    entry["kpi"] = kpi;
    const ParkModel model = readStoredModel(path, sc.name);
    entry["model"] = storedModelJson(model);
    entry["measures"] = measuresJson(model.measures);
    nlohmann::ordered_json series = nlohmann::ordered_json::array();
    const std::string prefix =
        sc.name == "baseline" ? "/series/" : "/scenarios/" + sc.name + "/series/";
    for (const SeriesListing& l : sc.series) {
      series.push_back(
          {{"path", prefix + l.kind + "/" + l.field}, {"units", l.units}, {"columns", l.columns}});
    }
    entry["series"] = series;
    scenarios.push_back(entry);
  }
  j["scenarios"] = scenarios;
  return j;
}

nlohmann::ordered_json numberOrNull(double v) {
  return std::isnan(v) ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v);
}

}  // namespace twin::cli
