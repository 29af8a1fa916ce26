#include "twin/model/measure_select.h"

#include <algorithm>

#include "physics/units.h"
#include "twin/base/text.h"

namespace twin {
namespace {

namespace u = physics::units;

constexpr QuantityField kMinPower{"min_power", Dimension::kPower, 0, 1e9, false, "kW", u::kW};
constexpr QuantityField kMaxPower{"max_power", Dimension::kPower, 0, 1e9, false, "kW", u::kW};
constexpr QuantityField kMinLoad{"min_load", Dimension::kFraction, 0, 1.5, false, "%", u::pct};
constexpr QuantityField kMinHours{"min_hours", Dimension::kDuration, 0, 8784 * u::hour, false, "h",
                                  u::hour};

// A scalar or a list of scalars under `key`, reported when it is neither.
std::vector<const Node*> words(const Node& map, const char* key, const std::string& path,
                               FieldReader& r) {
  const Node* n = map.find(key);
  if (!n) return {};
  if (n->isScalar()) return {n};
  std::vector<const Node*> out;
  if (!n->isSequence()) {
    r.error(n->loc, keyPath(path, key),
            "expected a word or a list of words, got " + describeNode(*n));
    return out;
  }
  for (size_t i = 0; i < n->items.size(); ++i) {
    if (n->items[i].isScalar()) {
      out.push_back(&n->items[i]);
    } else {
      r.error(n->items[i].loc, indexPath(keyPath(path, key), i),
              "expected a word, got " + describeNode(n->items[i]));
    }
  }
  return out;
}

// Rank of an efficiency class (IE1 0 .. IE5 4; GB 18613 grades as the IE class they equal);
// -1 for a motor of unknown class, which counts as below any class.
int classRank(EfficiencyClass c) {
  switch (c) {
    case EfficiencyClass::kGB1:
      return 4;
    case EfficiencyClass::kGB2:
      return 3;
    case EfficiencyClass::kGB3:
      return 2;
    case EfficiencyClass::kUnknown:
      return -1;
    default:
      return static_cast<int>(c);
  }
}

// Hours a year in which schedule `s` is above zero, over the simulated days.
double runningHours(const ParkModel& m, int s) {
  const long days = m.simulation.end_day - m.simulation.start_day;
  if (days <= 0) return 0.0;
  std::array<double, kDayTypes> on{};
  for (int t = 0; t < kDayTypes; ++t) {
    const std::vector<double>& v = m.schedules[size_t(s)].minutes[size_t(t)];
    on[size_t(t)] =
        static_cast<double>(std::count_if(v.begin(), v.end(), [](double x) { return x > 0.0; })) /
        60.0;
  }
  double hours = 0.0;
  for (long d = m.simulation.start_day; d < m.simulation.end_day; ++d) {
    hours += on[static_cast<size_t>(m.calendar.dayType(d))];
  }
  return hours * 365.0 / static_cast<double>(days);
}

bool common(const Selection& s, const std::string& entry, int building, double rated, int schedule,
            const ParkModel& m) {
  if (!s.ids.empty() && !contains(s.ids, entry)) return false;
  if (!s.buildings.empty() &&
      std::find(s.buildings.begin(), s.buildings.end(), building) == s.buildings.end()) {
    return false;
  }
  if (s.min_power && rated < *s.min_power) return false;
  if (s.max_power && rated > *s.max_power) return false;
  return !s.min_hours || runningHours(m, schedule) >= *s.min_hours / u::hour;
}

// `ids` and `building`, checked against the baseline.
void readNames(const Node& sel, const std::string& path, SelectionFor what, const ParkModel& m,
               Selection& s, FieldReader& r) {
  for (const Node* w : words(sel, "ids", path, r)) {
    bool known = false;
    for (const Motor& x : m.motors)
      known = known || (what == SelectionFor::kMotors && x.entry == w->scalar);
    for (const Load& x : m.loads)
      known = known || (what == SelectionFor::kLoads && x.entry == w->scalar);
    for (const Transformer& x : m.network.transformers) {
      known = known || (what == SelectionFor::kTransformers && x.id == w->scalar);
    }
    for (const EvChargerGroup& x : m.ev_chargers) {
      known = known || (what == SelectionFor::kEvChargers && x.id == w->scalar);
    }
    if (!known)
      r.error(w->loc, keyPath(path, "ids"), "unknown id " + quote(w->scalar) + " for this measure");
    s.ids.push_back(w->scalar);
  }
  for (const Node* w : words(sel, "building", path, r)) {
    const auto it = std::find_if(m.buildings.begin(), m.buildings.end(),
                                 [&](const Building& b) { return b.id == w->scalar; });
    if (it == m.buildings.end()) {
      r.error(w->loc, keyPath(path, "building"), "unknown building " + quote(w->scalar));
    } else {
      s.buildings.push_back(static_cast<int>(it - m.buildings.begin()));
    }
  }
}

}  // namespace

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

Selection readSelection(const Node& n, const std::string& path, SelectionFor what,
                        const ParkModel& baseline, FieldReader& r) {
  Selection s;
  const Node* sel = n.find("select");
  const std::string spath = keyPath(path, "select");
  if (!sel || !r.expectMap(*sel, spath)) return s;
  switch (what) {
    case SelectionFor::kMotors:
      r.checkKeys(
          *sel,
          {"ids", "kind", "building", "below", "min_power", "max_power", "min_load", "min_hours"},
          spath);
      break;
    case SelectionFor::kLoads:
      r.checkKeys(*sel, {"ids", "building", "min_power", "max_power", "min_hours"}, spath);
      break;
    default:
      r.checkKeys(*sel, {"ids"}, spath);
  }
  readNames(*sel, spath, what, baseline, s, r);
  for (const Node* w : words(*sel, "kind", spath, r)) {
    const auto it = std::find(kDrivenKindNames.begin(), kDrivenKindNames.end(), w->scalar);
    if (it == kDrivenKindNames.end()) {
      r.error(w->loc, keyPath(spath, "kind"),
              "expected one of: " + join({kDrivenKindNames.begin(), kDrivenKindNames.end()}, ", ") +
                  "; got " + quote(w->scalar));
    } else {
      s.kinds.push_back(static_cast<int>(it - kDrivenKindNames.begin()));
    }
  }
  if (const std::optional<int> c =
          r.choice(*sel, "below", physics::kMotorClassNames, spath, false)) {
    s.below = classRank(static_cast<EfficiencyClass>(*c));
  }
  s.min_power = r.quantity(*sel, kMinPower, spath, false);
  s.max_power = r.quantity(*sel, kMaxPower, spath, false);
  s.min_load = r.quantity(*sel, kMinLoad, spath, false);
  s.min_hours = r.quantity(*sel, kMinHours, spath, false);
  return s;
}

bool selectsMotor(const Selection& s, const Motor& m, const ParkModel& baseline) {
  if (!s.kinds.empty() &&
      std::find(s.kinds.begin(), s.kinds.end(), static_cast<int>(m.driven)) == s.kinds.end()) {
    return false;
  }
  if (s.below && classRank(m.efficiency_class) >= *s.below) return false;
  if (s.min_load && m.duty_load < *s.min_load) return false;
  return common(s, m.entry, m.building, m.nameplate.rated_power, m.schedule, baseline);
}

bool selectsLoad(const Selection& s, const Load& l, const ParkModel& baseline) {
  return common(s, l.entry, l.building, l.rated_power, l.schedule, baseline);
}

}  // namespace twin
