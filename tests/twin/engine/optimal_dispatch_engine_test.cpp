// The optimal dispatch through the engine (docs/dispatch.md), on the small test park with a
// 400 kWp roof array, a 300 kWh / 100 kW battery, its peak/valley tariff (1.0 / 0.3 CNY/kWh) and
// its 40 CNY/kW/month demand charge, over a June week at 15-minute steps. What is checked:
// - the rolling 24 h plan with a perfect forecast costs no more than any rule policy on the same
//   park (the KPIs' total cost), and the one-programme optimum of the week no more than the
//   rolling plan (0.1 % slack: the programme leaves the network's losses out);
// - the battery's series are what physics::stepBattery gives for the planned requests (power,
//   SOC window kept at every step, bit for bit), and the park balances as with any policy;
// - bit-identical series on 1 and 4 threads, also with the 48 h horizon's forecast pass;
// - an import limit of 0 kW: the steps that cannot keep it fall back to the rule, counted, with
//   the first step and the binding constraint named; a limit never reached changes nothing;
// - managed EV charging planned with the battery; two half batteries act as one whole;
// - the VPP series and their monthly summary.
#include <gtest/gtest.h>

#include <algorithm>

#include "physics/battery.h"
#include "physics/units.h"
#include "twin/engine/engine.h"
#include "twin/memory_sink.h"
#include "twin/test_park.h"

