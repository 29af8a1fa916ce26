// First-order motor model: P_in = P_shaft / eta_rated; Q = P_in tan(acos(pf)).
// Reference: a 15 kW 4-pole IE2 motor, eta = 90.6 % (IEC 60034-30-1 Table, via the shared
// standards CSV), pf 0.85; values computed by hand, tolerance 1e-9 relative.
#include "physics/motor_first_order.h"

#include <gtest/gtest.h>

#include <cmath>

namespace physics {
namespace {

TEST(MotorFirstOrder, InputPowerLossesAndReactivePower) {
  const MotorNameplate np{15e3, 0.906, 0.85};
  const MotorOperatingPoint op = motorFirstOrder(motorFirstOrderFrom(np), 12e3);
  EXPECT_NEAR(op.input_power, 12e3 / 0.906, 1e-6);
  EXPECT_NEAR(op.losses, 12e3 / 0.906 - 12e3, 1e-6);
  EXPECT_DOUBLE_EQ(op.load_fraction, 0.8);
  // tan(acos(0.85)) = 0.619744...
  EXPECT_NEAR(op.reactive_power / op.input_power, 0.6197443384031024, 1e-12);
  EXPECT_LT(op.shaft_power, op.input_power);
}

TEST(MotorFirstOrder, UnityPowerFactorDrawsNoReactivePower) {
  EXPECT_DOUBLE_EQ(reactiveRatio(1.0), 0.0);
  EXPECT_DOUBLE_EQ(motorFirstOrder(motorFirstOrderFrom({15e3, 0.9, 0.8}), 0.0).input_power, 0.0);
}

}  // namespace
}  // namespace physics
