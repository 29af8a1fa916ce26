// The plan of a sweep (twin/sweep/sweep_plan.h) and one variant run on its own
// (twin/sweep/variant_run.h): names, references, failures recorded, results that travel between
// ranks unchanged.
#include "twin/sweep/sweep_plan.h"

#include <gtest/gtest.h>

#include "twin/base/error.h"
#include "twin/engine/engine.h"
#include "twin/sweep/samples.h"
#include "twin/sweep/variant_run.h"
#include "twin/test_park.h"

namespace twin::sweep {
namespace {

SweepPark park(const std::string& text, const std::string& name, const std::string& label) {
  SweepPark p{parkSourceFromText(text, name), label, {}, {}, {}};
  p.scenarios = {"ie4"};
  const ParkModel baseline = compileWithFields(p.source, {}, "--vary");
  p.grid = makeTimeGrid(baseline, {});
  p.uncertainty = baseline.uncertainty;
  p.grid.end_day = p.grid.start_day + 2;  // two days are enough here
  return p;
}

std::vector<std::string> names(const SweepPlan& plan) {
  std::vector<std::string> out;
  for (const VariantSpec& v : plan.variants) out.push_back(v.name);
  return out;
}

TEST(SweepPlan, OneParkIsItsBaselineThenTheGrid) {
  const SweepPlan plan = makePlan({park(test::smallParkYaml(), "a.yaml", "")},
                                  {parseVariation("loads.LIGHT.rated_power=10 kW,20 kW"),
                                   parseVariation("equipment.PUMP.count=1,2,3")},
                                  false);
  EXPECT_EQ(names(plan),
            (std::vector<std::string>{"baseline", "v01", "v02", "v03", "v04", "v05", "v06"}));
  // The first variation varies slowest.
  EXPECT_EQ(plan.variants[4].values, (std::vector<std::string>{"20 kW", "1"}));
  for (const VariantSpec& v : plan.variants) EXPECT_EQ(v.reference, 0u);
  EXPECT_EQ(describeVariant(plan, plan.variants[4]),
            "loads.LIGHT.rated_power=20 kW, equipment.PUMP.count=1");
  EXPECT_EQ(describeVariant(plan, plan.variants[0]), "the park as described");
}

TEST(SweepPlan, ManyParksEachWithTheirScenarios) {
  const SweepPlan plan = makePlan({park(test::smallParkYaml(), "north.yaml", "north"),
                                   park(test::smallParkYaml(), "south.yaml", "south")},
                                  {parseVariation("equipment.PUMP.count=1,2")}, true);
  EXPECT_EQ(names(plan),
            (std::vector<std::string>{"north/baseline", "north/v01", "north/v02", "north/ie4/v01",
                                      "north/ie4/v02", "south/baseline", "south/v01", "south/v02",
                                      "south/ie4/v01", "south/ie4/v02"}));
  EXPECT_EQ(plan.variants[7].reference, 5u);
  EXPECT_EQ(plan.variants[8].scenario, "ie4");
  const SweepPlan cases = makePlan({park(test::smallParkYaml(), "n.yaml", "n")}, {}, true);
  EXPECT_EQ(names(cases), (std::vector<std::string>{"n/baseline", "n/ie4"}));
}

TEST(SweepPlan, GridNamesWidenPastNinetyNine) {
  std::string values = "equipment.PUMP.count=1";
  for (int k = 2; k <= 120; ++k) values += "," + std::to_string(k);
  const SweepPlan plan =
      makePlan({park(test::smallParkYaml(), "a.yaml", "")}, {parseVariation(values)}, false);
  EXPECT_EQ(plan.variants[1].name, "v001");
  EXPECT_EQ(plan.variants.back().name, "v120");
}

TEST(SweepPlan, PathsAreCheckedFirstValuesWhenTheirVariantCompiles) {
  EXPECT_THROW(makePlan({park(test::smallParkYaml(), "a.yaml", "")},
                        {parseVariation("loads.NOPE.rated_power=1 kW")}, false),
               InputError);
  const SweepPlan plan = makePlan({park(test::smallParkYaml(), "a.yaml", "")},
                                  {parseVariation("loads.LIGHT.rated_power=1 kW,abc")}, false);
  EXPECT_EQ(compileVariant(plan, 1).scenario, "v01");
  try {
    compileVariant(plan, 2);
    FAIL() << "a value the field refuses compiled";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("--vary variant v02 (abc): a.yaml:", 0), 0u) << e.what();
  }
  EXPECT_THROW(findVariant(plan, "v09", "--store"), InputError);
  EXPECT_EQ(findVariant(plan, "v02", "--store"), 2u);
}

TEST(VariantRun, ScenarioCaseIsTheScenarioWithTheFieldsSet) {
  const SweepPlan plan = makePlan({park(test::smallParkYaml(), "n.yaml", "n")},
                                  {parseVariation("equipment.PUMP.count=3")}, true);
  const ParkModel m = compileVariant(plan, 2);  // n/ie4/v01
  ASSERT_EQ(m.motors.size(), 3u);
  EXPECT_EQ(m.motors[0].efficiency_class, EfficiencyClass::kIE4);  // the scenario's motor
  EXPECT_EQ(m.scenario, "n/ie4/v01");
}

TEST(VariantRun, FailureIsARowAndResultsTravelExactly) {
  const SweepPlan plan = makePlan({park(test::smallParkYaml(), "a.yaml", "")},
                                  {parseVariation("equipment.PUMP.count=1,x")}, false);
  const VariantResult bad = runVariant(plan, 2, true);
  EXPECT_EQ(bad.row.status, kFailed);
  EXPECT_NE(bad.row.error.find("equipment[0].count"), std::string::npos) << bad.row.error;
  EXPECT_TRUE(std::isnan(bad.row.kpi[0]));
  EXPECT_FALSE(bad.kpis);

  const VariantResult good = runVariant(plan, 1, true);
  ASSERT_EQ(good.row.status, kOk) << good.row.error;
  ASSERT_TRUE(good.kpis);
  const Kpis alone = runSimulation(compileVariant(plan, 1), plan.parks[0].grid, nullptr);
  EXPECT_EQ(good.kpis->total.cost(), alone.total.cost());  // bit for bit, as run alone
  ASSERT_EQ(good.blocks.size(), 2u);

  const VariantResult back = decodeResult(encodeResult(good));
  EXPECT_EQ(encodeResult(back), encodeResult(good));
  EXPECT_EQ(back.kpis->months.size(), good.kpis->months.size());
  EXPECT_EQ(back.blocks[1].values, good.blocks[1].values);
  EXPECT_EQ(back.row.kpi, good.row.kpi);
  const std::string bytes = encodeResult(good);
  EXPECT_THROW(decodeResult(std::string_view(bytes).substr(0, bytes.size() - 3)),
               std::runtime_error);
}

const char* kUncertain =
    "uncertainty:\n  load_scale: {min: \"90 %\", max: \"110 %\"}\n"
    "  price_scale: {min: \"120 %\", max: \"120 %\"}\n";

TEST(Samples, DrawsAreUniformFixedPerSampleAndInRange) {
  double sum = 0.0;
  for (uint64_t k = 0; k < 20000; ++k) {
    const double u = uniformDraw(7, k, 1);
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
  }
  // Mean of 20,000 uniform draws: 0.5 with a standard error of 0.289 / sqrt(20000) = 0.002;
  // tolerance 5 standard errors.
  EXPECT_NEAR(sum / 20000, 0.5, 0.01);
  EXPECT_EQ(uniformDraw(7, 3, 1), uniformDraw(7, 3, 1));
  EXPECT_NE(uniformDraw(7, 3, 1), uniformDraw(7, 4, 1));
  EXPECT_NE(uniformDraw(7, 3, 1), uniformDraw(8, 3, 1));
  Uncertainty u;
  u.weather = {"a.epw", "b.epw", "synthetic"};
  u.load_min = 0.9;
  u.load_max = 1.1;
  int seen[3] = {0, 0, 0};
  for (uint64_t k = 0; k < 300; ++k) {
    const Sample s = drawSample(u, 1, k);
    EXPECT_GE(s.load_scale, 0.9);
    EXPECT_LE(s.load_scale, 1.1);
    EXPECT_EQ(s.price_scale, 1.0);
    seen[s.weather == "a.epw" ? 0 : s.weather == "b.epw" ? 1 : 2]++;
  }
  for (int n : seen) EXPECT_GT(n, 60);  // each about 100 of 300
}

TEST(Samples, PlanRepeatsEachRowPerSampleAgainstThatSampleBaseline) {
  const std::string text = test::smallParkWith(kUncertain);
  const SweepPlan plan = makePlan({park(text, "a.yaml", "")},
                                  {parseVariation("equipment.PUMP.count=1,2")}, false, 2, 5);
  EXPECT_EQ(names(plan), (std::vector<std::string>{"baseline/s001", "v01/s001", "v02/s001",
                                                   "baseline/s002", "v01/s002", "v02/s002"}));
  EXPECT_EQ(plan.variants[5].reference, 3u);
  EXPECT_EQ(plan.variants[5].sample, 1);
  EXPECT_THROW(makePlan({park(test::smallParkYaml(), "a.yaml", "")}, {}, false, 2, 5), InputError);
}

// Prices x 1.2 (min = max) leave the energy unchanged and scale every cost by 1.2 (to 1e-12: the
// same sums of scaled terms); the loads' factor changes the energy.
TEST(Samples, FactorsReachTheRun) {
  const std::string text = test::smallParkWith(kUncertain);
  const SweepPlan plan = makePlan({park(text, "a.yaml", "")}, {}, false, 1, 3);
  const SweepPlan plain =
      makePlan({park(text, "a.yaml", "")}, {parseVariation("equipment.PUMP.count=2")}, false);
  const Sample s = sampleOf(plan, 0);
  const Kpis drawn = runSimulation(compileVariant(plan, 0), plan.parks[0].grid, nullptr);
  const Kpis as_is = runSimulation(compileVariant(plain, 0), plan.parks[0].grid, nullptr);
  EXPECT_NEAR(drawn.total.energy_cost / as_is.total.energy_cost,
              1.2 * drawn.total.demand_energy / as_is.total.demand_energy, 0.02);
  EXPECT_NEAR(drawn.total.demand_energy / as_is.total.demand_energy, s.load_scale, 0.05);
  EXPECT_NE(s.load_scale, 1.0);
  Sample prices_only;
  prices_only.price_scale = 1.2;
  ParkModel m = compileVariant(plain, 0);
  applySample(m, prices_only);
  const Kpis scaled = runSimulation(m, plan.parks[0].grid, nullptr);
  EXPECT_EQ(scaled.total.demand_energy, as_is.total.demand_energy);
  EXPECT_NEAR(scaled.total.cost() / as_is.total.cost(), 1.2, 1e-12);
}

TEST(Samples, WeatherSourceIsSetOrAdded) {
  Node tree = parkSourceFromText(test::smallParkYaml(), "a.yaml").tree;
  setWeatherSource(tree, "synthetic");
  ASSERT_NE(tree.find("weather"), nullptr);
  EXPECT_EQ(tree.find("weather")->find("source")->scalar, "synthetic");
  Node with =
      parkSourceFromText(
          test::smallParkWith("weather: {source: synthetic, seed: 4, albedo: 0.3}\n"), "a.yaml")
          .tree;
  setWeatherSource(with, "site.epw");
  const Node& w = *with.find("weather");
  EXPECT_EQ(w.find("source")->scalar, "site.epw");
  EXPECT_EQ(w.find("seed"), nullptr);  // the synthetic generator's key is gone
  EXPECT_EQ(w.find("albedo")->scalar, "0.3");
}

}  // namespace
}  // namespace twin::sweep
