#include "app/compare_output.h"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "app/text_table.h"
#include "twin/base/error.h"
#include "twin/base/text.h"
#include "twin/base/units.h"
#include "twin/engine/kpi.h"

namespace twin::cli {
namespace {

using economics::Appraisal;
using economics::Comparison;
using economics::ScenarioComparison;
using Json = nlohmann::ordered_json;

constexpr double kKwh = 3.6e6;  // J
constexpr double kTonne = 1e3;  // kg

const KpiDecl* kpiDecl(const std::string& name) {
  for (const KpiDecl& k : kKpis) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

// A stored KPI in the unit tables show it in (MWh, kCNY), or as stored when undeclared.
double displayed(const KpiValue& k) {
  const KpiDecl* d = kpiDecl(k.name);
  return d ? economics::kpiSi({k}, k.name) / d->display_si : k.value;
}

// The KPIs that are not zero in every run, in declaration order (kKpis), then any others.
std::vector<std::string> shownKpis(const Comparison& c) {
  std::vector<std::string> names;
  for (const KpiDecl& k : kKpis) names.emplace_back(k.name);
  for (const KpiValue& k : c.reference.kpi) {
    if (!kpiDecl(k.name)) names.push_back(k.name);
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
      const double v = displayed(k);
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
    const KpiDecl* d = kpiDecl(n);
    t.columns.push_back({d ? std::string(d->label) : n, d ? std::string(d->display_unit) : ""});
  }
  t.rows.push_back(kpiCells(c.baseline, c.reference.kpi, names, false));
  for (const ScenarioComparison& s : c.scenarios) {
    t.rows.push_back(kpiCells(s.name, s.kpi, names, false));
    t.rows.push_back(kpiCells("  vs " + c.baseline, s.delta, names, true));
  }
  printTable(out, t, width);
}

std::string optionalCell(const std::optional<double>& v, double scale, int decimals) {
  return v ? formatGrouped(*v * scale, decimals) : "-";
}

}  // namespace

void printEconomics(std::ostream& out, const Comparison& c, size_t width) {
  out << fmt::format("Economics against {}\n(discount rate {} %, {} a, escalation {} %/a)\n",
                     c.baseline, formatNumber(100 * c.settings.discount_rate),
                     c.settings.analysis_years, formatNumber(100 * c.settings.price_escalation));
  TextTable t;
  t.corner = "scenario (by NPV)";
  t.columns = {{"investment", "kCNY"}, {"savings", "kCNY/a"}, {"O&M", "kCNY/a"},
               {"NPV", "kCNY"},        {"IRR", "%"},          {"payback", "a"},
               {"disc. payback", "a"}, {"LCSE", "CNY/kWh"},   {"CO2 avoided", "t/a"},
               {"abatement", "CNY/t"}};
  for (size_t i : economics::rankByNpv(c)) {
    const ScenarioComparison& s = c.scenarios[i];
    const Appraisal& a = s.appraisal;
    t.rows.push_back(
        {s.name, formatGrouped(a.investment / 1e3, 1), formatGrouped(a.annual_savings / 1e3, 1),
         formatGrouped(a.annual_om / 1e3, 1), formatGrouped(a.npv / 1e3, 1),
         optionalCell(a.irr, 100.0, 1), optionalCell(a.simple_payback, 1.0, 1),
         optionalCell(a.discounted_payback, 1.0, 1), optionalCell(a.lcse, kKwh, 3),
         formatGrouped(a.co2_avoided / kTonne, 1), optionalCell(a.abatement_cost, kTonne, 0)});
  }
  printTable(out, t, width);
}

namespace {

Json optionalJson(const std::optional<double>& v, double scale) {
  return v ? Json(*v * scale) : Json(nullptr);
}

Json appraisalJson(const Appraisal& a) {
  Json j;
  j["investment_cny"] = a.investment;
  j["annual_savings_cny"] = a.annual_savings;
  j["annual_om_cny"] = a.annual_om;
  j["cash_flows_cny"] = a.cash_flows;
  j["npv_cny"] = a.npv;
  j["irr_pct"] = optionalJson(a.irr, 100.0);
  j["simple_payback_years"] = optionalJson(a.simple_payback, 1.0);
  j["discounted_payback_years"] = optionalJson(a.discounted_payback, 1.0);
  j["lcse_cny_per_kwh"] = optionalJson(a.lcse, kKwh);
  j["co2_avoided_t_per_year"] = a.co2_avoided / kTonne;
  j["abatement_cost_cny_per_t"] = optionalJson(a.abatement_cost, kTonne);
  return j;
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

std::string csvNumber(const std::optional<double>& v, double scale) {
  return v ? fmt::format("{}", *v * scale) : "";
}

}  // namespace

void printComparison(std::ostream& out, const Comparison& c, size_t width) {
  out << fmt::format("{}: {} scenarios against {}\n\n", c.path, c.scenarios.size(), c.baseline);
  printKpis(out, c, width);
  out << '\n';
  printEconomics(out, c, width);
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
    e["measures"] = Json::array();
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
  eco << "scenario,investment_CNY,annual_savings_CNY,annual_om_CNY,npv_CNY,irr_pct,"
         "simple_payback_a,discounted_payback_a,lcse_CNY_per_kWh,co2_avoided_t_per_a,"
         "abatement_cost_CNY_per_t\n";
  std::ofstream flows = openCsv(dir, "cash_flows.csv");
  flows << "scenario,year,cash_flow_CNY\n";
  for (size_t i : economics::rankByNpv(c)) {
    const ScenarioComparison& s = c.scenarios[i];
    const Appraisal& a = s.appraisal;
    eco << fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", s.name, a.investment, a.annual_savings,
                       a.annual_om, a.npv, csvNumber(a.irr, 100), csvNumber(a.simple_payback, 1),
                       csvNumber(a.discounted_payback, 1), csvNumber(a.lcse, kKwh),
                       a.co2_avoided / kTonne, csvNumber(a.abatement_cost, kTonne));
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
