// A sweep's summary rows (twin/sweep/variant_row.h): their investment case against the park's
// baseline row, their bytes, the resume journal (twin/sweep/sweep_journal.h) and the table in the
// results file (twin/sweep/sweep_table.h).
#include "twin/sweep/variant_row.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "twin/base/error.h"
#include "twin/sweep/sweep_journal.h"
#include "twin/sweep/sweep_table.h"
#include "twin/test_park.h"

namespace twin::sweep {
namespace {

namespace fs = std::filesystem;

size_t kpi(std::string_view name) { return static_cast<size_t>(findKpi(name) - kKpis.data()); }

VariantRow row(uint64_t index, double cost_cny, double import_kwh, double co2_t) {
  VariantRow r;
  r.index = index;
  r.status = kOk;
  r.kpi[kpi("cost_CNY")] = cost_cny;
  r.kpi[kpi("grid_import_kWh")] = import_kwh;
  r.kpi[kpi("co2_t")] = co2_t;
  return r;
}

SweepPlan twoVariantPlan() {
  SweepPark p{parkSourceFromText(test::smallParkYaml(), "a.yaml"), "", {}, {}, {}};
  return makePlan({p}, {parseVariation("loads.LIGHT.rated_power=10 kW")}, false);
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("parktwin_sweep_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir / name;
}

// Hand-worked: baseline 100,000 CNY a year, the variant 80,000 CNY, investment 100,000 CNY, 8 %
// over 20 years, no O&M. NPV = -100,000 + 20,000 x (1 - 1.08^-20) / 0.08 = 96,362.95 CNY (the
// annuity factor 9.818147, e.g. Brealey, Myers & Allen, Principles of Corporate Finance, ch. 2);
// simple payback 100,000 / 20,000 = 5 years. Tolerance 0.01 CNY.
TEST(VariantRow, AppraisedAgainstItsParkBaseline) {
  const SweepPlan plan = twoVariantPlan();
  std::vector<VariantRow> rows{row(0, 100e3, 200e3, 84.0), row(1, 80e3, 160e3, 67.2)};
  rows[1].investments = {{100e3, 0, 0, 0, 0}};
  rows[0].settings = {0.08, 20, 0.0};
  appraise(plan, rows);
  EXPECT_NEAR(appraisalOf(rows[1], "npv_cny"), 96362.95, 0.01);
  EXPECT_NEAR(appraisalOf(rows[1], "simple_payback_years"), 5.0, 1e-12);
  EXPECT_NEAR(appraisalOf(rows[1], "annual_savings_cny"), 20e3, 1e-9);
  EXPECT_NEAR(appraisalOf(rows[1], "co2_avoided_t_per_year"), 16.8, 1e-9);
  EXPECT_NEAR(appraisalOf(rows[1], "lcse_cny_per_kwh"),
              100e3 * economics::capitalRecoveryFactor(0.08, 20) / 40e3, 1e-12);
  EXPECT_EQ(appraisalOf(rows[0], "npv_cny"), 0.0);  // the baseline against itself

  rows[0] = failedRow(0, "did not compile");
  appraise(plan, rows);
  EXPECT_TRUE(std::isnan(appraisalOf(rows[1], "npv_cny")));  // nothing to set it against
}

TEST(VariantRow, PowerFlowFailuresKeepTheKpisAndSayWhen) {
  const TimeGrid grid{20089, 20090, 900, 8 * 3600};  // 2025-01-01 in UTC+8
  Kpis kpis;
  kpis.total.energy_cost = 10.0;
  kpis.limits.power_flow_failures = 3;
  kpis.limits.first_failure = 40;  // 10:00 local
  const VariantRow r = succeededRow(1, ParkModel{}, kpis, grid);
  EXPECT_EQ(r.status, kNotConverged);
  EXPECT_EQ(r.error,
            "the power flow did not converge at 3 steps, the first at 2025-01-01T10:00:00+08:00");
  EXPECT_EQ(kpiOf(r, "energy_cost_CNY"), 10.0);
  kpis.limits.power_flow_failures = 0;
  EXPECT_EQ(succeededRow(1, ParkModel{}, kpis, grid).status, kOk);
}

TEST(VariantRow, BytesAreExactAndCheckedOnTheWayBack) {
  VariantRow r = row(7, 1.0 / 3.0, 2.5e-310, 1e300);
  r.status = kNotConverged;
  r.error = "the power flow did not converge at 3 steps, the first at 2025-01-01T10:00:00+08:00";
  r.investments = {{1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}};
  r.settings = {0.07, 25, 0.02};
  r.kpi[kpi("pv_kWh")] = std::nan("");
  const std::string bytes = encodeRow(r);
  const VariantRow back = decodeRow(bytes);
  EXPECT_EQ(encodeRow(back), bytes);
  EXPECT_EQ(back.kpi[kpi("cost_CNY")], 1.0 / 3.0);
  EXPECT_EQ(back.kpi[kpi("grid_import_kWh")], 2.5e-310);  // a subnormal, bit for bit
  EXPECT_EQ(back.investments[1].salvage, 10.0);
  EXPECT_EQ(back.settings.analysis_years, 25);
  EXPECT_THROW(decodeRow(bytes.substr(0, bytes.size() - 1)), std::runtime_error);
  EXPECT_THROW(decodeRow(bytes + "x"), std::runtime_error);
}

TEST(SweepJournal, RowsComeBackATornTailIsDroppedOtherInputsAreRefused) {
  const std::string path = scratch("j.h5.journal").string();
  EXPECT_TRUE(readJournal(path, "abc", 10).empty());  // none yet
  {
    SweepJournal j(path, "abc", {row(0, 1, 2, 3)});
    j.append(row(4, 5, 6, 7));
    j.append(row(2, 8, 9, 10));
  }
  std::vector<VariantRow> back = readJournal(path, "abc", 10);
  ASSERT_EQ(back.size(), 3u);
  EXPECT_EQ(back[1].index, 4u);
  EXPECT_EQ(back[2].kpi[kpi("co2_t")], 10.0);
  fs::resize_file(path, fs::file_size(path) - 5);  // killed in the middle of the last record
  back = readJournal(path, "abc", 10);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[1].index, 4u);
  EXPECT_THROW(readJournal(path, "other", 10), InputError);
  SweepJournal again(path, "abc", back);  // rewritten: the torn record is gone
  again.append(row(9, 1, 1, 1));
  EXPECT_EQ(readJournal(path, "abc", 10).size(), 3u);
  again.remove();
  EXPECT_FALSE(fs::exists(path));
  std::ofstream(path) << "not a journal";
  EXPECT_THROW(readJournal(path, "abc", 10), InputError);
  fs::remove_all(fs::path(path).parent_path());
}

TEST(SweepTable, WrittenAndReadBackWithUnitsAndGaps) {
  const SweepPlan plan = twoVariantPlan();
  std::vector<VariantRow> rows{row(0, 100e3, 200e3, 84.0), failedRow(1, "v01: \"abc\" refused")};
  appraise(plan, rows);
  const std::string path = scratch("t.h5").string();
  {
    H5::H5File file(path, H5F_ACC_TRUNC);
    writeSweepTable(file, plan, rows);
  }
  const std::optional<SweepTable> found = findSweepTable(path);
  ASSERT_TRUE(found);
  const SweepTable& t = *found;
  EXPECT_EQ(t.text_columns,
            (std::vector<std::string>{"name", "park", "scenario", "reference", "status", "error",
                                      "vary:loads.LIGHT.rated_power"}));
  EXPECT_EQ(t.variations, (std::vector<std::string>{"loads.LIGHT.rated_power"}));
  ASSERT_EQ(t.text.size(), 2u);
  EXPECT_EQ(t.text[1], (std::vector<std::string>{"v01", "a.yaml", "", "baseline", "failed",
                                                 "v01: \"abc\" refused", "10 kW"}));
  const int cost = columnOf(t.number_columns, "cost_CNY");
  const int npv = columnOf(t.number_columns, "npv_cny");
  ASSERT_GE(cost, 0);
  EXPECT_EQ(t.number_units[static_cast<size_t>(cost)], "CNY");
  EXPECT_EQ(t.numbers[0][static_cast<size_t>(cost)], 100e3);
  EXPECT_TRUE(std::isnan(t.numbers[1][static_cast<size_t>(cost)]));
  EXPECT_EQ(t.numbers[0][static_cast<size_t>(npv)], 0.0);
  fs::remove_all(fs::path(path).parent_path());
}

}  // namespace
}  // namespace twin::sweep
