// Typed retrofit measures (a scenario's `measures:`, docs/measures.md): each selects baseline
// equipment, expands into exactly the overlay it implies, and carries its cost.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "twin/model/economics.h"

namespace twin {

enum class MeasureKind {
  kMotorUpgrade,
  kVsd,
  kAirLeakRepair,
  kTransformerUpgrade,
  kPv,
  kBattery,
  kLighting,
  kEvManagedCharging
};
inline constexpr std::array<std::string_view, 8> kMeasureKindNames = {
    "motor_upgrade", "vsd",      "air_leak_repair",    "transformer_upgrade", "pv",
    "battery",       "lighting", "ev_managed_charging"};

// What a measure's cost scales with.
enum class CostBasis { kPower, kApparentPower, kEnergy, kUnits };
inline constexpr std::array<std::string_view, 4> kCostBasisUnits = {"kW", "kVA", "kWh", "units"};

// SI value of one unit of a measure's size in its basis (kW, kVA, kWh; 1 for units).
double sizeUnitSi(CostBasis basis);

// A measure's `cost:` as written; what is not given takes the kind's default.
struct CostSpec {
  std::optional<double> unit_cost;  // SI per basis unit (CNY/W, CNY/VA, CNY/J, CNY per unit)
  std::optional<double> fixed;      // CNY, added to the unit cost x size
  std::optional<double> capex;      // CNY, the whole capex (replaces unit cost and fixed)
  std::optional<double> om;         // CNY per year
  std::optional<double> om_share;   // of the capex, per year
  std::optional<double> lifetime;   // years
  std::optional<double> subsidy;    // CNY
  std::optional<double> salvage;    // CNY
};

struct Measure {
  MeasureKind kind = MeasureKind::kMotorUpgrade;
  std::string name;  // its `name` (an id), else "<kind>-<n>", n its place in the scenario
  int line = 0;      // of the measure in the park file
  std::vector<std::string> ids;  // entries it changed or added
  CostBasis basis = CostBasis::kPower;
  double size = 0.0;  // SI in its basis (W, VA, J) or a count of units
  Investment cost;    // capex (unit cost x size + fixed), subsidy, O&M, lifetime, salvage
  CostSpec spec;      // its `cost:` as written
};

}  // namespace twin
