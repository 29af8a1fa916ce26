// What `parktwin report` draws, gathered from a results file as the JSON the page embeds in
// <script type="application/json" id="parktwin-data"> (docs/presenting.md): the park at a glance,
// `compare --json` as it is, monthly energy and cost, load duration curves, typical days, energy
// flows, motors against their class, network limits and demand-response events.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/report_sums.h"
#include "twin/engine/series.h"
#include "twin/model/model.h"
#include "twin/results/results_reader.h"

namespace twin::cli {

using Json = nlohmann::ordered_json;

// One scenario's run in the file, with its stored model.
struct ReportRun {
  std::string name;  // "baseline" or a scenario name
  ParkModel model;
};

// A KPI as the file stores it (kWh, CNY, ...); NaN when absent.
double storedKpi(const std::vector<KpiValue>& kpis, const std::string& name);
// The file's listing of run `name` (the baseline's when there is none).
const ScenarioResults& runListing(const ResultsSummary& summary, const std::string& name);

// Monthly energy and cost from the scenario's /kpi/monthly.
Json monthlyJson(const ScenarioResults& run);
// The grid import sorted from the highest, at `points` evenly spaced ranks, with their hours.
Json loadDurationJson(SeriesSums& sums, const std::string& scenario, double step_h,
                      size_t points = 200);
// Each motor's operating efficiency (shaft over input energy over the run) against
// its class's minimum at rated load (IEC 60034-30-1): a histogram of the gap and the worst ten.
// zh: names in Chinese where the park file gives them.
Json motorsJson(SeriesSums& sums, const ReportRun& baseline, bool zh);
// Network limits crossed and demand-response events, per run.
Json limitsJson(const std::string& path, const std::vector<ReportRun>& runs);
Json drEventsJson(const std::string& path, const std::vector<ReportRun>& runs);

// The groupings of columns the typical days sum for each equipment kind's demand: the motors'
// input and the loads' power by their kinds, the park's EV charging, and the park's demand as
// "other" (for a file without motor and load series).
struct DemandGrouping {
  SeriesId series;
  std::vector<std::string> groups;
};
std::vector<DemandGrouping> demandGroupings(const ParkModel& model);

// Typical workday and weekend of each season (per step of day, means over the days), demand by
// equipment kind, PV, battery and grid; and the year's energy flows from the grid and PV through
// the buildings to the equipment kinds (report_flows.cpp).
Json profilesJson(SeriesSums& stored, const ReportRun& run, const ResultsSummary& summary, bool zh);
Json sankeyJson(SeriesSums& sums, const ReportRun& run, const ResultsSummary& summary, bool zh);

// A sweep's or a sizing's rows (/sweep/variants; null without it): `variations`, `count` (rows
// that are not a park's baseline) and the `max_rows` of them with the highest NPV, each with its
// name, scenario, status, `vary` values (in the order of `variations`), cost, peak, CO2,
// investment, NPV and payback (report_variants.cpp).
Json variantsJson(const std::string& path, size_t max_rows = 200);

}  // namespace twin::cli
