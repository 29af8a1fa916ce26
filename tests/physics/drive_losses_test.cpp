// CDM losses after IEC 61800-9-2:2017: the 8 operating points (0/50/90 % frequency x 25/50/100 %
// torque-producing current, no (90;25)), bilinear interpolation between them, IE0/IE1/IE2 at
// (90;100) against the reference CDM (< 75 % IE2, > 125 % IE0). The loss data are synthetic,
// from P = 80 + 200 i + 300 i^2 + 40 s i (W; a no-load, a switching/diode ~ i and a resistive
// ~ i^2 part), so every expected value is a hand calculation; tolerance 1e-9 W unless stated.
#include "physics/drive_losses.h"

#include <gtest/gtest.h>

#include <cmath>

namespace physics {
namespace {

double shape(double s, double i) { return 80 + 200 * i + 300 * i * i + 40 * s * i; }

DriveRating syntheticDrive() {
  DriveRating d;
  d.rated_apparent_power = 11e3;
  d.losses = {shape(0, 0.25),  shape(0, 0.5),   shape(0, 1.0),   shape(0.5, 0.25),
              shape(0.5, 0.5), shape(0.5, 1.0), shape(0.9, 0.5), shape(0.9, 1.0)};
  return d;
}

TEST(DriveLosses, ReproducesTheEightPoints) {
  const DriveRating d = syntheticDrive();
  const double s[] = {0, 0, 0, 0.5, 0.5, 0.5, 0.9, 0.9};
  const double i[] = {0.25, 0.5, 1.0, 0.25, 0.5, 1.0, 0.5, 1.0};
  for (int k = 0; k < 8; ++k) EXPECT_NEAR(cdmLosses(d, s[k], i[k]), d.losses[k], 1e-9) << k;
  // (90;25) completed as P(50;25) + P(90;50) - P(50;50) = 153.75 + 273 - 265 = 161.75 W.
  EXPECT_NEAR(cdmLosses(d, 0.9, 0.25), 161.75, 1e-9);
}

TEST(DriveLosses, BilinearBetweenPoints) {
  const DriveRating d = syntheticDrive();
  // Cell centre = mean of its 4 corners.
  const double mean = (shape(0, 0.25) + shape(0, 0.5) + shape(0.5, 0.25) + shape(0.5, 0.5)) / 4;
  EXPECT_NEAR(cdmLosses(d, 0.25, 0.375), mean, 1e-9);
  // The data are linear in speed at fixed current, so speed interpolation is exact there.
  EXPECT_NEAR(cdmLosses(d, 0.7, 1.0), shape(0.7, 1.0), 1e-9);
  EXPECT_NEAR(cdmLosses(d, 0.3, 0.5), shape(0.3, 0.5), 1e-9);
  // Along current, the chord of the i^2 term: at (50;75) the error is 300 * (0.625 - 0.5625).
  EXPECT_NEAR(cdmLosses(d, 0.5, 0.75) - shape(0.5, 0.75), 18.75, 1e-9);
  // Continuous across cell edges.
  EXPECT_NEAR(cdmLosses(d, 0.5 - 1e-12, 0.7), cdmLosses(d, 0.5 + 1e-12, 0.7), 1e-6);
  EXPECT_NEAR(cdmLosses(d, 0.7, 0.5 - 1e-12), cdmLosses(d, 0.7, 0.5 + 1e-12), 1e-6);
}

TEST(DriveLosses, MonotoneClampedAndRelative) {
  const DriveRating d = syntheticDrive();
  for (double s = 0; s <= 1.0; s += 0.05) {
    double prev = -1;
    for (double i = 0; i <= 1.0 + 1e-9; i += 0.05) {
      const double p = cdmLosses(d, s, i);
      EXPECT_GT(p, prev);
      EXPECT_GE(p, 0.0);
      prev = p;
    }
  }
  EXPECT_DOUBLE_EQ(cdmLosses(d, 1.3, 1.4), cdmLosses(d, 1.0, 1.0));
  EXPECT_DOUBLE_EQ(cdmLosses(d, -0.2, 0.5), cdmLosses(d, 0.0, 0.5));
  EXPECT_NEAR(cdmRelativeLosses(d, 0.9, 1.0), shape(0.9, 1.0) / 11e3, 1e-15);
  const DriveRating r =
      driveFromRelativeLosses(11e3, {0.01, 0.011, 0.015, 0.0102, 0.0113, 0.0155, 0.0116, 0.016});
  EXPECT_NEAR(r.losses[7], 176.0, 1e-9);
  EXPECT_NEAR(cdmRelativeLosses(r, 0.9, 1.0), 0.016, 1e-15);
}

TEST(DriveLosses, ClassBoundaries) {
  EXPECT_EQ(cdmClass(74.9, 100.0), CdmClass::kIE2);
  EXPECT_EQ(cdmClass(75.0, 100.0), CdmClass::kIE1);
  EXPECT_EQ(cdmClass(100.0, 100.0), CdmClass::kIE1);
  EXPECT_EQ(cdmClass(125.0, 100.0), CdmClass::kIE1);
  EXPECT_EQ(cdmClass(125.1, 100.0), CdmClass::kIE0);
  const DriveRating d = syntheticDrive();  // 616 W at (90;100)
  EXPECT_EQ(cdmClass(d, 1000.0), CdmClass::kIE2);
  EXPECT_EQ(cdmClass(d, 600.0), CdmClass::kIE1);
  EXPECT_EQ(cdmClass(d, 400.0), CdmClass::kIE0);
}

TEST(DriveLosses, PdsEfficiency) {
  const DriveRating d = syntheticDrive();
  // 11 kW motor at 90 % speed, full torque, motor losses 1000 W there (given):
  // shaft 9900 W, CDM 616 W, input 11516 W, eta = 0.859673.
  const PdsPoint p = pdsAtPoint(d, 11e3, 0.9, 1.0, 1000.0);
  EXPECT_NEAR(p.shaft_power, 9900.0, 1e-9);
  EXPECT_NEAR(p.cdm_losses, 616.0, 1e-9);
  EXPECT_NEAR(p.input_power, 11516.0, 1e-9);
  EXPECT_NEAR(p.efficiency, 9900.0 / 11516.0, 1e-15);
  EXPECT_LT(p.efficiency, 1.0);
  // At standstill no shaft power: efficiency 0, losses still drawn.
  const PdsPoint z = pdsAtPoint(d, 11e3, 0.0, 0.5, 200.0);
  EXPECT_DOUBLE_EQ(z.efficiency, 0.0);
  EXPECT_GT(z.input_power, 0.0);
  // Part load: PDS efficiency is below the full-load value when fixed losses dominate.
  EXPECT_LT(pdsAtPoint(d, 11e3, 0.5, 0.25, 300.0).efficiency, p.efficiency);
}

}  // namespace
}  // namespace physics
