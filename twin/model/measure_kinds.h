// The expansion of each measure kind into its overlay (docs/measures.md). Private to twin/model.
#pragma once

#include <string>
#include <vector>

#include "twin/model/compile_measures.h"

namespace twin {

// Checks the measure's keys, selects from the baseline, adds the implied overlay entries to
// `tree` and returns the ids it changed (entry ids for motors and loads) or added.
std::vector<std::string> expandMeasure(const Node& n, const std::string& path, MeasureKind kind,
                                       const MeasureBaseline& base, Node& tree, FieldReader& r);

}  // namespace twin
