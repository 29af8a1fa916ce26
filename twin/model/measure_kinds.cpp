// One expansion per measure kind. Each reads its fields, selects baseline entries through a
// `select:` map and writes the overlay a user would write by hand, located at the measure.
#include "twin/model/measure_kinds.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <initializer_list>

#include "physics/air_compressor.h"
#include "physics/motor_efficiency.h"
#include "physics/transformer_grades.h"
#include "physics/units.h"
#include "twin/base/text.h"
#include "twin/model/measure_select.h"

namespace twin {
namespace {

namespace u = physics::units;

Node scalarNode(const std::string& value, const SourceLoc& loc) {
  Node n;
  n.kind = Node::Kind::kScalar;
  n.scalar = value;
  n.loc = loc;
  return n;
}

Node mapNode(std::initializer_list<std::pair<std::string, Node>> entries, const SourceLoc& loc) {
  Node n;
  n.kind = Node::Kind::kMap;
  n.loc = loc;
  for (const auto& [key, value] : entries) n.entries.push_back({key, loc, value});
  return n;
}

// Overlays the list entry `entry` onto the list at `keys` of `tree` ({"network", "transformers"}).
void addEntry(Node& tree, std::initializer_list<std::string> keys, Node entry) {
  Node patch;
  patch.kind = Node::Kind::kSequence;
  patch.loc = entry.loc;
  patch.items.push_back(std::move(entry));
  for (auto key = std::rbegin(keys); key != std::rend(keys); ++key) {
    patch = mapNode({{*key, patch}}, patch.loc);
  }
  overlay(tree, patch);
}

std::string watts(double w) { return fmt::format("{} W", w); }
std::string percent(double fraction) { return formatNumber(100 * fraction) + " %"; }

// The entries of the baseline's motors (or loads) that pass `keep`, each once, in file order.
template <class Unit>
std::vector<const Unit*> entries(const std::vector<Unit>& units,
                                 const std::function<bool(const Unit&)>& keep) {
  std::vector<const Unit*> out;
  for (const Unit& x : units) {
    const bool seen = !out.empty() && out.back()->entry == x.entry;
    if (!seen && keep(x)) out.push_back(&x);
  }
  return out;
}

constexpr QuantityField kLeakTarget{"leak", Dimension::kFraction, 0, 0.9, false, "%", u::pct};
constexpr QuantityField kCut{"cut", Dimension::kFraction, 0, 1, true, "%", u::pct};
constexpr QuantityField kDriveEff{
    "drive_efficiency", Dimension::kFraction, 0.5, 1, false, "%", u::pct};

std::vector<std::string> motorUpgrade(const Node& n, const std::string& path,
                                      const MeasureBaseline& b, Node& tree, FieldReader& r) {
  r.checkKeys(n, {"kind", "name", "cost", "select", "to"}, path);
  const int to = r.choice(n, "to", {"IE4", "IE5"}, path, false).value_or(0) + 3;  // MotorClass
  const Selection sel = readSelection(n, path, SelectionFor::kMotors, b.model, r);
  std::vector<std::string> ids;
  for (const Motor* m : entries<Motor>(
           b.model.motors, [&](const Motor& x) { return selectsMotor(sel, x, b.model); })) {
    const auto cls = static_cast<physics::MotorClass>(to);
    const std::optional<double> eta =
        physics::ratedEfficiency(cls, m->nameplate.rated_power, m->poles);
    if (!eta || *eta <= m->nameplate.rated_efficiency) continue;  // no table value, or no gain
    addEntry(
        tree, {"equipment"},
        mapNode({{"id", scalarNode(m->entry, n.loc)},
                 {"motor",
                  mapNode({{"efficiency_class",
                            scalarNode(std::string(physics::kMotorClassNames[size_t(to)]), n.loc)},
                           {"rated_efficiency", scalarNode(percent(*eta), n.loc)}},
                          n.loc)}},
                n.loc));
    ids.push_back(m->entry);
  }
  return ids;
}

std::vector<std::string> vsd(const Node& n, const std::string& path, const MeasureBaseline& b,
                             Node& tree, FieldReader& r) {
  r.checkKeys(n, {"kind", "name", "cost", "select", "drive_efficiency"}, path);
  const Selection sel = readSelection(n, path, SelectionFor::kMotors, b.model, r);
  const std::optional<double> eff = r.quantity(n, kDriveEff, path, false);
  std::vector<std::string> ids;
  for (const Motor* m : entries<Motor>(b.model.motors, [&](const Motor& x) {
         return x.flow_control == FlowControl::kThrottle && selectsMotor(sel, x, b.model);
       })) {
    Node control = mapNode({{"method", scalarNode("vsd", n.loc)}}, n.loc);
    if (eff)
      control.entries.push_back({"drive_efficiency", n.loc, scalarNode(percent(*eff), n.loc)});
    addEntry(tree, {"equipment"},
             mapNode({{"id", scalarNode(m->entry, n.loc)}, {"flow_control", control}}, n.loc));
    ids.push_back(m->entry);
  }
  return ids;
}

constexpr QuantityField kPressure{"pressure", Dimension::kPressure, 0, 5e6, true, "MPa", 1e6};
constexpr QuantityField kReduction{
    "pressure_reduction", Dimension::kPressure, 0, 2e6, true, "MPa", 1e6};

// Leaks down to `leak` (default 10 %) and, given the discharge `pressure` (gauge) and a
// `pressure_reduction`, the full-output shaft load scaled by the isentropic work ratio
// (physics/air_compressor.h, pressurePowerRatio).
std::vector<std::string> airLeakRepair(const Node& n, const std::string& path,
                                       const MeasureBaseline& b, Node& tree, FieldReader& r) {
  r.checkKeys(n, {"kind", "name", "cost", "select", "leak", "pressure", "pressure_reduction"},
              path);
  const Selection sel = readSelection(n, path, SelectionFor::kMotors, b.model, r);
  const double target = r.quantity(n, kLeakTarget, path, false).value_or(0.10);
  const std::optional<double> reduction = r.quantity(n, kReduction, path, false);
  const double pressure = reduction ? r.quantity(n, kPressure, path, true).value_or(0.0) : 0.0;
  if (reduction && pressure > 0.0 && *reduction >= pressure) {
    r.error(n.find("pressure_reduction")->loc, keyPath(path, "pressure_reduction"),
            "expected a reduction below the discharge pressure");
    return {};
  }
  const double ratio = reduction && pressure > 0.0
                           ? physics::pressurePowerRatio(pressure, pressure - *reduction)
                           : 1.0;
  std::vector<std::string> ids;
  for (const Motor* m : entries<Motor>(b.model.motors, [&](const Motor& x) {
         return x.compressor && (x.leak > target || ratio < 1.0) && selectsMotor(sel, x, b.model);
       })) {
    Node entry = mapNode({{"id", scalarNode(m->entry, n.loc)}}, n.loc);
    const double leak = std::min(m->leak, target);
    entry.entries.push_back(
        {"compressor", n.loc, mapNode({{"leak", scalarNode(percent(leak), n.loc)}}, n.loc)});
    if (ratio < 1.0) {
      entry.entries.push_back(
          {"duty", n.loc,
           mapNode({{"load", scalarNode(percent(m->duty_load * ratio), n.loc)}}, n.loc)});
    }
    addEntry(tree, {"equipment"}, entry);
    ids.push_back(m->entry);
  }
  return ids;
}

// The transformer's type and core as its baseline entry gives them (oil and steel by default).
std::pair<physics::TransformerType, physics::CoreMaterial> transformerKind(const Node& tree,
                                                                           const std::string& id) {
  std::pair<physics::TransformerType, physics::CoreMaterial> out{physics::TransformerType::kOil,
                                                                 physics::CoreMaterial::kSteel};
  const Node* net = tree.find("network");
  const Node* list = net ? net->find("transformers") : nullptr;
  for (const Node& e : list ? list->items : std::vector<Node>{}) {
    if (entryKey(e) != id) continue;
    if (const Node* t = e.find("type"); t && t->scalar == "dry")
      out.first = physics::TransformerType::kDry;
    if (const Node* c = e.find("core"); c && c->scalar == "amorphous") {
      out.second = physics::CoreMaterial::kAmorphous;
    }
  }
  return out;
}

std::vector<std::string> transformerUpgrade(const Node& n, const std::string& path,
                                            const MeasureBaseline& b, Node& tree, FieldReader& r) {
  r.checkKeys(n, {"kind", "name", "cost", "select", "grade"}, path);
  const Selection sel = readSelection(n, path, SelectionFor::kTransformers, b.model, r);
  const int grade = static_cast<int>(r.integer(n, "grade", 1, 2, path, false).value_or(1));
  std::vector<std::string> ids;
  for (const Transformer& t : b.model.network.transformers) {
    if (!sel.ids.empty() && !contains(sel.ids, t.id)) continue;
    const auto [type, core] = transformerKind(b.tree, t.id);
    const std::optional<physics::TransformerRating> next =
        physics::gb20052Rating(type, core, grade, t.rating.rated_power);
    if (!next ||
        next->no_load_loss + next->load_loss >= t.rating.no_load_loss + t.rating.load_loss) {
      continue;  // not tabulated, or already as good
    }
    addEntry(tree, {"network", "transformers"},
             mapNode({{"id", scalarNode(t.id, n.loc)},
                      {"no_load_loss", scalarNode(watts(next->no_load_loss), n.loc)},
                      {"load_loss", scalarNode(watts(next->load_loss), n.loc)}},
                     n.loc));
    ids.push_back(t.id);
  }
  return ids;
}

// pv (`arrays:`) and battery (`storage:`): new entries of a section, each with a new id.
std::vector<std::string> newEntries(const Node& n, const std::string& path, const char* key,
                                    const char* section, const MeasureBaseline& b, Node& tree,
                                    FieldReader& r) {
  r.checkKeys(n, {"kind", "name", "cost", key}, path);
  std::vector<std::string> ids;
  const Node* list = r.required(n, key, path);
  if (!list || !r.expectSequence(*list, keyPath(path, key))) return ids;
  const Node* existing = b.tree.find(section);
  for (size_t i = 0; i < list->items.size(); ++i) {
    const Node& e = list->items[i];
    const std::string id = entryKey(e);
    const bool taken = existing && std::any_of(existing->items.begin(), existing->items.end(),
                                               [&](const Node& x) { return entryKey(x) == id; });
    if (id.empty() || taken) {
      r.error(e.loc, indexPath(keyPath(path, key), i),
              "expected an entry with a new id (a measure adds " + std::string(section) +
                  " entries; change existing ones with an overlay)");
      continue;
    }
    addEntry(tree, {section}, e);
    ids.push_back(id);
  }
  return ids;
}

std::vector<std::string> lighting(const Node& n, const std::string& path, const MeasureBaseline& b,
                                  Node& tree, FieldReader& r) {
  r.checkKeys(n, {"kind", "name", "cost", "select", "cut", "efficacy"}, path);
  const Selection sel = readSelection(n, path, SelectionFor::kLoads, b.model, r);
  double keep = 1.0;
  if (const Node* eff = n.find("efficacy")) {
    const std::string epath = keyPath(path, "efficacy");
    if (r.expectMap(*eff, epath)) {
      r.checkKeys(*eff, {"from", "to"}, epath);
      constexpr QuantityField kFrom{"from", Dimension::kDimensionless, 0, 300, true, "lm/W", 1};
      constexpr QuantityField kTo{"to", Dimension::kDimensionless, 0, 300, true, "lm/W", 1};
      const double from = r.quantity(*eff, kFrom, epath, true).value_or(1.0);
      keep = from / r.quantity(*eff, kTo, epath, true).value_or(from);
    }
  } else {
    keep = 1.0 - r.quantity(n, kCut, path, true).value_or(0.0);
  }
  std::vector<std::string> ids;
  if (keep >= 1.0) return ids;
  for (const Load* l : entries<Load>(b.model.loads, [&](const Load& x) {
         return x.kind == LoadKind::kLighting && selectsLoad(sel, x, b.model);
       })) {
    addEntry(tree, {"loads"},
             mapNode({{"id", scalarNode(l->entry, n.loc)},
                      {"rated_power", scalarNode(watts(l->rated_power * keep), n.loc)}},
                     n.loc));
    ids.push_back(l->entry);
  }
  return ids;
}

std::vector<std::string> evManagedCharging(const Node& n, const std::string& path,
                                           const MeasureBaseline& b, Node& tree, FieldReader& r) {
  r.checkKeys(n, {"kind", "name", "cost", "select", "control"}, path);
  const Selection sel = readSelection(n, path, SelectionFor::kEvChargers, b.model, r);
  const int control =
      r.choice(n, "control", {"valley_filling", "pv_following"}, path, false).value_or(0) + 1;
  std::vector<std::string> ids;
  for (const EvChargerGroup& g : b.model.ev_chargers) {
    if (!sel.ids.empty() && !contains(sel.ids, g.id)) continue;
    if (static_cast<int>(g.control) == control) continue;
    const std::string word(kChargingControlNames[size_t(control)]);
    addEntry(
        tree, {"ev_charging"},
        mapNode({{"id", scalarNode(g.id, n.loc)}, {"control", scalarNode(word, n.loc)}}, n.loc));
    ids.push_back(g.id);
  }
  return ids;
}

}  // namespace

std::vector<std::string> expandMeasure(const Node& n, const std::string& path, MeasureKind kind,
                                       const MeasureBaseline& base, Node& tree, FieldReader& r) {
  switch (kind) {
    case MeasureKind::kMotorUpgrade:
      return motorUpgrade(n, path, base, tree, r);
    case MeasureKind::kVsd:
      return vsd(n, path, base, tree, r);
    case MeasureKind::kAirLeakRepair:
      return airLeakRepair(n, path, base, tree, r);
    case MeasureKind::kTransformerUpgrade:
      return transformerUpgrade(n, path, base, tree, r);
    case MeasureKind::kPv:
      return newEntries(n, path, "arrays", "pv", base, tree, r);
    case MeasureKind::kBattery:
      return newEntries(n, path, "storage", "storage", base, tree, r);
    case MeasureKind::kLighting:
      return lighting(n, path, base, tree, r);
    case MeasureKind::kEvManagedCharging:
      return evManagedCharging(n, path, base, tree, r);
  }
  return {};
}

}  // namespace twin
