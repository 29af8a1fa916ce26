// The stepped bypass-diode string model (physics/pv_mismatch.h), against hand-worked maximum power
// points of strings whose substrings are current sources bypassed below the string current (the
// power-voltage curve of a partly shaded string with bypass diodes has one local maximum per
// distinct substring current). Exact arithmetic: tolerance 1e-12.
#include "physics/pv_mismatch.h"

#include <gtest/gtest.h>

#include <vector>

namespace {

double power(std::vector<double> light) { return physics::bypassStringPower(light); }

TEST(PvMismatch, UnshadedStringKeepsAll) {
  EXPECT_NEAR(power({1, 1, 1, 1, 1, 1}), 1.0, 1e-12);
  EXPECT_NEAR(power({}), 1.0, 1e-12);
}

TEST(PvMismatch, UniformDimmingScalesPower) { EXPECT_NEAR(power({0.4, 0.4, 0.4}), 0.4, 1e-12); }

// One of a module's three substrings at half light: bypassing it keeps 2/3, running the whole
// module at half current keeps 1/2; the tracker takes 2/3 (the mean of the lights, 5/6, would
// overstate it).
TEST(PvMismatch, OneHalfShadedSubstringIsBypassed) {
  EXPECT_NEAR(power({1, 0.5, 1}), 2.0 / 3.0, 1e-12);
}

// Lightly shaded substrings are not bypassed: the whole string runs at their current.
TEST(PvMismatch, LightShadeLimitsTheStringCurrent) {
  EXPECT_NEAR(power({1, 0.9, 0.9}), 0.9, 1e-12);
}

// Two modules in series, the bottom substrings of one module in a row's shadow with 20 % diffuse
// light left: max(1 x 3/6, 0.2 x 6/6) = 0.5.
TEST(PvMismatch, StringOfTwoModulesWithOneShaded) {
  EXPECT_NEAR(power({1, 1, 1, 0.2, 0.2, 0.2}), 0.5, 1e-12);
}

// Light from the beam share: a substring losing all of its beam keeps the diffuse, 1 - share.
TEST(PvMismatch, LightFromBeamShareAndLoss) {
  const std::vector<double> loss{0, 0, 0, 1, 1, 1};
  EXPECT_NEAR(physics::bypassStringPowerSorted(loss, 0.8), 0.5, 1e-12);
  // Mostly diffuse light: running the string at the shaded current is better, 1 - 0.3 = 0.7.
  EXPECT_NEAR(physics::bypassStringPowerSorted(loss, 0.3), 0.7, 1e-12);
  EXPECT_NEAR(physics::bypassStringPowerSorted(loss, 0.0), 1.0, 1e-12);
}

}  // namespace
