// What `parktwin compare` writes: the terminal tables, the JSON document and the CSV files.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "twin/economics/comparison.h"

namespace twin::cli {

// KPIs per run with deltas under each scenario, then the economics ranked by NPV; `width` columns.
void printComparison(std::ostream& out, const economics::Comparison& c, size_t width);
// The economics alone: settings, then the scenarios ranked by NPV (what `demo` ends with).
void printEconomics(std::ostream& out, const economics::Comparison& c, size_t width);
// {"baseline", "economics", "scenarios": [{"name", "description", "kpi", "delta", "economics",
// "measures"}]} (docs/economics.md).
nlohmann::ordered_json comparisonJson(const economics::Comparison& c);
// DIR/kpis.csv, economics.csv, cash_flows.csv and monthly.csv; DIR is created when missing.
void writeComparisonCsv(const economics::Comparison& c, const std::string& dir);

}  // namespace twin::cli
