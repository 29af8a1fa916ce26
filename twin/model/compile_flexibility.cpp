// Compiles the park's flexible resources: batteries (`storage`), EV charger groups
// (`ev_charging`) and demand-response events (`demand_response`).
#include <algorithm>

#include "physics/units.h"
#include "twin/base/calendar.h"
#include "twin/base/text.h"
#include "twin/model/compile_context.h"

namespace twin {
namespace {

namespace u = physics::units;

constexpr QuantityField kEnergy{"energy", Dimension::kEnergy, 0, 1000 * u::MWh, true, "kWh",
                                u::kWh};
constexpr QuantityField kPower{"power", Dimension::kPower, 0, 100 * u::MW, true, "kW", u::kW};
constexpr QuantityField kEfficiency{"efficiency", Dimension::kFraction, 0.5, 1, false, "%", u::pct};
constexpr QuantityField kSocMin{"soc_min", Dimension::kFraction, 0, 0.9, false, "%", u::pct};
constexpr QuantityField kSocMax{"soc_max", Dimension::kFraction, 0.1, 1, false, "%", u::pct};
constexpr QuantityField kInitialSoc{"initial_soc", Dimension::kFraction, 0, 1, false, "%", u::pct};
constexpr QuantityField kSelfDischarge{
    "self_discharge", Dimension::kFraction, 0, 0.05, false, "% per day", u::pct};
constexpr QuantityField kCycleLife{
    "cycle_life", Dimension::kDimensionless, 100, 100000, false, "", 1};
constexpr QuantityField kChargerPower{
    "charger_power", Dimension::kPower, 0, 1 * u::MW, true, "kW", u::kW};
constexpr QuantityField kSiteLimit{"site_limit", Dimension::kPower, 0, 1000 * u::MW, true, "kW",
                                   u::kW};
constexpr QuantityField kSd{"sd", Dimension::kDuration, 0, 12 * u::hour, false, "h", u::hour};
constexpr QuantityField kDwellMean{"mean", Dimension::kDuration, 0, 24 * u::hour, true, "h",
                                   u::hour};
constexpr QuantityField kEnergyMean{"mean", Dimension::kEnergy, 0, 1 * u::MWh, false, "kWh",
                                    u::kWh};
constexpr QuantityField kEnergySd{"sd", Dimension::kEnergy, 0, 1 * u::MWh, false, "kWh", u::kWh};
constexpr QuantityField kSessionEnergy{"energy", Dimension::kEnergy, 0, 1 * u::MWh, false, "kWh",
                                       u::kWh};
constexpr QuantityField kDuration{"duration", Dimension::kDuration, 0, 24 * u::hour, true, "h",
                                  u::hour};
constexpr QuantityField kRequest{"request", Dimension::kPower, 0, 1000 * u::MW, true, "kW", u::kW};
constexpr QuantityField kRebound{"rebound", Dimension::kDuration, 0, 24 * u::hour, true, "h",
                                 u::hour};

constexpr std::array<std::string_view, kDayTypes> kDayTypeNames = {"workday", "weekend", "holiday"};

// A time of day "HH:MM" under key, in s since midnight.
std::optional<double> clock(const Node& map, std::string_view key, const std::string& path,
                            CompileContext& c) {
  const std::optional<std::string> text = c.r.text(map, key, path, true);
  if (!text) return std::nullopt;
  const std::optional<int> minutes = parseClock(*text);
  if (!minutes) {
    c.r.error(map.find(key)->loc, keyPath(path, key),
              "expected a time of day \"HH:MM\", got " + quote(*text));
    return std::nullopt;
  }
  return *minutes * u::minute;
}

void compileStorageEntry(const Node& n, const std::string& path, CompileContext& c) {
  if (!c.r.expectMap(n, path)) return;
  c.r.checkKeys(n,
                {"id", "name", "bus", "energy", "power", "efficiency", "soc_min", "soc_max",
                 "initial_soc", "self_discharge", "cycle_life", "dispatch"},
                path);
  Storage s;
  s.id = c.entryId(n, path);
  s.name = c.r.text(n, "name", path, false).value_or(s.id);
  s.bus = c.reference(n, "bus", c.buses, "bus", path).value_or(0);
  physics::BatteryRating& r = s.rating;
  r.energy_capacity = c.r.quantity(n, kEnergy, path, true).value_or(1.0);
  r.charge_power = r.discharge_power = c.r.quantity(n, kPower, path, true).value_or(1.0);
  // Default one-way efficiency 95 % (a round trip of 90 %, typical of LFP systems at the AC
  // terminals; a named assumption: give the supplier's figure).
  r.charge_efficiency = r.discharge_efficiency =
      c.r.quantity(n, kEfficiency, path, false).value_or(0.95);
  r.soc_min = c.r.quantity(n, kSocMin, path, false).value_or(0.1);
  r.soc_max = c.r.quantity(n, kSocMax, path, false).value_or(0.95);
  if (!(r.soc_min < r.soc_max)) {
    c.r.error(n.loc, keyPath(path, "soc_min"), "expected soc_min lower than soc_max");
  }
  s.initial_soc = c.r.quantity(n, kInitialSoc, path, false).value_or(0.5);
  r.self_discharge = c.r.quantity(n, kSelfDischarge, path, false).value_or(0.0);
  r.cycle_life = c.r.quantity(n, kCycleLife, path, false).value_or(r.cycle_life);
  if (const Node* d = c.r.required(n, "dispatch", path)) {
    readDispatch(*d, keyPath(path, "dispatch"), c, s);
  }
  c.model.storage.push_back(s);
}

void readArrivals(const Node& n, const std::string& path, CompileContext& c, EvChargerGroup& g) {
  if (!c.r.expectMap(n, path)) return;
  c.r.checkKeys(n, {"per_day", "arrival", "dwell", "energy", "seed"}, path);
  if (const Node* per_day = c.r.required(n, "per_day", path)) {
    const std::string p = keyPath(path, "per_day");
    if (c.r.expectMap(*per_day, p)) {
      c.r.checkKeys(*per_day, {"workday", "weekend", "holiday"}, p);
      for (int t = 0; t < kDayTypes; ++t) {
        const QuantityField f{kDayTypeNames[t], Dimension::kDimensionless, 0, 10000, false, "", 1};
        g.sessions_per_day[t] = c.r.quantity(*per_day, f, p, false).value_or(0.0);
      }
    }
  }
  physics::EvArrivalModel& a = g.arrivals;
  if (const Node* arrival = n.find("arrival")) {
    const std::string p = keyPath(path, "arrival");
    if (c.r.expectMap(*arrival, p)) {
      c.r.checkKeys(*arrival, {"mean", "sd"}, p);
      a.arrival_mean = clock(*arrival, "mean", p, c).value_or(a.arrival_mean);
      a.arrival_sd = c.r.quantity(*arrival, kSd, p, false).value_or(a.arrival_sd);
    }
  }
  // A {mean, sd} map of quantities under key.
  const auto spread = [&](std::string_view key, const QuantityField& mean, double& mean_out,
                          const QuantityField& sd, double& sd_out) {
    const Node* m = n.find(key);
    const std::string p = keyPath(path, key);
    if (!m || !c.r.expectMap(*m, p)) return;
    c.r.checkKeys(*m, {"mean", "sd"}, p);
    mean_out = c.r.quantity(*m, mean, p, false).value_or(mean_out);
    sd_out = c.r.quantity(*m, sd, p, false).value_or(sd_out);
  };
  spread("dwell", kDwellMean, a.dwell_mean, kSd, a.dwell_sd);
  spread("energy", kEnergyMean, a.energy_mean, kEnergySd, a.energy_sd);
  g.seed = static_cast<uint64_t>(c.r.integer(n, "seed", 0, 1L << 62, path, false).value_or(1));
}

void readFixedSessions(const Node& n, const std::string& path, CompileContext& c,
                       EvChargerGroup& g) {
  if (!c.r.expectMap(n, path)) return;
  c.r.checkKeys(n, {"days", "list"}, path);
  if (const Node* days = n.find("days")) {
    g.fixed_days = {false, false, false};
    const std::string p = keyPath(path, "days");
    if (c.r.expectSequence(*days, p)) {
      for (size_t i = 0; i < days->items.size(); ++i) {
        const Node& d = days->items[i];
        const auto it = std::find(kDayTypeNames.begin(), kDayTypeNames.end(), d.scalar);
        if (!d.isScalar() || it == kDayTypeNames.end()) {
          c.r.error(d.loc, indexPath(p, i), "expected workday, weekend or holiday");
          continue;
        }
        g.fixed_days[static_cast<size_t>(it - kDayTypeNames.begin())] = true;
      }
    }
  }
  const Node* list = c.r.required(n, "list", path);
  const std::string lp = keyPath(path, "list");
  if (!list || !c.r.expectSequence(*list, lp)) return;
  for (size_t i = 0; i < list->items.size(); ++i) {
    const Node& e = list->items[i];
    const std::string p = indexPath(lp, i);
    if (!c.r.expectMap(e, p)) continue;
    c.r.checkKeys(e, {"arrival", "departure", "energy"}, p);
    physics::EvSession s;
    s.arrival = clock(e, "arrival", p, c).value_or(0.0);
    s.departure = clock(e, "departure", p, c).value_or(0.0);
    s.energy = c.r.quantity(e, kSessionEnergy, p, true).value_or(0.0);
    s.charger = static_cast<int>(i);
    if (!(s.departure > s.arrival)) {
      c.r.error(e.loc, keyPath(p, "departure"),
                "expected a departure after the arrival (sessions end by midnight)");
    }
    g.fixed.push_back(s);
  }
  if (static_cast<int>(g.fixed.size()) > g.chargers) {
    c.r.error(list->loc, lp,
              "expected at most one session per charger (" + std::to_string(g.chargers) +
                  "), got " + std::to_string(g.fixed.size()));
  }
}

void compileEvEntry(const Node& n, const std::string& path, CompileContext& c) {
  if (!c.r.expectMap(n, path)) return;
  c.r.checkKeys(n,
                {"id", "name", "bus", "chargers", "charger_power", "efficiency", "control",
                 "site_limit", "arrivals", "sessions"},
                path);
  EvChargerGroup g;
  g.id = c.entryId(n, path);
  g.name = c.r.text(n, "name", path, false).value_or(g.id);
  g.bus = c.reference(n, "bus", c.buses, "bus", path).value_or(0);
  g.chargers = static_cast<int>(c.r.integer(n, "chargers", 1, 10000, path, true).value_or(1));
  g.charger_power = c.r.quantity(n, kChargerPower, path, true).value_or(0.0);
  g.efficiency = c.r.quantity(n, kEfficiency, path, false).value_or(g.efficiency);
  g.control = static_cast<physics::ChargingControl>(
      c.r.choice(n, "control", kChargingControlNames, path, false).value_or(0));
  g.site_limit = c.r.quantity(n, kSiteLimit, path, false).value_or(0.0);
  const Node* arrivals = n.find("arrivals");
  const Node* sessions = n.find("sessions");
  if (!arrivals == !sessions) {
    c.r.error(n.loc, path,
              "expected either arrivals (a stochastic session model) or sessions (a fixed "
              "list), not both or neither");
  } else if (arrivals) {
    readArrivals(*arrivals, keyPath(path, "arrivals"), c, g);
  } else {
    g.stochastic = false;
    readFixedSessions(*sessions, keyPath(path, "sessions"), c, g);
  }
  c.model.ev_chargers.push_back(g);
}

void compileEvent(const Node& n, const std::string& path, CompileContext& c) {
  if (!c.r.expectMap(n, path)) return;
  c.r.checkKeys(n, {"id", "date", "start", "duration", "request"}, path);
  DrEvent e;
  e.id = c.entryId(n, path);
  const std::optional<long> day = c.r.date(n, "date", path, true);
  const std::optional<double> start = clock(n, "start", path, c);
  e.duration = c.r.quantity(n, kDuration, path, true).value_or(0.0);
  e.request = c.r.quantity(n, kRequest, path, true).value_or(0.0);
  if (day && start) {
    e.start = static_cast<int64_t>(*day) * 86400 + static_cast<int64_t>(*start) -
              c.model.site.utc_offset_s;
  }
  c.model.demand_response.events.push_back(e);
}

}  // namespace

void compileStorage(const Node& root, CompileContext& c) {
  forEachEntry(root, "storage", false, c, compileStorageEntry);
}

void compileEvCharging(const Node& root, CompileContext& c) {
  forEachEntry(root, "ev_charging", false, c, compileEvEntry);
}

void compileDemandResponse(const Node& root, CompileContext& c) {
  const Node* dr = root.find("demand_response");
  if (!dr || !c.r.expectMap(*dr, "demand_response")) return;
  c.r.checkKeys(*dr, {"events", "rebound"}, "demand_response");
  DemandResponse& out = c.model.demand_response;
  out.rebound = c.r.quantity(*dr, kRebound, "demand_response", false).value_or(out.rebound);
  forEachEntry(*dr, "events", false, c, compileEvent);
  std::vector<DrEvent>& events = out.events;
  std::stable_sort(events.begin(), events.end(),
                   [](const DrEvent& a, const DrEvent& b) { return a.start < b.start; });
  for (size_t i = 1; i < events.size(); ++i) {
    if (events[i].start < events[i - 1].start + static_cast<int64_t>(events[i - 1].duration)) {
      c.r.error(dr->find("events")->loc, "demand_response.events",
                "expected events that do not overlap, but \"" + events[i].id +
                    "\" starts before \"" + events[i - 1].id + "\" ends");
    }
  }
}

}  // namespace twin
