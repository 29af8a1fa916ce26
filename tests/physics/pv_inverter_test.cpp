// PVWatts and Sandia inverter models against pvlib-python's published test values:
// tests/test_inverter.py at commit 1e55ffed5144280b8a625e00133138ff4d6d2454 ("pvlib test_x",
// CEC inverter fixture from tests/conftest.py), plus clipping and efficiency-curve checks.
#include "physics/pv_inverter.h"

#include <gtest/gtest.h>

#include <cmath>

namespace physics {
namespace {

// CEC inverter database entry 'ABB: MICRO-0.25-I-OUTD-US-208 208V [CEC 2014]', as pvlib's
// cec_inverter_parameters fixture.
constexpr SandiaInverter kAbbMicro025{250.0,    259.5220505, 40.24260317, 1.771614224, -2.48e-5,
                                      -9.01e-5, 6.69e-4,     -0.0189,     0.02};
// 'Enphase Energy: M250-60-2LL-S2x (-ZC) (-NA) 208V [CEC 2013]', pvlib test_sandia_Pnt_micro.
constexpr SandiaInverter kEnphaseM250{240.0,     250.5311318, 32.06160667,  1.12048857, -5.76e-05,
                                      -6.24e-04, 8.09e-02,    -0.111781106, 0.043};

TEST(PvwattsInverter, MatchesPvlibPublishedValues) {
  // pvlib test_pvwatts_scalars: pvwatts(90, 100, 0.95) = 85.58556604752516 (rtol 1e-7);
  // pvwatts(0, 100) = 0.
  EXPECT_NEAR(pvwattsInverter(90.0, 100.0, 0.95), 85.58556604752516, 1e-9);
  EXPECT_EQ(pvwattsInverter(0.0, 100.0), 0.0);
  // pvlib test_pvwatts_arrays: 50 -> 47.60843624, 100 -> 95 (eta_nom 0.95), rtol 1e-7.
  EXPECT_NEAR(pvwattsInverter(50.0, 100.0, 0.95), 47.60843624, 5e-8);
  EXPECT_NEAR(pvwattsInverter(100.0, 100.0, 0.95), 95.0, 1e-9);
  // pvlib test_pvwatts_possible_negative: the curve is negative below z = 0.006; output is 0.
  EXPECT_EQ(pvwattsInverter(0.001, 1.0), 0.0);
  EXPECT_EQ(pvwattsInverter(-5.0, 100.0), 0.0);
}

TEST(PvwattsInverter, EfficiencyCurveAndClipping) {
  // Dobos 2014: at z = 1 the curve gives -0.0162 - 0.0059 + 0.9858 = 0.9637 = eta_ref, so the
  // efficiency is eta_nom and the output is exactly pac0.
  const double pdc0 = 1e5;
  EXPECT_NEAR(pvwattsInverter(pdc0, pdc0), 0.96 * pdc0, 1e-6);
  // Never above pac0, non-decreasing in pdc, and clipped flat beyond pdc0.
  double prev = 0.0;
  for (double z = 0.01; z <= 1.6; z += 0.01) {
    const double pac = pvwattsInverter(z * pdc0, pdc0);
    EXPECT_LE(pac, 0.96 * pdc0) << z;
    EXPECT_GE(pac, prev) << z;
    EXPECT_LT(pac, z * pdc0) << z;  // efficiency < 1
    prev = pac;
  }
  EXPECT_EQ(pvwattsInverter(1.3 * pdc0, pdc0), 0.96 * pdc0);
}

TEST(PvwattsInverter, RatingFromDcAcRatio) {
  // 1.2 MW DC at DC/AC 1.2: pac0 = 1 MW, pdc0_inverter = 1 MW / 0.96 (Dobos 2014 definitions).
  const PvwattsInverterRating r = pvwattsInverterRating(1.2e6, 1.2);
  EXPECT_NEAR(r.pac0, 1.0e6, 1e-6);
  EXPECT_NEAR(r.pdc0, 1.0e6 / 0.96, 1e-6);
  // The array's STC output clips at the rated AC power.
  EXPECT_NEAR(pvwattsInverter(1.2e6, r.pdc0), 1.0e6, 1e-6);
}

TEST(SandiaInverter, MatchesPvlibPublishedValues) {
  // pvlib test_sandia_float: v 25 V, p 137.5 W -> 132.004278 W (rtol 1e-5); p 0 -> -Pnt.
  EXPECT_NEAR(sandiaInverter(25.0, 25.0 * 5.5, kAbbMicro025), 132.004278, 132.004278 * 1e-5);
  EXPECT_EQ(sandiaInverter(25.0, 0.0, kAbbMicro025), -0.02);
  // pvlib test_sandia: (0 V, 0 W) -> -0.02, (50 V, 550 W) -> clipped at Paco 250.
  EXPECT_EQ(sandiaInverter(0.0, 0.0, kAbbMicro025), -0.02);
  EXPECT_EQ(sandiaInverter(50.0, 550.0, kAbbMicro025), 250.0);
  // pvlib test_sandia_Pnt_micro (issue 140): -0.043, 132.545914746, 240 (assert_series_equal,
  // rtol 1e-5).
  EXPECT_EQ(sandiaInverter(0.0, 0.0, kEnphaseM250), -0.043);
  EXPECT_NEAR(sandiaInverter(25.0, 137.5, kEnphaseM250), 132.545914746, 132.545914746 * 1e-5);
  EXPECT_EQ(sandiaInverter(50.0, 550.0, kEnphaseM250), 240.0);
}

TEST(SandiaInverter, RatedPointAndLimits) {
  // King et al. 2007 eq. 1: at Vdc = Vdco and Pdc = Pdco, A = Pdco, B = Pso, C = C0, so
  // Pac = Paco exactly.
  const SandiaInverter& inv = kAbbMicro025;
  EXPECT_NEAR(sandiaInverter(inv.vdco, inv.pdco, inv), inv.paco, 1e-9);
  // Never above Paco; night tare below Pso; output below input above Pso.
  for (double p = 0.0; p <= 400.0; p += 5.0) {
    for (double v : {25.0, 40.0, 50.0}) {
      const double pac = sandiaInverter(v, p, inv);
      EXPECT_LE(pac, inv.paco);
      if (p < inv.pso) {
        EXPECT_EQ(pac, -inv.pnt);
      } else {
        EXPECT_LT(pac, p);
      }
    }
  }
}

}  // namespace
}  // namespace physics
