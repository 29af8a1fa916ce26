#include "app/compare_output.h"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "app/json_output.h"
#include "app/text_table.h"
#include "twin/base/error.h"
#include "twin/base/text.h"
#include "twin/base/units.h"
#include "twin/economics/appraisal_fields.h"
#include "twin/engine/kpi.h"

namespace twin::cli {
namespace {

using economics::Appraisal;
using economics::Comparison;
using economics::ScenarioComparison;
using Json = nlohmann::ordered_json;

// The KPIs that are not zero in every run, in declaration order (kKpis), then any others.
std::vector<std::string> shownKpis(const Comparison& c) {
  std::vector<std::string> names;
  for (const KpiDecl& k : kKpis) names.emplace_back(k.name);
  for (const KpiValue& k : c.reference.kpi) {
    if (!findKpi(k.name)) names.push_back(k.name);
  }
  std::vector<std::string> out;
  for (const std::string& n : names) {
    bool any = economics::kpiSi(c.reference.kpi, n) != 0.0;
    for (const ScenarioComparison& s : c.scenarios) any = any || economics::kpiSi(s.kpi, n) != 0.0;
    if (any) out.push_back(n);
  }
  return out;
}

std::vector<std::string> kpiCells(const std::string& label, const std::vector<KpiValue>& kpis,
                                  const std::vector<std::string>& names, bool signed_delta) {
  std::vector<std::string> row{label};
  for (const std::string& n : names) {
    std::string cell = "-";
    for (const KpiValue& k : kpis) {
      if (k.name != n) continue;
      const double v = economics::kpiDisplayed(k);
      cell = formatGrouped(v, 1);
      if (signed_delta && v > 0 && cell.find_first_of("123456789") != std::string::npos) {
        cell = "+" + cell;
      }
    }
    row.push_back(cell);
  }
  return row;
}

void printKpis(std::ostream& out, const Comparison& c, size_t width) {
  TextTable t;
  t.corner = "run";
  const std::vector<std::string> names = shownKpis(c);
  for (const std::string& n : names) {
    const KpiDecl* d = findKpi(n);
    t.columns.push_back({d ? std::string(d->label) : n, d ? std::string(d->display_unit) : ""});
  }
  t.rows.push_back(kpiCells(c.baseline, c.reference.kpi, names, false));
  for (const ScenarioComparison& s : c.scenarios) {
    t.rows.push_back(kpiCells(s.name, s.kpi, names, false));
    t.rows.push_back(kpiCells("  vs " + c.baseline, s.delta, names, true));
  }
  printTable(out, t, width);
}

// Words joined by spaces into lines of at most `width` columns, continued with an indent.
void printWrapped(std::ostream& out, const std::vector<std::string>& words, size_t width) {
  std::string line;
  for (const std::string& w : words) {
    if (!line.empty() && line.size() + 1 + w.size() > width) {
      out << line << '\n';
      line = "   ";
    }
    line += (line.empty() || line == "   " ? "" : " ") + w;
  }
  out << line << '\n';
}

// Per scenario, each measure with its size, capex and the ids it touched.
void printMeasures(std::ostream& out, const Comparison& c, size_t width) {
  bool any = false;
  for (const ScenarioComparison& s : c.scenarios) {
    for (const Measure& m : s.measures) {
      if (!any) out << "\nMeasures (size, capex, what each touched)\n";
      any = true;
      const std::string kind(kMeasureKindNames[size_t(m.kind)]);
      const std::string label = m.name.starts_with(kind) ? m.name : m.name + " (" + kind + ")";
      const std::string head = fmt::format(
          "{}: {}: {} {}, {} kCNY:", s.name, label, formatGrouped(m.size / sizeUnitSi(m.basis), 1),
          kCostBasisUnits[size_t(m.basis)], formatGrouped(m.cost.capex / 1e3, 1));
      std::vector<std::string> words{head};
      if (m.ids.empty()) words.push_back("nothing");
      words.insert(words.end(), m.ids.begin(), m.ids.end());
      printWrapped(out, words, width);
    }
  }
}

// Each scenario whose measures also ran alone: the single runs, their sum, the scenario, and
// together minus apart.
void printTogether(std::ostream& out, const Comparison& c, size_t width) {
  const auto cells = [](const std::string& label, double savings, double co2, double npv) {
    return std::vector<std::string>{label, formatGrouped(savings / 1e3, 1),
                                    formatGrouped(co2 / 1e3, 1), formatGrouped(npv / 1e3, 1)};
  };
  for (const ScenarioComparison& s : c.scenarios) {
    const economics::MeasuresApart apart = economics::measuresApart(c, s.name);
    if (apart.runs.empty()) continue;
    TextTable t;
    t.corner = s.name + ": alone and together";
    t.columns = {{"savings", "kCNY/a"}, {"CO2 avoided", "t/a"}, {"NPV", "kCNY"}};
    for (size_t i : apart.runs) {
      const Appraisal& a = c.scenarios[i].appraisal;
      t.rows.push_back(cells("  " + c.scenarios[i].name, a.annual_savings, a.co2_avoided, a.npv));
    }
    const Appraisal& a = s.appraisal;
    t.rows.push_back(
        cells("  sum of the measures", apart.annual_savings, apart.co2_avoided, apart.npv));
    t.rows.push_back(cells("  together", a.annual_savings, a.co2_avoided, a.npv));
    t.rows.push_back(cells("  together - sum", a.annual_savings - apart.annual_savings,
                           a.co2_avoided - apart.co2_avoided, a.npv - apart.npv));
    out << '\n';
    printTable(out, t, width);
  }
}

}  // namespace

void printEconomics(std::ostream& out, const Comparison& c, size_t width) {
  out << fmt::format("Economics against {}\n(discount rate {} %, {} a, escalation {} %/a)\n",
                     c.baseline, formatNumber(100 * c.settings.discount_rate),
                     c.settings.analysis_years, formatNumber(100 * c.settings.price_escalation));
  TextTable t;
  t.corner = "scenario (by NPV)";
  for (const economics::AppraisalField& f : economics::kAppraisalFields) {
    t.columns.push_back({std::string(f.label), std::string(f.unit)});
  }
  for (size_t i : economics::rankByNpv(c)) {
    const ScenarioComparison& s = c.scenarios[i];
    std::vector<std::string> row{s.name};
    for (const economics::AppraisalField& f : economics::kAppraisalFields) {
      const std::optional<double> v = f.get(s.appraisal);
      row.push_back(v ? formatGrouped(*v / f.unit_si, f.decimals) : "-");
    }
    t.rows.push_back(std::move(row));
  }
  printTable(out, t, width);
}

namespace {

Json appraisalJson(const Appraisal& a) {
  Json j;
  for (const economics::AppraisalField& f : economics::kAppraisalFields) {
    const std::optional<double> v = f.get(a);
    j[std::string(f.json)] = v ? Json(*v / f.json_si) : Json(nullptr);
  }
  j["cash_flows_cny"] = a.cash_flows;
  return j;
}

// A scenario against the sum of its measures run alone: what they save and avoid apart, and
// together minus apart (negative: the measures overlap).
Json interactionJson(const Comparison& c, const ScenarioComparison& together,
                     const economics::MeasuresApart& apart) {
  Json names = Json::array();
  for (size_t i : apart.runs) names.push_back(c.scenarios[i].name);
  return {{"measures_alone", names},
          {"sum_annual_savings_cny", apart.annual_savings},
          {"sum_co2_avoided_t_per_year", apart.co2_avoided / 1e3},
          {"annual_savings_cny", together.appraisal.annual_savings - apart.annual_savings},
          {"co2_avoided_t_per_year", (together.appraisal.co2_avoided - apart.co2_avoided) / 1e3}};
}

Json kpiJson(const std::vector<KpiValue>& kpis) {
  Json j = Json::object();
  for (const KpiValue& k : kpis) j[k.name] = k.value;
  return j;
}

std::ofstream openCsv(const std::string& dir, const std::string& name) {
  const std::string path = (std::filesystem::path(dir) / name).string();
  std::ofstream out(path);
  if (!out) throw InputError("--csv: cannot write " + path);
  return out;
}

// One CSV row of an appraisal, in its JSON units; an empty cell where a figure does not exist.
std::string csvFields(const Appraisal& a) {
  std::string line;
  for (const economics::AppraisalField& f : economics::kAppraisalFields) {
    const std::optional<double> v = f.get(a);
    line += "," + (v ? fmt::format("{}", *v / f.json_si) : std::string());
  }
  return line;
}

}  // namespace

void printComparison(std::ostream& out, const Comparison& c, size_t width) {
  out << fmt::format("{}: {} scenarios against {}\n\n", c.path, c.scenarios.size(), c.baseline);
  printKpis(out, c, width);
  out << '\n';
  printEconomics(out, c, width);
  printMeasures(out, c, width);
  printTogether(out, c, width);
}

nlohmann::ordered_json comparisonJson(const Comparison& c) {
  Json j;
  j["baseline"] = c.baseline;
  // Percentages as written in the park file: 7 %, not 0.07 * 100 = 7.000000000000001.
  const auto pct = [](double fraction) { return std::stod(formatNumber(100 * fraction)); };
  j["economics"] = {{"discount_rate_pct", pct(c.settings.discount_rate)},
                    {"analysis_period_a", c.settings.analysis_years},
                    {"price_escalation_pct", pct(c.settings.price_escalation)}};
  j["scenarios"] = Json::array();
  for (const ScenarioComparison& s : c.scenarios) {
    Json e;
    e["name"] = s.name;
    e["description"] = s.description;
    e["kpi"] = kpiJson(s.kpi);
    e["delta"] = kpiJson(s.delta);
    e["economics"] = appraisalJson(s.appraisal);
    e["measures"] = measuresJson(s.measures);
    e["measure_of"] = s.measure_of.empty() ? Json(nullptr) : Json(s.measure_of);
    if (const economics::MeasuresApart apart = economics::measuresApart(c, s.name);
        !apart.runs.empty()) {
      e["interaction"] = interactionJson(c, s, apart);
    }
    j["scenarios"].push_back(std::move(e));
  }
  return j;
}

void writeComparisonCsv(const Comparison& c, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw InputError("--csv: cannot create " + dir + ": " + ec.message());
  std::ofstream kpis = openCsv(dir, "kpis.csv");
  kpis << "run,kpi,units,value,delta\n";
  for (const KpiValue& k : c.reference.kpi) {
    kpis << fmt::format("{},{},{},{},0\n", c.baseline, k.name, k.units, k.value);
  }
  for (const ScenarioComparison& s : c.scenarios) {
    for (size_t i = 0; i < s.kpi.size(); ++i) {
      kpis << fmt::format("{},{},{},{},{}\n", s.name, s.kpi[i].name, s.kpi[i].units, s.kpi[i].value,
                          s.delta[i].value);
    }
  }
  std::ofstream eco = openCsv(dir, "economics.csv");
  eco << "scenario";
  for (const economics::AppraisalField& f : economics::kAppraisalFields) eco << ',' << f.json;
  eco << '\n';
  std::ofstream flows = openCsv(dir, "cash_flows.csv");
  flows << "scenario,year,cash_flow_CNY\n";
  for (size_t i : economics::rankByNpv(c)) {
    const ScenarioComparison& s = c.scenarios[i];
    const Appraisal& a = s.appraisal;
    eco << s.name << csvFields(a) << '\n';
    for (size_t t = 0; t < a.cash_flows.size(); ++t) {
      flows << fmt::format("{},{},{}\n", s.name, t, a.cash_flows[t]);
    }
  }
  std::ofstream monthly = openCsv(dir, "monthly.csv");
  monthly << "run,month,kpi,units,value\n";
  std::vector<const ScenarioComparison*> runs{&c.reference};
  for (const ScenarioComparison& s : c.scenarios) runs.push_back(&s);
  for (const ScenarioComparison* s : runs) {
    for (size_t m = 0; m < s->months.size(); ++m) {
      for (const KpiValue& k : s->monthly[m]) {
        monthly << fmt::format("{},{},{},{},{}\n", s->name, s->months[m], k.name, k.units, k.value);
      }
    }
  }
}

}  // namespace twin::cli
