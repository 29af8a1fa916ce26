// The horizon programme against optima solved by hand (each case's working is in its comment):
// two or three one-hour steps, a battery of 1 kW and 2 kWh unless said otherwise. Tolerance:
// 1e-6 of the figures (the simplex solution is exact up to CLP's feasibility tolerance, 1e-7).
#include "twin/dispatch/horizon_dispatch.h"

#include <gtest/gtest.h>

#include "physics/units.h"

namespace twin::dispatch {
namespace {

namespace u = physics::units;
constexpr double kTol = 1e-6;

BatteryCase battery(double stored_kWh, double efficiency = 1.0) {
  BatteryCase b;
  b.rating.energy_capacity = 2 * u::kWh;
  b.rating.charge_power = b.rating.discharge_power = 1 * u::kW;
  b.rating.charge_efficiency = b.rating.discharge_efficiency = efficiency;
  b.rating.soc_min = 0.0;
  b.rating.soc_max = 1.0;
  b.stored = stored_kWh * u::kWh;
  b.capacity = b.rating.energy_capacity;
  return b;
}

// Hourly steps, one month, the given net load (kW) and prices (CNY/kWh).
HorizonCase hourly(std::vector<double> net_kW, std::vector<double> price) {
  HorizonCase c;
  c.dt = 3600.0;
  for (double& p : net_kW) c.net.push_back(p * u::kW);
  for (double& p : price) c.price.push_back(p / u::kWh);
  c.month.assign(c.net.size(), 0);
  c.month_peak = {0.0};
  return c;
}

double kW(double watts) { return watts / u::kW; }

TEST(HorizonDispatch, ChargesCheapAndDischargesDear) {
  // Load 1 kW both hours at 0.1 then 1.0 CNY/kWh, lossless battery empty: charge 1 kWh in hour 1
  // (import 2 kW, 0.2 CNY), cover hour 2 (import 0). Cost 0.2 CNY; the battery ends empty (worth
  // nothing at the horizon's lowest price 0.1 x 0 kWh).
  HorizonCase c = hourly({1, 1}, {0.1, 1.0});
  c.batteries = {battery(0.0)};
  const HorizonPlan p = planHorizon(c);
  ASSERT_TRUE(p.feasible) << p.binding;
  EXPECT_NEAR(kW(p.power[0]), -1.0, kTol);
  EXPECT_NEAR(kW(p.power[1]), 1.0, kTol);
  EXPECT_NEAR(p.objective, 0.2, kTol);
}

TEST(HorizonDispatch, EfficienciesScaleWhatComesBack) {
  // The same with 90 % each way: 1 kWh charged stores 0.9 kWh, which gives 0.81 kWh back. Cost
  // 0.1 x 2 + 1.0 x (1 - 0.81) = 0.39 CNY.
  HorizonCase c = hourly({1, 1}, {0.1, 1.0});
  c.batteries = {battery(0.0, 0.9)};
  const HorizonPlan p = planHorizon(c);
  ASSERT_TRUE(p.feasible);
  EXPECT_NEAR(kW(p.power[0]), -1.0, kTol);
  EXPECT_NEAR(kW(p.power[1]), 0.81, kTol);
  EXPECT_NEAR(p.objective, 0.39, kTol);
}

TEST(HorizonDispatch, ShavesTheMonthsPeak) {
  // Load 3 then 1 kW at a flat 0.5 CNY/kWh, 10 CNY/kW of the month's peak, 1 kWh stored: the
  // battery covers 1 kW of hour 1, the peak is 2 kW. Energy 0.5 x 3 kWh + demand 10 x 2 = 21.5
  // CNY (recharging in hour 2 would cost what the energy is worth at the end: a tie).
  HorizonCase c = hourly({3, 1}, {0.5, 0.5});
  c.demand_price = 10.0 / u::kW;
  c.batteries = {battery(1.0)};
  const HorizonPlan p = planHorizon(c);
  ASSERT_TRUE(p.feasible);
  EXPECT_NEAR(kW(p.power[0]), 1.0, kTol);
  EXPECT_NEAR(kW(p.peak[0]), 2.0, kTol);
  EXPECT_NEAR(p.objective, 21.5, kTol);
}

TEST(HorizonDispatch, APeakAlreadyReachedCostsNothingMore) {
  // The month already reached 2.5 kW: shaving 3 kW to 2.5 is all that is worth doing, and the
  // demand term is 10 x 2.5. At a flat price, energy used is worth what it is worth left in the
  // cells (0.5 x 0.9 per cell kWh), so the objective is 0.5 x 4 kWh + 25 - 0.45 x 1 kWh = 26.55
  // whatever the battery does below the peak.
  HorizonCase c = hourly({3, 1}, {0.5, 0.5});
  c.demand_price = 10.0 / u::kW;
  c.month_peak = {2.5 * u::kW};
  c.batteries = {battery(1.0, 0.9)};
  const HorizonPlan p = planHorizon(c);
  ASSERT_TRUE(p.feasible);
  EXPECT_NEAR(kW(p.peak[0]), 2.5, kTol);
  EXPECT_GE(kW(p.power[0]), 0.5 - kTol);
  EXPECT_NEAR(p.objective, 26.55, kTol);
}

TEST(HorizonDispatch, StoresPvSurplusInsteadOfExportingIt) {
  // 2 kW of PV surplus in hour 1 exported at 0.05 CNY/kWh, then 1 kW of load at 0.8, 90 % each
  // way: store 1 kW of the surplus (0.9 kWh), give 0.81 kWh back in hour 2. Cost -0.05 x 1 +
  // 0.8 x 0.19 = 0.102 CNY (without the battery: -0.1 + 0.8 = 0.7).
  HorizonCase c = hourly({-2, 1}, {0.5, 0.8});
  c.export_price = 0.05 / u::kWh;
  c.batteries = {battery(0.0, 0.9)};
  const HorizonPlan p = planHorizon(c);
  ASSERT_TRUE(p.feasible);
  EXPECT_NEAR(kW(p.power[0]), -1.0, kTol);
  EXPECT_NEAR(kW(p.power[1]), 0.81, kTol);
  EXPECT_NEAR(p.objective, 0.102, kTol);
}

TEST(HorizonDispatch, BatteriesNeverExport) {
  // Export pays 5 CNY/kWh, ten times the import price, and the battery is full: it may cover the
  // park's 1 kW but never feed the grid beyond it.
  HorizonCase c = hourly({1, 1, 1}, {0.5, 0.5, 0.5});
  c.export_price = 5.0 / u::kWh;
  c.batteries = {battery(2.0)};
  const HorizonPlan p = planHorizon(c);
  ASSERT_TRUE(p.feasible);
  for (double w : p.power) EXPECT_LE(kW(w), 1.0 + kTol);
}

TEST(HorizonDispatch, HoldsEnergyForADemandResponseEvent) {
  // A 1 kW event in hour 3 at flat prices; 1 kWh stored: without the event the energy has no use
  // (discharging it is worth what it is worth at the end), with it the battery must still hold
  // 1 kWh at hour 3 and deliver it there: import 1 + 1 + 0 kWh at 0.5, nothing left, 1.0 CNY (an
  // unmet event would cost its penalty).
  HorizonCase c = hourly({1, 1, 1}, {0.5, 0.5, 0.5});
  c.event_need = {0.0, 0.0, 1 * u::kW};
  c.batteries = {battery(1.0)};
  const HorizonPlan p = planHorizon(c);
  ASSERT_TRUE(p.feasible);
  EXPECT_NEAR(p.objective, 1.0, kTol);
  EXPECT_LE(kW(p.power[0] + p.power[1]), kTol);
}

TEST(HorizonDispatch, AnImportLimitBelowTheLoadIsNamedWithItsStep) {
  // 5 kW of load in hour 2 against a 3 kW import limit and a 1 kW battery: 1 kW over the limit
  // whatever the plan, first at step 1.
  HorizonCase c = hourly({2, 5, 2}, {0.5, 0.5, 0.5});
  c.import_limit = 3 * u::kW;
  c.batteries = {battery(2.0)};
  const HorizonPlan p = planHorizon(c);
  EXPECT_FALSE(p.feasible);
  EXPECT_TRUE(p.solved);  // the plan that breaks the limit least, only where it must
  EXPECT_EQ(p.faulted, (std::vector<char>{0, 1, 0}));
  EXPECT_EQ(p.fault_step, 1);
  EXPECT_NE(p.binding.find("import limit of 3.0 kW"), std::string::npos) << p.binding;
  EXPECT_NE(p.binding.find("1.0 kW more"), std::string::npos) << p.binding;
}

TEST(HorizonDispatch, AnExportLimitAboveWhatTheBatteriesTakeIsNamed) {
  HorizonCase c = hourly({-4, 1}, {0.5, 0.5});
  c.export_limit = 2 * u::kW;
  c.batteries = {battery(0.0)};
  const HorizonPlan p = planHorizon(c);
  EXPECT_FALSE(p.feasible);
  EXPECT_EQ(p.fault_step, 0);
  EXPECT_NE(p.binding.find("export limit of 2.0 kW"), std::string::npos) << p.binding;
}

TEST(HorizonDispatch, KeepsTheSocWindow) {
  // Dear hours first, a 20-80 % window: the battery gives at most 60 % of 2 kWh from 80 %.
  HorizonCase c = hourly({1, 1, 1}, {1.0, 1.0, 0.1});
  BatteryCase b = battery(1.6);
  b.rating.soc_min = 0.2;
  b.rating.soc_max = 0.8;
  c.batteries = {b};
  const HorizonPlan p = planHorizon(c);
  ASSERT_TRUE(p.feasible);
  EXPECT_NEAR(kW(p.power[0] + p.power[1]), 1.2, kTol);
}

}  // namespace
}  // namespace twin::dispatch
