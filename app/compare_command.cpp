// `parktwin compare OUT.h5 [--baseline NAME] [--json] [--csv DIR] [--xlsx FILE [--language zh]]`:
// every scenario against the baseline, KPIs and economics, from /kpi and /model only
// (docs/economics.md).
#include <iostream>

#include "app/commands.h"
#include "app/compare_output.h"
#include "app/compare_sweep.h"
#include "app/compare_xlsx.h"
#include "app/text_table.h"
#include "twin/sweep/sweep_table.h"

namespace twin::cli {

int compareCommand(const CompareRequest& request) {
  if (const std::optional<sweep::SweepTable> t = sweep::findSweepTable(request.path)) {
    return compareSweep(request, *t);
  }
  const economics::Comparison c = economics::compareResults(request.path, request.baseline);
  if (!request.csv_dir.empty()) writeComparisonCsv(c, request.csv_dir);
  if (!request.xlsx.empty()) writeComparisonXlsx(c, request.xlsx, request.language == "zh");
  if (request.json) {
    std::cout << comparisonJson(c).dump(2) << '\n';
  } else {
    printComparison(std::cout, c, terminalWidth());
  }
  return 0;
}

}  // namespace twin::cli
