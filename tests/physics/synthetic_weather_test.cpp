// Synthetic typical year: the generator's contract (exact monthly GHI and temperature means, the
// calendar, physical bounds, determinism, persistence). Reference figures: the monthly targets
// typed into shanghaiSyntheticDefaults and the annual GHI of the source EPW
// (CHN_SH_Shanghai-Hongqiao.Intl.AP.583670_TMYx.1956-2023, Climate.OneBuilding.org, CC BY 4.0:
// 1470.8 kWh/m2, as stated in shared/datasets/weather/README.md).
#include "physics/synthetic_weather.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "physics/irradiance.h"
#include "physics/solar_position.h"
#include "physics/units.h"

namespace physics {
namespace {

using units::deg;
using units::hour;

constexpr double kLatitude = 31.198 * deg;  // Shanghai Hongqiao station
constexpr double kLongitude = 121.336 * deg;
constexpr double kLocalMidnight2023 = 1672502400.0;  // 2023-01-01T00:00 at UTC+8, Unix time

int daysIn(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Month sums of a series, per record's month.
std::array<double, 12> monthSums(const HourlyWeather& w, const std::vector<double>& v) {
  std::array<double, 12> sums{};
  for (size_t k = 0; k < w.size(); ++k) sums[w.month[k] - 1] += v[k];
  return sums;
}

class ShanghaiYear : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    spec_ = new SyntheticWeatherSpec(shanghaiSyntheticDefaults(kLatitude, kLongitude, 2023, 1));
    weather_ = new HourlyWeather(generateSyntheticWeather(*spec_));
  }
  static void TearDownTestSuite() {
    delete weather_;
    delete spec_;
  }
  static SyntheticWeatherSpec* spec_;
  static HourlyWeather* weather_;
};
SyntheticWeatherSpec* ShanghaiYear::spec_ = nullptr;
HourlyWeather* ShanghaiYear::weather_ = nullptr;

TEST_F(ShanghaiYear, CalendarIsEpwStyle) {
  const HourlyWeather& w = *weather_;
  ASSERT_EQ(w.size(), 8760u);
  for (const auto* v :
       {&w.dni, &w.dhi, &w.temp_air, &w.wind_speed, &w.pressure, &w.albedo, &w.precipitation}) {
    EXPECT_EQ(v->size(), 8760u);
  }
  EXPECT_EQ(w.year.size(), 8760u);
  EXPECT_EQ(w.month.front(), 1);
  EXPECT_EQ(w.day.front(), 1);
  EXPECT_EQ(w.hour.front(), 1);
  EXPECT_EQ(w.month.back(), 12);
  EXPECT_EQ(w.day.back(), 31);
  EXPECT_EQ(w.hour.back(), 24);
  for (size_t k = 0; k < w.size(); ++k) {
    ASSERT_EQ(w.year[k], 2023);
    ASSERT_EQ(w.hour[k], static_cast<int>(k % 24) + 1);
  }
  EXPECT_EQ(w.month[31 * 24], 2);  // February 1st, hour 1
  EXPECT_EQ(w.day[31 * 24], 1);
  EXPECT_DOUBLE_EQ(w.utc_offset, 8 * hour);
}

TEST_F(ShanghaiYear, MonthlyMeanDailyGhiEqualsTargets) {
  // Tolerance 1e-9 relative (the scaling is exact up to rounding).
  const std::array<double, 12> sums = monthSums(*weather_, weather_->ghi);
  for (int m = 0; m < 12; ++m) {
    const double mean_daily = sums[m] * hour / daysIn(2023, m + 1);  // J/m2 per day
    EXPECT_NEAR(mean_daily, spec_->monthly_ghi[m], 1e-9 * spec_->monthly_ghi[m]) << m + 1;
  }
}

TEST_F(ShanghaiYear, AnnualGhiWithinOnePercentOfEpw) {
  double annual = 0.0;
  for (double g : weather_->ghi) annual += g * hour;
  EXPECT_NEAR(annual / units::kWh, 1470.8, 0.01 * 1470.8);
}

TEST_F(ShanghaiYear, MonthlyMeanTemperatureEqualsTargets) {
  const std::array<double, 12> sums = monthSums(*weather_, weather_->temp_air);
  for (int m = 0; m < 12; ++m) {
    EXPECT_NEAR(sums[m] / (24.0 * daysIn(2023, m + 1)), spec_->monthly_temp_air[m], 0.05) << m + 1;
  }
}

TEST_F(ShanghaiYear, DiurnalTemperatureCycleAndRange) {
  // Mean profile over the year: warmest in the records around 15:00, coldest around sunrise
  // (5-7 h in Shanghai); mean daily max - min within 1.5 K of the spec's range (the hourly
  // sampling misses the extremes, the daily anomaly drift adds to them).
  const HourlyWeather& w = *weather_;
  std::array<double, 24> profile{};
  for (size_t k = 0; k < w.size(); ++k) profile[k % 24] += w.temp_air[k] / 365.0;
  const auto warmest = std::max_element(profile.begin(), profile.end()) - profile.begin() + 1;
  const auto coldest = std::min_element(profile.begin(), profile.end()) - profile.begin() + 1;
  EXPECT_GE(warmest, 15);
  EXPECT_LE(warmest, 16);
  EXPECT_GE(coldest, 5);
  EXPECT_LE(coldest, 7);
  std::array<double, 12> range_sum{};
  for (size_t d = 0; d < 365; ++d) {
    const auto first = w.temp_air.begin() + static_cast<long>(d * 24);
    const auto [lo, hi] = std::minmax_element(first, first + 24);
    range_sum[w.month[d * 24] - 1] += *hi - *lo;
  }
  for (int m = 0; m < 12; ++m) {
    EXPECT_NEAR(range_sum[m] / daysIn(2023, m + 1), spec_->monthly_temp_range[m], 1.5) << m + 1;
  }
}

TEST_F(ShanghaiYear, SunDownDarkBoundedAndClosed) {
  // Sun at mid-hour by the direct SPA: GHI = 0 while it is down; GHI <= 1.1 x extraterrestrial
  // horizontal; DNI cos z + DHI = GHI (Erbs closure) to 1e-6 W/m2 relative.
  const HourlyWeather& w = *weather_;
  const SiteLocation site{kLatitude, kLongitude, spec_->elevation};
  double mean_temp = 0.0;
  for (double t : spec_->monthly_temp_air) mean_temp += t / 12.0;
  const RefractionAir air{spec_->pressure, mean_temp};
  const double delta_t = estimateDeltaT(2023.5);
  int night = 0, day_of_year = 0;
  for (size_t k = 0; k < w.size(); ++k) {
    if (k % 24 == 0) ++day_of_year;
    const double t = kLocalMidnight2023 + (static_cast<double>(k) + 0.5) * hour;
    const double z = computeSolarPosition(t, delta_t, site, air).apparent_zenith;
    const double cos_z = std::cos(z);
    EXPECT_GE(w.ghi[k], 0.0);
    if (cos_z <= 0.0) {
      ++night;
      ASSERT_EQ(w.ghi[k], 0.0) << k;
      ASSERT_EQ(w.dni[k], 0.0) << k;
      ASSERT_EQ(w.dhi[k], 0.0) << k;
      continue;
    }
    ASSERT_LE(w.ghi[k], 1.1 * extraterrestrialNormalIrradiance(day_of_year) * cos_z) << k;
    ASSERT_NEAR(w.dni[k] * cos_z + w.dhi[k], w.ghi[k], 1e-6 * std::max(w.ghi[k], 1.0)) << k;
  }
  EXPECT_GT(night, 4000);  // about half the hours of a year at 31 N
  EXPECT_LT(night, 4600);
}

TEST_F(ShanghaiYear, HourlyClearnessIsPersistent) {
  // Lag-1 autocorrelation of the clear-sky index GHI / Haurwitz over consecutive hours with the
  // sun above 30 deg elevation: > 0.5 (the hourly log-deficit of the Shanghai TMYx has lag-1
  // 0.87).
  const HourlyWeather& w = *weather_;
  const SiteLocation site{kLatitude, kLongitude, spec_->elevation};
  const double delta_t = estimateDeltaT(2023.5);
  std::vector<double> index(w.size(), -1.0);
  for (size_t k = 0; k < w.size(); ++k) {
    const double t = kLocalMidnight2023 + (static_cast<double>(k) + 0.5) * hour;
    const double z = computeSolarPosition(t, delta_t, site, RefractionAir{}).apparent_zenith;
    if (z < 60 * deg) index[k] = w.ghi[k] / clearSkyHaurwitz(z);
  }
  double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  int pairs = 0;
  for (size_t k = 1; k < w.size(); ++k) {
    if (index[k - 1] < 0 || index[k] < 0) continue;
    const double x = index[k - 1], y = index[k];
    sx += x, sy += y, sxx += x * x, syy += y * y, sxy += x * y;
    ++pairs;
  }
  ASSERT_GT(pairs, 1000);
  const double cov = sxy / pairs - sx / pairs * sy / pairs;
  const double r = cov / std::sqrt((sxx / pairs - sx * sx / pairs / pairs) *
                                   (syy / pairs - sy * sy / pairs / pairs));
  EXPECT_GT(r, 0.5);
  EXPECT_LT(r, 1.0);
}

TEST(SyntheticWeather, SameSeedIdenticalOtherSeedDifferent) {
  const SyntheticWeatherSpec a = shanghaiSyntheticDefaults(kLatitude, kLongitude, 2023, 7);
  const HourlyWeather w1 = generateSyntheticWeather(a);
  const HourlyWeather w2 = generateSyntheticWeather(a);
  EXPECT_EQ(w1.ghi, w2.ghi);  // bit for bit
  EXPECT_EQ(w1.dni, w2.dni);
  EXPECT_EQ(w1.dhi, w2.dhi);
  EXPECT_EQ(w1.temp_air, w2.temp_air);
  SyntheticWeatherSpec b = a;
  b.seed = 8;
  const HourlyWeather w3 = generateSyntheticWeather(b);
  size_t differing = 0;
  for (size_t k = 0; k < w1.size(); ++k) differing += w1.ghi[k] != w3.ghi[k];
  EXPECT_GT(differing, 3000u);  // nearly all daylight hours
  EXPECT_NE(w1.temp_air, w3.temp_air);
  EXPECT_NE(w1.source, w3.source);
}

TEST(SyntheticWeather, LeapYearHas8784RecordsAndExactFebruary) {
  const SyntheticWeatherSpec spec = shanghaiSyntheticDefaults(kLatitude, kLongitude, 2024, 3);
  const HourlyWeather w = generateSyntheticWeather(spec);
  ASSERT_EQ(w.size(), 8784u);
  EXPECT_EQ(w.month[59 * 24], 2);  // day 60 is February 29th
  EXPECT_EQ(w.day[59 * 24], 29);
  const std::array<double, 12> sums = monthSums(w, w.ghi);
  EXPECT_NEAR(sums[1] * hour / 29.0, spec.monthly_ghi[1], 1e-9 * spec.monthly_ghi[1]);
}

TEST(SyntheticWeather, HighTargetsHitTheClearnessCapAndStayExact) {
  // Targets at 97 % of the month's extraterrestrial horizontal insolation force many hours onto
  // the cap kt = 1; the month means must still be exact and no hour above the cap.
  SyntheticWeatherSpec spec = shanghaiSyntheticDefaults(kLatitude, kLongitude, 2023, 5);
  const SiteLocation site{kLatitude, kLongitude, spec.elevation};
  double mean_temp = 0.0;  // the generator refracts with the annual mean temperature
  for (double t : spec.monthly_temp_air) mean_temp += t / 12.0;
  const RefractionAir air{spec.pressure, mean_temp};
  std::vector<double> extra_horizontal(8760);
  std::array<double, 12> extra_sum{};
  size_t k = 0;
  for (int month = 1, doy = 1; month <= 12; ++month) {
    for (int d = 0; d < daysIn(2023, month); ++d, ++doy) {
      for (int h = 0; h < 24; ++h, ++k) {
        const double t = kLocalMidnight2023 + (static_cast<double>(k) + 0.5) * hour;
        const double z = computeSolarPosition(t, estimateDeltaT(2023.5), site, air).apparent_zenith;
        extra_horizontal[k] = extraterrestrialNormalIrradiance(doy) * std::max(std::cos(z), 0.0);
        extra_sum[month - 1] += extra_horizontal[k];
      }
    }
  }
  for (int m = 0; m < 12; ++m)
    spec.monthly_ghi[m] = 0.97 * extra_sum[m] * hour / daysIn(2023, m + 1);
  const HourlyWeather w = generateSyntheticWeather(spec);
  const std::array<double, 12> sums = monthSums(w, w.ghi);
  int capped = 0;
  for (k = 0; k < w.size(); ++k) {
    ASSERT_LE(w.ghi[k], extra_horizontal[k] * (1.0 + 1e-6) + 1e-9) << k;
    capped += w.ghi[k] > 0.0 && w.ghi[k] >= extra_horizontal[k] * (1.0 - 1e-6);
  }
  EXPECT_GT(capped, 100);
  for (int m = 0; m < 12; ++m) {
    EXPECT_NEAR(sums[m] * hour / daysIn(2023, m + 1), spec.monthly_ghi[m],
                1e-9 * spec.monthly_ghi[m])
        << m + 1;
  }
  // Unreachable targets (above the month's extraterrestrial insolation): every daylight hour at
  // the cap (except within a fraction of a degree of the horizon, where Haurwitz underflows to 0),
  // no NaN at night.
  for (int m = 0; m < 12; ++m) spec.monthly_ghi[m] *= 1.2;
  const HourlyWeather over = generateSyntheticWeather(spec);
  for (k = 0; k < over.size(); ++k) {
    ASSERT_FALSE(std::isnan(over.ghi[k])) << k;
    if (extra_horizontal[k] > 1.0) {
      ASSERT_NEAR(over.ghi[k], extra_horizontal[k], 1e-6 * extra_horizontal[k]) << k;
    }
  }
}

TEST(SyntheticWeather, PressureFromElevationWhenNotGiven) {
  SyntheticWeatherSpec spec = shanghaiSyntheticDefaults(kLatitude, kLongitude, 2023, 1);
  spec.pressure = 0.0;
  spec.elevation = 1000.0;
  const HourlyWeather w = generateSyntheticWeather(spec);
  // pvlib tests/test_atmosphere.py::test_alt2pres: 1000 m -> 89874.750 Pa.
  EXPECT_NEAR(w.pressure.front(), 89874.750, 1e-3);
  EXPECT_DOUBLE_EQ(w.wind_speed.back(), spec.wind_speed);
  EXPECT_DOUBLE_EQ(w.albedo.back(), spec.albedo);
  EXPECT_TRUE(std::isnan(w.precipitation.front()));
}

}  // namespace
}  // namespace physics
