// Battery sizing (twin/sweep/battery_sizing.h) on the small test park with a scenario whose
// battery measure adds a 200 kWh / 50 kW time-of-use battery at 300 CNY/kWh, over its year:
// - the measure is priced again at each size (capex = 300 CNY/kWh x energy, O&M 2 % of it: the
//   battery defaults of docs/measures.md), and a size of zero removes the battery and its measure;
// - the coarse grid, then the refinement at half the step around the best, within the ranges;
// - each size's appraisal is twin/economics' appraise() of its KPIs against the baseline's
//   (exact), a size of zero saves and costs nothing (NPV 0), the best is the highest NPV;
// - the ranking rules of each objective; the same figures on 1 and 2 threads.
#include "twin/sweep/battery_sizing.h"

#include <gtest/gtest.h>
#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include "physics/units.h"
#include "twin/test_park.h"

namespace twin::sweep {
namespace {

namespace u = physics::units;

CompiledPark parkWithBattery() {
  return test::compileText(test::smallParkYaml() + R"(  - name: bess
    measures:
      - kind: battery
        cost: {unit_cost: "300 CNY/kWh"}
        storage:
          - {id: B1, bus: LV1, energy: "200 kWh", power: "50 kW",
             dispatch: {policy: tou_arbitrage, charge_below: "0.5 CNY/kWh",
                        discharge_above: "0.9 CNY/kWh"}}
)");
}

const ParkModel& scenario(const CompiledPark& park) {
  for (const ParkModel& m : park.scenarios) {
    if (m.scenario == "bess") return m;
  }
  throw std::runtime_error("no scenario bess");
}

SizingCase aYear(const CompiledPark& park) {
  SizingCase c;
  c.baseline = &park.baseline;
  c.model = &scenario(park);
  PeriodOverride year;  // the park file simulates a week
  year.start_day = park.baseline.simulation.start_day;
  year.end_day = *year.start_day + 365;
  c.grid = makeTimeGrid(park.baseline, year);
  c.energy = {0.0, 400 * u::kWh};
  c.power = {0.0, 100 * u::kW};
  c.grid_points = 3;
  c.refinements = 1;
  return c;
}

TEST(BatterySizing, PricesTheMeasureAgainAtEachSize) {
  const CompiledPark park = parkWithBattery();
  const ParkModel bigger = withBatterySize(scenario(park), 0, 400 * u::kWh, 100 * u::kW);
  ASSERT_EQ(bigger.storage.size(), 1u);
  EXPECT_EQ(bigger.storage[0].rating.energy_capacity, 400 * u::kWh);
  EXPECT_EQ(bigger.storage[0].rating.charge_power, 100 * u::kW);
  EXPECT_EQ(bigger.storage[0].rating.discharge_power, 100 * u::kW);
  ASSERT_EQ(bigger.investments().size(), 1u);
  EXPECT_NEAR(bigger.investments()[0].capex, 120000.0, 1e-6);
  EXPECT_NEAR(bigger.investments()[0].annual_om, 2400.0, 1e-6);
  const ParkModel none = withBatterySize(scenario(park), 0, 0.0, 100 * u::kW);
  EXPECT_TRUE(none.storage.empty());
  EXPECT_TRUE(none.investments().empty());  // the measure has nothing left to install
}

TEST(BatterySizing, SearchesTheGridThenAroundTheBest) {
  const CompiledPark park = parkWithBattery();
  const SizingCase c = aYear(park);
  const SizingResult res = sizeBattery(c);
  ASSERT_GE(res.points.size(), 9u);
  ASSERT_LE(res.points.size(), 17u);
  const SizingPoint* coarse_best = &res.points[0];
  for (size_t i = 0; i < 9; ++i) {
    const SizingPoint& p = res.points[i];
    EXPECT_EQ(p.round, 0);
    EXPECT_EQ(p.energy, (i / 3) * 200 * u::kWh);
    EXPECT_EQ(p.power, (i % 3) * 50 * u::kW);
    if (p.appraisal.npv > coarse_best->appraisal.npv) coarse_best = &p;
  }
  for (size_t i = 9; i < res.points.size(); ++i) {
    const SizingPoint& p = res.points[i];
    EXPECT_EQ(p.round, 1);
    EXPECT_LE(std::abs(p.energy - coarse_best->energy), 100 * u::kWh * (1 + 1e-12));
    EXPECT_LE(std::abs(p.power - coarse_best->power), 25 * u::kW * (1 + 1e-12));
    EXPECT_GE(p.energy, 0.0);
    EXPECT_LE(p.power, 100 * u::kW);
  }
  for (const SizingPoint& p : res.points) {
    EXPECT_LE(p.appraisal.npv, res.points[res.best].appraisal.npv);
    economics::InvestmentCase ic;
    ic.investments = withBatterySize(*c.model, 0, p.energy, p.power).investments();
    ic.annual_savings = res.baseline.total.cost() - p.kpis.total.cost();
    ic.energy_saved = res.baseline.total.import_energy - p.kpis.total.import_energy;
    ic.co2_avoided = res.baseline.total.co2 - p.kpis.total.co2;
    EXPECT_EQ(economics::appraise(ic, c.model->economics).npv, p.appraisal.npv);
    if (p.energy == 0.0 || p.power == 0.0) {
      EXPECT_EQ(p.appraisal.npv, 0.0);
    }
  }
  EXPECT_GT(res.points[res.best].energy, 0.0);  // at 300 CNY/kWh the battery pays
}

SizingPoint point(double npv, std::optional<double> payback, double co2) {
  SizingPoint p;
  p.appraisal.npv = npv;
  p.appraisal.simple_payback = payback;
  p.appraisal.co2_avoided = co2;
  return p;
}

TEST(BatterySizing, RanksByEachObjective) {
  const SizingPoint rich = point(100.0, 8.0, 10.0), quick = point(50.0, 3.0, 10.0);
  const SizingPoint never = point(-10.0, std::nullopt, 30.0);
  EXPECT_TRUE(better(rich, quick, SizingObjective::kNpv));
  EXPECT_TRUE(better(quick, rich, SizingObjective::kPayback));
  EXPECT_TRUE(better(quick, never, SizingObjective::kPayback));  // no payback is worst
  EXPECT_TRUE(better(never, rich, SizingObjective::kCo2));
  EXPECT_TRUE(better(rich, quick, SizingObjective::kCo2));  // equal CO2: the higher NPV
  EXPECT_FALSE(better(rich, rich, SizingObjective::kNpv));
}

TEST(BatterySizing, SameFiguresOnOneAndTwoThreads) {
  const CompiledPark park = parkWithBattery();
  SizingCase c = aYear(park);
  c.refinements = 0;
  const auto on = [&](int threads) {
    const tbb::global_control allow(tbb::global_control::max_allowed_parallelism,
                                    static_cast<size_t>(threads));
    tbb::task_arena arena(threads);
    SizingResult r;
    arena.execute([&] { r = sizeBattery(c); });
    return r;
  };
  const SizingResult one = on(1), two = on(2);
  ASSERT_EQ(one.points.size(), two.points.size());
  for (size_t i = 0; i < one.points.size(); ++i) {
    EXPECT_EQ(one.points[i].appraisal.npv, two.points[i].appraisal.npv);
  }
  EXPECT_EQ(one.best, two.best);
}

}  // namespace
}  // namespace twin::sweep
