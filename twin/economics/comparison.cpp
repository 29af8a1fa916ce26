#include "twin/economics/comparison.h"

#include <algorithm>
#include <numeric>

#include "twin/base/error.h"
#include "twin/base/text.h"
#include "twin/base/units.h"
#include "twin/engine/kpi.h"

namespace twin::economics {
namespace {

ScenarioComparison describe(const ScenarioResults& s) {
  ScenarioComparison c;
  c.name = s.name;
  c.description = s.description;
  c.kpi = s.total;
  c.months = s.months;
  c.monthly = s.monthly;
  return c;
}

std::vector<KpiValue> difference(const std::vector<KpiValue>& a, const std::vector<KpiValue>& b) {
  std::vector<KpiValue> out = a;
  for (KpiValue& k : out) {
    for (const KpiValue& r : b) {
      if (r.name == k.name) k.value -= r.value;
    }
  }
  return out;
}

// The KPIs the economics rest on; a run without one of them is refused, never taken as 0.
void requireKpis(const std::string& path, const ScenarioResults& s) {
  for (const char* name : {"cost_CNY", "grid_import_kWh", "co2_t"}) {
    const bool found = std::any_of(s.total.begin(), s.total.end(),
                                   [&](const KpiValue& k) { return k.name == name; });
    if (!found) {
      throw InputError(path + ": run " + quote(s.name) + " has no kpi/total/" + name +
                       " (not a complete ParkTwin results file)");
    }
  }
}

}  // namespace

double kpiSi(const std::vector<KpiValue>& kpis, const std::string& name) {
  for (const KpiValue& k : kpis) {
    if (k.name != name) continue;
    const std::optional<UnitEntry> unit = findUnit(k.units);
    if (!unit) throw InputError("kpi " + name + ": unknown units " + quote(k.units));
    return toSi(k.value, *unit);
  }
  return 0.0;
}

Comparison compareResults(const std::string& path, const std::string& baseline) {
  const ResultsSummary summary = readResultsSummary(path);
  const std::string reference = baseline.empty() ? "baseline" : baseline;
  if (summary.scenarios.size() < 2) {
    throw InputError(path + ": no scenarios to compare (the file holds the baseline only)");
  }
  for (const ScenarioResults& s : summary.scenarios) requireKpis(path, s);
  Comparison out;
  out.path = path;
  out.baseline = reference;
  bool found = false;
  for (const ScenarioResults& s : summary.scenarios) {
    if (s.name == reference) {
      out.reference = describe(s);
      found = true;
    }
  }
  if (!found) {
    std::vector<std::string> names;
    for (const ScenarioResults& s : summary.scenarios) names.push_back(s.name);
    throw InputError("--baseline: unknown run " + quote(reference) + " in " + path +
                     " (expected one of " + join(names, ", ") + ")");
  }
  out.settings = readStoredModel(path, "baseline").economics;
  const std::vector<KpiValue>& ref = out.reference.kpi;
  for (const ScenarioResults& s : summary.scenarios) {
    if (s.name == reference) continue;
    ScenarioComparison c = describe(s);
    c.delta = difference(c.kpi, ref);
    const ParkModel model = readStoredModel(path, s.name);
    c.has_investment = model.has_investment;
    c.measures = model.measures;
    c.measure_of = model.measure_of;
    InvestmentCase ic;
    ic.investments = model.investments();
    ic.annual_savings = kpiSi(ref, "cost_CNY") - kpiSi(c.kpi, "cost_CNY");
    ic.energy_saved = kpiSi(ref, "grid_import_kWh") - kpiSi(c.kpi, "grid_import_kWh");
    ic.co2_avoided = kpiSi(ref, "co2_t") - kpiSi(c.kpi, "co2_t");
    c.appraisal = appraise(ic, out.settings);
    out.scenarios.push_back(std::move(c));
  }
  return out;
}

double kpiDisplayed(const KpiValue& kpi) {
  const KpiDecl* d = findKpi(kpi.name);
  return d ? kpiSi({kpi}, kpi.name) / d->display_si : kpi.value;
}

std::vector<size_t> measuresAlone(const Comparison& comparison, const std::string& scenario) {
  std::vector<size_t> out;
  for (size_t i = 0; i < comparison.scenarios.size(); ++i) {
    if (comparison.scenarios[i].measure_of == scenario) out.push_back(i);
  }
  return out;
}

MeasuresApart measuresApart(const Comparison& comparison, const std::string& scenario) {
  MeasuresApart out;
  out.runs = measuresAlone(comparison, scenario);
  for (size_t i : out.runs) {
    const Appraisal& a = comparison.scenarios[i].appraisal;
    out.annual_savings += a.annual_savings;
    out.co2_avoided += a.co2_avoided;
    out.npv += a.npv;
  }
  return out;
}

std::vector<size_t> singleMeasureRuns(const Comparison& comparison) {
  std::vector<size_t> out;
  for (size_t i = 0; i < comparison.scenarios.size(); ++i) {
    if (measuresAlone(comparison, comparison.scenarios[i].name).empty()) out.push_back(i);
  }
  return out;
}

std::vector<size_t> rankByNpv(const Comparison& comparison) {
  std::vector<size_t> order(comparison.scenarios.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return comparison.scenarios[a].appraisal.npv > comparison.scenarios[b].appraisal.npv;
  });
  return order;
}

}  // namespace twin::economics
