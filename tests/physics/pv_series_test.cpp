// The vectorised PV chain (pv_series.h) against pvPower() step by step, which the other PV tests
// check against pvlib and PVWatts. Issue 19 asks for the vector path within 1e-9 relative of the
// scalar one, on every SIMD target the binary carries, and for a step's result that does not
// depend on its place in the series.
#include "physics/pv_series.h"

#include <gtest/gtest.h>
#include <hwy/targets.h>

#include <cmath>
#include <string>
#include <vector>

#include "physics/synthetic_weather.h"
#include "physics/units.h"
#include "pinned_target.h"

namespace physics {
namespace {

namespace u = units;

// An hourly Shanghai synthetic year with the sun from NREL SPA (the hour's middle).
std::vector<PvSky> yearOfSkies() {
  const HourlyWeather w =
      generateSyntheticWeather(shanghaiSyntheticDefaults(31.2 * u::deg, 121.34 * u::deg, 2025, 7));
  const double start = 1735689600.0 - 8 * u::hour;
  const SunEphemeris sun(start, start + static_cast<double>(w.size()) * u::hour, 69.0);
  std::vector<PvSky> skies(w.size());
  for (size_t h = 0; h < w.size(); ++h) {
    const SolarPosition pos =
        topocentricSolarPosition(sun.at(start + (static_cast<double>(h) + 0.5) * u::hour),
                                 {31.2 * u::deg, 121.34 * u::deg, 4.0}, {});
    skies[h] = pvSky(pos, {w.ghi[h], w.dni[h], w.dhi[h], w.temp_air[h], w.wind_speed[h]},
                     static_cast<int>(h / 24) + 1);
  }
  return skies;
}

// Every model combination the vector kernel takes, on roofs, a facade and an overhang, some with
// an inverter small enough to clip.
std::vector<PvSystem> variedSystems() {
  std::vector<PvSystem> systems;
  const double tilts[] = {0.0, 22.0, 90.0, 120.0};
  for (int i = 0; i < 3 * 3 * 5 * 4; ++i) {
    PvSystem s;
    s.transposition = static_cast<Transposition>(i % 3);
    s.iam = static_cast<IncidenceModifier>(i / 3 % 3);
    s.temperature = static_cast<CellTemperature>(i / 9 % 5);
    s.normal = surfaceNormal(tilts[i / 45] * u::deg, (60.0 + 37.0 * i) * u::deg);
    s.dc_capacity = 5000.0 + 100.0 * i;
    s.dc_ac_ratio = i % 2 ? 1.6 : 1.1;
    s.albedo = 0.1 + 0.01 * (i % 20);
    systems.push_back(s);
  }
  return systems;
}

// |a - b| within 1e-9 of the quantity's scale (its largest value over the year).
void expectClose(const std::vector<double>& vector, const std::vector<double>& scalar,
                 const std::string& what) {
  double scale = 1.0;
  for (double v : scalar) scale = std::max(scale, std::abs(v));
  for (size_t i = 0; i < scalar.size(); ++i) {
    ASSERT_NEAR(vector[i], scalar[i], 1e-9 * scale) << what << " at hour " << i;
  }
}

void expectSeriesMatchScalar(const PvSkySeries& sky, const std::string& target) {
  PvSeriesOutput vec, ref;
  for (const PvSystem& s : variedSystems()) {
    pvPowerSeries(s, sky, 0.98, vec, PvKernel::kVector);
    pvPowerSeries(s, sky, 0.98, ref, PvKernel::kScalar);
    const std::string what = target + " system " + std::to_string(s.dc_capacity);
    expectClose(vec.poa_global, ref.poa_global, what + " POA");
    expectClose(vec.temp_cell, ref.temp_cell, what + " cell temperature");
    expectClose(vec.dc_power, ref.dc_power, what + " DC");
    expectClose(vec.ac_power, ref.ac_power, what + " AC");
  }
}

TEST(PvSeries, ScalarPathIsPvPowerStepByStep) {
  const std::vector<PvSky> skies = yearOfSkies();
  PvSkySeries sky;
  sky.assign(skies);
  PvSeriesOutput out;
  for (const PvSystem& s : variedSystems()) {
    pvPowerSeries(s, sky, 0.98, out, PvKernel::kScalar);
    for (size_t h = 0; h < skies.size(); h += 7) {
      const PvOutput o = pvPower(s, skies[h], 0.98);
      ASSERT_EQ(out.ac_power[h], o.ac_power) << h;
      ASSERT_EQ(out.temp_cell[h], o.temp_cell) << h;
    }
  }
}

TEST(PvSeries, WithinOneBillionthOfTheScalarPathOnEveryTarget) {
  PvSkySeries sky;
  sky.assign(yearOfSkies());
  for (const int64_t target : hwy::SupportedAndGeneratedTargets()) {
    const test::PinnedTarget pinned(target);
    ASSERT_EQ(std::string(pvSeriesTarget()), hwy::TargetName(target));
    expectSeriesMatchScalar(sky, hwy::TargetName(target));
  }
}

TEST(PvSeries, AStepsResultDoesNotDependOnItsPlaceInTheSeries) {
  const std::vector<PvSky> skies = yearOfSkies();
  PvSkySeries whole, part;
  whole.assign(skies);
  PvSeriesOutput a, b;
  for (const PvSystem& s : variedSystems()) {
    pvPowerSeries(s, whole, 1.0, a);
    // Odd offsets and lengths: every step lands in another lane, some in the padded tail.
    for (const size_t offset : {size_t{1}, size_t{4003}, size_t{8755}}) {
      const size_t length = std::min<size_t>(11, skies.size() - offset);
      part.assign(std::span(skies).subspan(offset, length));
      pvPowerSeries(s, part, 1.0, b);
      for (size_t i = 0; i < length; ++i) {
        ASSERT_EQ(b.ac_power[i], a.ac_power[offset + i]) << offset + i;
        ASSERT_EQ(b.poa_global[i], a.poa_global[offset + i]) << offset + i;
      }
    }
  }
}

TEST(PvSeries, NightHasNoLightAndTheAirsTemperature) {
  PvSkySeries sky;
  sky.assign(yearOfSkies());
  PvSeriesOutput out;
  pvPowerSeries(variedSystems()[0], sky, 1.0, out);
  int nights = 0;
  for (size_t h = 0; h < sky.size(); ++h) {
    if (sky.lit[h] != 0.0) continue;
    ++nights;
    ASSERT_EQ(out.ac_power[h], 0.0);
    ASSERT_EQ(out.poa_global[h], 0.0);
    ASSERT_EQ(out.temp_cell[h], sky.temp_air[h]);
  }
  EXPECT_GT(nights, 3500);  // about half the hours of a year
}

TEST(PvSeries, CecArraysTakeTheScalarPath) {
  PvSystem s;
  s.dc_model = DcModel::kCec;
  EXPECT_FALSE(pvSeriesVectorised(s));
  EXPECT_TRUE(pvSeriesVectorised(PvSystem{}));
}

}  // namespace
}  // namespace physics
