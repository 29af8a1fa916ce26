#include "app/summary_table.h"

#include <cmath>
#include <cstdio>

namespace twin::cli {

void printKpiTable(std::ostream& out, const std::vector<std::pair<std::string, Kpis>>& runs) {
  if (runs.empty()) return;
  char cell[64];
  std::string line;
  std::snprintf(cell, sizeof cell, "%-26s", "");
  line = cell;
  for (const auto& [name, kpis] : runs) {
    std::snprintf(cell, sizeof cell, " %24.24s", name.c_str());
    line += cell;
  }
  out << line << '\n';
  const PeriodKpi& base = runs.front().second.total;
  for (const KpiDecl& k : kKpis) {
    // Rows that are zero in every run (no EV chargers, no events, ...) say nothing.
    bool any = false;
    for (const auto& run : runs) any = any || k.get(run.second.total) != 0.0;
    if (!any) continue;
    const std::string label = std::string(k.label) + " [" + std::string(k.display_unit) + "]";
    std::snprintf(cell, sizeof cell, "%-26s", label.c_str());
    line = cell;
    const double b = k.get(base) / k.display_si;
    for (size_t i = 0; i < runs.size(); ++i) {
      const double v = k.get(runs[i].second.total) / k.display_si;
      if (i == 0 || b == 0.0) {
        std::snprintf(cell, sizeof cell, " %24.1f", v);
      } else {
        std::snprintf(cell, sizeof cell, " %15.1f (%+5.1f%%)", v, 100.0 * (v - b) / std::abs(b));
      }
      line += cell;
    }
    out << line << '\n';
  }
}

}  // namespace twin::cli