namespace twin {
namespace {

namespace u = physics::units;

std::string parkWith(const std::string& dispatch, const std::string& more = "") {
  return test::smallParkWith(more + R"(pv:
  - {id: PV1, surface: roof, building: W1, bus: LV1, tilt: "22 deg", capacity: "400 kWp"}
storage:
  - {id: BESS, bus: LV1, energy: "300 kWh", power: "100 kW", efficiency: "95 %",
     soc_min: "10 %", soc_max: "90 %", initial_soc: "50 %", dispatch: )" +
                             dispatch + "}\n");
}

TimeGrid juneWeek(const ParkModel& model) {
  PeriodOverride june;
  june.start_day = model.simulation.start_day + 160;
  june.end_day = *june.start_day + 7;
  return makeTimeGrid(model, june);
}

Kpis run(const std::string& dispatch, test::MemorySink* out = nullptr, int threads = 2,
         const std::string& more = "") {
  const CompiledPark park = test::compileText(parkWith(dispatch, more));
  Kpis kpis;
  test::MemorySink sink =
      test::runWithThreads(park.baseline, juneWeek(park.baseline), threads, &kpis);
  if (out) *out = std::move(sink);
  return kpis;
}

const std::string kRolling = "{policy: optimal, horizon: \"24 h\", forecast: perfect}";

TEST(OptimalDispatchEngine, RollingPlanBeatsEveryRuleAndTheWeekOptimumBeatsIt) {
  const double rolling = run(kRolling).total.cost();
  for (const std::string rule :
       {"{policy: self_consumption}", "{policy: peak_shaving, threshold: \"60 kW\"}",
        "{policy: tou_arbitrage, charge_below: \"0.5 CNY/kWh\", discharge_above: \"0.9 CNY/kWh\"}",
        "{policy: tou_arbitrage, charge_below: \"0.5 CNY/kWh\", discharge_above: \"0.9 CNY/kWh\", "
        "threshold: \"60 kW\"}"}) {
    EXPECT_LE(rolling, run(rule).total.cost()) << rule;
  }
  const double week = run("{policy: optimal, horizon: \"168 h\"}").total.cost();
  EXPECT_LE(week, rolling * 1.001);
  test::MemorySink sink;
  const Kpis persistence = run("{policy: optimal, forecast: persistence}", &sink);
  EXPECT_EQ(persistence.dispatch.programmes, 7);
  EXPECT_EQ(persistence.dispatch.fallback_steps, 0);
  // Following a plan made on yesterday's load, the battery still never feeds the grid.
  const std::vector<double> storage = sink.series(kParkStoragePower);
  const std::vector<double> demand = sink.series(kParkDemand), pv = sink.series(kParkPvPower);
  for (size_t k = 0; k < storage.size(); ++k) {
    ASSERT_LE(storage[k], std::max(demand[k] - pv[k], 0.0) + 1.0) << "step " << k;
  }
}

TEST(OptimalDispatchEngine, TwoHalfBatteriesDoWhatOneWholeDoes) {
  // Two 150 kWh / 50 kW batteries planned together cost what one 300 kWh / 100 kW costs (the same
  // programme optimum; 0.1 % for calendar fade, which depends on each one's SOC) and keep the
  // same monthly peak: neither takes the other's share of a peak twice.
  const std::string two =
      R"(  - {id: BESS2, bus: LV1, energy: "150 kWh", power: "50 kW", efficiency: "95 %",
     soc_min: "10 %", soc_max: "90 %", initial_soc: "50 %", dispatch: )" +
      kRolling + "}\n";
  const CompiledPark park = test::compileText(
      test::replaced(test::replaced(parkWith(kRolling), "energy: \"300 kWh\", power: \"100 kW\"",
                                    "energy: \"150 kWh\", power: \"50 kW\""),
                     "tariff:", two + "tariff:"));
  Kpis halves;
  test::runWithThreads(park.baseline, juneWeek(park.baseline), 2, &halves);
  const Kpis whole = run(kRolling);
  EXPECT_NEAR(halves.total.cost(), whole.total.cost(), 1e-3 * whole.total.cost());
  EXPECT_NEAR(halves.total.peak_demand, whole.total.peak_demand, 1e-3 * whole.total.peak_demand);
}

TEST(OptimalDispatchEngine, TheBatteryStepsThePlanWithinItsLimits) {
  test::MemorySink sink;
  const Kpis kpis = run(kRolling + "", &sink);
  EXPECT_EQ(kpis.dispatch.programmes, 7);
  const CompiledPark park = test::compileText(parkWith(kRolling));
  const Storage& s = park.baseline.storage[0];
  const std::vector<double> power = sink.series(kStoragePower);
  const std::vector<double> soc = sink.series(kStorageSoc);
  physics::BatteryState state = physics::initialState(s.rating, s.initial_soc);
  bool cycled = false;
  for (size_t k = 0; k < power.size(); ++k) {
    // The engine's power is a request the battery takes as it is (already within its limits).
    const physics::BatteryStep step = physics::stepBattery(s.rating, state, power[k], 900.0);
    ASSERT_EQ(step.ac_power, power[k]) << "step " << k;
    ASSERT_EQ(step.soc, soc[k]) << "step " << k;
    ASSERT_GE(soc[k], s.rating.soc_min - 1e-12) << "step " << k;
    ASSERT_LE(soc[k], s.rating.soc_max + 1e-12) << "step " << k;
    ASSERT_LE(std::abs(power[k]), 100 * u::kW * (1 + 1e-12)) << "step " << k;
    cycled = cycled || power[k] > 10 * u::kW;
  }
  EXPECT_TRUE(cycled);
  EXPECT_LT(kpis.max_balance_residual, 1e-6);
  // The VPP series: held 2 h is never more than 1 h; /kpi/vpp is their mean and lowest.
  const std::vector<double> up1 = sink.series(kParkFlexUp1h), up2 = sink.series(kParkFlexUp2h);
  const std::vector<double> down1 = sink.series(kParkFlexDown1h);
  double mean = 0.0;
  for (size_t k = 0; k < up1.size(); ++k) {
    ASSERT_LE(up2[k], up1[k] + 1e-9) << "step " << k;
    ASSERT_GE(down1[k], 0.0);
    mean += up1[k] / static_cast<double>(up1.size());
  }
  ASSERT_EQ(kpis.vpp.size(), 1u);  // the week lies in June
  EXPECT_NEAR(kpis.vpp[0].mean[0], mean, 1e-9 * mean);
  EXPECT_EQ(kpis.vpp[0].lowest[0], *std::min_element(up1.begin(), up1.end()));
  EXPECT_EQ(kpis.vpp[0].steps, 7 * 96);
}

TEST(OptimalDispatchEngine, BitIdenticalOnOneAndFourThreads) {
  for (const std::string& dispatch : {kRolling, std::string("{policy: optimal, horizon: \"48 h\"}"),
                                      std::string("{policy: optimal, forecast: persistence}")}) {
    test::MemorySink one, four;
    run(dispatch, &one, 1);
    run(dispatch, &four, 4);
    test::expectBitIdentical(one, four);
  }
}

TEST(OptimalDispatchEngine, AnImportLimitBelowTheLoadFallsBackToTheRuleAndSaysWhere) {
  // No import at all: every step whose load PV and the battery cannot meet falls back to the
  // rule, counted, the first named with the binding limit; steps PV covers keep the plan.
  const Kpis kpis = run("{policy: optimal, import_limit: \"0 kW\"}");
  EXPECT_EQ(kpis.dispatch.programmes, 7);
  EXPECT_GT(kpis.dispatch.fallback_steps, 0);
  EXPECT_LT(kpis.dispatch.fallback_steps, 7 * 96);
  ASSERT_GE(kpis.dispatch.first_fallback, 0);
  EXPECT_NE(kpis.dispatch.reason.find("import limit of 0.0 kW"), std::string::npos)
      << kpis.dispatch.reason;
  // A limit the park never reaches costs nothing (0.1 %: the programme has other optima of the
  // same objective, which the network's losses and calendar fade value slightly differently).
  const Kpis loose =
      run("{policy: optimal, horizon: \"24 h\", forecast: perfect, import_limit: \"1000 kW\"}");
  EXPECT_EQ(loose.dispatch.fallback_steps, 0);
  const double free = run(kRolling).total.cost();
  EXPECT_NEAR(loose.total.cost(), free, 1e-3 * free);
}

// Eight staff cars on 11 kW wallboxes, 30 kWh each, 08:00-17:00 on every day type.
std::string evGroup(const std::string& control) {
  return R"(ev_charging:
  - {id: EV, bus: LV1, chargers: 8, charger_power: "11 kW", control: )" +
         control + R"(,
     sessions: {days: [workday, weekend, holiday], list: [)" +
         [] {
           std::string list;
           for (int i = 0; i < 8; ++i) {
             list += std::string(i ? ", " : "") +
                     "{arrival: \"08:00\", departure: \"17:00\", "
                     "energy: \"30 kWh\"}";
           }
           return list;
         }() +
         "]}}\n";
}

TEST(OptimalDispatchEngine, PlansManagedEvChargingWithTheBattery) {
  // The managed group's cars get the same energy each day as charging on arrival gives them
  // (every session fits its stay: 30 kWh at 11 kW in 9 h), and the plan with the cars costs no
  // more than the battery's best rule with the cars levelling the valleys.
  test::MemorySink planned, arrival;
  const Kpis optimal = run(kRolling, &planned, 2, evGroup("valley_filling"));
  run(kRolling, &arrival, 2, evGroup("uncontrolled"));
  const std::vector<double> a = planned.series(kEvPower), b = arrival.series(kEvPower);
  ASSERT_EQ(a.size(), b.size());
  for (size_t day = 0; day < 7; ++day) {
    double ea = 0.0, eb = 0.0;
    for (size_t k = day * 96; k < (day + 1) * 96; ++k) {
      ea += a[k];
      eb += b[k];
    }
    EXPECT_NEAR(ea, eb, 1e-6 * eb) << "day " << day;
  }
  EXPECT_NE(a, b);  // moved, not charged on arrival
  const Kpis rule =
      run("{policy: tou_arbitrage, charge_below: \"0.5 CNY/kWh\", "
          "discharge_above: \"0.9 CNY/kWh\", threshold: \"60 kW\"}",
          nullptr, 2, evGroup("valley_filling"));
  EXPECT_LE(optimal.total.cost(), rule.total.cost());
  test::MemorySink one;
  run(kRolling, &one, 1, evGroup("valley_filling"));
  test::expectBitIdentical(one, planned);
}

}  // namespace
}  // namespace twin
