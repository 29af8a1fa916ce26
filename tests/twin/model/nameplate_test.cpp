// A motor's nameplate current and speed (docs/park-file-equipment.md): the speed must lie below the
// synchronous speed of its poles at 50 Hz (120 f / p rpm), and a rated current far from
// P / (sqrt(3) V eff pf) (IEC 60034-1 rating relation; 25 % tolerance) is a located warning.
#include <gtest/gtest.h>

#include "physics/units.h"
#include "twin/error_cases.h"
#include "twin/test_park.h"

namespace twin {
namespace {

// The small park's pump: 15 kW, 4 poles, 90.6 %, power factor 0.85, on a 0.4 kV bus; its
// rated current is 15000 / (sqrt(3) x 400 x 0.906 x 0.85) = 28.1 A.
std::string pumpWith(const std::string& fields) {
  return test::replaced(test::smallParkYaml(), "power_factor: 0.85}",
                        "power_factor: 0.85, " + fields + "}");
}

TEST(Nameplate, PlausibleCurrentAndSpeedAreKept) {
  const CompiledPark p =
      test::compileText(pumpWith("rated_current: \"28.5 A\", rated_speed: \"1460 rpm\""));
  EXPECT_TRUE(p.warnings.empty()) << p.warnings[0];
  const Motor& m = p.baseline.motors.at(0);
  EXPECT_DOUBLE_EQ(m.rated_current, 28.5);
  EXPECT_NEAR(m.rated_speed, 1460 * 2 * physics::units::pi / 60, 1e-12);
  const CompiledPark rad = test::compileText(pumpWith("rated_speed: \"152.9 rad/s\""));
  EXPECT_DOUBLE_EQ(rad.baseline.motors.at(0).rated_speed, 152.9);
}

TEST(Nameplate, CurrentFarFromTheRatingIsALocatedWarning) {
  const CompiledPark p = test::compileText(pumpWith("rated_current: \"60 A\""));
  ASSERT_EQ(p.warnings.size(), 1u);
  EXPECT_NE(p.warnings[0].find("test.yaml:"), std::string::npos) << p.warnings[0];
  EXPECT_NE(p.warnings[0].find("equipment[0].motor.rated_current: expected about 28.1 A"),
            std::string::npos)
      << p.warnings[0];
  EXPECT_DOUBLE_EQ(p.baseline.motors.at(0).rated_current, 60.0);  // kept: it is a warning
}

TEST(Nameplate, SpeedAtOrAboveSynchronousIsAnError) {
  const std::vector<std::string> e =
      test::messagesOf([] { test::compileText(pumpWith("rated_speed: \"1500 rpm\"")); });
  ASSERT_EQ(e.size(), 1u);
  EXPECT_NE(e[0].find("equipment[0].motor.rated_speed: expected a speed below the synchronous "
                      "1500 rpm of a 4-pole motor at 50 Hz, got \"1500 rpm\""),
            std::string::npos)
      << e[0];
  const std::vector<std::string> unit =
      test::messagesOf([] { test::compileText(pumpWith("rated_speed: \"1460 kW\"")); });
  ASSERT_EQ(unit.size(), 1u);
  EXPECT_NE(unit[0].find("expected a rotational speed"), std::string::npos) << unit[0];
}

}  // namespace
}  // namespace twin
