// PVWatts system losses and degradation. Reference: Dobos 2014 (NREL/TP-6A20-62641) defaults,
// total 14.08 %; pvlib-python tests/test_pvsystem.py (commit
// 0103952235befbcdf72f3fefde06ab523c672c0a) test_pvwatts_losses_default = 14.075660688264469 %
// and test_pvwatts_losses_arrays (age 1 %) = 14.934904 %. Tolerances stated per check.
#include "physics/pv_losses.h"

#include <gtest/gtest.h>

#include "physics/units.h"

namespace physics {
namespace {

TEST(PvwattsLosses, DefaultsGiveThePublishedTotal) {
  const PvwattsLosses l;
  EXPECT_NEAR(l.total(), 14.075660688264469 * units::pct, 1e-15);
  EXPECT_NEAR(l.total(), 14.08 * units::pct, 0.005 * units::pct);  // Dobos 2014, rounded
  // Multiplicative, not additive: the plain sum of the defaults is 15 %.
  EXPECT_LT(l.total(), 15.0 * units::pct);
}

TEST(PvwattsLosses, AgeCompoundsWithTheRest) {
  PvwattsLosses l;
  l.age = 1.0 * units::pct;
  EXPECT_NEAR(l.total(), 14.934904 * units::pct, 5e-9);  // pvlib, 6 decimals in %
}

TEST(PvwattsLosses, Limits) {
  PvwattsLosses none{0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  EXPECT_EQ(none.total(), 0.0);
  none.snow = 1.0;  // fully covered: everything is lost
  EXPECT_EQ(none.total(), 1.0);
  PvwattsLosses one{0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  one.wiring = 2.0 * units::pct;
  EXPECT_NEAR(one.total(), 2.0 * units::pct, 1e-15);
}

TEST(DegradationFactor, CompoundsAnnually) {
  const double r = 0.5 * units::pct;
  EXPECT_EQ(degradationFactor(0.0, r), 1.0);
  EXPECT_NEAR(degradationFactor(1.0, r), 0.995, 1e-15);
  EXPECT_NEAR(degradationFactor(2.0, r), 0.995 * 0.995, 1e-15);
  // 25 years at 0.5 %/yr: 0.995^25 = 0.8822202429488 (by hand), not the linear 0.875.
  EXPECT_NEAR(degradationFactor(25.0, r), 0.8822202429488, 1e-12);
  EXPECT_GT(degradationFactor(25.0, r), 1.0 - 25.0 * r);
  EXPECT_LT(degradationFactor(10.5, r), degradationFactor(10.0, r));
  EXPECT_EQ(degradationFactor(7.0, 0.0), 1.0);
}

}  // namespace
}  // namespace physics
