#include "physics/synthetic_weather.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "physics/irradiance.h"
#include "physics/random.h"
#include "physics/solar_position.h"
#include "physics/units.h"

namespace physics {
namespace {

using units::hour;
using units::kZeroCelsius;
using units::pi;

constexpr double kMinClearSkyIndex = 0.03;
constexpr double kMaxClearSkyIndex = 1.10;  // ceiling of the daily and hourly indices
constexpr double kMaxClearnessIndex = 1.0;  // hourly GHI / (dni_extra cos z)
constexpr double kHourOfMaxTemperature = 15.0;

// Stationary AR(1) with unit variance: x' = phi x + sqrt(1 - phi^2) e.
class Ar1 {
 public:
  Ar1(double phi, Random& random) : phi_(phi), scale_(std::sqrt(1.0 - phi * phi)) {
    x_ = random.normal();
  }
  double next(Random& random) {
    x_ = phi_ * x_ + scale_ * random.normal();
    return x_;
  }

 private:
  double phi_, scale_, x_ = 0.0;
};

bool isLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int y, int m) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && isLeapYear(y) ? 29 : kDays[m - 1];
}

// The s with sum_h min(s raw_h, cap_h) = target over [begin, end), by fixed-point iteration on
// the set of capped hours (it only grows with s); infinity when the caps cannot reach the target.
double scaleToTarget(const std::vector<double>& raw, const std::vector<double>& cap, size_t begin,
                     size_t end, double target) {
  double raw_sum = 0.0;
  for (size_t h = begin; h < end; ++h) raw_sum += raw[h];
  if (!(raw_sum > 0.0)) return 0.0;
  double s = target / raw_sum;
  for (int iteration = 0; iteration < 100; ++iteration) {
    double free_sum = 0.0, capped_sum = 0.0;
    for (size_t h = begin; h < end; ++h) {
      if (s * raw[h] > cap[h]) {
        capped_sum += cap[h];
      } else {
        free_sum += raw[h];
      }
    }
    if (!(free_sum > 0.0)) return std::numeric_limits<double>::infinity();
    const double next = (target - capped_sum) / free_sum;
    if (next == s) break;
    s = next;
  }
  return s;
}

struct Calendar {
  int days = 0;
  std::vector<int> day_of_year;          // per record, 1..366
  std::array<size_t, 13> month_start{};  // first record of each month; [12] = record count
};

// Record k covers local hours (k, k + 1] from local midnight of January 1st; EPW-style labels.
Calendar fillCalendar(int year, HourlyWeather& w) {
  Calendar c;
  c.days = isLeapYear(year) ? 366 : 365;
  const size_t n = static_cast<size_t>(c.days) * 24;
  c.day_of_year.resize(n);
  w.year.assign(n, year);
  w.month.resize(n);
  w.day.resize(n);
  w.hour.resize(n);
  size_t k = 0;
  int doy = 1;
  for (int m = 1; m <= 12; ++m) {
    c.month_start[m - 1] = k;
    for (int d = 1; d <= daysInMonth(year, m); ++d, ++doy) {
      for (int h = 1; h <= 24; ++h, ++k) {
        w.month[k] = m;
        w.day[k] = d;
        w.hour[k] = h;
        c.day_of_year[k] = doy;
      }
    }
  }
  c.month_start[12] = n;
  return c;
}

// Apparent zenith at each record's mid-hour.
std::vector<double> apparentZenithAtMidHour(const SyntheticWeatherSpec& spec, double pressure,
                                            size_t n) {
  const double start =
      static_cast<double>(
          std::chrono::sys_days{std::chrono::year{spec.year} / 1 / 1}.time_since_epoch().count()) *
          units::day -
      spec.utc_offset + 0.5 * hour;
  const double end = start + static_cast<double>(n - 1) * hour;
  double annual_temp = 0.0;
  for (double t : spec.monthly_temp_air) annual_temp += t / 12.0;
  const SunEphemeris ephemeris(start, end, estimateDeltaT(spec.year + 0.5));
  const SiteLocation site{spec.latitude, spec.longitude, spec.elevation};
  const RefractionAir air{pressure, annual_temp};
  std::vector<double> zenith(n);
  for (size_t k = 0; k < n; ++k) {
    const double t = start + static_cast<double>(k) * hour;
    zenith[k] = topocentricSolarPosition(ephemeris.at(t), site, air).apparent_zenith;
  }
  return zenith;
}

