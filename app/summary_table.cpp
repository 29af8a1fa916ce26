#include "app/summary_table.h"

#include <fmt/format.h>

#include <cmath>

namespace twin::cli {

void printKpiTable(std::ostream& out, const std::vector<std::pair<std::string, Kpis>>& runs) {
  if (runs.empty()) return;
  std::string line = fmt::format("{:<26}", "");
  for (const auto& [name, kpis] : runs) line += fmt::format(" {:>24.24}", name);
  out << line << '\n';
  const PeriodKpi& base = runs.front().second.total;
  for (const KpiDecl& k : kKpis) {
    // Rows that are zero in every run (no EV chargers, no events, ...) say nothing.
    bool any = false;
    for (const auto& run : runs) any = any || k.get(run.second.total) != 0.0;
    if (!any) continue;
    const std::string label = std::string(k.label) + " [" + std::string(k.display_unit) + "]";
    line = fmt::format("{:<26}", label);
    const double b = k.get(base) / k.display_si;
    for (size_t i = 0; i < runs.size(); ++i) {
      const double v = k.get(runs[i].second.total) / k.display_si;
      line += i == 0 || b == 0.0
                  ? fmt::format(" {:>24.1f}", v)
                  : fmt::format(" {:>15.1f} ({:>+5.1f}%)", v, 100.0 * (v - b) / std::abs(b));
    }
    out << line << '\n';
  }
}

}  // namespace twin::cli
