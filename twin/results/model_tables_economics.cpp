// The /model tables of how a scenario is valued: economics settings, explicit investment and the
// retrofit measures with their costs (model_tables.h).
#include "twin/base/text.h"
#include "twin/results/model_table_macros.h"

namespace twin::model_columns {

const Table<EconomicsSettings>& economicsTable() {
  static const Table<EconomicsSettings> t{
      "economics",
      "how cash flows are valued (park file economics:, one row)",
      PT_ONE(EconomicsSettings, economics),
      {PT_NUMBER(EconomicsSettings, "discount_rate_pct", "%", u::pct, discount_rate, "per year"),
       PT_NUMBER(EconomicsSettings, "analysis_period_a", "a", 1.0, analysis_years,
                 "years of cash flow"),
       PT_NUMBER(EconomicsSettings, "price_escalation_pct", "%", u::pct, price_escalation,
                 "per year, on prices and O&M")}};
  return t;
}

const Table<InvestmentRow>& investmentTable() {
  static const Table<InvestmentRow> t{
      "investment",
      "the scenario's explicit investment (scenario investment:, one row)",
      [](const ParkModel& m) {
        return std::vector<InvestmentRow>{{m.has_investment, m.investment}};
      },
      [](ParkModel& m, std::vector<InvestmentRow>&& rows) {
        m.has_investment = oneRow(rows, "investment").given;
        m.investment = rows[0].investment;
      },
      {PT_NUMBER(InvestmentRow, "given", "1", 1.0, given, "1 when the scenario states one"),
       PT_NUMBER(InvestmentRow, "capex_CNY", "CNY", 1.0, investment.capex, "at year 0"),
       PT_NUMBER(InvestmentRow, "subsidy_CNY", "CNY", 1.0, investment.subsidy, "at year 0"),
       PT_NUMBER(InvestmentRow, "om_CNY", "CNY", 1.0, investment.annual_om, "O&M in year 1"),
       PT_NUMBER(InvestmentRow, "lifetime_a", "a", 1.0, investment.lifetime_years,
                 "0: outlasts the analysis period"),
       PT_NUMBER(InvestmentRow, "salvage_CNY", "CNY", 1.0, investment.salvage,
                 "at the end of the period")}};
  return t;
}

const Table<Measure>& measureTable() {
  static const Table<Measure> t{
      "measure",
      "the scenario's retrofit measures, as expanded, with their costs",
      PT_ROWS(Measure, measures),
      {PT_WORD(Measure, "kind", kind, kMeasureKindNames, "measure kind"),
       PT_TEXT(Measure, "name", name, "its name"),
       PT_NUMBER(Measure, "line", "1", 1.0, line, "line of the measure in the park file"),
       {"ids", "", 0.0, "entries it changed or added, separated by spaces", nullptr, nullptr,
        [](const ParkModel&, const Measure& m) { return join(m.ids, " "); },
        [](const ParkModel&, Measure& m, const std::string& v) {
          m.ids.clear();
          for (size_t i = 0; i < v.size();) {
            const size_t end = std::min(v.find(' ', i), v.size());
            if (end > i) m.ids.push_back(v.substr(i, end - i));
            i = end + 1;
          }
          return true;
        }},
       PT_WORD(Measure, "size_unit", basis, kCostBasisUnits, "what the cost scales with"),
       {"size", "1", 1.0, "in size_unit",
        [](const Measure& m) { return m.size / sizeUnitSi(m.basis); },
        [](Measure& m, double v) { return m.size = v * sizeUnitSi(m.basis), true; }},
       PT_NUMBER(Measure, "capex_CNY", "CNY", 1.0, cost.capex, "capital cost"),
       PT_NUMBER(Measure, "subsidy_CNY", "CNY", 1.0, cost.subsidy, "at year 0"),
       PT_NUMBER(Measure, "om_CNY", "CNY", 1.0, cost.annual_om, "O&M in year 1"),
       PT_NUMBER(Measure, "lifetime_a", "a", 1.0, cost.lifetime_years, "lifetime"),
       PT_NUMBER(Measure, "salvage_CNY", "CNY", 1.0, cost.salvage, "at the end of the period")}};
  return t;
}

}  // namespace twin::model_columns
