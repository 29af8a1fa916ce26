// The vectorised sun and sky (sky_series.h) against the scalar chain step by step
// (topocentricSolarPosition of SunEphemeris::at, then pvSky), which solar_position_test and
// irradiance_test check against NREL SPA and pvlib. Issue 19: within 1e-9 of each field's scale,
// on every SIMD target the binary carries, at 1-minute steps on every fourth day of a year.
#include "physics/sky_series.h"

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

constexpr double kYearStart = 1735689600.0 - 8 * u::hour;  // 2025-01-01T00:00 at UTC+8
const SiteLocation kShanghai{31.2 * u::deg, 121.34 * u::deg, 4.0};
const RefractionAir kAir{101000.0, 290.0};

struct Year {
  HourlyWeather weather =
      generateSyntheticWeather(shanghaiSyntheticDefaults(31.2 * u::deg, 121.34 * u::deg, 2025, 3));
  SunEphemeris sun{kYearStart, kYearStart + 365 * u::day, 69.0};
};

const Year& year() {
  static const Year y;
  return y;
}

// Day `day` of the year at `step` s, the weather of each step's hour.
PvSkySeries daySkies(int day, double step, PvKernel kernel) {
  const Year& y = year();
  const auto steps = static_cast<size_t>(u::day / step);
  PvSkySeries s;
  s.resize(steps);
  for (size_t k = 0; k < steps; ++k) {
    const size_t h = static_cast<size_t>(day) * 24 + static_cast<size_t>(k * step / u::hour);
    s.ghi[k] = y.weather.ghi[h];
    s.dni[k] = y.weather.dni[h];
    s.dhi[k] = y.weather.dhi[h];
    s.temp_air[k] = y.weather.temp_air[h];
    s.wind_speed[k] = y.weather.wind_speed[h];
  }
  computeSkies(y.sun, kShanghai, kAir, kYearStart + day * u::day, step, day + 1, s, kernel);
  return s;
}

// Largest |a - b| over the scale of b (at least 1), angles compared modulo 2 pi.
double relativeGap(const std::vector<double>& a, const std::vector<double>& b, bool angle) {
  double scale = 1.0, gap = 0.0;
  for (double v : b) scale = std::max(scale, std::abs(v));
  for (size_t i = 0; i < a.size(); ++i) {
    const double d = angle ? std::remainder(a[i] - b[i], 2 * u::pi) : a[i] - b[i];
    gap = std::max(gap, std::abs(d));
  }
  return gap / scale;
}

void expectYearMatchesScalar(const std::string& target) {
  for (int day = 0; day < 365; day += 4) {
    const PvSkySeries v = daySkies(day, 60.0, PvKernel::kVector);
    const PvSkySeries s = daySkies(day, 60.0, PvKernel::kScalar);
    const std::string where = target + ", day " + std::to_string(day);
    ASSERT_EQ(v.lit, s.lit) << where;
    EXPECT_LT(relativeGap(v.apparent_zenith, s.apparent_zenith, true), 1e-9) << where;
    EXPECT_LT(relativeGap(v.azimuth, s.azimuth, true), 1e-9) << where;
    for (const auto field : {&PvSkySeries::sun_east, &PvSkySeries::sun_north, &PvSkySeries::sun_up,
                             &PvSkySeries::perez_isotropic, &PvSkySeries::perez_circumsolar,
                             &PvSkySeries::perez_horizon, &PvSkySeries::hay_davies_isotropic,
                             &PvSkySeries::hay_davies_circumsolar}) {
      ASSERT_LT(relativeGap(v.*field, s.*field, false), 1e-9) << where;
    }
    for (size_t p = 0; p < s.sapm_rise.size(); ++p) {
      ASSERT_LT(relativeGap(v.sapm_rise[p], s.sapm_rise[p], false), 1e-9) << where;
    }
  }
}

TEST(SkySeries, ScalarPathIsTheStepByStepChain) {
  const Year& y = year();
  const PvSkySeries s = daySkies(170, 600.0, PvKernel::kScalar);
  for (size_t k = 0; k < s.size(); k += 5) {
    const double middle = kYearStart + 170 * u::day + (static_cast<double>(k) + 0.5) * 600.0;
    const SolarPosition pos = topocentricSolarPosition(y.sun.at(middle), kShanghai, kAir);
    EXPECT_EQ(s.apparent_zenith[k], pos.apparent_zenith);
    EXPECT_EQ(s.azimuth[k], pos.azimuth);
  }
}

TEST(SkySeries, WithinOneBillionthOfTheScalarChainOnEveryTarget) {
  for (const int64_t target : hwy::SupportedAndGeneratedTargets()) {
    const test::PinnedTarget pinned(target);
    expectYearMatchesScalar(hwy::TargetName(target));
  }
}

TEST(SkySeries, OddLengthsAndTheLastDayOfTheEphemeris) {
  // 7 steps of 15 minutes (a partial vector), and the last day the ephemeris covers.
  for (const int day : {0, 364}) {
    for (const double step : {900.0 * 96 / 7, 900.0}) {
      const PvSkySeries v = daySkies(day, step, PvKernel::kVector);
      const PvSkySeries s = daySkies(day, step, PvKernel::kScalar);
      ASSERT_EQ(v.size(), s.size());
      EXPECT_LT(relativeGap(v.apparent_zenith, s.apparent_zenith, true), 1e-9) << day;
      EXPECT_LT(relativeGap(v.perez_isotropic, s.perez_isotropic, false), 1e-9) << day;
    }
  }
}

}  // namespace
}  // namespace physics
