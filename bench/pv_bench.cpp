// PV chain speed (issue 3 goals, each under 0.1 s):
//  - BM_PvThousandSystemsHourlyYear: 1,000 PV systems of varied tilt, azimuth and size at one
//    site for an hourly year; the sun position and sky state are computed once per hour and
//    shared (as the reference Python tool does, ~2 s).
//  - BM_PvOneSystemMinuteYear: one system for a year at 1-minute steps, solar position (NREL SPA
//    via the hourly-node ephemeris) included (reference ~0.8 s).
// The sun's ephemeris nodes are computed in parallel, as the engine does (parallelSunEphemeris).
// Weather: the synthetic Shanghai year. Arg: worker threads.
#include <benchmark/benchmark.h>
#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>

#include <algorithm>
#include <vector>

#include "physics/pv_series.h"
#include "physics/pv_system.h"
#include "physics/sky_series.h"
#include "physics/synthetic_weather.h"
#include "physics/units.h"
#include "twin/engine/run_plan.h"

namespace {

namespace u = physics::units;

constexpr int kYear = 2025;
constexpr double kUtcOffset = 8 * u::hour;
// 2025-01-01T00:00 local in Unix seconds.
constexpr double kYearStart = 1735689600.0 - kUtcOffset;

const physics::HourlyWeather& weather() {
  static const physics::HourlyWeather w = physics::generateSyntheticWeather(
      physics::shanghaiSyntheticDefaults(31.2 * u::deg, 121.34 * u::deg, kYear, 1));
  return w;
}

physics::SiteLocation site() { return {31.2 * u::deg, 121.34 * u::deg, 4.0}; }

std::vector<physics::PvSystem> thousandSystems() {
  std::vector<physics::PvSystem> systems(1000);
  for (size_t i = 0; i < systems.size(); ++i) {
    const double tilt = static_cast<double>(i % 10) * 9.0 * u::deg;                    // 0..81 deg
    const double azimuth = (90.0 + static_cast<double>(i / 10 % 10) * 20.0) * u::deg;  // E..W
    systems[i].normal = physics::surfaceNormal(tilt, azimuth);
    systems[i].dc_capacity = (10.0 + static_cast<double>(i)) * u::kW;
  }
  return systems;
}

physics::WeatherStep stepOf(const physics::HourlyWeather& w, size_t h) {
  return {w.ghi[h], w.dni[h], w.dhi[h], w.temp_air[h], w.wind_speed[h]};
}

int dayOfYear(size_t hour_index) { return static_cast<int>(hour_index / 24) + 1; }

// The energy of a block of output: four partial sums, so that the bench's own reduction is not
// one chain of dependent additions (a plain loop was 13 % of the 1-thread thousand-system time).
double blockEnergy(const std::vector<double>& power) {
  double part[4] = {0.0, 0.0, 0.0, 0.0};
  size_t i = 0;
  for (; i + 4 <= power.size(); i += 4) {
    for (size_t k = 0; k < 4; ++k) part[k] += power[i + k];
  }
  for (; i < power.size(); ++i) part[0] += power[i];
  return (part[0] + part[1]) + (part[2] + part[3]);
}

void BM_PvThousandSystemsHourlyYear(benchmark::State& state) {
  const tbb::global_control threads(tbb::global_control::max_allowed_parallelism,
                                    static_cast<size_t>(state.range(0)));
  const physics::HourlyWeather& w = weather();
  const std::vector<physics::PvSystem> systems = thousandSystems();
  const size_t hours = w.size();
  std::vector<physics::PvSky> sky(hours);
  physics::PvSkySeries series;
  std::vector<double> energy(systems.size());
  const auto kernel = static_cast<physics::PvKernel>(state.range(1));
  for (auto _ : state) {
    // Shared per hour: the sun at the middle of the hour and the sky state.
    const physics::SunEphemeris sun = twin::parallelSunEphemeris(
        kYearStart, kYearStart + static_cast<double>(hours) * u::hour, 69.0);
    tbb::parallel_for(tbb::blocked_range<size_t>(0, hours), [&](const auto& r) {
      for (size_t h = r.begin(); h != r.end(); ++h) {
        const double middle = kYearStart + (static_cast<double>(h) + 0.5) * u::hour;
        const physics::SolarPosition pos =
            physics::topocentricSolarPosition(sun.at(middle), site(), {});
        sky[h] = physics::pvSky(pos, stepOf(w, h), dayOfYear(h));
      }
    });
    series.assign(sky);
    // A block of hours at a time for all the range's systems: the block's skies stay in cache.
    constexpr size_t kBlock = 1024;
    tbb::parallel_for(tbb::blocked_range<size_t>(0, systems.size(), 8), [&](const auto& r) {
      physics::PvSeriesOutput out;
      std::fill(energy.begin() + r.begin(), energy.begin() + r.end(), 0.0);
      for (size_t first = 0; first < hours; first += kBlock) {
        const size_t count = std::min(kBlock, hours - first);
        for (size_t i = r.begin(); i != r.end(); ++i) {
          physics::pvPowerSeries(systems[i], series, first, count, 1.0, out, kernel);
          energy[i] += blockEnergy(out.ac_power);
        }
      }
    });
    benchmark::DoNotOptimize(energy.data());
  }
  state.counters["system_hours/s"] = benchmark::Counter(
      static_cast<double>(systems.size() * hours), benchmark::Counter::kIsIterationInvariantRate);
  // Wall time per daytime system-hour (the steps with light), for the cycle count of
  // docs/performance.md: multiply by the clock and the threads.
  double lit = 0.0;
  for (double l : series.lit) lit += l;
  state.counters["s/daytime_system_hour"] = benchmark::Counter(
      lit * static_cast<double>(systems.size()),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.SetLabel(kernel == physics::PvKernel::kVector ? physics::pvSeriesTarget() : "scalar");
}
// Args: threads, kernel (0: vector, 1: scalar pvPower step by step).
BENCHMARK(BM_PvThousandSystemsHourlyYear)
    ->ArgsProduct({{1, 2}, {0, 1}})
    ->Unit(benchmark::kMillisecond);

void BM_PvOneSystemMinuteYear(benchmark::State& state) {
  const tbb::global_control threads(tbb::global_control::max_allowed_parallelism,
                                    static_cast<size_t>(state.range(0)));
  const auto kernel = static_cast<physics::PvKernel>(state.range(1));
  const physics::HourlyWeather& w = weather();
  physics::PvSystem system;
  system.normal = physics::surfaceNormal(22 * u::deg, 180 * u::deg);
  const size_t days = w.size() / 24;
  constexpr size_t kMinutes = 1440;
  for (auto _ : state) {
    const physics::SunEphemeris sun = twin::parallelSunEphemeris(
        kYearStart, kYearStart + static_cast<double>(days) * u::day, 69.0);
    // A day at a time, as the engine: the day's sun and sky, then the system over them.
    const double energy = tbb::parallel_reduce(
        tbb::blocked_range<size_t>(0, days), 0.0,
        [&](const tbb::blocked_range<size_t>& r, double sum) {
          physics::PvSkySeries sky;
          physics::PvSeriesOutput out;
          for (size_t day = r.begin(); day != r.end(); ++day) {
            sky.resize(kMinutes);
            for (size_t m = 0; m < kMinutes; ++m) {
              const physics::WeatherStep ws = stepOf(w, day * 24 + m / 60);
              sky.ghi[m] = ws.ghi;
              sky.dni[m] = ws.dni;
              sky.dhi[m] = ws.dhi;
              sky.temp_air[m] = ws.temp_air;
              sky.wind_speed[m] = ws.wind_speed;
            }
            physics::computeSkies(sun, site(), {}, kYearStart + static_cast<double>(day) * u::day,
                                  60.0, static_cast<int>(day) + 1, sky, kernel);
            physics::pvPowerSeries(system, sky, 1.0, out, kernel);
            sum += blockEnergy(out.ac_power);
          }
          return sum;
        },
        [](double a, double b) { return a + b; });
    benchmark::DoNotOptimize(energy);
  }
  state.counters["steps/s"] = benchmark::Counter(static_cast<double>(days * kMinutes),
                                                 benchmark::Counter::kIsIterationInvariantRate);
  state.SetLabel(kernel == physics::PvKernel::kVector ? physics::pvSeriesTarget() : "scalar");
}
// Args: threads, kernel (0: vector, 1: the scalar chain step by step).
BENCHMARK(BM_PvOneSystemMinuteYear)->ArgsProduct({{1, 2}, {0, 1}})->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
