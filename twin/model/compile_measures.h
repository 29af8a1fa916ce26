// Expanding a scenario's `measures:` (twin/model/measures.h) into the overlay each implies, and
// pricing them once the scenario is compiled. Used by compilePark; docs/measures.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "twin/model/model.h"
#include "twin/parkfile/field_reader.h"

namespace twin {

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

struct PendingMeasure {
  Measure measure;  // kind, name, line, ids; size and cost filled by priceMeasures
  CostSpec cost;
  SourceLoc loc;
  std::string path;
};

// The baseline a scenario's measures select from: its compiled model and its park-file tree.
struct MeasureBaseline {
  const ParkModel& model;
  const Node& tree;
};

// Reads `measures` of the scenario map `scenario` (at `path`), adds each measure's overlay to
// `tree` (the scenario's tree before its own sections are overlaid) and returns the measures.
// Errors go to `r`; a measure that selects nothing is returned with no ids. With `only`, just
// that measure (by position) is expanded.
std::vector<PendingMeasure> expandMeasures(const Node& scenario, const std::string& path,
                                           const MeasureBaseline& base, Node& tree, FieldReader& r,
                                           std::optional<size_t> only = std::nullopt);

// Sizes (from the compiled scenario model) and costs (the kind's defaults, overridden by the
// measure's `cost:`) of the expanded measures.
std::vector<Measure> priceMeasures(const std::vector<PendingMeasure>& pending,
                                   const ParkModel& scenario);

// Default cost of each kind (docs/measures.md cites them).
struct CostDefaults {
  CostBasis basis;
  double unit_cost;  // SI per basis unit
  double fixed;      // CNY
  double om_share;   // of the capex, per year
  double lifetime;   // years
};
const CostDefaults& costDefaults(MeasureKind kind);

}  // namespace twin
