#include "twin/engine/run_plan.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "twin/base/error.h"
#include "twin/engine/load_shifting.h"
#include "twin/model/motor_duty.h"
#include "twin/model/park_network.h"

namespace twin {
namespace {

// PARKTWIN_PV_KERNEL: "vector" (or unset) or "scalar".
physics::PvKernel pvKernelFromEnvironment() {
  const char* value = std::getenv("PARKTWIN_PV_KERNEL");
  if (!value || std::string_view(value) == "vector") return physics::PvKernel::kVector;
  if (std::string_view(value) == "scalar") return physics::PvKernel::kScalar;
  throw InputError("environment variable PARKTWIN_PV_KERNEL: expected vector or scalar, found '" +
                   std::string(value) + "'");
}

// Mean of per-minute values over each step of the day.
template <typename ValueAt>
std::vector<double> stepMeans(int step_s, ValueAt value_at) {
  const int minutes_per_step = step_s / 60;
  std::vector<double> out(static_cast<size_t>(kMinutesPerDay / minutes_per_step));
  for (size_t k = 0; k < out.size(); ++k) {
    double sum = 0.0;
    for (int m = 0; m < minutes_per_step; ++m) {
      sum += value_at(static_cast<int>(k) * minutes_per_step + m);
    }
    out[k] = sum / minutes_per_step;
  }
  return out;
}

// The weather record of hour 1 of each simulated day, matched by month and day (a typical year
// serves any year; 29 February uses 28 February when the records have no leap day).
std::vector<size_t> firstRecords(const physics::HourlyWeather& w, const TimeGrid& grid) {
  std::map<std::pair<int, int>, size_t> by_date;
  for (size_t i = 0; i < w.size(); ++i) {
    if (w.hour[i] == 1) by_date.emplace(std::pair(w.month[i], w.day[i]), i);
  }
  std::vector<size_t> out;
  for (long day = grid.start_day; day < grid.end_day; ++day) {
    const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
    const int month = static_cast<int>(unsigned(ymd.month()));
    const int dom = static_cast<int>(unsigned(ymd.day()));
    auto it = by_date.find({month, dom});
    if (it == by_date.end() && month == 2 && dom == 29) it = by_date.find({2, 28});
    if (it == by_date.end() || it->second + 24 > w.size()) {
      throw InputError(w.source + ": no 24 hourly records for " + std::to_string(month) + "/" +
                       std::to_string(dom) + ", a day of the simulated period");
    }
    out.push_back(it->second);
  }
  return out;
}

physics::PvSystem pvSystem(const PvArray& a, double weather_albedo) {
  physics::PvSystem s;
  s.normal = physics::surfaceNormal(a.tilt, a.azimuth);
  s.albedo = a.albedo >= 0 ? a.albedo : weather_albedo;
  s.transposition = static_cast<physics::Transposition>(a.transposition);
  s.iam = static_cast<physics::IncidenceModifier>(a.iam);
  s.temperature = static_cast<physics::CellTemperature>(a.temperature_model);
  s.dc_capacity = a.dc_capacity;
  if (a.cec) {
    s.dc_model = physics::DcModel::kCec;
    s.cec = a.cec_module;
    s.cec_modules = a.dc_capacity / a.module_power;
  }
  s.gamma = a.gamma;
  s.losses = a.losses;
  s.dc_ac_ratio = a.dc_ac_ratio;
  s.inverter_efficiency = a.inverter_efficiency;
  return s;
}

// Package power of an air compressor at its demand (useful flow + leaks, fractions of the rated
// flow, capped at full output), relative to full-load power (physics/air_compressor.h).
double compressorPowerFraction(const Motor& m, double useful_flow) {
  if (useful_flow <= 0.0) return 0.0;
  physics::Compressor c;
  c.rated_flow = 1.0;
  c.full_load_power = 1.0;
  c.rated_pressure = 1.0;
  c.control = m.compressor_control;
  return physics::compressorAtDemand(c, std::min(useful_flow + m.leak, 1.0)).input_power;
}

// Shaft load of a motor at a schedule value, fraction of its rating.
double shaftLoad(const Motor& m, double schedule_value) {
  if (m.compressor) return m.duty_load * compressorPowerFraction(m, m.duty_flow * schedule_value);
  if (m.flow_control != FlowControl::kNone) {
    return m.duty_load *
           flowControlledShaftFraction(m, m.flow_control, m.duty_flow * schedule_value);
  }
  return m.duty_load * schedule_value;
}

double mean(const std::vector<double>& v) {
  double sum = 0.0;
  for (double x : v) sum += x;
  return v.empty() ? 0.0 : sum / static_cast<double>(v.size());
}

// The geocentric sun over the run, with delta T estimated at the middle of the run.
physics::SunEphemeris sunOverRun(const TimeGrid& grid) {
  const double start = static_cast<double>(grid.unixTime(0));
  const double end = static_cast<double>(grid.unixTime(grid.steps()));
  const double mid_year = 1970.0 + 0.5 * (start + end) / (365.2425 * 86400.0);
  return parallelSunEphemeris(start, end, physics::estimateDeltaT(mid_year));
}

// Annual means of the weather records, for refraction.
physics::RefractionAir meanAir(const physics::HourlyWeather& weather) {
  return {mean(weather.pressure), mean(weather.temp_air)};
}

std::vector<physics::PvSystem> pvSystems(const std::vector<PvArray>& arrays, double albedo) {
  std::vector<physics::PvSystem> out;
  for (const PvArray& a : arrays) out.push_back(pvSystem(a, albedo));
  return out;
}

// The indices of the items (PV arrays, motors, loads, ...) on each bus, in model order.
template <typename Item>
std::vector<std::vector<int>> indicesOnBus(const std::vector<Item>& items, size_t buses) {
  std::vector<std::vector<int>> out(buses);
  for (size_t i = 0; i < items.size(); ++i) out[items[i].bus].push_back(static_cast<int>(i));
  return out;
}

using DayTypeSteps = std::array<std::vector<double>, kDayTypes>;

std::vector<DayTypeSteps> scheduleSteps(const std::vector<Schedule>& schedules, int step_s) {
  std::vector<DayTypeSteps> out;
  for (const Schedule& s : schedules) {
    auto& per_type = out.emplace_back();
    for (int t = 0; t < kDayTypes; ++t) {
      per_type[t] = stepMeans(step_s, [&](int m) { return s.minutes[t][m]; });
    }
  }
  return out;
}

std::vector<std::vector<double>> priceSteps(const Tariff& tariff, int step_s) {
  std::vector<std::vector<double>> out;
  for (const TariffSeason& season : tariff.seasons) {
    out.push_back(stepMeans(step_s, [&](int m) {
      return season.periods[static_cast<size_t>(season.period_of_minute[m])].price;
    }));
  }
  return out;
}

// Each motor's part-load model (twin/model/motor_duty.h).
std::vector<physics::MotorModel> motorModels(const std::vector<Motor>& motors,
                                             const std::vector<Bus>& buses) {
  std::vector<physics::MotorModel> out;
  for (const Motor& m : motors) out.push_back(motorModelOf(m, buses));
  return out;
}

std::vector<DayTypeSteps> motorLoadSteps(const std::vector<Motor>& motors,
                                         const std::vector<DayTypeSteps>& schedule_steps) {
  std::vector<DayTypeSteps> out;
  for (const Motor& m : motors) {
    auto& per_type = out.emplace_back();
    for (int t = 0; t < kDayTypes; ++t) {
      for (double value : schedule_steps[m.schedule][t]) per_type[t].push_back(shaftLoad(m, value));
    }
  }
  return out;
}

std::vector<double> loadReactiveRatios(const std::vector<Load>& loads) {
  std::vector<double> out;
  for (const Load& l : loads) out.push_back(physics::reactiveRatio(l.power_factor));
  return out;
}

// The air conditioner of each cooling load (a default one for the other loads).
std::vector<physics::SplitAirConditioner> airConditioners(const std::vector<Load>& loads) {
  std::vector<physics::SplitAirConditioner> out;
  for (const Load& l : loads) {
    out.push_back(l.cooling ? physics::defaultSplitAirConditioner(l.cooling_capacity, l.cooling_cop)
                            : physics::SplitAirConditioner{});
  }
  return out;
}

// Event steps: those starting inside [start, start + duration), clipped to the run; events
// wholly outside the run are left out.
std::vector<RunPlan::DrWindow> drWindows(const DemandResponse& dr, const TimeGrid& grid) {
  const int64_t t0 = grid.unixTime(0);
  const auto step_at_or_after = [&](double t) {
    const auto k = static_cast<int64_t>(std::ceil((t - static_cast<double>(t0)) / grid.step_s));
    return std::clamp<int64_t>(k, 0, grid.steps());
  };
  std::vector<RunPlan::DrWindow> out;
  for (size_t i = 0; i < dr.events.size(); ++i) {
    const double begins = static_cast<double>(dr.events[i].start);
    const RunPlan::DrWindow w{step_at_or_after(begins),
                              step_at_or_after(begins + dr.events[i].duration),
                              dr.events[i].request, static_cast<int>(i)};
    if (w.end > w.first) out.push_back(w);
  }
  return out;
}

int reboundSteps(const DemandResponse& dr, const TimeGrid& grid) {
  return std::max(1, static_cast<int>(std::lround(dr.rebound / grid.step_s)));
}

// The shading tables of the arrays that have laid-out modules, over the sun of the run's steps
// (at their middles, as the weather stage takes it) and the weather's hours inside the run.
std::vector<std::optional<shading::ShadeTable>> pvShadeTables(const RunPlan& plan) {
  const bool any = std::any_of(plan.model.pv.begin(), plan.model.pv.end(),
                               [](const PvArray& a) { return a.shading && !a.modules.empty(); });
  if (!any) return std::vector<std::optional<shading::ShadeTable>>(plan.model.pv.size());
  std::vector<std::pair<double, double>> suns;
  for (int64_t k = 0; k < plan.grid.steps(); ++k) {
    const double t = static_cast<double>(plan.grid.unixTime(k)) + 0.5 * plan.grid.step_s;
    const physics::SolarPosition p =
        physics::topocentricSolarPosition(plan.sun.at(t), plan.site, plan.air);
    if (p.apparent_zenith < 0.5 * physics::units::pi)
      suns.emplace_back(p.apparent_zenith, p.azimuth);
  }
  std::vector<SunHour> hours = yearSunHours(plan.model);
  const auto begin = static_cast<double>(plan.grid.unixTime(0));
  const double end = begin + static_cast<double>(plan.grid.steps()) * plan.grid.step_s;
  std::erase_if(hours, [&](const SunHour& h) { return h.time < begin || h.time >= end; });
  return shading::shadeTables(plan.model, suns, hours);
}

}  // namespace

physics::SunEphemeris parallelSunEphemeris(double start, double end, double delta_t) {
  const std::vector<double> times = physics::SunEphemeris::nodeTimes(start, end);
  std::vector<physics::GeocentricSun> nodes(times.size());
  tbb::parallel_for(tbb::blocked_range<size_t>(0, times.size(), 64), [&](const auto& r) {
    for (size_t i = r.begin(); i != r.end(); ++i) {
      nodes[i] = physics::computeGeocentricSun(times[i], delta_t);
    }
  });
  return physics::SunEphemeris(times, std::move(nodes));
}

RunPlan makeRunPlan(const ParkModel& model, const TimeGrid& grid) {
  const physics::HourlyWeather& weather = *model.weather.hourly;
  const size_t buses = model.network.buses.size();
  std::vector<DayTypeSteps> schedule_steps = scheduleSteps(model.schedules, grid.step_s);
  std::vector<DayTypeSteps> motor_load_steps = motorLoadSteps(model.motors, schedule_steps);
  RunPlan plan{
      .model = model,
      .grid = grid,
      .sun = sunOverRun(grid),
      .site = siteLocation(model.site),
      .air = meanAir(weather),
      .first_record = firstRecords(weather, grid),
      .pv_systems = pvSystems(model.pv, model.weather.albedo),
      .pv_kernel = pvKernelFromEnvironment(),
      .pv_shade = {},
      .pv_on_bus = indicesOnBus(model.pv, buses),
      .schedule_steps = std::move(schedule_steps),
      .price_steps = priceSteps(model.tariff, grid.step_s),
      .motor_models = motorModels(model.motors, model.network.buses),
      .motor_load_steps = std::move(motor_load_steps),
      .load_reactive_ratio = loadReactiveRatios(model.loads),
      .air_conditioners = airConditioners(model.loads),
      .motors_on_bus = indicesOnBus(model.motors, buses),
      .loads_on_bus = indicesOnBus(model.loads, buses),
      .ev_on_bus = indicesOnBus(model.ev_chargers, buses),
      .storage_on_bus = indicesOnBus(model.storage, buses),
      .power_flow = parkPowerFlowCase(model.network),
      .dr_windows = drWindows(model.demand_response, grid),
      .rebound_steps = reboundSteps(model.demand_response, grid),
      .net_forecast = {},
      .shift_forecast = {},
      .planned_loads = plannedLoads(model),
  };
  plan.pv_shade = pvShadeTables(plan);
  return plan;
}

}  // namespace twin
