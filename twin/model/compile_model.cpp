#include "twin/model/compile_model.h"

#include <algorithm>

#include "physics/units.h"
#include "twin/base/calendar.h"
#include "twin/base/text.h"
#include "twin/model/compile_context.h"
#include "twin/model/time_grid.h"

namespace twin {
namespace {

namespace u = physics::units;

constexpr QuantityField kElevation{"elevation", Dimension::kLength, -500, 9000, false, "m", u::m};
constexpr QuantityField kStep{"step", Dimension::kDuration, 60, 3600, false, "min", u::minute};
constexpr QuantityField kEmissionFactor{
    "grid_factor", Dimension::kEmissionFactor, 0, 3 * u::kg / u::kWh, false, "kg/kWh",
    u::kg / u::kWh};
// Shanghai's default for purchased electricity, 4.2 t CO2 per 10^4 kWh (沪环气〔2022〕34号).
constexpr double kShanghaiGridFactor = 0.42 * u::kg / u::kWh;

void compileSite(const Node& root, CompileContext& c) {
  const Node* site = c.r.required(root, "site", "");
  if (!site || !c.r.expectMap(*site, "site")) return;
  c.r.checkKeys(*site, {"name", "name_zh", "latitude", "longitude", "utc_offset", "elevation"},
                "site");
  Site& s = c.model.site;
  s.name = c.r.text(*site, "name", "site", true).value_or("");
  s.name_zh = c.r.text(*site, "name_zh", "site", false).value_or("");
  constexpr QuantityField kLat{"latitude", Dimension::kDimensionless, -90, 90, false, "deg", 1};
  constexpr QuantityField kLon{"longitude", Dimension::kDimensionless, -180, 180, false, "deg", 1};
  s.latitude_deg = c.r.quantity(*site, kLat, "site", true).value_or(0.0);
  s.longitude_deg = c.r.quantity(*site, kLon, "site", true).value_or(0.0);
  s.elevation = c.r.quantity(*site, kElevation, "site", false).value_or(0.0);
  if (std::optional<std::string> offset = c.r.text(*site, "utc_offset", "site", true)) {
    const std::string& t = *offset;
    std::optional<int> clock =
        (t.size() == 6 && (t[0] == '+' || t[0] == '-')) ? parseClock(t.substr(1)) : std::nullopt;
    if (!clock || *clock > 14 * 60) {
      c.r.error(site->find("utc_offset")->loc, "site.utc_offset",
                "expected an offset \"+HH:MM\" or \"-HH:MM\" up to 14:00, got " + quote(t));
    } else {
      s.utc_offset_s = (t[0] == '-' ? -1 : 1) * *clock * 60;
    }
  }
}

void compileSimulation(const Node& root, CompileContext& c) {
  const Node* sim = c.r.required(root, "simulation", "");
  if (!sim || !c.r.expectMap(*sim, "simulation")) return;
  c.r.checkKeys(*sim, {"start", "end", "step"}, "simulation");
  SimulationSettings& s = c.model.simulation;
  const std::optional<long> start = c.r.date(*sim, "start", "simulation", true);
  const std::optional<long> end = c.r.date(*sim, "end", "simulation", true);
  if (start && end && *end <= *start) {
    c.r.error(sim->find("end")->loc, "simulation.end",
              "expected a date after simulation.start, got " + quote(sim->find("end")->scalar));
  } else if (start && end && *end - *start > kMaxPeriodDays) {
    c.r.error(sim->find("end")->loc, "simulation.end",
              "expected " + std::string(kMaxPeriodRule) + " after simulation.start, got " +
                  quote(sim->find("end")->scalar) + " (" + std::to_string(*end - *start) +
                  " days)");
  }
  s.start_day = start.value_or(0);
  s.end_day = end.value_or(1);
  if (std::optional<double> step = c.r.quantity(*sim, kStep, "simulation", true)) {
    if (!isValidStep(*step)) {
      c.r.error(sim->find("step")->loc, "simulation.step",
                "expected " + std::string(kStepRule) + ", got " + quote(sim->find("step")->scalar));
    } else {
      s.step_s = static_cast<int>(*step);
    }
  }
}

std::vector<long> readDates(const Node& calendar, std::string_view key, CompileContext& c) {
  std::vector<long> days;
  const Node* list = calendar.find(key);
  const std::string path = keyPath("calendar", key);
  if (!list || !c.r.expectSequence(*list, path)) return days;
  for (size_t i = 0; i < list->items.size(); ++i) {
    if (std::optional<long> d = c.r.date(list->items[i], indexPath(path, i))) days.push_back(*d);
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

void compileCalendar(const Node& root, CompileContext& c) {
  const Node* calendar = root.find("calendar");
  if (!calendar || !c.r.expectMap(*calendar, "calendar")) return;
  c.r.checkKeys(*calendar, {"holidays", "workdays"}, "calendar");
  c.model.calendar.holidays = readDates(*calendar, "holidays", c);
  c.model.calendar.workdays = readDates(*calendar, "workdays", c);
}

void compileEmissions(const Node& root, CompileContext& c) {
  c.model.grid_emission_factor = kShanghaiGridFactor;
  const Node* emissions = root.find("emissions");
  if (!emissions || !c.r.expectMap(*emissions, "emissions")) return;
  c.r.checkKeys(*emissions, {"grid_factor"}, "emissions");
  if (std::optional<double> f = c.r.quantity(*emissions, kEmissionFactor, "emissions", false)) {
    c.model.grid_emission_factor = *f;
  }
}

}  // namespace

std::string CompileContext::entryId(const Node& entry, const std::string& path) {
  std::string id = r.id(entry, "id", path).value_or("");
  if (!id.empty()) claimId(id, entry.find("id")->loc, keyPath(path, "id"));
  return id;
}

bool CompileContext::claimId(const std::string& id, const SourceLoc& loc, const std::string& path) {
  auto [it, inserted] = ids.emplace(id, loc);
  if (!inserted) {
    r.error(loc, path,
            "duplicate id \"" + id + "\" (first defined at " + it->second.file + ":" +
                std::to_string(it->second.line) + ":" + std::to_string(it->second.column) + ")");
  }
  return inserted;
}

std::optional<int> CompileContext::reference(const Node& map, std::string_view key,
                                             const std::unordered_map<std::string, int>& table,
                                             std::string_view what, const std::string& path) {
  const std::optional<std::string> name = r.text(map, key, path, true);
  if (!name) return std::nullopt;
  auto it = table.find(*name);
  if (it == table.end()) {
    r.error(map.find(key)->loc, keyPath(path, key),
            "unknown " + std::string(what) + " \"" + *name + "\" (no " + std::string(what) +
                " has that id)");
    return std::nullopt;
  }
  return it->second;
}

ParkModel compileModel(const Node& root, const std::string& park_dir, Diagnostics& diagnostics,
                       WeatherCache& weather_cache) {
  ParkModel model;
  FieldReader reader(diagnostics);
  if (!reader.expectMap(root, "")) return model;
  CompileContext c{reader, model, {}, {}, {}, {}, {}, weather_cache};
  reader.checkKeys(
      root, {"schema",     "site",        "simulation",      "weather",    "calendar",  "schedules",
             "buildings",  "network",     "equipment",       "loads",      "obstacles", "pv",
             "storage",    "ev_charging", "demand_response", "tariff",     "emissions", "economics",
             "investment", "scenarios",   "presentation",    "uncertainty"},
      "");
  reader.integer(root, "schema", 1, 1, "", true);
  compileSite(root, c);
  compileSimulation(root, c);
  compileWeather(root, park_dir, c);
  compileCalendar(root, c);
  compileSchedules(root, c);
  compileBuildings(root, c);
  compileObstacles(root, c);
  compileNetwork(root, c);
  compileEquipment(root, c);
  compileLoads(root, c);
  compilePv(root, c);
  compileStorage(root, c);
  compileEvCharging(root, c);
  compileDemandResponse(root, c);
  compileTariff(root, c);
  compileEmissions(root, c);
  compileEconomics(root, c);
  compileUncertainty(root, park_dir, c);
  compileInvestment(root, c);
  compilePresentation(root, c);
  return model;
}

}  // namespace twin
