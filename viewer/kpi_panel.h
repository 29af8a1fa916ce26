// The KPIs of the shown results (energy, cost, peak, CO2, self-consumption) and, in a comparison,
// those of the second results with their change against the first.
#pragma once

#include "viewer/results_data.h"
#include "viewer/ui_text.h"

namespace viewer {

struct KpiPanel {
  // compare: nullptr for a single view.
  void draw(const ResultsData& results, const ResultsData* compare, Language language);
};

}  // namespace viewer
