// Reading a scenario's `measures:`: each measure's kind, name, selection and cost, and the
// dispatch to the kind's expansion (twin/model/measure_kinds.cpp).
#include "twin/model/compile_measures.h"

#include "physics/units.h"
#include "twin/model/investment_fields.h"
#include "twin/model/measure_kinds.h"

namespace twin {
namespace {

namespace u = physics::units;
using namespace investment_fields;

constexpr QuantityField kFixed{"fixed", Dimension::kMoney, 0.0, 1e12, false, "CNY", 1.0};
constexpr QuantityField kOmShare{"om_share", Dimension::kFraction, 0.0, 1.0, false, "%", u::pct};

// The unit-cost field of a basis: "unit_cost" in CNY/kW, CNY/kVA, CNY/kWh or CNY per unit.
QuantityField unitCostField(CostBasis basis) {
  switch (basis) {
    case CostBasis::kPower:
      return {"unit_cost", Dimension::kPowerCost, 0.0, 1e6 / u::W, false, "CNY/kW", 1 / u::kW};
    case CostBasis::kApparentPower:
      return {"unit_cost", Dimension::kApparentPowerCost, 0.0, 1e6 / u::VA, false, "CNY/kVA",
              1 / u::kVA};
    case CostBasis::kEnergy:
      return {"unit_cost", Dimension::kEnergyPrice, 0.0, 1e6 / u::Wh, false, "CNY/kWh", 1 / u::kWh};
    case CostBasis::kUnits:
      break;
  }
  return {"unit_cost", Dimension::kMoney, 0.0, 1e9, false, "CNY", 1.0};
}

CostSpec readCost(const Node& n, MeasureKind kind, const std::string& path, FieldReader& r) {
  CostSpec c;
  if (!r.expectMap(n, path)) return c;
  r.checkKeys(
      n, {"unit_cost", "fixed", "capex", "om", "om_share", "lifetime", "subsidy", "salvage"}, path);
  c.unit_cost = r.quantity(n, unitCostField(costDefaults(kind).basis), path, false);
  c.fixed = r.quantity(n, kFixed, path, false);
  c.capex = r.quantity(n, kCapex, path, false);
  c.om = r.quantity(n, kOm, path, false);
  c.om_share = r.quantity(n, kOmShare, path, false);
  if (const std::optional<double> life = r.quantity(n, kLifetime, path, false)) {
    c.lifetime = *life / u::year;
  }
  c.subsidy = r.quantity(n, kSubsidy, path, false);
  c.salvage = r.quantity(n, kSalvage, path, false);
  return c;
}

}  // namespace

std::vector<PendingMeasure> expandMeasures(const Node& scenario, const std::string& path,
                                           const MeasureBaseline& base, Node& tree, FieldReader& r,
                                           std::optional<size_t> only) {
  std::vector<PendingMeasure> out;
  const Node* list = scenario.find("measures");
  const std::string lpath = keyPath(path, "measures");
  if (!list || !r.expectSequence(*list, lpath)) return out;
  for (size_t i = 0; i < list->items.size(); ++i) {
    if (only && i != *only) continue;
    const Node& n = list->items[i];
    const std::string mpath = indexPath(lpath, i);
    if (!r.expectMap(n, mpath)) continue;
    const std::optional<int> kind = r.choice(n, "kind", kMeasureKindNames, mpath, true);
    if (!kind) continue;
    PendingMeasure p;
    p.measure.kind = static_cast<MeasureKind>(*kind);
    p.measure.name = n.find("name") ? r.id(n, "name", mpath).value_or("")
                                    : std::string(kMeasureKindNames[size_t(*kind)]) + "-" +
                                          std::to_string(i + 1);
    p.measure.line = n.loc.line;
    p.loc = n.loc;
    p.path = mpath;
    if (const Node* cost = n.find("cost")) {
      p.measure.spec = readCost(*cost, p.measure.kind, keyPath(mpath, "cost"), r);
    }
    p.measure.ids = expandMeasure(n, mpath, p.measure.kind, base, tree, r);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace twin
