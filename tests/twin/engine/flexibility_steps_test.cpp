// The steps of the flexibility stage (twin/engine/flexibility_steps.h) on small hand-made inputs:
// expected values worked by hand in the comments, dt = 15 min. Equalities of sums and products of
// exact inputs are exact; battery values go through physics::stepBattery and are held to 1e-6 W
// (or 1e-12 in SOC).
#include "twin/engine/flexibility_steps.h"

#include <gtest/gtest.h>

#include "physics/units.h"

namespace twin {
namespace {

namespace u = physics::units;

constexpr double kDt = 900.0;  // s

Load flexibleLoad(double shiftable, double curtailable) {
  Load l;
  l.shiftable = shiftable;
  l.curtailable = curtailable;
  return l;
}

EvChargerGroup evGroup(physics::ChargingControl control) {
  EvChargerGroup g;
  g.control = control;
  return g;
}

FlexibilityState emptyState(size_t loads, size_t groups) {
  FlexibilityState st;
  st.load_rebound.assign(loads, 0.0);
  st.ev_rebound.assign(groups, 0.0);
  st.rebound_load_power.assign(loads, 0.0);
  st.rebound_ev_power.assign(groups, 0.0);
  return st;
}

// The rows of one step, owned by the test.
struct Rows {
  std::vector<double> load, load_reactive, ev;
  StepPowers powers() { return {load, load_reactive, ev}; }
};

TEST(FlexibilitySteps, ActiveWindowFollowsTheStepsInTimeOrder) {
  const std::vector<RunPlan::DrWindow> windows{{4, 8, 100 * u::kW, 0}, {10, 12, 50 * u::kW, 1}};
  size_t next = 0;
  EXPECT_EQ(activeWindow(windows, 3, next), nullptr);
  EXPECT_EQ(next, 0u);
  EXPECT_EQ(activeWindow(windows, 4, next), &windows[0]);  // first step inside
  EXPECT_EQ(activeWindow(windows, 7, next), &windows[0]);
  EXPECT_EQ(activeWindow(windows, 8, next), nullptr);  // end is outside
  EXPECT_EQ(next, 1u);
  EXPECT_EQ(activeWindow(windows, 9, next), nullptr);
  EXPECT_EQ(activeWindow(windows, 10, next), &windows[1]);
  EXPECT_EQ(activeWindow(windows, 12, next), nullptr);
  EXPECT_EQ(next, 2u);
}

TEST(FlexibilitySteps, FlexibleCapacityCountsSharesAndManagedCharging) {
  // 0.9 x 100 kW + 0 x 50 kW + 20 kW managed; the 40 kW uncontrolled group does not count.
  const std::vector<Load> loads{flexibleLoad(0.6, 0.3), flexibleLoad(0.0, 0.0)};
  const std::vector<EvChargerGroup> groups{evGroup(physics::ChargingControl::kValleyFilling),
                                           evGroup(physics::ChargingControl::kUncontrolled)};
  Rows rows{{100 * u::kW, 50 * u::kW}, {0.0, 0.0}, {20 * u::kW, 40 * u::kW}};
  EXPECT_DOUBLE_EQ(flexibleCapacity(loads, groups, rows.powers()), 110 * u::kW);
}

TEST(FlexibilitySteps, RequestBeyondTheFlexibleLoadsDefersThenSheds) {
  // 100 kW requested of a 60 kW shiftable and a 30 kW curtailable load: 90 kW delivered, 10 kW
  // still needed; only the shiftable 60 kW x dt comes back later.
  const std::vector<Load> loads{flexibleLoad(1.0, 0.0), flexibleLoad(0.0, 1.0)};
  Rows rows{{60 * u::kW, 30 * u::kW}, {30 * u::kvar, 10 * u::kvar}, {}};
  FlexibilityState st = emptyState(2, 0);
  StepBalance balance{.need = 100 * u::kW};
  deferAndShed(loads, {}, kDt, rows.powers(), st, balance);
  EXPECT_DOUBLE_EQ(balance.delivered, 90 * u::kW);
  EXPECT_DOUBLE_EQ(balance.need, 10 * u::kW);
  EXPECT_EQ(rows.load, (std::vector<double>{0.0, 0.0}));
  EXPECT_EQ(rows.load_reactive, (std::vector<double>{0.0, 0.0}));
  EXPECT_DOUBLE_EQ(st.load_rebound[0], 60 * u::kW * kDt);
  EXPECT_EQ(st.load_rebound[1], 0.0);
}

TEST(FlexibilitySteps, ManagedChargingIsDeferredBeforeCurtailableLoadsAreShed) {
  // 70 kW: the shiftable 60 kW, then 10 of the managed group's 20 kW; the curtailable load and
  // the uncontrolled group keep their power. Reactive power follows: half the power, half the var.
  const std::vector<Load> loads{flexibleLoad(0.5, 0.0), flexibleLoad(0.0, 1.0)};
  const std::vector<EvChargerGroup> groups{evGroup(physics::ChargingControl::kValleyFilling),
                                           evGroup(physics::ChargingControl::kUncontrolled)};
  Rows rows{{120 * u::kW, 30 * u::kW}, {40 * u::kvar, 10 * u::kvar}, {20 * u::kW, 40 * u::kW}};
  FlexibilityState st = emptyState(2, 2);
  StepBalance balance{.need = 70 * u::kW};
  deferAndShed(loads, groups, kDt, rows.powers(), st, balance);
  EXPECT_DOUBLE_EQ(balance.delivered, 70 * u::kW);
  EXPECT_DOUBLE_EQ(balance.need, 0.0);
  EXPECT_DOUBLE_EQ(rows.load[0], 60 * u::kW);
  EXPECT_DOUBLE_EQ(rows.load_reactive[0], 20 * u::kvar);
  EXPECT_EQ(rows.load[1], 30 * u::kW);
  EXPECT_EQ(rows.load_reactive[1], 10 * u::kvar);
  EXPECT_DOUBLE_EQ(rows.ev[0], 10 * u::kW);
  EXPECT_EQ(rows.ev[1], 40 * u::kW);
  EXPECT_DOUBLE_EQ(st.load_rebound[0], 60 * u::kW * kDt);
  EXPECT_DOUBLE_EQ(st.ev_rebound[0], 10 * u::kW * kDt);
  EXPECT_EQ(st.ev_rebound[1], 0.0);
}

TEST(FlexibilitySteps, ReboundReturnsTheDeferredEnergyAtConstantPower) {
  // 54 MJ (60 kW x 15 min) and 9 MJ over 4 steps of 900 s: 15 kW and 2.5 kW for 4 steps.
  FlexibilityState st = emptyState(1, 1);
  st.load_rebound[0] = 60 * u::kW * kDt;
  st.ev_rebound[0] = 10 * u::kW * kDt;
  st.rebound_pending = true;
  startRebound(st, 4, kDt);
  EXPECT_DOUBLE_EQ(st.rebound_load_power[0], 15 * u::kW);
  EXPECT_DOUBLE_EQ(st.rebound_ev_power[0], 2.5 * u::kW);
  EXPECT_EQ(st.load_rebound[0], 0.0);
  EXPECT_EQ(st.ev_rebound[0], 0.0);
  EXPECT_FALSE(st.rebound_pending);
  double returned = 0.0;
  for (int step = 0; step < 5; ++step) {  // the fifth step is past the rebound
    Rows rows{{10 * u::kW}, {5 * u::kvar}, {0.0}};
    StepBalance balance;
    applyRebound(st, rows.powers(), balance);
    returned += (rows.load[0] - 10 * u::kW + rows.ev[0]) * kDt;
    if (step < 4) {
      EXPECT_DOUBLE_EQ(rows.load[0], 25 * u::kW);
      EXPECT_DOUBLE_EQ(rows.load_reactive[0], 12.5 * u::kvar);  // 5 kvar x 25 / 10
      EXPECT_DOUBLE_EQ(balance.delivered, -17.5 * u::kW);
    } else {
      EXPECT_EQ(rows.load[0], 10 * u::kW);
      EXPECT_EQ(balance.delivered, 0.0);
    }
  }
  EXPECT_EQ(st.rebound_left, 0);
  EXPECT_DOUBLE_EQ(returned, 70 * u::kW * kDt);
}

TEST(FlexibilitySteps, EventDuringAReboundDefersWhatIsLeftOfIt) {
  // A rebound of 15 kW / 2.5 kW with 2 steps left: 27 MJ and 4.5 MJ wait again; the new event
  // defers 30 kW x 15 min more, and its rebound over 4 steps brings back (27 + 27) MJ / 3600 s.
  FlexibilityState st = emptyState(1, 1);
  st.rebound_load_power[0] = 15 * u::kW;
  st.rebound_ev_power[0] = 2.5 * u::kW;
  st.rebound_left = 2;
  holdRebound(st, kDt);
  EXPECT_EQ(st.rebound_left, 0);
  EXPECT_TRUE(st.rebound_pending);
  EXPECT_DOUBLE_EQ(st.load_rebound[0], 15 * u::kW * 2 * kDt);
  EXPECT_DOUBLE_EQ(st.ev_rebound[0], 2.5 * u::kW * 2 * kDt);

  Rows rows{{30 * u::kW}, {0.0}, {0.0}};
  StepBalance balance{.need = 100 * u::kW};
  deferAndShed({flexibleLoad(1.0, 0.0)}, {evGroup(physics::ChargingControl::kValleyFilling)}, kDt,
               rows.powers(), st, balance);
  startRebound(st, 4, kDt);
  EXPECT_DOUBLE_EQ(st.rebound_load_power[0], 15 * u::kW);  // 54 MJ / 3600 s
  EXPECT_DOUBLE_EQ(st.rebound_ev_power[0], 1.25 * u::kW);  // 4.5 MJ / 3600 s
  EXPECT_EQ(st.rebound_left, 4);
}

TEST(FlexibilitySteps, NoReboundWithoutAnEvent) {
  FlexibilityState st = emptyState(1, 0);
  startRebound(st, 4, kDt);
  EXPECT_EQ(st.rebound_left, 0);
  Rows rows{{10 * u::kW}, {5 * u::kvar}, {}};
  StepBalance balance;
  applyRebound(st, rows.powers(), balance);
  EXPECT_EQ(rows.load[0], 10 * u::kW);
  EXPECT_EQ(balance.delivered, 0.0);
}

// 100 kWh, 50 kW both ways, lossless, half full, peak shaving at 20 kW.
Storage peakShaver() {
  Storage s;
  s.rating.energy_capacity = 100 * u::kWh;
  s.rating.charge_power = 50 * u::kW;
  s.rating.discharge_power = 50 * u::kW;
  s.rating.charge_efficiency = 1.0;
  s.rating.discharge_efficiency = 1.0;
  s.policy = physics::DispatchPolicy::kPeakShaving;
  s.params.peak_threshold = 20 * u::kW;
  return s;
}

// One battery on the net load, with an event still needing `need`.
struct OneBattery {
  std::vector<Storage> storage{peakShaver()};
  std::vector<physics::BatteryState> states{physics::initialState(storage[0].rating, 0.5)};
  std::vector<double> power{0.0}, soc{0.0}, fade{0.0};
  StepBalance balance;
  explicit OneBattery(double net, double need) {
    balance.need = need;
    dispatchBatteries(storage, states, net, 0.0, kDt, {}, {power, soc, fade}, balance);
  }
  // The battery's power, the headroom counted as flexible, the extra delivered to the event and
  // what the event still needs, W (1e-6 W).
  void expect(double p, double flexible, double delivered, double need) const {
    EXPECT_NEAR(power[0], p, 1e-6);
    EXPECT_NEAR(balance.flexible, flexible, 1e-6);
    EXPECT_NEAR(balance.delivered, delivered, 1e-6);
    EXPECT_NEAR(balance.need, need, 1e-6);
    EXPECT_NEAR(balance.storage, p, 1e-6);
  }
};

TEST(FlexibilitySteps, BatteryHeadroomStopsAtTheNetLoad) {
  // Net load 30 kW: the policy gives 10 kW; 40 kW of discharge is left, but only 20 kW of load:
  // the battery covers the park's 30 kW and does not export for the 100 kW event.
  const OneBattery b(30 * u::kW, 100 * u::kW);
  b.expect(30 * u::kW, 20 * u::kW, 20 * u::kW, 80 * u::kW);
  EXPECT_NEAR(b.soc[0], (50.0 - 7.5) / 100.0, 1e-12);  // 30 kW x 15 min = 7.5 kWh
}

TEST(FlexibilitySteps, BatteryHeadroomStopsAtTheDischargeLimit) {
  // Net load 60 kW: the policy gives 40 kW; 20 kW of load is left, but only 10 kW of the 50 kW
  // limit: the 30 kW event gets 10 kW and still needs 20 kW.
  const OneBattery b(60 * u::kW, 30 * u::kW);
  b.expect(50 * u::kW, 10 * u::kW, 10 * u::kW, 20 * u::kW);
}

TEST(FlexibilitySteps, StoppingAChargeCountsAsHeadroom) {
  // Net load 5 kW: the policy recharges at 15 kW (up to the threshold); the headroom from there
  // is 20 kW, so the event stops the charge and the battery covers the 5 kW load, no more.
  const OneBattery b(5 * u::kW, 100 * u::kW);
  b.expect(5 * u::kW, 20 * u::kW, 20 * u::kW, 80 * u::kW);
}

TEST(FlexibilitySteps, BatteriesDispatchOnTheNetLoadThePreviousOnesLeave) {
  // Two self-consumption batteries on 30 kW, no event: the first covers it, the second idles.
  Storage s = peakShaver();
  s.policy = physics::DispatchPolicy::kSelfConsumption;
  const std::vector<Storage> storage{s, s};
  std::vector<physics::BatteryState> states(2, physics::initialState(s.rating, 0.5));
  std::vector<double> power(2), soc(2), fade(2);
  StepBalance balance;
  dispatchBatteries(storage, states, 30 * u::kW, 0.0, kDt, {}, {power, soc, fade}, balance);
  EXPECT_NEAR(power[0], 30 * u::kW, 1e-6);
  EXPECT_NEAR(power[1], 0.0, 1e-6);
  EXPECT_NEAR(balance.storage, 30 * u::kW, 1e-6);
  EXPECT_NEAR(balance.flexible, 0.0, 1e-6);
  EXPECT_EQ(balance.delivered, 0.0);
}

TEST(FlexibilitySteps, APlanIsCorrectedWhereTheLoadCameOutOtherwise) {
  // Two batteries planned idle and at 10 kW; the net load comes out at 70 kW against a planned
  // peak of 50 kW. The first covers what the second's plan leaves above the peak (70 - 10 - 50 =
  // 10 kW), once: the import ends at the peak. If the month already reached 80 kW, nothing is
  // saved below it: both keep their plan. A plan to discharge into a 5 kW load gives 5 kW, no
  // export.
  const Storage s = peakShaver();
  const std::vector<Storage> storage{s, s};
  const auto step = [&](double net, PlannedStep plan) {
    std::vector<physics::BatteryState> states(2, physics::initialState(s.rating, 0.5));
    std::vector<double> power(2), soc(2), fade(2);
    StepBalance balance;
    dispatchBatteries(storage, states, net, 0.0, kDt, plan, {power, soc, fade}, balance);
    return power;
  };
  const std::vector<double> planned{0.0, 10 * u::kW};
  PlannedStep plan{.power = planned, .peak = 50 * u::kW};
  std::vector<double> p = step(70 * u::kW, plan);
  EXPECT_NEAR(p[0], 10 * u::kW, 1e-6);
  EXPECT_NEAR(p[1], 10 * u::kW, 1e-6);
  plan.month_peak = 80 * u::kW;
  p = step(70 * u::kW, plan);
  EXPECT_NEAR(p[0], 0.0, 1e-6);
  EXPECT_NEAR(p[1], 10 * u::kW, 1e-6);
  p = step(5 * u::kW, plan);
  EXPECT_NEAR(p[0] + p[1], 5 * u::kW, 1e-6);
}

TEST(FlexibilitySteps, HoldableFlexibilityOfABattery) {
  // 100 kWh, 50 kW, 10-90 %, 95 % each way, 50 kWh stored, discharging 10 kW at the step.
  // Up for 1 h: min(50 - 10, 40 kWh x 0.95 / 1 h - 10) = 28 kW; for 2 h: min(40, 19 - 10) = 9.
  // Down for 1 h: min(50 + 10, 40 kWh / (0.95 x 1 h) + 10) = 52.105 kW; for 2 h: 31.053 kW.
  physics::BatteryRating r;
  r.energy_capacity = 100 * u::kWh;
  r.charge_power = r.discharge_power = 50 * u::kW;
  r.charge_efficiency = r.discharge_efficiency = 0.95;
  r.soc_min = 0.1;
  r.soc_max = 0.9;
  physics::BatteryState s = physics::initialState(r, 0.5);
  const Holdable one = holdable(r, s, 10 * u::kW, 3600.0);
  EXPECT_NEAR(one.up, 28 * u::kW, 1e-9);
  EXPECT_NEAR(one.down, (40 / 0.95 + 10) * u::kW, 1e-9);
  const Holdable two = holdable(r, s, 10 * u::kW, 7200.0);
  EXPECT_NEAR(two.up, 9 * u::kW, 1e-9);
  EXPECT_NEAR(two.down, (20 / 0.95 + 10) * u::kW, 1e-9);
  s.stored = 0.1 * r.energy_capacity;  // empty: nothing more up, stopping the discharge is down
  EXPECT_EQ(holdable(r, s, 10 * u::kW, 3600.0).up, 0.0);
  EXPECT_NEAR(holdable(r, s, 10 * u::kW, 3600.0).down, 60 * u::kW, 1e-9);
}

}  // namespace
}  // namespace twin
