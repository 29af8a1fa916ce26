// Over 400 lines: pvlib's published test values for each irradiance model are typed in here.
// Irradiance models against the published test values of pvlib-python, read from the pvlib
// repository at these commits (pvlib 0.11 series):
//   tests/test_irradiance.py  002b67159f2288581abfa172347b579a21810fdf
//   tests/test_clearsky.py    05fc1d14b88f4c472e5965c62093ee22508090b3
//   tests/test_atmosphere.py  307b5406316cf95e47e0e5cce83b0d266cb5f3d9
//   tests/test_iam.py         0d1e95cff853bbdef6ffd061b64cb304f6d152af
//   tests/test_soiling.py     066221566fee5ad49e756ab2bdc29c685fdac677
// The fixtures of test_irradiance.py are Tucson (32.2 N, -111 E, 700 m) on 2014-06-24 at 00, 06,
// 12 and 18 h; their inputs are typed in below. Tolerances: the printed precision of each value.
#include "physics/irradiance.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <vector>

namespace physics {
namespace {

using units::deg;

constexpr double kPvlibSolarConstant = 1366.1;  // pvlib get_extra_radiation default

// test_irradiance.py fixtures irrad_data, ephem_data, dni_et, relative_airmass (rows 1..3; row 0
// is night).
struct TucsonRow {
  double ghi, dni, dhi, apparent_zenith_deg, azimuth_deg, relative_air_mass;
};
constexpr std::array<TucsonRow, 3> kTucson = {{
    {79.73860422, 316.1949056, 40.46149818, 82.85457044, 66.71410338, 7.58831596},
    {1042.48031487, 939.95469881, 118.45831879, 10.56413562, 144.76567754, 1.01688136},
    {257.20751138, 646.22886049, 62.03376265, 72.41687122, 287.04104128, 3.27930443},
}};
constexpr double kTucsonDniExtra = 1321.1655834833093;

TEST(ExtraterrestrialIrradiance, SpencerMatchesPvlibFixture) {
  // dni_et fixture of test_irradiance.py: spencer, 1366.1 W/m2, 2014-06-24 (day 175).
  EXPECT_NEAR(extraterrestrialNormalIrradiance(175, kPvlibSolarConstant), kTucsonDniExtra, 1e-9);
  // test_get_extra_radiation: 2016-10-26 (day 300) -> 1383.636203 within atol 10 (all methods).
  EXPECT_NEAR(extraterrestrialNormalIrradiance(300, kPvlibSolarConstant), 1383.636203, 10.0);
  // Default solar constant 1367 scales linearly.
  EXPECT_NEAR(extraterrestrialNormalIrradiance(175),
              kTucsonDniExtra * kSolarConstant / kPvlibSolarConstant, 1e-9);
  // Perihelion in early January (+3.4 %), aphelion in early July (-3.3 %): Spencer's range.
  EXPECT_NEAR(extraterrestrialNormalIrradiance(3) / kSolarConstant, 1.0350, 0.0005);
  EXPECT_NEAR(extraterrestrialNormalIrradiance(185) / kSolarConstant, 0.9666, 0.0005);
}

TEST(AirMass, KastenYoungMatchesPvlib) {
  // test_atmosphere.py::test_airmass, 'kastenyoung1989', zeniths 89.9, 80, 0 -> 36.467, 5.586,
  // 1.000 (atol 1e-3). Zenith 100 is NaN in pvlib, 0 here by design.
  EXPECT_NEAR(relativeAirMass(89.9 * deg), 36.467, 1e-3);
  EXPECT_NEAR(relativeAirMass(80.0 * deg), 5.586, 1e-3);
  EXPECT_NEAR(relativeAirMass(0.0), 1.000, 1e-3);
  EXPECT_EQ(relativeAirMass(100.0 * deg), 0.0);
  EXPECT_EQ(relativeAirMass(90.0 * deg), 0.0);
  // test_get_absolute_airmass: 40, 2, 0.999 at 90000 Pa -> 35.529, 1.776, 0.887 (atol 1e-3).
  EXPECT_NEAR(absoluteAirMass(40.0, 90000.0), 35.529, 1e-3);
  EXPECT_NEAR(absoluteAirMass(2.0, 90000.0), 1.776, 1e-3);
  EXPECT_NEAR(absoluteAirMass(0.999, 90000.0), 0.887, 1e-3);
  EXPECT_DOUBLE_EQ(absoluteAirMass(2.0, kStandardPressure), 2.0);
  // test_atmosphere.py::test_alt2pres: -100, 0, 1000, 8000 m -> 102532.073, 101324.999,
  // 89874.750, 35600.496 Pa (atol 1e-3).
  EXPECT_NEAR(standardPressureAtAltitude(-100), 102532.073, 1e-3);
  EXPECT_NEAR(standardPressureAtAltitude(0), 101324.999, 1e-3);
  EXPECT_NEAR(standardPressureAtAltitude(1000), 89874.750, 1e-3);
  EXPECT_NEAR(standardPressureAtAltitude(8000), 35600.496, 1e-3);
}

TEST(ClearSkyIneichenPerez, MatchesPvlibScalarAndAltitude) {
  // test_clearsky.py::test_ineichen_scalar_input: zenith 10, AM 1, TL 3, dni_extra 1364 (pvlib
  // default), sea level; printed to 1e-6 or better.
  const ClearSky cs = clearSkyIneichenPerez(10.0 * deg, 1.0, 3.0, 0.0, 1364.0);
  EXPECT_NEAR(cs.ghi, 1038.159219, 1e-6);
  EXPECT_NEAR(cs.dni, 942.2081860378344, 1e-6);
  EXPECT_NEAR(cs.dhi, 110.26529293612793, 1e-6);
  // test_ineichen_dni_extra: dni_extra 1370.
  const ClearSky e = clearSkyIneichenPerez(10.0 * deg, 1.0, 3.0, 0.0, 1370.0);
  EXPECT_NEAR(e.ghi, 1042.72590228, 1e-6);
  EXPECT_NEAR(e.dni, 946.35279683, 1e-6);
  EXPECT_NEAR(e.dhi, 110.75033088, 1e-6);
  // test_ineichen_altitude: 2000 m.
  const ClearSky a = clearSkyIneichenPerez(10.0 * deg, 1.0, 3.0, 2000.0, 1364.0);
  EXPECT_NEAR(a.ghi, 1134.24312405, 1e-6);
  EXPECT_NEAR(a.dni, 994.95377835, 1e-6);
  EXPECT_NEAR(a.dhi, 154.40492924, 1e-6);
}

TEST(ClearSkyIneichenPerez, MatchesPvlibSeries) {
  // test_clearsky.py::test_ineichen_series (TL 3, dni_extra 1364): apparent zenith, absolute AM
  // and expected {ghi, dni, dhi}; rows with the sun down give zeros.
  struct Row {
    double zenith_deg, am, ghi, dni, dhi;
  };
  const Row rows[] = {
      {82.85457044, 6.97935524, 65.49426624, 321.16092181, 25.54562017},
      {46.0467599, 1.32355476, 704.6968125, 888.90147035, 87.73601277},
      {10.56413562, 0.93527685, 1044.1230677, 953.24925854, 107.03109696},
      {34.86074109, 1.12008114, 853.02065704, 922.06124712, 96.42909484},
      {72.41687122, 3.01614096, 251.99427693, 655.44925241, 53.9901349},
  };
  for (const Row& r : rows) {
    const ClearSky cs = clearSkyIneichenPerez(r.zenith_deg * deg, r.am, 3.0, 0.0, 1364.0);
    EXPECT_NEAR(cs.ghi, r.ghi, 1e-6) << r.zenith_deg;
    EXPECT_NEAR(cs.dni, r.dni, 1e-6) << r.zenith_deg;
    EXPECT_NEAR(cs.dhi, r.dhi, 1e-6) << r.zenith_deg;
  }
  const ClearSky night = clearSkyIneichenPerez(113.38779941 * deg, 0.0, 3.0, 0.0, 1364.0);
  EXPECT_EQ(night.ghi, 0.0);
  EXPECT_EQ(night.dni, 0.0);
  EXPECT_EQ(night.dhi, 0.0);
}

TEST(ClearSkyHaurwitz, MatchesPvlib) {
  // test_clearsky.py::test_haurwitz: apparent elevations -20, -0.05, -0.001, 5, 10, 30, 50, 90 deg.
  const double elevation_deg[] = {-20, -0.05, -0.001, 5, 10, 30, 50, 90};
  const double expected[] = {0.,
                             0.,
                             0.,
                             48.6298687941956,
                             135.741748091813,
                             487.894132885425,
                             778.766689344363,
                             1035.09203253450};
  for (int i = 0; i < 8; ++i) {
    EXPECT_NEAR(clearSkyHaurwitz((90.0 - elevation_deg[i]) * deg), expected[i], 1e-9)
        << elevation_deg[i];
  }
}

TEST(ErbsDecomposition, MatchesPvlib) {
  // test_irradiance.py::test_erbs (days 1, 1, 1, 171 of 2019; spencer 1366.1 W/m2), expected
  // {dni, dhi, kt} printed to 9 significant digits; tolerance 1e-6 relative.
  struct Row {
    double ghi, zenith_deg;
    int day;
    double dni, dhi, kt;
  };
  const Row rows[] = {
      {0, 120, 1, 0.0, 0.0, 0.0},
      {50, 85, 1, 9.67192672e+01, 4.15703604e+01, 4.05723511e-01},
      {1000, 10, 1, 7.94205651e+02, 2.17860117e+02, 7.18132729e-01},
      {1000, 10, 171, 8.42001578e+02, 1.70790318e+02, 7.68214312e-01},
  };
  for (const Row& r : rows) {
    const double dni_extra = extraterrestrialNormalIrradiance(r.day, kPvlibSolarConstant);
    const DniDhi d = erbsDecomposition(r.ghi, r.zenith_deg * deg, dni_extra);
    EXPECT_NEAR(d.dni, r.dni, 1e-6 * r.dni + 1e-9) << r.ghi << " " << r.zenith_deg;
    EXPECT_NEAR(d.dhi, r.dhi, 1e-6 * r.dhi + 1e-9) << r.ghi << " " << r.zenith_deg;
    EXPECT_NEAR(d.kt, r.kt, 1e-6 * r.kt + 1e-9) << r.ghi << " " << r.zenith_deg;
  }
  // test_erbs_all_scalar: day 180 -> {842.358014, 170.439297, 0.76891947}, asserted there with
  // rtol 1e-2 (the printed figures are 5e-5 off pvlib's own spencer value for day 180).
  const DniDhi s =
      erbsDecomposition(1000, 10 * deg, extraterrestrialNormalIrradiance(180, kPvlibSolarConstant));
  EXPECT_NEAR(s.dni, 842.358014, 842.358014 * 1e-2);
  EXPECT_NEAR(s.dhi, 170.439297, 170.439297 * 1e-2);
  EXPECT_NEAR(s.kt, 0.76891947, 0.76891947 * 1e-2);
  // test_erbs_min_cos_zenith_max_zenith, default limits at zenith 90: dni 0, dhi = ghi,
  // kt = 0.01163776 (2016-07-19, day 201).
  const DniDhi h = erbsDecomposition(1.0, 90.0 * deg,
                                     extraterrestrialNormalIrradiance(201, kPvlibSolarConstant));
  EXPECT_EQ(h.dni, 0.0);
  EXPECT_EQ(h.dhi, 1.0);
  EXPECT_NEAR(h.kt, 0.01163776, 1e-8);
}

TEST(ErbsDecomposition, ClosureAndLimits) {
  // Closure GHI = DNI cos z + DHI for the sun above 87 deg zenith; diffuse fraction 0.165 for
  // kt > 0.8 (Erbs et al. 1982, third segment).
  for (double z_deg = 0; z_deg < 87; z_deg += 7) {
    for (double ghi = 10; ghi < 1200; ghi += 97) {
      const DniDhi d = erbsDecomposition(ghi, z_deg * deg, 1367.0);
      EXPECT_NEAR(d.dni * std::cos(z_deg * deg) + d.dhi, ghi, 1e-9 * ghi);
      EXPECT_GE(d.dni, 0.0);
      EXPECT_GE(d.dhi, 0.0);
      EXPECT_LE(d.kt, 1.0);
    }
  }
  const DniDhi clear = erbsDecomposition(1100.0, 0.0, 1367.0);
  EXPECT_NEAR(clear.dhi, 0.165 * 1100.0, 1e-12);
}

TEST(Geometry, AngleOfIncidenceMatchesPvlib) {
  // test_irradiance.py::test_aoi_and_aoi_projection: (tilt, surface az, zenith, sun az) ->
  // aoi_projection (atol 1e-6).
  struct Row {
    double tilt, surface_az, zenith, sun_az, projection;
  };
  const Row rows[] = {{0, 0, 0, 0, 1},
                      {30, 180, 30, 180, 1},
                      {30, 180, 150, 0, -1},
                      {90, 0, 30, 60, 0.25},
                      {90, 0, 30, 170, -0.4924038}};
  for (const Row& r : rows) {
    const double slow =
        cosAngleOfIncidence(r.tilt * deg, r.surface_az * deg, r.zenith * deg, r.sun_az * deg);
    const double fast = cosAngleOfIncidence(surfaceNormal(r.tilt * deg, r.surface_az * deg),
                                            sunVector(r.zenith * deg, r.sun_az * deg));
    EXPECT_NEAR(slow, r.projection, 1e-6);
    EXPECT_NEAR(fast, slow, 1e-12);
  }
  // Same vectors: exactly within [-1, 1] (pvlib GH 1185).
  const double z = 89.26778228223463 * deg, az = 60.932028605997004 * deg;
  EXPECT_LE(cosAngleOfIncidence(surfaceNormal(z, az), sunVector(z, az)), 1.0);
  EXPECT_NEAR(cosAngleOfIncidence(surfaceNormal(z, az), sunVector(z, az)), 1.0, 1e-12);
}

TEST(Transposition, BeamAndGroundMatchPvlibPoaComponents) {
  // test_irradiance.py::test_poa_components: tilt 40, azimuth 180, poa_direct
  // {0, 798.31939281, 33.50143401} for fixture rows 1..3; ground 'sand' (albedo 0.40)
  // {3.73105791, 48.77881252, 12.03502531}. test_get_ground_diffuse_simple_float: tilt 40,
  // GHI 900, albedo 0.25 -> 26.32000014911496.
  const SurfaceNormal s = surfaceNormal(40 * deg, 180 * deg);
  const double beam[] = {0.0, 798.31939281, 33.50143401};
  const double ground[] = {3.73105791, 48.77881252, 12.03502531};
  for (int i = 0; i < 3; ++i) {
    const TucsonRow& r = kTucson[i];
    const double c =
        cosAngleOfIncidence(s, sunVector(r.apparent_zenith_deg * deg, r.azimuth_deg * deg));
    EXPECT_NEAR(beamOnSurface(r.dni, c), beam[i], 1e-6) << i;
    EXPECT_NEAR(groundDiffuse(r.ghi, 0.40, s), ground[i], 1e-6) << i;
  }
  EXPECT_NEAR(groundDiffuse(900.0, 0.25, s), 26.32000014911496, 1e-9);
}

TEST(Transposition, IsotropicMatchesPvlib) {
  // test_isotropic_float: tilt 40, DHI 100 -> 88.30222215594891; test_isotropic_series:
  // fixture rows 1..3 -> 35.728402, 104.601328, 54.777191 (atol 1e-4).
  const SurfaceNormal s = surfaceNormal(40 * deg, 180 * deg);
  EXPECT_NEAR(isotropicSkyDiffuse(100.0, s), 88.30222215594891, 1e-9);
  const double expected[] = {35.728402, 104.601328, 54.777191};
  for (int i = 0; i < 3; ++i)
    EXPECT_NEAR(isotropicSkyDiffuse(kTucson[i].dhi, s), expected[i], 1e-4);
}

TEST(Transposition, HayDaviesMatchesPvlib) {
  // test_haydavies_components: tilt 40, azimuth 180, fixture rows 1..3; sky_diffuse
  // {27.1775, 102.9949, 33.1909}, isotropic {27.1775, 30.1818, 27.9837}, circumsolar
  // {0, 72.8130, 5.2071} (atol 1e-4).
  const SurfaceNormal s = surfaceNormal(40 * deg, 180 * deg);
  const double total[] = {27.1775, 102.9949, 33.1909};
  const double iso[] = {27.1775, 30.1818, 27.9837};
  const double circ[] = {0.0, 72.8130, 5.2071};
  for (int i = 0; i < 3; ++i) {
    const TucsonRow& r = kTucson[i];
    const double z = r.apparent_zenith_deg * deg;
    const double c = cosAngleOfIncidence(s, sunVector(z, r.azimuth_deg * deg));
    const HayDaviesSky sky = hayDaviesSky(r.dhi, r.dni, kTucsonDniExtra, z);
    EXPECT_NEAR(hayDaviesSkyDiffuse(sky, s, c), total[i], 1e-4) << i;
    EXPECT_NEAR(sky.isotropic * 0.5 * (1 + s.up), iso[i], 1e-4) << i;
    EXPECT_NEAR(sky.circumsolar * std::max(c, 0.0), circ[i], 1e-4) << i;
  }
}

TEST(Transposition, PerezMatchesPvlib) {
  // tilt 40, azimuth 180, fixture rows 1 and 3. Totals from test_poa_components (poa_sky_diffuse
  // 31.4635077, 45.45978964, asserted at pandas' default rtol 1e-5); components from
  // test_perez_components: isotropic {26.84138589, 31.72696071}, circumsolar {0, 4.47966439},
  // horizon {4.62212181, 9.25316454}, which add up to those totals. (test_perez's own totals,
  // 31.46046871 and 45.45539877, are asserted only at check_less_precise=2.) Tolerance 1e-6.
  const SurfaceNormal s = surfaceNormal(40 * deg, 180 * deg);
  struct Expected {
    int row;
    double total, iso, circ, horizon;
  };
  const Expected rows[] = {{0, 31.4635077, 26.84138589, 0.0, 4.62212181},
                           {2, 45.45978964, 31.72696071, 4.47966439, 9.25316454}};
  for (const Expected& e : rows) {
    const TucsonRow& r = kTucson[e.row];
    const double z = r.apparent_zenith_deg * deg;
    const double c = cosAngleOfIncidence(s, sunVector(z, r.azimuth_deg * deg));
    const PerezSky sky = perezSky(r.dhi, r.dni, kTucsonDniExtra, z, r.relative_air_mass);
    EXPECT_NEAR(perezSkyDiffuse(sky, s, c), e.total, 1e-6) << e.row;
    EXPECT_NEAR(sky.isotropic * 0.5 * (1 + s.up), e.iso, 1e-6) << e.row;
    EXPECT_NEAR(sky.circumsolar * std::max(c, 0.0), e.circ, 1e-6) << e.row;
    EXPECT_NEAR(sky.horizon * s.sin_tilt, e.horizon, 1e-6) << e.row;
  }
  // test_perez_scalar: row 2 with its DNI -> 109.084332 (assert_allclose rtol 1e-7).
  const TucsonRow& r = kTucson[1];
  const double z = r.apparent_zenith_deg * deg;
  const PerezSky sky = perezSky(r.dhi, r.dni, kTucsonDniExtra, z, r.relative_air_mass);
  EXPECT_NEAR(perezSkyDiffuse(sky, s, cosAngleOfIncidence(s, sunVector(z, r.azimuth_deg * deg))),
              109.084332, 109.084332 * 1e-7);
}

TEST(Transposition, PerezNegativeHorizonMatchesPvlib) {
  // test_perez_negative_horizon: Goodwin Creek 2019-01-01 afternoon, tilt 34, azimuth 180,
  // dni_extra 1414, true zenith; {sky_diffuse, isotropic, circumsolar, horizon}. pvlib asserts
  // these at check_less_precise=2 (its inputs are rounded); tolerance here 1e-4 W/m2.
  struct Row {
    double dni, dhi, zenith, azimuth, am, total, iso, circ, horizon;
  };
  const Row rows[] = {
      {158, 249, 57.746951, 171.003315, 1.869315, 281.410185, 166.785419, 113.548755, 1.076010},
      {19, 165, 57.564205, 187.346924, 1.859981, 152.20879, 142.24475, 16.09757, -6.13353},
      {1, 136, 60.813841, 202.974357, 2.044429, 123.867898, 119.173875, 9.956174, -5.262151},
      {0, 93, 66.989435, 216.725599, 2.544943, 82.836412, 83.525150, 3.142467, -3.831230},
      {0, 50, 75.353368, 228.317233, 3.900136, 43.517015, 45.725931, 0.0, -2.208923},
  };
  const SurfaceNormal s = surfaceNormal(34 * deg, 180 * deg);
  for (const Row& r : rows) {
    const double c = cosAngleOfIncidence(s, sunVector(r.zenith * deg, r.azimuth * deg));
    const PerezSky sky = perezSky(r.dhi, r.dni, 1414.0, r.zenith * deg, r.am);
    EXPECT_NEAR(perezSkyDiffuse(sky, s, c), r.total, 1e-4) << r.zenith;
    EXPECT_NEAR(sky.isotropic * 0.5 * (1 + s.up), r.iso, 1e-4) << r.zenith;
    EXPECT_NEAR(sky.circumsolar * std::max(c, 0.0), r.circ, 1e-4) << r.zenith;
    EXPECT_NEAR(sky.horizon * s.sin_tilt, r.horizon, 1e-4) << r.zenith;
  }
}

TEST(Transposition, HorizontalSurfaceWithoutAlbedoSeesGhi) {
  // Physical limit: tilt 0 -> POA = DNI cos z + DHI = GHI for all three sky models (Perez and
  // Hay-Davies exactly while cos z is above their floors, zenith < 85 deg).
  const SurfaceNormal flat = surfaceNormal(0.0, 0.0);
  for (double z_deg = 0; z_deg < 85; z_deg += 5) {
    const double z = z_deg * deg;
    const SunVector sun = sunVector(z, 123 * deg);
    const double c = cosAngleOfIncidence(flat, sun);
    const double dni = 700.0, dhi = 150.0, ghi = dni * std::cos(z) + dhi;
    const double am = relativeAirMass(z);
    const double iso =
        poaComponents(dni, ghi, 0.0, isotropicSkyDiffuse(dhi, flat), flat, c).global();
    const double hd =
        poaComponents(dni, ghi, 0.0, hayDaviesSkyDiffuse(hayDaviesSky(dhi, dni, 1367, z), flat, c),
                      flat, c)
            .global();
    const double pz =
        poaComponents(dni, ghi, 0.0, perezSkyDiffuse(perezSky(dhi, dni, 1367, z, am), flat, c),
                      flat, c)
            .global();
    EXPECT_NEAR(iso, ghi, 1e-9) << z_deg;
    EXPECT_NEAR(hd, ghi, 1e-9) << z_deg;
    EXPECT_NEAR(pz, ghi, 1e-9) << z_deg;
  }
}

TEST(Transposition, VerticalSurfaceFacingAwayGetsNoBeam) {
  // Sun in the south-west at 40 deg zenith, surface vertical facing north-east: cos aoi < 0.
  const SurfaceNormal wall = surfaceNormal(90 * deg, 45 * deg);
  const SunVector sun = sunVector(40 * deg, 225 * deg);
  const double c = cosAngleOfIncidence(wall, sun);
  EXPECT_LT(c, 0.0);
  const PoaComponents poa = poaComponents(800, 700, 0.2, 0.0, wall, c);
  EXPECT_EQ(poa.beam, 0.0);
  EXPECT_EQ(hayDaviesSky(100, 800, 1367, 40 * deg).circumsolar * std::max(c, 0.0), 0.0);
  // Perez circumsolar term vanishes too; isotropic and horizon terms remain.
  const PerezSky sky = perezSky(100, 800, 1367, 40 * deg, relativeAirMass(40 * deg));
  EXPECT_NEAR(perezSkyDiffuse(sky, wall, c), std::max(sky.isotropic * 0.5 + sky.horizon * 1.0, 0.0),
              1e-12);
  EXPECT_NEAR(poa.ground_diffuse, 700 * 0.2 * 0.5, 1e-12);
}

TEST(Transposition, NightGivesEmptySky) {
  const PerezSky p = perezSky(0.0, 0.0, 1367, 100 * deg, relativeAirMass(100 * deg));
  EXPECT_EQ(p.isotropic, 0.0);
  EXPECT_EQ(p.circumsolar, 0.0);
  EXPECT_EQ(p.horizon, 0.0);
  // Sun down but some DHI (twilight record): AM = 0 -> empty Perez sky, as pvlib's NaN AM -> 0.
  EXPECT_EQ(perezSkyDiffuse(perezSky(5.0, 0.0, 1367, 91 * deg, 0.0), surfaceNormal(0.5, 3), 0.1),
            0.0);
}

TEST(IncidenceAngleModifier, PhysicalMatchesPvlib) {
  // test_iam.py::test_physical: n 1.526, K L = 0.008, aoi 0, 22.5, 45, 67.5, 90 ->
  // 1, 0.99926198, 0.98797788, 0.8893998, 0 (assert_allclose rtol 1e-7).
  const double aoi_deg[] = {0, 22.5, 45, 67.5, 90};
  const double expected[] = {1, 0.99926198, 0.98797788, 0.8893998, 0};
  for (int i = 0; i < 5; ++i) {
    EXPECT_NEAR(iamPhysical(std::cos(aoi_deg[i] * deg)), expected[i], 1e-7) << aoi_deg[i];
  }
  EXPECT_EQ(iamPhysical(-0.3), 0.0);
}

TEST(IncidenceAngleModifier, AshraeMatchesPvlib) {
  // test_iam.py::test_ashrae: b 0.05, aoi 0, 22.5, 45, 67.5, 89, 90 ->
  // 1, 0.99588039, 0.97928932, 0.9193437, 0, 0 (rtol 1e-7).
  const double aoi_deg[] = {0, 22.5, 45, 67.5, 89, 90};
  const double expected[] = {1, 0.99588039, 0.97928932, 0.9193437, 0, 0};
  for (int i = 0; i < 6; ++i) {
    EXPECT_NEAR(iamAshrae(std::cos(aoi_deg[i] * deg)), expected[i], 1e-7) << aoi_deg[i];
  }
}

TEST(IncidenceAngleModifier, NormalIsOneGrazingIsZeroAndMonotone) {
  EXPECT_DOUBLE_EQ(iamPhysical(1.0), 1.0);
  EXPECT_DOUBLE_EQ(iamAshrae(1.0), 1.0);
  EXPECT_EQ(iamPhysical(0.0), 0.0);
  EXPECT_NEAR(iamPhysical(std::cos(90 * deg)), 0.0, 1e-12);  // cos(90 deg) rounds to 6e-17
  EXPECT_EQ(iamAshrae(0.0), 0.0);
  double previous_physical = 1.0, previous_ashrae = 1.0;
  for (double a = 0.5; a < 90.0; a += 0.5) {
    const double c = std::cos(a * deg);
    const double p = iamPhysical(c), s = iamAshrae(c);
    EXPECT_LE(p, previous_physical) << a;
    EXPECT_LE(s, previous_ashrae) << a;
    EXPECT_GE(p, 0.0);
    EXPECT_GE(s, 0.0);
    previous_physical = p;
    previous_ashrae = s;
  }
}

TEST(KimberSoiling, NoRainReachesMaximumAsPvlib) {
  // test_soiling.py::test_kimber_norain and test_kimber_initial_soil: hourly, no rain, loss
  // cumsum(rate / 24) from initial soiling, capped at 0.3 (np.allclose: rtol 1e-5, atol 1e-8).
  const std::vector<double> rain(8760, 0.0);
  for (double initial : {0.0, 0.1}) {
    KimberSoiling params;
    params.initial_soiling = initial;
    const std::vector<double> ratio = kimberSoilingRatios(rain, units::hour, params);
    ASSERT_EQ(ratio.size(), 8760u);
    double loss = initial;
    for (size_t i = 0; i < ratio.size(); ++i) {
      if (i > 0) loss += 0.0015 / 24.0;
      EXPECT_NEAR(ratio[i], 1.0 - std::min(loss, 0.3), 1e-8) << i;
    }
  }
}

TEST(KimberSoiling, RainCleansAndGracePeriodHoldsClean) {
  // Hand-computed from the model's definition (Kimber et al. 2006; pvlib.soiling.kimber): 7 mm in
  // hour 100 keeps the trailing 24 h sum above the 6 mm threshold for hours 100..123, so hours
  // 100..123+14*24-1 are clean (grace period after the last such hour); build-up restarts from
  // zero after. 5 mm twice 30 h apart never sum to > 6 mm within 24 h: no cleaning.
  std::vector<double> rain(2000, 0.0);
  rain[100] = 7.0 * units::mm;
  rain[1000] = 5.0 * units::mm;
  rain[1030] = 5.0 * units::mm;
  const std::vector<double> ratio = kimberSoilingRatios(rain, units::hour);
  const double per_hour = 0.0015 / 24.0;
  const int last_clean = 123 + 14 * 24 - 1;
  EXPECT_NEAR(ratio[99], 1.0 - 99 * per_hour, 1e-12);
  EXPECT_EQ(ratio[100], 1.0);
  EXPECT_EQ(ratio[last_clean], 1.0);
  EXPECT_NEAR(ratio[last_clean + 1], 1.0 - per_hour, 1e-12);
  EXPECT_NEAR(ratio[1999], 1.0 - (1999 - last_clean) * per_hour, 1e-12);
  // Two 3.5 mm hours 10 h apart sum to 7 mm within 24 h: the second one cleans.
  rain[1000] = 3.5 * units::mm;
  rain[1010] = 3.5 * units::mm;
  rain[1030] = 0.0;
  const std::vector<double> r2 = kimberSoilingRatios(rain, units::hour);
  EXPECT_LT(r2[1009], 1.0);
  EXPECT_EQ(r2[1010], 1.0);
  // NaN rain counts as none.
  rain.assign(50, std::nan(""));
  for (double v : kimberSoilingRatios(rain, units::hour)) EXPECT_LE(v, 1.0);
  EXPECT_NEAR(kimberSoilingRatios(rain, units::hour)[49], 1.0 - 49 * per_hour, 1e-12);
}

}  // namespace
}  // namespace physics
