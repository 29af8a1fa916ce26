// Expanding a scenario's `measures:` (twin/model/measures.h) into the overlay each implies, and
// pricing them once the scenario is compiled. Used by compilePark; docs/measures.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "twin/model/model.h"
#include "twin/parkfile/field_reader.h"

namespace twin {

struct PendingMeasure {
  Measure measure;  // kind, name, line, ids and its `cost:` as written; size and cost filled by
                    // priceMeasures
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

// The same for one measure: its size from `scenario` and its cost from m.spec (`parktwin size`
// prices a battery measure again at each size it tries).
void priceMeasure(Measure& m, const ParkModel& scenario);

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
