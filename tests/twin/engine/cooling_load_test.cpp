// Scenario tier: air-cooled cooling loads through the engine. The cooling demand follows the
// ASHRAE bin-method load line (0 at the 18 C balance point, full at the 35 C rating point) times
// the schedule; the electric input is the DX air conditioner's at that part load and outdoor
// temperature (EnergyPlus single-speed DX curves, physics/hvac_lighting.h), checked step by step
// against the physics called directly, plus the seasons of the synthetic Shanghai year.
#include <gtest/gtest.h>

#include "physics/hvac_lighting.h"
#include "physics/units.h"
#include "twin/base/error.h"
#include "twin/engine/engine.h"
#include "twin/memory_sink.h"
#include "twin/test_park.h"

namespace twin {
namespace {

namespace u = physics::units;

// The test park's lighting load turned into a 100 kW (cooling), COP 3 air-cooled air conditioner
// running all year.
std::string parkWithCooling() {
  std::string text =
      test::replaced(test::smallParkYaml(), "    kind: lighting\n", "    kind: hvac\n");
  text = test::replaced(text, "    rated_power: \"20 kW\"\n    power_factor: 0.95\n",
                        "    cooling: {capacity: \"100 kW\", cop: 3.0}\n    power_factor: 0.95\n");
  text = test::replaced(text, "end: 2025-01-08", "end: 2026-01-01");
  return test::replaced(text, "step: 15min", "step: 60min");
}

TEST(CoolingLoad, FollowsTheLoadLineAndTheUnitCurves) {
  const CompiledPark park = test::compileText(parkWithCooling());
  ASSERT_TRUE(park.baseline.loads[0].cooling);
  test::MemorySink sink;
  runSimulation(park.baseline, makeTimeGrid(park.baseline, {}), &sink);
  const std::vector<double> temp = sink.series(kWeatherTempAir);
  const std::vector<double> power = sink.series(kLoadPower);
  const physics::SplitAirConditioner ac = physics::defaultSplitAirConditioner(100e3, 3.0);
  const double balance = 18.0 + u::kZeroCelsius;
  double january = 0.0;
  double july = 0.0;
  for (size_t k = 0; k < power.size(); ++k) {
    const double demand =
        100e3 * physics::coolingLoadFraction(temp[k], balance, physics::kSplitAcRatedOutdoor);
    const double expected =
        physics::splitAcOperatingPoint(ac, demand, physics::kSplitAcRatedIndoorWetBulb, temp[k])
            .electric_power;
    ASSERT_NEAR(power[k], expected, 1e-9 * 100e3) << "step " << k;
    if (temp[k] <= balance) {
      ASSERT_EQ(power[k], 0.0) << "step " << k;
    }
    if (k < 31 * 24) january += power[k];
    if (k >= 181 * 24 && k < 212 * 24) july += power[k];
  }
  // Shanghai: January averages about 5 C (no cooling), July about 29 C (heavy cooling).
  EXPECT_LT(january, 0.01 * july);
  EXPECT_GT(july / (31 * 24), 10e3);  // mean electric input in July above 10 kW
}

TEST(CoolingLoad, OnlyOnHvacLoadsAndWithoutRatedPower) {
  const std::string text = parkWithCooling();
  try {
    test::compileText(test::replaced(text, "    kind: hvac\n", "    kind: lighting\n"));
    FAIL() << "cooling on a lighting load was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("loads[0].cooling: expected a cooling map only on an "
                                         "hvac load"),
              std::string::npos)
        << e.what();
  }
  try {
    test::compileText(test::replaced(text, "    power_factor: 0.95\n    schedule: always",
                                     "    power_factor: 0.95\n    rated_power: \"30 kW\"\n"
                                     "    schedule: always"));
    FAIL() << "cooling with rated_power was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("loads[0].rated_power: expected no rated_power with "
                                         "cooling"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace twin
