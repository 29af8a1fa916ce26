// Scenario overlays: entries merge by id field by field, new entries are added, `remove`
// deletes, and the baseline is left as it was.
#include <gtest/gtest.h>

#include "twin/test_park.h"

namespace twin {
namespace {

TEST(Scenario, OverlayMergesByIdAndKeepsOtherFields) {
  const CompiledPark park = test::compileText(test::smallParkYaml());
  ASSERT_EQ(park.scenarios.size(), 1u);
  const ParkModel& ie4 = park.scenarios[0];
  EXPECT_EQ(ie4.scenario, "ie4");
  ASSERT_EQ(ie4.motors.size(), 2u);
  EXPECT_EQ(ie4.motors[1].id, "PUMP-02");
  EXPECT_DOUBLE_EQ(ie4.motors[1].nameplate.rated_efficiency, 0.939);
  EXPECT_EQ(ie4.motors[1].efficiency_class, EfficiencyClass::kIE4);
  EXPECT_DOUBLE_EQ(ie4.motors[1].nameplate.rated_power, 15e3);  // untouched field kept
  EXPECT_DOUBLE_EQ(park.baseline.motors[1].nameplate.rated_efficiency, 0.906);
}

TEST(Scenario, AddsAndRemovesEntries) {
  const std::string base = test::smallParkYaml();
  const std::string text = base.substr(0, base.find("scenarios:")) + R"(scenarios:
  - name: swap
    description: swap lighting for a fan
    remove: [LIGHT]
    equipment:
      - {id: FAN, kind: fan, building: W1, bus: LV1,
         motor: {rated_power: "7.5 kW", rated_efficiency: "90.4 %", power_factor: 0.83},
         duty: {load: "70 %", schedule: always}}
)";
  const CompiledPark park = test::compileText(text);
  const ParkModel& s = park.scenarios[0];
  EXPECT_TRUE(s.loads.empty());
  ASSERT_EQ(s.motors.size(), 3u);
  EXPECT_EQ(s.motors[2].id, "FAN");
  EXPECT_EQ(park.baseline.loads.size(), 1u);
}

}  // namespace
}  // namespace twin
