// The KPIs of the shown results (energy, cost, peak, CO2, self-consumption) and, in a comparison,
// those of the second results with their change against the first.
#pragma once

#include <string>
#include <vector>

#include "viewer/results_data.h"
#include "viewer/ui_text.h"

namespace viewer {

// A KPI in the unit tables show it in (MWh, kCNY, t: twin/engine/kpi.h), as stored otherwise.
struct ShownKpi {
  double value = 0.0;
  std::string units;
};
ShownKpi shownKpi(const twin::KpiValue& k);
// With thousands separators: 22938.9 -> "22,939", 12.345 -> "12.3", 0.01234 -> "0.01".
std::string formatShown(double value);
// The KPI `name` of `kpis`, nullptr when absent.
const twin::KpiValue* findKpi(const std::vector<twin::KpiValue>& kpis, const std::string& name);

struct KpiPanel {
  // compare: nullptr for a single view.
  void draw(const ResultsData& results, const ResultsData* compare, Language language);
};

}  // namespace viewer
