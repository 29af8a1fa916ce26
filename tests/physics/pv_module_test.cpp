// PVWatts DC and CEC single-diode model against pvlib-python's published test values:
// tests/test_pvsystem.py at commit 0103952235befbcdf72f3fefde06ab523c672c0a ("pvlib test_x"),
// plus physical checks on the implicit single-diode equation. Tolerances stated per check.
#include "physics/pv_module.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "physics/units.h"

namespace physics {
namespace {

using units::kZeroCelsius;

// CEC module database entry 'Example_Module' (SAM library, 4/28/2008, Multi-c-Si, 18 cells),
// as used by pvlib's cec_module_params fixture (tests/conftest.py).
CecModule exampleModule() {
  CecModule m;
  m.alpha_sc = 0.003;
  m.a_ref = 0.473;
  m.i_l_ref = 7.545;
  m.i_o_ref = 1.94e-9;
  m.r_sh_ref = 15.72;
  m.r_s = 0.094;
  m.adjust = 10.6 * units::pct;
  m.cells_in_series = 18;
  m.v_mp_ref = 8.4;
  m.i_mp_ref = 6.6;
  m.v_oc_ref = 10.4;
  m.i_sc_ref = 7.5;
  return m;
}

// Residual of I = IL - I0 (exp((V + I Rs) / a) - 1) - (V + I Rs) / Rsh, in A.
double residual(const SingleDiodeParams& p, double v, double i) {
  const double vd = v + i * p.r_s;
  return p.i_l - p.i_o * std::expm1(vd / p.n_ns_vth) - vd / p.r_sh - i;
}

TEST(PvwattsDc, MatchesPvlibAndLimits) {
  // pvlib test_pvwatts_dc_scalars: pvwatts_dc(900, 30 C, 100, -0.003) = 88.65 (rtol 1e-7).
  EXPECT_NEAR(pvwattsDc(900.0, 30.0 + kZeroCelsius, 100.0, -0.003), 88.65, 1e-9);
  // temp_ref 20 C: 100 * 0.9 * (1 - 0.003 * 10) = 87.3 (by hand).
  EXPECT_NEAR(pvwattsDc(900.0, 30.0 + kZeroCelsius, 100.0, -0.003, 20.0 + kZeroCelsius), 87.3,
              1e-9);
  // Nameplate at STC, nothing without light, linear in irradiance.
  EXPECT_DOUBLE_EQ(pvwattsDc(1000.0, 298.15, 250.0, -0.0037), 250.0);
  EXPECT_DOUBLE_EQ(pvwattsDc(0.0, 320.0, 250.0, -0.0037), 0.0);
  EXPECT_NEAR(pvwattsDc(600.0, 320.0, 250.0, -0.0037),
              2.0 * pvwattsDc(300.0, 320.0, 250.0, -0.0037), 1e-12);
}

TEST(CalcparamsCec, MatchesPvlibAt800WAnd25C) {
  // pvlib test_calcparams_cec_all_scalars (800 W/m2, 25 C): IL 6.036, I0 1.94e-9, Rs 0.094,
  // Rsh 19.65, nNsVth 0.473, atol 1e-4.
  const SingleDiodeParams p = calcparamsCec(800.0, 25.0 + kZeroCelsius, exampleModule());
  EXPECT_NEAR(p.i_l, 6.036, 1e-4);
  EXPECT_NEAR(p.i_o, 1.94e-9, 1e-15);
  EXPECT_DOUBLE_EQ(p.r_s, 0.094);
  EXPECT_NEAR(p.r_sh, 19.65, 1e-12);
  EXPECT_NEAR(p.n_ns_vth, 0.473, 1e-12);
}

TEST(CalcparamsCec, TemperatureTranslationAt50C) {
  const SingleDiodeParams p = calcparamsCec(800.0, 50.0 + kZeroCelsius, exampleModule());
  // pvlib test_calcparams_cec (800 W/m2, 50 C): IL 6.0896 with the Adjust applied (De Soto
  // without it: 6.096), nNsVth 0.5127, Rsh 19.65; published to 4-5 digits, tolerance 1e-4.
  EXPECT_NEAR(p.i_l, 6.0896, 1e-4);
  EXPECT_NEAR(p.n_ns_vth, 0.5127, 1e-4);
  EXPECT_NEAR(p.r_sh, 19.65, 1e-12);
  // I0 from De Soto's relation I0 = I0ref (T/Tref)^3 exp(Egref/(k Tref) - Eg/(k T)), evaluated
  // by hand (Python, k = 8.617332478e-5 eV/K): 9.45497506e-8 A; tolerance 1e-6 relative covers
  // the CODATA k difference. (pvlib publishes 7.419e-8 here, but its 3-decimal check cannot
  // see the I0 digits; its own formula gives 9.455e-8.)
  EXPECT_NEAR(p.i_o / 9.45497506e-8, 1.0, 1e-6);
}

TEST(CalcparamsCec, NoLight) {
  // pvlib test_calcparams_cec at 0 W/m2: IL 0, Rsh infinite.
  const SingleDiodeParams p = calcparamsCec(0.0, 298.15, exampleModule());
  EXPECT_EQ(p.i_l, 0.0);
  EXPECT_TRUE(std::isinf(p.r_sh));
  const MaxPowerPoint mpp = maxPowerPoint(p);
  EXPECT_EQ(mpp.p_mp, 0.0);
  EXPECT_EQ(mpp.v_oc, 0.0);
  EXPECT_EQ(mpp.i_sc, 0.0);
}

TEST(MaxPowerPoint, MatchesPvlibSinglediodeFloats) {
  // pvlib test_singlediode_floats (IL 7, I0 6e-7, Rs 0.1, Rsh 20, nNsVth 0.5), atol 1e-6.
  const MaxPowerPoint m = maxPowerPoint({7.0, 6e-7, 0.1, 20.0, 0.5});
  EXPECT_NEAR(m.i_mp, 6.136267360, 1e-6);
  EXPECT_NEAR(m.v_mp, 6.224339375, 1e-6);
  EXPECT_NEAR(m.p_mp, 38.19421055, 1e-6);
  EXPECT_NEAR(m.v_oc, 8.106300147, 1e-6);
  EXPECT_NEAR(m.i_sc, 6.965172322, 1e-6);
}

TEST(MaxPowerPoint, MatchesPvlibSinglediodeArray) {
  // pvlib test_singlediode_array (github issue 221): IL 0..10 A, Rsh 16, Rs 0.094,
  // nNsVth 0.473, I0 1.943e-9; i_mp and v_mp at atol 1e-8.
  const double i_mp[] = {0.,
                         0.54614798740338,
                         1.435026463529,
                         2.3621366610078,
                         3.2953968319952,
                         4.2303869378787,
                         5.1655276691892,
                         6.1000269648604,
                         7.0333996177802,
                         7.9653036915959,
                         8.8954716265647};
  const double v_mp[] = {0.,
                         7.0966259059555,
                         7.9961986643428,
                         8.2222496810656,
                         8.3255927555753,
                         8.3766915453915,
                         8.3988872440242,
                         8.4027948807891,
                         8.3941399580559,
                         8.3763655188855,
                         8.3517057522791};
  for (int k = 0; k <= 10; ++k) {
    const MaxPowerPoint m = maxPowerPoint({double(k), 1.943e-9, 0.094, 16.0, 0.473});
    EXPECT_NEAR(m.i_mp, i_mp[k], 1e-8) << "IL = " << k;
    EXPECT_NEAR(m.v_mp, v_mp[k], 1e-8) << "IL = " << k;
  }
}

TEST(MaxPowerPoint, OpenCircuitVoltageMatchesPvlibVFromI) {
  // pvlib fixture_v_from_i cases with I = 0 (V = Voc), atol 1e-11 there; 1e-9 V here.
  // Rs = 0, Rsh = inf: closed form nNsVth ln((IL + I0) / I0).
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_NEAR(maxPowerPoint({7.0, 6e-7, 0.0, inf, 0.5}).v_oc,
              0.5 * (std::log(7.0 + 6e-7) - std::log(6e-7)), 1e-9);
  EXPECT_NEAR(maxPowerPoint({7.0, 6e-7, 0.0, inf, 0.5}).i_sc, 7.0, 1e-12);
  // "big LambertW arg" and Canadian Solar 220M at 1000 W/m2 (github issue 225) cases.
  EXPECT_NEAR(maxPowerPoint({1.2, 6e-10, 10.0, 500.0, 4.06}).v_oc, 86.320000493521079, 1e-9);
  EXPECT_NEAR(maxPowerPoint({10.491262, 7.05196029e-08, 1.065, 190.0, 2.89}).v_oc,
              54.303958833791455, 1e-9);
  EXPECT_NEAR(
      maxPowerPoint({5.1366949999999996, 1.8739027472625636e-09, 1.065, 381.68, 2.681527737715915})
          .v_oc,
      58.19323124611128, 1e-9);
}

TEST(MaxPowerPoint, ExampleModuleMatchesPvlibAt25C) {
  // pvlib test_singlediode_series_ivcurve: Example Module, 400 and 800 W/m2, 25 C (at 25 C the
  // CEC Adjust has no effect, so De Soto = CEC). pvlib checks atol 1e-2; the values are
  // printed to ~1e-9 and we hold 1e-6.
  struct Case {
    double e, i_sc, v_oc, i_mp, v_mp, p_mp;
  };
  const Case cases[] = {{400.0, 3.01079860, 9.96959733, 2.656285960, 8.321092255, 22.10320053},
                        {800.0, 6.00726296, 10.29603253, 5.290525645, 8.409413795, 44.49021934}};
  for (const Case& c : cases) {
    const MaxPowerPoint m = maxPowerPoint(calcparamsCec(c.e, 298.15, exampleModule()));
    EXPECT_NEAR(m.i_sc, c.i_sc, 1e-6) << c.e;
    EXPECT_NEAR(m.v_oc, c.v_oc, 1e-6) << c.e;
    EXPECT_NEAR(m.i_mp, c.i_mp, 1e-6) << c.e;
    EXPECT_NEAR(m.v_mp, c.v_mp, 1e-6) << c.e;
    EXPECT_NEAR(m.p_mp, c.p_mp, 1e-6) << c.e;
  }
}

TEST(MaxPowerPoint, ExampleModuleReproducesItsDatasheetAtStc) {
  // The CEC six parameters are fitted to the datasheet point (Dobos 2012): at STC the model
  // returns Isc 7.5 A, Voc 10.4 V, Pmp = 8.4 V * 6.6 A = 55.44 W. Tolerance 0.1 % (the
  // published parameters are rounded to 3-4 digits).
  const CecModule mod = exampleModule();
  const MaxPowerPoint m = maxPowerPoint(calcparamsCec(1000.0, 298.15, mod));
  EXPECT_NEAR(m.i_sc / mod.i_sc_ref, 1.0, 1e-3);
  EXPECT_NEAR(m.v_oc / mod.v_oc_ref, 1.0, 1e-3);
  EXPECT_NEAR(m.p_mp / (mod.v_mp_ref * mod.i_mp_ref), 1.0, 1e-3);
}

TEST(MaxPowerPoint, SolutionSatisfiesTheImplicitEquation) {
  const CecModule mod = exampleModule();
  for (double e : {50.0, 200.0, 600.0, 1000.0, 1200.0}) {
    for (double t_degC : {-10.0, 25.0, 70.0}) {
      const SingleDiodeParams p = calcparamsCec(e, t_degC + kZeroCelsius, mod);
      const MaxPowerPoint m = maxPowerPoint(p);
      // On the curve at the three points (1e-9 of Isc), and P = V I.
      EXPECT_NEAR(residual(p, m.v_mp, m.i_mp), 0.0, 1e-9 * m.i_sc);
      EXPECT_NEAR(residual(p, m.v_oc, 0.0), 0.0, 1e-9 * m.i_sc);
      EXPECT_NEAR(residual(p, 0.0, m.i_sc), 0.0, 1e-9 * m.i_sc);
      EXPECT_DOUBLE_EQ(m.p_mp, m.v_mp * m.i_mp);
      // dP/dV = I + V dI/dV = 0 with dI/dV = -G / (1 + G Rs), G = I0/a exp(vd/a) + 1/Rsh.
      const double vd = m.v_mp + m.i_mp * p.r_s;
      const double g = p.i_o / p.n_ns_vth * std::exp(vd / p.n_ns_vth) + 1.0 / p.r_sh;
      EXPECT_NEAR(m.i_mp - m.v_mp * g / (1.0 + g * p.r_s), 0.0, 1e-9 * m.i_sc);
      // A maximum: nearby points on the curve (stepping the diode voltage) give less power.
      for (double dvd : {-1e-3, 1e-3}) {
        const double vd2 = vd + dvd;
        const double i2 = p.i_l - p.i_o * std::expm1(vd2 / p.n_ns_vth) - vd2 / p.r_sh;
        EXPECT_LT((vd2 - i2 * p.r_s) * i2, m.p_mp);
      }
      EXPECT_GT(m.v_oc, m.v_mp);
      EXPECT_GT(m.i_sc, m.i_mp);
    }
  }
}

TEST(MaxPowerPoint, MonotoneInIrradianceFallingWithTemperature) {
  const CecModule mod = exampleModule();
  MaxPowerPoint prev{};
  for (double e = 25.0; e <= 1400.0; e += 25.0) {
    const MaxPowerPoint m = maxPowerPoint(calcparamsCec(e, 318.15, mod));
    EXPECT_GT(m.p_mp, prev.p_mp) << e;
    EXPECT_GT(m.i_sc, prev.i_sc) << e;
    EXPECT_GT(m.v_oc, prev.v_oc) << e;
    prev = m;
  }
  double prev_p = std::numeric_limits<double>::infinity();
  for (double t = 253.15; t <= 363.15; t += 10.0) {
    const double p_mp = maxPowerPoint(calcparamsCec(1000.0, t, mod)).p_mp;
    EXPECT_LT(p_mp, prev_p) << t;
    prev_p = p_mp;
  }
}

}  // namespace
}  // namespace physics
