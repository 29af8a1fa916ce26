// What `parktwin info` reports about a park file or a results file, as JSON.
#pragma once

#include <nlohmann/json.hpp>

#include "twin/model/compile_park.h"
#include "twin/results/results_reader.h"

namespace twin::cli {

// A figure as JSON: null where it does not exist (NaN).
nlohmann::ordered_json numberOrNull(double v);

// Counts of buildings, buses, cables, transformers, motors (all motor-driven machines),
// compressors, equipment by kind, loads by kind, schedules, scenarios; site and period.
nlohmann::ordered_json parkInfoJson(const ParkSource& source, const CompiledPark& park);
// Each measure: kind, name, line, ids, size and size_unit, capex, subsidy, O&M, lifetime, salvage.
nlohmann::ordered_json measuresJson(const std::vector<Measure>& measures);
// Scenarios, period, series (with units and column counts), total KPIs and, per scenario, what
// its stored model (/model) holds.
nlohmann::ordered_json resultsInfoJson(const std::string& path, const ResultsSummary& summary);

}  // namespace twin::cli