// Haurwitz clear sky times a clear-sky index 1.10 - deficit, the deficit lognormal with a daily
// AR(1) and an hourly AR(1) factor, then each month scaled to its target under the kt cap.
std::vector<double> generateGhi(const SyntheticWeatherSpec& spec, const Calendar& c,
                                const std::vector<double>& zenith) {
  const size_t n = zenith.size();
  std::vector<double> clear(n), cap(n);
  for (size_t k = 0; k < n; ++k) {
    clear[k] = clearSkyHaurwitz(zenith[k]);
    cap[k] = kMaxClearnessIndex * extraterrestrialNormalIrradiance(c.day_of_year[k]) *
             std::max(std::cos(zenith[k]), 0.0);
  }
  std::array<double, 12> target{}, first_guess{};  // target: sum of hourly GHI, W/m2 h
  for (int m = 0; m < 12; ++m) {
    double clear_sum = 0.0;
    for (size_t k = c.month_start[m]; k < c.month_start[m + 1]; ++k) clear_sum += clear[k];
    target[m] = spec.monthly_ghi[m] * daysInMonth(spec.year, m + 1) / hour;
    first_guess[m] = clear_sum > 0.0 ? target[m] / clear_sum : 0.0;
  }
  Random daily_random(spec.seed, 0), hourly_random(spec.seed, 1);
  Ar1 daily(spec.daily_clearness_lag1, daily_random);
  const double daily_sd = spec.daily_clearness_log_sd;
  const double hourly_sd = spec.hourly_clearness_log_sd;
  Ar1 hourly(spec.hourly_clearness_lag1, hourly_random);
  std::vector<double> raw(n);
  std::array<double, 31> deficit{};
  for (int m = 0; m < 12; ++m) {
    // Daily deficit below the ceiling: lognormal (most days near clear, a long tail of overcast
    // ones, as in the Shanghai TMYx), rescaled to the month's mean so that sampling noise does
    // not leave the final scaling to stretch clear days.
    const size_t first_day = c.month_start[m] / 24;
    const size_t day_count = c.month_start[m + 1] / 24 - first_day;
    const double mean_deficit = std::max(kMaxClearSkyIndex - first_guess[m], 0.01);
    double deficit_sum = 0.0;
    for (size_t d = 0; d < day_count; ++d) {
      deficit[d] = std::exp(daily_sd * daily.next(daily_random));
      deficit_sum += deficit[d];
    }
    for (size_t d = 0; d < day_count; ++d) {
      const double day_deficit = deficit[d] * mean_deficit * day_count / deficit_sum;
      // Hourly deficit: the day's times a lognormal factor of mean 1, so clear days stay clear.
      for (size_t k = (first_day + d) * 24; k < (first_day + d + 1) * 24; ++k) {
        const double factor =
            std::exp(hourly_sd * hourly.next(hourly_random) - 0.5 * hourly_sd * hourly_sd);
        raw[k] = clear[k] * std::max(kMaxClearSkyIndex - day_deficit * factor, kMinClearSkyIndex);
      }
    }
  }
  std::vector<double> ghi(n);
  for (int m = 0; m < 12; ++m) {
    const double s = scaleToTarget(raw, cap, c.month_start[m], c.month_start[m + 1], target[m]);
    for (size_t k = c.month_start[m]; k < c.month_start[m + 1]; ++k) {
      ghi[k] = raw[k] > 0.0 ? std::min(s * raw[k], cap[k]) : 0.0;
    }
  }
  return ghi;
}

// Local hour of sunrise per day from the sign change of cos z between mid-hours, linear in
// between; 6 h where the sun does not rise that day.
std::vector<double> sunriseHours(int days, const std::vector<double>& zenith) {
  std::vector<double> sunrise(days, 6.0);
  for (int d = 0; d < days; ++d) {
    for (int h = 1; h < 24; ++h) {
      const size_t k = static_cast<size_t>(d) * 24 + h;
      const double before = std::cos(zenith[k - 1]), after = std::cos(zenith[k]);
      if (before <= 0.0 && after > 0.0) {
        sunrise[d] = (h - 0.5) + before / (before - after);
        break;
      }
    }
  }
  return sunrise;
}

// Diurnal shape, 0 at sunrise (minimum), 1 at 15:00 (maximum), half-cosines in between.
// t: local hour [0, 24); sunrise, next_sunrise: local hours of this and the next day.
double diurnalShape(double t, double sunrise, double next_sunrise) {
  if (t < sunrise) {  // falling since yesterday's maximum (today's sunrise stands in for it)
    return 0.5 + 0.5 * std::cos(pi * (t + 24.0 - kHourOfMaxTemperature) /
                                (sunrise + 24.0 - kHourOfMaxTemperature));
  }
  if (t <= kHourOfMaxTemperature) {
    return 0.5 - 0.5 * std::cos(pi * (t - sunrise) / (kHourOfMaxTemperature - sunrise));
  }
  return 0.5 + 0.5 * std::cos(pi * (t - kHourOfMaxTemperature) /
                              (next_sunrise + 24.0 - kHourOfMaxTemperature));
}

