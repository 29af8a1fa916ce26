#include "app/compare_xlsx.h"

#include <algorithm>

#include "app/xlsx_file.h"
#include "twin/economics/appraisal_fields.h"
#include "twin/engine/kpi.h"

namespace twin::cli {
namespace {

using economics::Comparison;
using economics::ScenarioComparison;

// The workbook's words: English, Chinese.
struct Words {
  const char* summary;
  const char* economics;
  const char* cash_flows;
  const char* monthly;
  const char* abatement;
  const char* run;
  const char* description;
  const char* delta;
  const char* year;
  const char* month;
  const char* scenario;
  const char* co2_from;
  const char* co2_to;
  const char* monthly_energy;
  const char* monthly_cost;
  const char* mac_title;
  const char* mac_x;
  const char* mac_y;
  const char* settings;
  const char* discount_rate;
  const char* period;
  const char* escalation;
};

constexpr Words kEnglish{"Summary",
                         "Economics",
                         "Cash flows",
                         "Monthly",
                         "Abatement",
                         "run",
                         "description",
                         "change against",
                         "year",
                         "month",
                         "scenario",
                         "CO2 avoided from [t/a]",
                         "CO2 avoided to [t/a]",
                         "Monthly grid import [MWh]",
                         "Monthly electricity cost [kCNY]",
                         "Marginal abatement cost curve",
                         "CO2 avoided [t/a]",
                         "abatement cost [CNY/t]",
                         "settings",
                         "discount rate [%]",
                         "analysis period [a]",
                         "price escalation [%/a]"};
constexpr Words kChinese{"汇总",
                         "经济性",
                         "现金流",
                         "月度",
                         "减排成本曲线",
                         "方案",
                         "说明",
                         "相对变化：",
                         "年",
                         "月份",
                         "方案",
                         "累计减碳起点 [t/a]",
                         "累计减碳终点 [t/a]",
                         "月度购电量 [MWh]",
                         "月度电费 [kCNY]",
                         "边际减排成本曲线",
                         "年减碳量 [t/a]",
                         "减排成本 [CNY/t]",
                         "参数",
                         "折现率 [%]",
                         "分析期 [a]",
                         "电价年涨幅 [%/a]"};

struct Book {
  lxw_workbook* wb;
  const Words& w;
  bool chinese;
  lxw_format* bold;
  lxw_format* number;
};

std::string kpiHeader(const Book& b, const std::string& name) {
  const KpiDecl* d = findKpi(name);
  if (!d) return name;
  return withUnit(std::string(b.chinese ? d->label_zh : d->label), d->display_unit);
}

void writeKpiRows(const Book& b, lxw_worksheet* ws, int row, const std::string& label,
                  const std::vector<KpiValue>& kpis) {
  writeText(ws, row, 0, label, nullptr);
  for (size_t k = 0; k < kpis.size(); ++k) {
    writeNumber(ws, row, static_cast<int>(k) + 1, economics::kpiDisplayed(kpis[k]), b.number);
  }
}

void summarySheet(const Book& b, const Comparison& c) {
  lxw_worksheet* ws = workbook_add_worksheet(b.wb, b.w.summary);
  worksheet_set_column(ws, 0, 0, 24, nullptr);
  worksheet_set_column(ws, 1, static_cast<lxw_col_t>(c.reference.kpi.size()), 16, nullptr);
  writeText(ws, 0, 0, b.w.run, b.bold);
  for (size_t k = 0; k < c.reference.kpi.size(); ++k) {
    writeText(ws, 0, static_cast<int>(k) + 1, kpiHeader(b, c.reference.kpi[k].name), b.bold);
  }
  int row = 1;
  writeKpiRows(b, ws, row++, c.baseline, c.reference.kpi);
  for (const ScenarioComparison& s : c.scenarios) writeKpiRows(b, ws, row++, s.name, s.kpi);
  writeText(ws, ++row, 0, std::string(b.w.delta) + " " + c.baseline, b.bold);
  for (const ScenarioComparison& s : c.scenarios) writeKpiRows(b, ws, ++row, s.name, s.delta);
  worksheet_freeze_panes(ws, 1, 1);
}

void economicsSheet(const Book& b, const Comparison& c) {
  lxw_worksheet* ws = workbook_add_worksheet(b.wb, b.w.economics);
  worksheet_set_column(ws, 0, 0, 24, nullptr);
  worksheet_set_column(ws, 1, static_cast<lxw_col_t>(economics::kAppraisalFields.size() + 1), 16,
                       nullptr);
  writeText(ws, 0, 0, b.w.scenario, b.bold);
  writeText(ws, 0, 1, b.w.description, b.bold);
  int col = 2;
  for (const economics::AppraisalField& f : economics::kAppraisalFields) {
    writeText(ws, 0, col++, withUnit(std::string(b.chinese ? f.label_zh : f.label), f.unit),
              b.bold);
  }
  int row = 1;
  for (size_t i : economics::rankByNpv(c)) {
    const ScenarioComparison& s = c.scenarios[i];
    writeText(ws, row, 0, s.name, nullptr);
    writeText(ws, row, 1, s.description, nullptr);
    col = 2;
    for (const economics::AppraisalField& f : economics::kAppraisalFields) {
      if (const std::optional<double> v = f.get(s.appraisal)) {
        writeNumber(ws, row, col, *v / f.unit_si, b.number);
      }
      ++col;
    }
    ++row;
  }
  writeText(ws, ++row, 0, b.w.settings, b.bold);
  writeText(ws, ++row, 0, b.w.discount_rate, nullptr);
  writeNumber(ws, row, 1, 100 * c.settings.discount_rate, b.number);
  writeText(ws, ++row, 0, b.w.period, nullptr);
  writeNumber(ws, row, 1, c.settings.analysis_years, nullptr);
  writeText(ws, ++row, 0, b.w.escalation, nullptr);
  writeNumber(ws, row, 1, 100 * c.settings.price_escalation, b.number);
}

void cashFlowSheet(const Book& b, const Comparison& c) {
  lxw_worksheet* ws = workbook_add_worksheet(b.wb, b.w.cash_flows);
  writeText(ws, 0, 0, b.w.year, b.bold);
  for (int t = 0; t <= c.settings.analysis_years; ++t) writeNumber(ws, t + 1, 0, t, nullptr);
  int col = 1;
  for (size_t i : economics::rankByNpv(c)) {
    const ScenarioComparison& s = c.scenarios[i];
    writeText(ws, 0, col, withUnit(s.name, "CNY"), b.bold);
    for (size_t t = 0; t < s.appraisal.cash_flows.size(); ++t) {
      writeNumber(ws, static_cast<int>(t) + 1, col, s.appraisal.cash_flows[t], b.number);
    }
    ++col;
  }
  worksheet_set_column(ws, 1, static_cast<lxw_col_t>(col), 18, nullptr);
  worksheet_freeze_panes(ws, 1, 1);
}

// Per month, the grid import and the cost of every run, and a chart of each.
void monthlySheet(const Book& b, const Comparison& c) {
  lxw_worksheet* ws = workbook_add_worksheet(b.wb, b.w.monthly);
  std::vector<const ScenarioComparison*> runs{&c.reference};
  for (const ScenarioComparison& s : c.scenarios) runs.push_back(&s);
  const int n = static_cast<int>(runs.size());
  const int months = static_cast<int>(c.reference.months.size());
  writeText(ws, 1, 0, b.w.month, b.bold);
  for (int m = 0; m < months; ++m) writeText(ws, m + 2, 0, c.reference.months[size_t(m)], nullptr);
  const std::array<std::string, 2> kpis = {"grid_import_kWh", "cost_CNY"};
  for (int k = 0; k < 2; ++k) {
    writeText(ws, 0, 1 + k * n, kpiHeader(b, kpis[size_t(k)]), b.bold);
    for (int r = 0; r < n; ++r) {
      const ScenarioComparison& run = *runs[size_t(r)];
      writeText(ws, 1, 1 + k * n + r, run.name, b.bold);
      for (int m = 0; m < months && m < static_cast<int>(run.monthly.size()); ++m) {
        for (const KpiValue& v : run.monthly[size_t(m)]) {
          if (v.name == kpis[size_t(k)]) {
            writeNumber(ws, m + 2, 1 + k * n + r, economics::kpiDisplayed(v), b.number);
          }
        }
      }
    }
    lxw_chart* chart = workbook_add_chart(b.wb, k == 0 ? LXW_CHART_COLUMN : LXW_CHART_LINE);
    chart_title_set_name(chart, k == 0 ? b.w.monthly_energy : b.w.monthly_cost);
    for (int r = 0; r < n; ++r) {
      const auto col = static_cast<lxw_col_t>(1 + k * n + r);
      lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
      chart_series_set_categories(series, b.w.monthly, 2, 0, lxw_row_t(months + 1), 0);
      chart_series_set_values(series, b.w.monthly, 2, col, lxw_row_t(months + 1), col);
      chart_series_set_name_range(series, b.w.monthly, 1, col);
    }
    worksheet_insert_chart(ws, lxw_row_t(months + 4 + k * 20), 1, chart);
  }
  worksheet_set_column(ws, 1, lxw_col_t(2 * n), 14, nullptr);
}

// The marginal abatement cost curve over single measures (a scenario whose measures also ran alone
// is replaced by those runs): the ones that avoid CO2, cheapest first, each a box as wide as the
// CO2 it avoids and as high as its abatement cost.
void abatementSheet(const Book& b, const Comparison& c) {
  lxw_worksheet* ws = workbook_add_worksheet(b.wb, b.w.abatement);
  std::vector<const ScenarioComparison*> curve;
  for (size_t i : economics::singleMeasureRuns(c)) {
    const ScenarioComparison& s = c.scenarios[i];
    if (s.appraisal.abatement_cost && s.appraisal.co2_avoided > 0.0) curve.push_back(&s);
  }
  std::stable_sort(curve.begin(), curve.end(), [](const auto* x, const auto* y) {
    return *x->appraisal.abatement_cost < *y->appraisal.abatement_cost;
  });
  const economics::AppraisalField& co2 = economics::kAppraisalFields[8];
  const economics::AppraisalField& cost = economics::kAppraisalFields[9];
  writeText(ws, 0, 0, b.w.scenario, b.bold);
  writeText(ws, 0, 1, withUnit(std::string(b.chinese ? co2.label_zh : co2.label), co2.unit),
            b.bold);
  writeText(ws, 0, 2, b.w.co2_from, b.bold);
  writeText(ws, 0, 3, b.w.co2_to, b.bold);
  writeText(ws, 0, 4, withUnit(std::string(b.chinese ? cost.label_zh : cost.label), cost.unit),
            b.bold);
  writeText(ws, 0, 6, b.w.mac_x, b.bold);
  writeText(ws, 0, 7, b.w.mac_y, b.bold);
  lxw_chart* chart = workbook_add_chart(b.wb, LXW_CHART_SCATTER_STRAIGHT);
  chart_title_set_name(chart, b.w.mac_title);
  chart_axis_set_name(chart->x_axis, b.w.mac_x);
  chart_axis_set_name(chart->y_axis, b.w.mac_y);
  double from = 0.0;
  for (size_t i = 0; i < curve.size(); ++i) {
    const int row = static_cast<int>(i) + 1;
    const double width = curve[i]->appraisal.co2_avoided / co2.unit_si;
    const double height = *curve[i]->appraisal.abatement_cost / cost.unit_si;
    writeText(ws, row, 0, curve[i]->name, nullptr);
    writeNumber(ws, row, 1, width, b.number);
    writeNumber(ws, row, 2, from, b.number);
    writeNumber(ws, row, 3, from + width, b.number);
    writeNumber(ws, row, 4, height, b.number);
    const std::array<std::pair<double, double>, 4> box = {
        {{from, 0.0}, {from, height}, {from + width, height}, {from + width, 0.0}}};
    const int first = 1 + 4 * static_cast<int>(i);
    for (int p = 0; p < 4; ++p) {
      writeNumber(ws, first + p, 6, box[size_t(p)].first, b.number);
      writeNumber(ws, first + p, 7, box[size_t(p)].second, b.number);
    }
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(series, b.w.abatement, lxw_row_t(first), 6, lxw_row_t(first + 3),
                                6);
    chart_series_set_values(series, b.w.abatement, lxw_row_t(first), 7, lxw_row_t(first + 3), 7);
    chart_series_set_name_range(series, b.w.abatement, lxw_row_t(row), 0);
    from += width;
  }
  worksheet_set_column(ws, 0, 0, 24, nullptr);
  worksheet_set_column(ws, 1, 7, 16, nullptr);
  if (!curve.empty()) worksheet_insert_chart(ws, lxw_row_t(curve.size() + 3), 0, chart);
}

}  // namespace

void writeComparisonXlsx(const Comparison& c, const std::string& path, bool chinese) {
  XlsxFile file = openXlsx(path, "--xlsx");
  lxw_workbook* wb = file.wb;
  Book b{wb, chinese ? kChinese : kEnglish, chinese, workbook_add_format(wb),
         workbook_add_format(wb)};
  format_set_bold(b.bold);
  format_set_num_format(b.number, "#,##0.0##");
  summarySheet(b, c);
  economicsSheet(b, c);
  cashFlowSheet(b, c);
  monthlySheet(b, c);
  abatementSheet(b, c);
  closeXlsx(file);
}

}  // namespace twin::cli
