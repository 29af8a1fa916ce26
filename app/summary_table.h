// The KPI comparison printed after a run: one column per scenario, with its change against
// the baseline.
#pragma once

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "twin/engine/kpi.h"

namespace twin::cli {

void printKpiTable(std::ostream& out, const std::vector<std::pair<std::string, Kpis>>& runs);

}  // namespace twin::cli
