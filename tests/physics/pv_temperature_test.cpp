// Cell temperature models against pvlib-python's published test values:
// tests/test_temperature.py at commit 058e1f0072139778b019d78efb2913d9bd97e99b (cited per test,
// "pvlib test_x"), pvlib's sapm_cell docstring example, and SAM 2020.11.29 output quoted in
// pvlib test_noct_sam_against_sam. pvlib works in deg C; we convert at the test boundary.
// Tolerances: half a unit of the last published digit unless stated.
#include "physics/pv_temperature.h"

#include <gtest/gtest.h>

#include <cmath>

#include "physics/units.h"

namespace physics {
namespace {

using units::kZeroCelsius;

double kelvin(double t_degC) { return t_degC + kZeroCelsius; }
double celsius(double t) { return t - kZeroCelsius; }

TEST(SapmTemperature, MatchesPvlibPublishedValues) {
  const SapmTemperatureParams& p = kSapmOpenRackGlassGlass;
  // pvlib test_sapm_cell / test_sapm_module (900 W/m2, 20 C, 5 m/s): 43.509 C and 40.809 C.
  EXPECT_NEAR(celsius(sapmCellTemperature(900.0, kelvin(20.0), 5.0, p)), 43.509, 5e-4);
  EXPECT_NEAR(celsius(sapmModuleTemperature(900.0, kelvin(20.0), 5.0, p)), 40.809, 5e-4);
  // pvlib test_sapm_ndarray (500 W/m2, 10 C, 5 m/s): cell 23.06066166 C, module 21.56066166 C.
  EXPECT_NEAR(celsius(sapmCellTemperature(500.0, kelvin(10.0), 5.0, p)), 23.06066166, 1e-8);
  EXPECT_NEAR(celsius(sapmModuleTemperature(500.0, kelvin(10.0), 5.0, p)), 21.56066166, 1e-8);
  // pvlib temperature.sapm_cell docstring: sapm_cell(1000, 10, 0, open_rack_glass_glass)
  // = 44.11703066106086 C.
  EXPECT_NEAR(celsius(sapmCellTemperature(1000.0, kelvin(10.0), 0.0, p)), 44.11703066106086, 1e-10);
}

TEST(SapmTemperature, PresetsAreKingTable1) {
  // King et al. 2004 Table 1; a glass/polymer insulated back has no back-to-cell difference.
  EXPECT_EQ(kSapmOpenRackGlassGlass.a, -3.47);
  EXPECT_EQ(kSapmCloseMountGlassGlass.b, -0.0471);
  EXPECT_EQ(kSapmOpenRackGlassPolymer.b, -0.0750);
  EXPECT_EQ(kSapmInsulatedBackGlassPolymer.delta_t, 0.0);
  // Less air behind the module runs hotter: insulated > close mount > open rack.
  const double ta = kelvin(25.0);
  const double open = sapmCellTemperature(1000.0, ta, 2.0, kSapmOpenRackGlassGlass);
  const double close = sapmCellTemperature(1000.0, ta, 2.0, kSapmCloseMountGlassGlass);
  const double insulated = sapmCellTemperature(1000.0, ta, 2.0, kSapmInsulatedBackGlassPolymer);
  EXPECT_LT(open, close);
  EXPECT_LT(close, insulated);
}

TEST(SapmTemperature, SharedHeatFactorGivesTheSameResult) {
  const SapmHeatFactor f = sapmHeatFactor(3.2, kSapmOpenRackGlassPolymer);
  for (double e : {0.0, 150.0, 800.0, 1100.0}) {
    EXPECT_EQ(sapmCellTemperature(e, 290.0, f),
              sapmCellTemperature(e, 290.0, 3.2, kSapmOpenRackGlassPolymer));
  }
}

TEST(SapmTemperature, PhysicalLimits) {
  const SapmTemperatureParams& p = kSapmOpenRackGlassGlass;
  // pvlib test_sapm_ndarray: no irradiance gives air temperature (0 C and 5 C).
  EXPECT_DOUBLE_EQ(sapmCellTemperature(0.0, kelvin(0.0), 10.0, p), kelvin(0.0));
  EXPECT_DOUBLE_EQ(sapmCellTemperature(0.0, kelvin(5.0), 0.0, p), kelvin(5.0));
  // Hotter with more sun, cooler with more wind.
  EXPECT_LT(sapmCellTemperature(400.0, 300.0, 2.0, p), sapmCellTemperature(800.0, 300.0, 2.0, p));
  EXPECT_GT(sapmCellTemperature(800.0, 300.0, 1.0, p), sapmCellTemperature(800.0, 300.0, 6.0, p));
}

TEST(FaimanTemperature, MatchesPvlibPublishedValues) {
  // pvlib test_faiman_default: faiman(900, 20, 5) = 35.203 C, atol 0.001.
  EXPECT_NEAR(celsius(faimanCellTemperature(900.0, kelvin(20.0), 5.0)), 35.203, 1e-3);
  // pvlib test_faiman_kwargs: u0 = 22, u1 = 6 gives 37.308 C, atol 0.001.
  EXPECT_NEAR(celsius(faimanCellTemperature(900.0, kelvin(20.0), 5.0, 22.0, 6.0)), 37.308, 1e-3);
  // pvlib test_faiman_ndarray: (500 W/m2, 10 C, 5 m/s) gives 18.446 C, atol 0.001.
  EXPECT_NEAR(celsius(faimanCellTemperature(500.0, kelvin(10.0), 5.0)), 18.446, 1e-3);
}

TEST(FaimanTemperature, PhysicalLimits) {
  // No irradiance: the module is at air temperature whatever the wind (pvlib test_faiman_ndarray).
  EXPECT_DOUBLE_EQ(faimanCellTemperature(0.0, kelvin(5.0), 0.0), kelvin(5.0));
  EXPECT_DOUBLE_EQ(faimanCellTemperature(0.0, kelvin(0.0), 10.0), kelvin(0.0));
  // Linear in irradiance: the rise doubles with the irradiance.
  const double ta = 293.15;
  const double rise1 = faimanCellTemperature(400.0, ta, 3.0) - ta;
  const double rise2 = faimanCellTemperature(800.0, ta, 3.0) - ta;
  EXPECT_NEAR(rise2, 2.0 * rise1, 1e-12);
  EXPECT_GT(faimanCellTemperature(800.0, ta, 0.5), faimanCellTemperature(800.0, ta, 5.0));
}

TEST(NoctSamTemperature, MatchesPvlibPublishedValues) {
  // pvlib test_noct_sam: (1000 W/m2, 25 C, 1 m/s, NOCT 45 C, eta 0.2) = 55.230790492 C
  // (assert_allclose rtol 1e-7 -> 5.5e-6 K).
  NoctSamParams p;
  p.noct = kelvin(45.0);
  p.module_efficiency = 0.2;
  EXPECT_NEAR(celsius(noctSamCellTemperature(1000.0, kelvin(25.0), 1.0, p)), 55.230790492, 5e-6);
  // pvlib test_noct_sam_options: effective irradiance 1100, tau-alpha 0.8, two stories, 2 in
  // standoff = 60.477703576 C (rtol 1e-7).
  p.transmittance_absorptance = 0.8;
  p.array_height = NoctArrayHeight::kTwoStories;
  p.mount_standoff = 2.0 * 0.0254;
  EXPECT_NEAR(celsius(noctSamCellTemperature(1000.0, kelvin(25.0), 1.0, p, 1100.0)), 60.477703576,
              6e-6);
}

TEST(NoctSamTemperature, ReproducesSamOutput) {
  // pvlib test_noct_sam_against_sam: SAM v2020.11.29 default detailed PV model, Phoenix TMY3,
  // Jan 1 12:00; expected 43.0655 C, rtol 1e-5 (SAM output precision). The effective irradiance
  // is SAM's: reflected POA 851.458 W/m2 times the CEC air-mass modifier (lib_cec6par.cpp
  // coefficients) at SAM's air mass for zenith 56.4284 deg, elevation 358 m.
  const double zen = 56.4284 * units::deg;
  const double am = 1.0 / (std::cos(zen) + 0.5057 * std::pow(96.080 - 56.4284, -1.634)) *
                    std::exp(-0.0001184 * 358.0);
  const double f1 =
      0.918093 + am * (0.086257 + am * (-0.024459 + am * (0.002816 + am * -0.000126)));
  NoctSamParams p;
  p.noct = kelvin(46.4);
  p.module_efficiency = 0.20551;
  const double t = noctSamCellTemperature(860.673, kelvin(25.0), 3.0, p, f1 * 851.458);
  EXPECT_NEAR(celsius(t), 43.0655, 43.0655 * 1e-5);
}

TEST(NoctSamTemperature, PhysicalLimits) {
  NoctSamParams p;
  p.noct = kelvin(45.0);
  p.module_efficiency = 0.2;
  const double ta = kelvin(20.0);
  EXPECT_DOUBLE_EQ(noctSamCellTemperature(0.0, ta, 2.0, p), ta);
  EXPECT_GT(noctSamCellTemperature(800.0, ta, 1.0, p), noctSamCellTemperature(400.0, ta, 1.0, p));
  EXPECT_GT(noctSamCellTemperature(800.0, ta, 1.0, p), noctSamCellTemperature(800.0, ta, 4.0, p));
  // A module mounted 1 in off a roof runs hotter than one with the 4 in default (+11 K NOCT).
  NoctSamParams close = p;
  close.mount_standoff = 1.0 * 0.0254;
  EXPECT_GT(noctSamCellTemperature(800.0, ta, 1.0, close),
            noctSamCellTemperature(800.0, ta, 1.0, p));
  // Without electrical output and wind adjustment the model is Ross's NOCT line:
  // Tc = Ta + (NOCT - 20 C) G / 800 scaled by 9.5 / (5.7 + 3.8 * 0.51 * ws).
  NoctSamParams ross = p;
  ross.module_efficiency = 0.0;
  EXPECT_NEAR(noctSamCellTemperature(800.0, ta, 0.0, ross) - ta, 25.0 * 9.5 / 5.7, 1e-12);
}

}  // namespace
}  // namespace physics