std::vector<double> generateTemperature(const SyntheticWeatherSpec& spec, const Calendar& c,
                                        const std::vector<double>& zenith) {
  const size_t n = zenith.size();
  const int days = c.days;
  const std::vector<double> sunrise = sunriseHours(days, zenith);
  Random random(spec.seed, 2);
  Ar1 process(spec.temp_anomaly_lag1, random);
  std::vector<double> anomaly(days);
  for (int d = 0; d < days; ++d) anomaly[d] = spec.temp_anomaly_sd * process.next(random);
  // Monthly figures sit at mid-month (days from January 1st), interpolated cyclically.
  std::array<double, 12> mid_month{};
  for (int m = 0; m < 12; ++m) {
    mid_month[m] = static_cast<double>(c.month_start[m] + c.month_start[m + 1]) / 48.0;
  }
  const auto monthly = [&](const std::array<double, 12>& v, double day) {
    int m = 0;
    while (m < 12 && mid_month[m] <= day) ++m;
    const int a = (m + 11) % 12, b = m % 12;
    const double da = m == 0 ? mid_month[11] - days : mid_month[a];
    const double db = m == 12 ? mid_month[0] + days : mid_month[b];
    return v[a] + (day - da) / (db - da) * (v[b] - v[a]);
  };
  std::vector<double> temp(n);
  for (size_t k = 0; k < n; ++k) {
    const int d = static_cast<int>(k / 24);
    const double t = static_cast<double>(k % 24) + 0.5;  // local hour at mid-record
    const double day = static_cast<double>(d) + t / 24.0;
    const double shape = diurnalShape(t, sunrise[d], sunrise[std::min(d + 1, days - 1)]);
    // Daily anomaly at noon, linear in between (constant before the first, after the last).
    const int d0 = std::clamp(static_cast<int>(std::floor(day - 0.5)), 0, days - 1);
    const int d1 = std::min(d0 + 1, days - 1);
    const double f = std::clamp(day - 0.5 - d0, 0.0, 1.0);
    temp[k] = monthly(spec.monthly_temp_air, day) +
              monthly(spec.monthly_temp_range, day) * (shape - 0.5) + anomaly[d0] +
              f * (anomaly[d1] - anomaly[d0]);
  }
  for (int m = 0; m < 12; ++m) {  // exact monthly means
    const size_t b = c.month_start[m], e = c.month_start[m + 1];
    double sum = 0.0;
    for (size_t k = b; k < e; ++k) sum += temp[k];
    const double shift = spec.monthly_temp_air[m] - sum / static_cast<double>(e - b);
    for (size_t k = b; k < e; ++k) temp[k] += shift;
  }
  return temp;
}

}  // namespace

SyntheticWeatherSpec shanghaiSyntheticDefaults(double latitude, double longitude, int year,
                                               std::uint64_t seed) {
  SyntheticWeatherSpec spec;
  spec.latitude = latitude;
  spec.longitude = longitude;
  spec.elevation = 3.0;
  spec.utc_offset = 8.0 * hour;
  spec.year = year;
  spec.seed = seed;
  // Computed from CHN_SH_Shanghai-Hongqiao.Intl.AP.583670_TMYx.1956-2023 (Climate.OneBuilding.org,
  // CC BY 4.0): month sums of the hourly GHI field over the month's days, J/m2 per day (annual
  // 1470.75 kWh/m2); monthly means of the hourly dry-bulb; means of the daily max - min.
  spec.monthly_ghi = {10379265, 12072600, 14131974, 18059880, 18281381, 16548480,
                      19176852, 18731265, 14654400, 12316065, 10414680, 9123794};
  const std::array<double, 12> temp_degc = {4.750,  6.200,  9.824,  15.578, 20.818, 24.398,
                                            28.660, 28.521, 24.651, 19.320, 13.491, 7.285};
  for (int m = 0; m < 12; ++m) spec.monthly_temp_air[m] = temp_degc[m] + kZeroCelsius;
  spec.monthly_temp_range = {7.577, 7.661, 7.655, 8.477, 7.071, 7.403,
                             6.874, 6.845, 6.307, 7.403, 7.787, 7.816};
  spec.wind_speed = 3.38;    // annual mean of the wind-speed field
  spec.pressure = 101279.0;  // annual mean station pressure
  spec.albedo = 0.137;       // annual mean of the albedo field
  return spec;
}

HourlyWeather generateSyntheticWeather(const SyntheticWeatherSpec& spec) {
  const double pressure =
      spec.pressure > 0.0 ? spec.pressure : standardPressureAtAltitude(spec.elevation);
  HourlyWeather w;
  w.source = "synthetic typical year (seed " + std::to_string(spec.seed) + ")";
  w.latitude = spec.latitude;
  w.longitude = spec.longitude;
  w.elevation = spec.elevation;
  w.utc_offset = spec.utc_offset;
  const Calendar calendar = fillCalendar(spec.year, w);
  const size_t n = calendar.day_of_year.size();
  const std::vector<double> zenith = apparentZenithAtMidHour(spec, pressure, n);

  w.ghi = generateGhi(spec, calendar, zenith);
  w.dni.resize(n);
  w.dhi.resize(n);
  for (size_t k = 0; k < n; ++k) {
    const DniDhi d = erbsDecomposition(w.ghi[k], zenith[k],
                                       extraterrestrialNormalIrradiance(calendar.day_of_year[k]));
    w.dni[k] = d.dni;
    w.dhi[k] = d.dhi;
  }
  w.temp_air = generateTemperature(spec, calendar, zenith);
  w.wind_speed.assign(n, spec.wind_speed);
  w.pressure.assign(n, pressure);
  w.albedo.assign(n, spec.albedo);
  w.precipitation.assign(n, std::numeric_limits<double>::quiet_NaN());
  return w;
}

}  // namespace physics
