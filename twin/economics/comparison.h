// Every scenario of a results file against a reference run (the baseline unless named): KPI
// totals and deltas, and the scenario's investment case (twin/economics/cash_flow.h), read from
// /kpi and /model only. This is what `parktwin compare` prints and exports.
#pragma once

#include <string>
#include <vector>

#include "twin/economics/cash_flow.h"
#include "twin/results/results_reader.h"

namespace twin::economics {

struct ScenarioComparison {
  std::string name;
  std::string description;
  std::vector<KpiValue> kpi;    // totals of the simulated period, as stored
  std::vector<KpiValue> delta;  // the same names: scenario minus reference
  std::vector<std::string> months;
  std::vector<std::vector<KpiValue>> monthly;
  bool has_investment = false;    // an investment stated for the scenario (it wins over measures)
  std::vector<Measure> measures;  // as expanded, with their costs
  std::string measure_of;         // a measure run alone: the scenario it belongs to
  Appraisal appraisal;
};

struct Comparison {
  std::string path;
  std::string baseline;  // the reference run's name
  EconomicsSettings settings;
  ScenarioComparison reference;
  std::vector<ScenarioComparison> scenarios;  // the others, in the results file's order
};

// `baseline`: "" or "baseline" for the file's baseline, else a scenario's name. Throws
// InputError for an unknown name or a file without scenarios to compare.
Comparison compareResults(const std::string& path, const std::string& baseline);

// The value of the KPI `name` in `kpis`, in SI (through its units); 0 when absent.
double kpiSi(const std::vector<KpiValue>& kpis, const std::string& name);

// A stored KPI in the unit tables show it in (MWh, kCNY: kKpis' display unit), or as stored when
// it is not declared.
double kpiDisplayed(const KpiValue& kpi);

// Indices of the runs of each measure of `scenario` alone (parktwin run --each-measure).
std::vector<size_t> measuresAlone(const Comparison& comparison, const std::string& scenario);

// A scenario against its measures run alone: their sums, to set against the scenario's own.
struct MeasuresApart {
  std::vector<size_t> runs;     // indices of the single-measure runs
  double annual_savings = 0.0;  // CNY
  double co2_avoided = 0.0;     // kg per year
  double npv = 0.0;             // CNY
};
MeasuresApart measuresApart(const Comparison& comparison, const std::string& scenario);

// The runs of single measures: every scenario except those whose measures also ran alone, which
// those runs replace (what a marginal abatement cost curve is drawn over).
std::vector<size_t> singleMeasureRuns(const Comparison& comparison);

// Indices of comparison.scenarios from the highest NPV to the lowest.
std::vector<size_t> rankByNpv(const Comparison& comparison);

}  // namespace twin::economics
