// Scenario tier: small parks through the engine. Determinism across thread counts, the energy
// balance at every step, a step computed by hand, and the KPIs.
#include "twin/engine/engine.h"

#include <gtest/gtest.h>

#include <cmath>
#include <complex>

#include "twin/memory_sink.h"
#include "twin/model/park_network.h"
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
  // Supply (grid import + PV) = demand (motor inputs + loads + EV chargers) + network losses, to
  // what the AC power flow leaves unbalanced: at most its tolerance (1e-10 pu of 1 MVA) at each
  // bus; the PV total is the sum of the arrays.
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
  const std::vector<double> ev = sink.series(kEvPower);
  const std::vector<double> pv = sink.series(kParkPvPower);
  const std::vector<double> arrays = sink.series(kPvAcPower);
  const size_t npv = park.baseline.pv.size();
  const size_t nm = park.baseline.motors.size();
  const size_t nl = park.baseline.loads.size();
  const size_t ne = park.baseline.ev_chargers.size();
  const double unbalance = static_cast<double>(park.baseline.network.buses.size()) *
                           kParkPowerFlowTolerance * kPowerFlowBase;
  ASSERT_EQ(import.size(), static_cast<size_t>(grid.steps()));
  for (size_t k = 0; k < import.size(); ++k) {
    ASSERT_GT(import[k], 0.0);
    ASSERT_NEAR(import[k] + pv[k], demand[k] + losses[k], unbalance) << "step " << k;
    double pv_parts = 0.0;
    for (size_t i = 0; i < npv; ++i) pv_parts += arrays[k * npv + i];
    ASSERT_EQ(pv[k], pv_parts) << "step " << k;
    double parts = 0.0;
    for (size_t i = 0; i < nm; ++i) parts += motors[k * nm + i];
    for (size_t i = 0; i < nl; ++i) parts += loads[k * nl + i];
    for (size_t i = 0; i < ne; ++i) parts += ev[k * ne + i];
    ASSERT_NEAR(demand[k], parts, 1e-9 * demand[k]) << "step " << k;
  }
  EXPECT_LT(kpis.max_balance_residual, 1e-9);
}

TEST(Engine, StepMatchesHandCalculation) {
  // Thursday 2025-01-02 10:00-10:15 local: two pumps on shift at 80 % of 15 kW, eta 0.906 and
  // pf 0.85 at rating, by the loss-segregation model of physics/motor_efficiency.h: rated losses
  // L = P (1/eta - 1), constant share s = 0.30 + 0.03 log10(15) of L, the rest ~ load^2; reactive
  // power 75 % magnetising + 25 % ~ load^2 of the rated Q = P/eta tan(acos pf); 20 kW lighting at
  // pf 0.95 (constant power). Network, per phase at 10 kV: the grid holds 10 kV; a 200 m cable
  // of 0.2 + j0.1 ohm/km; a 630 kVA transformer with P0 0.81 kW (a shunt conductance
  // P0 / V^2 at its high-voltage bus), Pk 6.2 kW (R = Pk/Sr of the rated impedance) and the
  // IEC 60076-5 default uk = 4 % (X = sqrt(uk^2 - R^2)). Solved here as a chain of phasors by
  // fixed-point iteration, independently of the power-flow code; to 1e-8 relative.
  const CompiledPark park = test::compileText(test::smallParkYaml());
  const TimeGrid grid = makeTimeGrid(park.baseline, {});
  const test::MemorySink sink = runWithThreads(park.baseline, grid, 2);
  const size_t k = 96 + 40;  // day 2, step 40 = 10:00
  const double rated_losses = 15e3 / 0.906 - 15e3;
  const double share = 0.30 + 0.03 * std::log10(15.0);
  const double pump_in = 0.8 * 15e3 + rated_losses * (share + (1 - share) * 0.64);
  const double rated_q = 15e3 / 0.906 * std::tan(std::acos(0.85));
  const double pump_q = rated_q * (0.75 + 0.25 * 0.64);
  using C = std::complex<double>;
  const C s_lv(2 * pump_in + 20e3, 2 * pump_q + 20e3 * std::tan(std::acos(0.95)));
  const double v_ll = 10e3;
  const C v0(v_ll / std::sqrt(3.0), 0.0);
  const C z_cable(0.2 * 0.2, 0.1 * 0.2);
  const double r_pu = 6.2e3 / 630e3;
  const C z_tr = C(r_pu, std::sqrt(0.04 * 0.04 - r_pu * r_pu)) * (v_ll * v_ll / 630e3);
  const double g_shunt = 0.81e3 / (v_ll * v_ll);
  C v1 = v0, v2 = v0, i_cable;  // v2: the low-voltage bus referred to 10 kV
  for (int it = 0; it < 200; ++it) {
    const C i_load = std::conj(s_lv / 3.0 / v2);
    i_cable = i_load + g_shunt * v1;
    v1 = v0 - z_cable * i_cable;
    v2 = v1 - z_tr * i_load;
  }
  const C i_load = std::conj(s_lv / 3.0 / v2);
  const double tr_loss = 3 * std::norm(i_load) * z_tr.real() + 3 * g_shunt * std::norm(v1);
  const double import = 3 * (v0 * std::conj(i_cable)).real();
  EXPECT_NEAR(sink.series(kMotorInputPower)[k * 2], pump_in, 1e-9 * pump_in);
  EXPECT_NEAR(sink.series(kTransformerLosses)[k], tr_loss, 1e-8 * tr_loss);
  EXPECT_NEAR(sink.series(kCableCurrent)[k], std::abs(i_cable), 1e-8 * std::abs(i_cable));
  EXPECT_NEAR(sink.series(kParkGridImport)[k], import, 1e-8 * import);
  EXPECT_NEAR(sink.series(kCablePower)[k], import, 1e-8 * import);  // the PCC's only branch
  EXPECT_NEAR(sink.series(kBusVoltage)[k * 3 + 2], std::abs(v2) / std::abs(v0), 1e-9);
  EXPECT_NEAR(sink.series(kTransformerLoading)[k],
              std::abs(i_load) / (630e3 / (std::sqrt(3.0) * v_ll)), 1e-8);
  EXPECT_EQ(sink.series(kParkPowerFlowConverged)[k], 1.0);
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
