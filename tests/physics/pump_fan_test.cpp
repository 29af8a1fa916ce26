// Pumps and fans: affinity laws (Q ~ n, p ~ n^2, P ~ n^3; US DOE pumping/fan sourcebooks), the
// quadratic machine curve through the BEP, eta/eta_bep = 2x - x^2, system curve p = ps + k Q^2,
// throttling vs speed control. Worked example: Reynolds & Bauhm, "Hydraulic design: pump
// selection" (reynoldsbauhm.co.uk/hydraulic-design-pump-selection): static lift 12 m, 8 m of
// friction at 40 L/s -> K = 5000 s2/m5, pump head 25 m at 40 L/s. Tolerances stated per test.
#include "physics/pump_fan.h"

#include <gtest/gtest.h>

#include <cmath>

namespace physics {
namespace {

TEST(PumpFan, AffinityLawsExactly) {
  const AffinityPoint rated{0.05, 300e3, 20e3};
  for (double r : {0.3, 0.5, 0.8, 1.0, 1.2}) {
    const AffinityPoint p = affinityScale(rated, r);
    EXPECT_NEAR(p.flow, 0.05 * r, 1e-15);
    EXPECT_NEAR(p.pressure, 300e3 * r * r, 1e-9);
    EXPECT_NEAR(p.shaft_power, 20e3 * r * r * r, 1e-9);
  }
}

TEST(PumpFan, MachineCurveFollowsAffinityAlongParabola) {
  const TurboMachine m{0.05, headToPressure(30.0), 0.8, 1.25};
  EXPECT_NEAR(machinePressure(m, 0.0), 1.25 * m.pressure_bep, 1e-9);
  EXPECT_NEAR(machinePressure(m, 0.05), m.pressure_bep, 1e-9);
  EXPECT_NEAR(machineEfficiency(m, 0.05), 0.8, 1e-15);
  EXPECT_DOUBLE_EQ(machineEfficiency(m, 0.0), 0.0);
  // A point at full speed maps to speed s with Q*s, p*s^2, P*s^3 and the same efficiency.
  for (double s : {0.5, 0.7, 0.9}) {
    for (double q : {0.02, 0.05, 0.07}) {
      EXPECT_NEAR(machinePressure(m, q * s, s), machinePressure(m, q) * s * s, 1e-6);
      EXPECT_NEAR(machineEfficiency(m, q * s, s), machineEfficiency(m, q), 1e-12);
      EXPECT_NEAR(*machineShaftPower(m, q * s, s), *machineShaftPower(m, q) * s * s * s, 1e-6);
    }
  }
  // Shaft power = Q p / eta where eta > 0; finite at shut-off.
  const double q = 0.03;
  EXPECT_NEAR(*machineShaftPower(m, q), q * machinePressure(m, q) / machineEfficiency(m, q), 1e-6);
  EXPECT_GT(*machineShaftPower(m, 0.0), 0.0);
  EXPECT_FALSE(machineShaftPower(m, 0.1).has_value());  // x = 2: efficiency model ends
  // Efficiency never above the BEP value and below 1.
  for (double f = 0.001; f < 0.1; f += 0.001) EXPECT_LE(machineEfficiency(m, f), 0.8 + 1e-15);
}

TEST(PumpFan, WorkedExampleSystemCurveAndThrottle) {
  // 12 m static, 20 m total at 40 L/s => K = 5000 s2/m5 (Reynolds & Bauhm), 1e-9 relative.
  const double rho = kWaterDensity20C;
  const SystemCurve sys =
      systemCurveThrough(headToPressure(12.0, rho), 0.040, headToPressure(20.0, rho));
  EXPECT_NEAR(pressureToHead(sys.k, rho), 5000.0, 5000.0 * 1e-9);
  EXPECT_NEAR(pressureToHead(systemPressure(sys, 0.040), rho), 20.0, 1e-9);
  // A pump giving 25 m at 40 L/s, throttled to 40 L/s, burns 25 - 20 = 5 m across the valve.
  // Its BEP is put at (40 L/s, 25 m); the full-speed operating point lies beyond 40 L/s.
  const TurboMachine m{0.040, headToPressure(25.0, rho), 0.75, 1.25};
  const DutyComparison c = compareThrottlingAndSpeedControl(m, sys, 0.040);
  ASSERT_TRUE(c.ok) << c.reason;
  EXPECT_NEAR(pressureToHead(c.throttle_pressure, rho), 5.0, 1e-9);
  // Throttled shaft power = rho g Q H / eta = 998.2 * 9.80665 * 0.04 * 25 / 0.75 = 13052.0 W.
  EXPECT_NEAR(c.throttled.shaft_power, 998.2 * 9.80665 * 0.04 * 25.0 / 0.75, 1e-6);
  // Speed control: s^2 * 31.25 - 6.25 = 20 => s = sqrt(26.25 / 31.25) = 0.916515.
  EXPECT_NEAR(c.speed_ratio, std::sqrt(26.25 / 31.25), 1e-12);
  EXPECT_GT(c.power_saving, 0.0);
}

TEST(PumpFan, OperatingPointIsOnBothCurves) {
  const TurboMachine m{0.05, headToPressure(30.0), 0.8};
  const SystemCurve sys = systemCurveThrough(headToPressure(10.0), 0.05, headToPressure(30.0));
  const auto op = operatingPoint(m, sys);
  ASSERT_TRUE(op);
  EXPECT_NEAR(op->flow, 0.05, 1e-12);  // the system was drawn through the BEP
  EXPECT_NEAR(machinePressure(m, op->flow), systemPressure(sys, op->flow), 1e-6);
  // Too slow to lift the static head: no operating point.
  EXPECT_FALSE(operatingPoint(m, sys, 0.5).has_value());  // 0.25 * 37.5 m = 9.4 m < 10 m
}

TEST(PumpFan, ZeroStaticHeadSpeedControlFollowsCubeLaw) {
  // With p_static = 0 the speed-controlled points lie on one affinity parabola: P ~ (Q/Qd)^3
  // exactly (1e-9 relative).
  const TurboMachine m{0.05, headToPressure(30.0), 0.8};
  const SystemCurve sys = systemCurveThrough(0.0, 0.05, headToPressure(30.0));
  const DutyComparison design = compareThrottlingAndSpeedControl(m, sys, 0.05);
  ASSERT_TRUE(design.ok);
  EXPECT_NEAR(design.speed_ratio, 1.0, 1e-12);
  for (double f : {0.2, 0.4, 0.6, 0.8, 1.0}) {
    const DutyComparison c = compareThrottlingAndSpeedControl(m, sys, 0.05 * f);
    ASSERT_TRUE(c.ok) << c.reason;
    EXPECT_NEAR(c.speed_controlled.shaft_power / design.speed_controlled.shaft_power, f * f * f,
                1e-9);
    EXPECT_NEAR(c.speed_ratio, f, 1e-12);
  }
}

TEST(PumpFan, ThrottlingNeverBeatsSpeedControl) {
  // Design point at the BEP; static share 0..60 % of design pressure; duty 20..100 % of design.
  const TurboMachine m{0.05, headToPressure(30.0), 0.8};
  for (double share : {0.0, 0.2, 0.4, 0.6}) {
    const SystemCurve sys =
        systemCurveThrough(share * headToPressure(30.0), 0.05, headToPressure(30.0));
    for (double f = 0.2; f <= 1.0 + 1e-9; f += 0.05) {
      const DutyComparison c = compareThrottlingAndSpeedControl(m, sys, 0.05 * f);
      ASSERT_TRUE(c.ok) << c.reason;
      EXPECT_GE(c.throttled.shaft_power, c.speed_controlled.shaft_power - 1e-6)
          << "share " << share << " f " << f;
      EXPECT_GE(c.throttle_pressure, -1e-6);
      EXPECT_LE(c.speed_ratio, 1.0 + 1e-12);
    }
  }
}

TEST(PumpFan, FanInTotalPressure) {
  // A fan: 10 m3/s at 1500 Pa total, eta 0.75: shaft power = Q p / eta = 20 kW at the BEP.
  const TurboMachine fan{10.0, 1500.0, 0.75, 1.2};
  EXPECT_NEAR(*machineShaftPower(fan, 10.0), 10.0 * 1500.0 / 0.75, 1e-9);
  const SystemCurve duct = systemCurveThrough(0.0, 10.0, 1500.0);
  const DutyComparison c = compareThrottlingAndSpeedControl(fan, duct, 7.0);
  ASSERT_TRUE(c.ok);
  EXPECT_NEAR(c.speed_controlled.shaft_power, 20e3 * 0.343, 1e-6);  // 0.7^3
  EXPECT_GT(c.throttled.shaft_power, c.speed_controlled.shaft_power);
}

TEST(PumpFan, RejectsDutyBeyondRunOut) {
  const TurboMachine m{0.05, headToPressure(30.0), 0.8};
  const SystemCurve sys = systemCurveThrough(0.0, 0.05, headToPressure(30.0));
  EXPECT_FALSE(compareThrottlingAndSpeedControl(m, sys, 0.06).ok);
  EXPECT_FALSE(compareThrottlingAndSpeedControl(m, sys, 0.0).ok);
}

}  // namespace
}  // namespace physics
