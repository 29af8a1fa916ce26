// Default costs of the retrofit measures and the pricing of expanded measures. The defaults are
// indicative 2023-2024 figures for Shanghai-area parks; docs/measures.md gives each source and
// says which are assumptions. A park file overrides any of them per measure (`cost:`).
#include <algorithm>

#include "physics/units.h"
#include "twin/model/compile_measures.h"
#include "twin/model/measure_select.h"

namespace twin {
namespace {

namespace u = physics::units;

// The measure's size in its basis, from the scenario model: what it changed or added.
double measureSize(const Measure& m, const ParkModel& s) {
  double size = 0.0;
  switch (m.kind) {
    case MeasureKind::kMotorUpgrade:
    case MeasureKind::kVsd:
      for (const Motor& x : s.motors)
        size += contains(m.ids, x.entry) ? x.nameplate.rated_power : 0;
      break;
    case MeasureKind::kAirLeakRepair:
      for (const Motor& x : s.motors) size += contains(m.ids, x.entry) ? 1.0 : 0.0;
      break;
    case MeasureKind::kTransformerUpgrade:
      for (const Transformer& t : s.network.transformers) {
        size += contains(m.ids, t.id) ? t.rating.rated_power : 0.0;
      }
      break;
    case MeasureKind::kPv:
      for (const PvArray& a : s.pv) size += contains(m.ids, a.id) ? a.dc_capacity : 0.0;
      break;
    case MeasureKind::kBattery:
      for (const Storage& b : s.storage) {
        size += contains(m.ids, b.id) ? b.rating.energy_capacity : 0.0;
      }
      break;
    case MeasureKind::kLighting:
      for (const Load& l : s.loads) size += contains(m.ids, l.entry) ? l.rated_power : 0.0;
      break;
    case MeasureKind::kEvManagedCharging:
      for (const EvChargerGroup& g : s.ev_chargers) size += contains(m.ids, g.id) ? g.chargers : 0;
      break;
  }
  return size;
}

}  // namespace

double sizeUnitSi(CostBasis basis) {
  switch (basis) {
    case CostBasis::kPower:
      return u::kW;
    case CostBasis::kApparentPower:
      return u::kVA;
    case CostBasis::kEnergy:
      return u::kWh;
    case CostBasis::kUnits:
      break;
  }
  return 1.0;
}

const CostDefaults& costDefaults(MeasureKind kind) {
  // basis, unit cost (SI), fixed CNY, O&M share of capex per year, lifetime a
  static const std::array<CostDefaults, 8> kDefaults = {{
      {CostBasis::kPower, 400 / u::kW, 0.0, 0.0, 20.0},           // motor_upgrade
      {CostBasis::kPower, 600 / u::kW, 0.0, 0.0, 15.0},           // vsd
      {CostBasis::kUnits, 20000.0, 0.0, 0.0, 2.0},                // air_leak_repair
      {CostBasis::kApparentPower, 175 / u::kVA, 0.0, 0.0, 25.0},  // transformer_upgrade
      {CostBasis::kPower, 3180 / u::kWp, 0.0, 0.014, 25.0},       // pv
      {CostBasis::kEnergy, 1200 / u::kWh, 0.0, 0.02, 12.0},       // battery
      {CostBasis::kPower, 3500 / u::kW, 0.0, 0.0, 12.0},          // lighting
      {CostBasis::kUnits, 2000.0, 30000.0, 0.0, 10.0},            // ev_managed_charging
  }};
  return kDefaults[static_cast<size_t>(kind)];
}

void priceMeasure(Measure& m, const ParkModel& scenario) {
  const CostDefaults& d = costDefaults(m.kind);
  const CostSpec& spec = m.spec;
  m.basis = d.basis;
  m.size = measureSize(m, scenario);
  const bool empty = m.ids.empty();
  m.cost.capex = empty ? 0.0
                       : spec.capex.value_or(spec.unit_cost.value_or(d.unit_cost) * m.size +
                                             spec.fixed.value_or(d.fixed));
  m.cost.annual_om = spec.om.value_or(spec.om_share.value_or(d.om_share) * m.cost.capex);
  m.cost.lifetime_years = spec.lifetime.value_or(d.lifetime);
  m.cost.subsidy = std::min(spec.subsidy.value_or(0.0), m.cost.capex);
  m.cost.salvage = spec.salvage.value_or(0.0);
}

std::vector<Measure> priceMeasures(const std::vector<PendingMeasure>& pending,
                                   const ParkModel& scenario) {
  std::vector<Measure> out;
  for (const PendingMeasure& p : pending) {
    out.push_back(p.measure);
    priceMeasure(out.back(), scenario);
  }
  return out;
}

}  // namespace twin
