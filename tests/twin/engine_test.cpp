// Scenario tier: small parks through the engine. Determinism across thread counts, the energy
// balance at every step, a step computed by hand, and the KPIs.
#include "twin/engine.h"

#include <gtest/gtest.h>

#include <cmath>

#include "twin/memory_sink.h"
#include "twin/test_park.h"

namespace twin {
namespace {

using test::runWithThreads;

TEST(Engine, OneAndManyThreadsAreBitIdentical) {
  const CompiledPark park = test::compileDemoPark();
  PeriodOverride two_weeks;
  two_weeks.end_day = park.baseline.simulation.start_day + 14;
  const TimeGrid grid = makeTimeGrid(park.baseline, two_weeks);
  Kpis k1, k4;
  const test::MemorySink one = runWithThreads(park.baseline, grid, 1, &k1);
  const test::MemorySink four = runWithThreads(park.baseline, grid, 4, &k4);
  ASSERT_EQ(one.blocks.size(), 14u);
  test::expectBitIdentical(one, four);
  EXPECT_EQ(k1.total.import_energy, k4.total.import_energy);
  EXPECT_EQ(k1.total.cost(), k4.total.cost());
}

TEST(Engine, EnergyBalanceClosesAtEveryStep) {
  // Supply (grid import + PV) = demand (motor inputs + loads) + network losses, to 1e-9
  // relative; the PV total is the sum of the arrays.
  const CompiledPark park = test::compileDemoPark();
  PeriodOverride week;
  week.end_day = park.baseline.simulation.start_day + 7;
  const TimeGrid grid = makeTimeGrid(park.baseline, week);
  Kpis kpis;
  const test::MemorySink sink = runWithThreads(park.baseline, grid, 2, &kpis);
  const std::vector<double> import = sink.series(kParkGridImport);
  const std::vector<double> demand = sink.series(kParkDemand);
  const std::vector<double> losses = sink.series(kParkNetworkLosses);
  const std::vector<double> motors = sink.series(kMotorInputPower);
  const std::vector<double> loads = sink.series(kLoadPower);
  const std::vector<double> pv = sink.series(kParkPvPower);
  const std::vector<double> arrays = sink.series(kPvAcPower);
  const size_t npv = park.baseline.pv.size();
  const size_t nm = park.baseline.motors.size();
  const size_t nl = park.baseline.loads.size();
  ASSERT_EQ(import.size(), static_cast<size_t>(grid.steps()));
  for (size_t k = 0; k < import.size(); ++k) {
    ASSERT_GT(import[k], 0.0);
    ASSERT_NEAR(import[k] + pv[k], demand[k] + losses[k], 1e-9 * import[k]) << "step " << k;
    double pv_parts = 0.0;
    for (size_t i = 0; i < npv; ++i) pv_parts += arrays[k * npv + i];
    ASSERT_EQ(pv[k], pv_parts) << "step " << k;
    double parts = 0.0;
    for (size_t i = 0; i < nm; ++i) parts += motors[k * nm + i];
    for (size_t i = 0; i < nl; ++i) parts += loads[k * nl + i];
    ASSERT_NEAR(demand[k], parts, 1e-9 * demand[k]) << "step " << k;
  }
  EXPECT_LT(kpis.max_balance_residual, 1e-12);
}

TEST(Engine, StepMatchesHandCalculation) {
  // Thursday 2025-01-02 10:00-10:15 local: two pumps on shift at 80 % of 15 kW, eta 0.906 and
  // pf 0.85 at rating, by the loss-segregation model of physics/motor_efficiency.h: rated losses
  // L = P (1/eta - 1), constant share s = 0.30 + 0.03 log10(15) of L, the rest ~ load^2; reactive
  // power 75 % magnetising + 25 % ~ load^2 of the rated Q = P/eta tan(acos pf); 20 kW lighting at
  // pf 0.95; 630 kVA transformer P0 0.81 kW, Pk 6.2 kW; 200 m cable
  // of 0.2 ohm/km at 10 kV. Computed here from the formulas, independently of the stages.
  const CompiledPark park = test::compileText(test::smallParkYaml());
  const TimeGrid grid = makeTimeGrid(park.baseline, {});
  const test::MemorySink sink = runWithThreads(park.baseline, grid, 2);
  const size_t k = 96 + 40;  // day 2, step 40 = 10:00
  const double rated_losses = 15e3 / 0.906 - 15e3;
  const double share = 0.30 + 0.03 * std::log10(15.0);
  const double pump_in = 0.8 * 15e3 + rated_losses * (share + (1 - share) * 0.64);
  const double rated_q = 15e3 / 0.906 * std::tan(std::acos(0.85));
  const double pump_q = rated_q * (0.75 + 0.25 * 0.64);
  const double p_lv = 2 * pump_in + 20e3;
  const double q_lv = 2 * pump_q + 20e3 * std::tan(std::acos(0.95));
  const double s_lv = std::sqrt(p_lv * p_lv + q_lv * q_lv);
  const double tr_loss = 810.0 + 6200.0 * (s_lv / 630e3) * (s_lv / 630e3);
  const double p_mv = p_lv + tr_loss;
  const double s_mv = std::sqrt(p_mv * p_mv + q_lv * q_lv);
  const double current = s_mv / (std::sqrt(3.0) * 10e3);
  const double cable_loss = 3 * current * current * 0.04;
  EXPECT_NEAR(sink.series(kMotorInputPower)[k * 2], pump_in, 1e-9 * pump_in);
  EXPECT_NEAR(sink.series(kTransformerLosses)[k], tr_loss, 1e-9 * tr_loss);
  EXPECT_NEAR(sink.series(kCableCurrent)[k], current, 1e-9 * current);
  EXPECT_NEAR(sink.series(kParkGridImport)[k], p_mv + cable_loss, 1e-9 * p_mv);
  // 2025-01-01 is a holiday: the pumps run at the weekend value 0.1, not the shift value.
  EXPECT_NEAR(sink.series(kMotorShaftPower)[40 * 2], 0.1 * 0.8 * 15e3, 1e-9);
}

TEST(Engine, KpisFollowTariffDemandChargeAndEmissionFactor) {
  const CompiledPark park = test::compileText(test::smallParkYaml());
  const TimeGrid grid = makeTimeGrid(park.baseline, {});
  Kpis kpis;
  const test::MemorySink sink = runWithThreads(park.baseline, grid, 2, &kpis);
  const std::vector<double> import = sink.series(kParkGridImport);
  double energy = 0.0, cost = 0.0, peak = 0.0;
  for (size_t k = 0; k < import.size(); ++k) {
    const int minute = static_cast<int>(k % 96) * 15;
    const double price = (minute >= 8 * 60 && minute < 20 * 60 ? 1.0 : 0.3) / 3.6e6;
    energy += import[k] * 900;
    cost += import[k] * 900 * price;
    peak = std::max(peak, import[k]);
  }
  ASSERT_EQ(kpis.months.size(), 1u);
  EXPECT_NEAR(kpis.total.import_energy, energy, 1e-9 * energy);
  EXPECT_NEAR(kpis.total.energy_cost, cost, 1e-9 * cost);
  EXPECT_DOUBLE_EQ(kpis.total.peak_demand, peak);
  EXPECT_NEAR(kpis.total.demand_cost, 40.0 * peak / 1e3, 1e-9);  // 40 CNY/kW/month, one month
  EXPECT_NEAR(kpis.total.co2, energy * 0.42 / 3.6e6, 1e-9 * energy);
}

TEST(Engine, CancelStopsBetweenBlocks) {
  const CompiledPark park = test::compileText(test::smallParkYaml());
  const TimeGrid grid = makeTimeGrid(park.baseline, {});
  std::atomic<bool> cancel{true};
  EXPECT_THROW(runSimulation(park.baseline, grid, nullptr, RunControl{nullptr, &cancel}),
               Interrupted);
}

}  // namespace
}  // namespace twin
