#include "physics/motor_nameplate.h"

#include <gtest/gtest.h>

#include <cmath>

namespace physics {
namespace {

TEST(ReactiveRatio, IsTanOfThePowerFactorAngle) {
  // Q = P tan(phi), cos(phi) = pf (power triangle); exact to rounding.
  EXPECT_DOUBLE_EQ(reactiveRatio(1.0), 0.0);
  EXPECT_NEAR(reactiveRatio(0.8), 0.75, 1e-15);  // 3-4-5 triangle
  EXPECT_NEAR(reactiveRatio(0.85), std::tan(std::acos(0.85)), 1e-15);
}

}  // namespace
}  // namespace physics
