// The weather/sun and PV stages (twin/engine/stages.h).
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <cmath>

#include "physics/pv_losses.h"
#include "physics/sky_series.h"
#include "physics/units.h"
#include "twin/base/calendar.h"
#include "twin/engine/stages.h"

namespace twin {
namespace {

namespace u = physics::units;

// Linear interpolation of an hourly field between the records' midpoints (hour h - 0.5 for the
// record of hour h); hours_into_day: the step's middle, in hours after local midnight.
double betweenMidpoints(const std::vector<double>& v, size_t first, double hours_into_day) {
  const double x = hours_into_day - 0.5;
  const double base = std::floor(x);
  const double frac = x - base;
  const auto last = static_cast<long>(v.size()) - 1;
  const long i0 = std::clamp(static_cast<long>(first) + static_cast<long>(base), 0L, last);
  const long i1 = std::clamp(i0 + 1, 0L, last);
  return v[static_cast<size_t>(i0)] * (1.0 - frac) + v[static_cast<size_t>(i1)] * frac;
}

// An array without a shade table: the whole block at once through the vector kernel.
void unshadedPv(const RunPlan& plan, BlockResult& block, size_t i, double degradation,
                physics::PvSeriesOutput& out) {
  const size_t n = plan.model.pv.size();
  physics::pvPowerSeries(plan.pv_systems[i], block.sky_series, degradation, out, plan.pv_kernel);
  for (int k = 0; k < block.steps; ++k) {
    const auto s = static_cast<size_t>(k);
    block.at(kPvPoaGlobal, k, i, n) = out.poa_global[s];
    block.at(kPvTempCell, k, i, n) = out.temp_cell[s];
    block.at(kPvDcPower, k, i, n) = out.dc_power[s];
    block.at(kPvAcPower, k, i, n) = out.ac_power[s];
    block.at(kPvBeamShading, k, i, n) = 0.0;
    block.at(kPvShadingLoss, k, i, n) = 0.0;
  }
}

// An array shaded by the park (its shade table): step by step, and again unshaded for the loss.
void shadedPv(const RunPlan& plan, BlockResult& block, size_t i, double degradation) {
  const size_t n = plan.model.pv.size();
  const shading::ShadeTable& table = *plan.pv_shade[i];
  for (int k = 0; k < block.steps; ++k) {
    const physics::PvSky sky = block.sky_series.at(static_cast<size_t>(k));
    const physics::PvShade shade =
        table.shadeAt(block.at(kSunZenith, k, 0, 1), block.at(kSunAzimuth, k, 0, 1));
    const physics::PvOutput out = physics::pvPower(plan.pv_systems[i], sky, degradation, shade);
    block.at(kPvPoaGlobal, k, i, n) = out.poa_global;
    block.at(kPvTempCell, k, i, n) = out.temp_cell;
    block.at(kPvDcPower, k, i, n) = out.dc_power;
    block.at(kPvAcPower, k, i, n) = out.ac_power;
    block.at(kPvBeamShading, k, i, n) = sky.sun_up ? 1.0 - out.beam_factor : 0.0;
    block.at(kPvShadingLoss, k, i, n) =
        physics::pvPower(plan.pv_systems[i], sky, degradation).ac_power - out.ac_power;
  }
}

}  // namespace

void weatherStage(const RunPlan& plan, BlockResult& block) {
  const physics::HourlyWeather& w = *plan.model.weather.hourly;
  const size_t first = plan.first_record[static_cast<size_t>(block.day - plan.grid.start_day)];
  const double step = plan.grid.step_s;
  physics::PvSkySeries& sky = block.sky_series;
  sky.resize(static_cast<size_t>(block.steps));
  for (int k = 0; k < block.steps; ++k) {
    const auto i = static_cast<size_t>(k);
    const double middle_s = (k + 0.5) * step;  // after local midnight
    const size_t record = first + static_cast<size_t>(k * step / u::hour);
    sky.ghi[i] = w.ghi[record];
    sky.dni[i] = w.dni[record];
    sky.dhi[i] = w.dhi[record];
    sky.temp_air[i] = betweenMidpoints(w.temp_air, first, middle_s / u::hour);
    sky.wind_speed[i] = betweenMidpoints(w.wind_speed, first, middle_s / u::hour);
  }
  physics::computeSkies(plan.sun, plan.site, plan.air,
                        static_cast<double>(plan.grid.unixTime(block.first_step)), step,
                        dayOfYear(block.day), sky, plan.pv_kernel);
  for (int k = 0; k < block.steps; ++k) {
    const auto i = static_cast<size_t>(k);
    block.at(kWeatherGhi, k, 0, 1) = sky.ghi[i];
    block.at(kWeatherDni, k, 0, 1) = sky.dni[i];
    block.at(kWeatherDhi, k, 0, 1) = sky.dhi[i];
    block.at(kWeatherTempAir, k, 0, 1) = sky.temp_air[i];
    block.at(kWeatherWindSpeed, k, 0, 1) = sky.wind_speed[i];
    block.at(kSunZenith, k, 0, 1) = sky.apparent_zenith[i];
    block.at(kSunAzimuth, k, 0, 1) = sky.azimuth[i];
  }
}

void pvStage(const RunPlan& plan, BlockResult& block) {
  const auto& arrays = plan.model.pv;
  const size_t n = arrays.size();
  tbb::parallel_for(tbb::blocked_range<size_t>(0, n, 4), [&](const tbb::blocked_range<size_t>& r) {
    physics::PvSeriesOutput series;
    for (size_t i = r.begin(); i != r.end(); ++i) {
      const PvArray& a = arrays[i];
      const double years =
          std::max(0.0, static_cast<double>(block.day - a.commissioned_day) / 365.25);
      const double degradation = physics::degradationFactor(years, a.degradation);
      if (!plan.pv_shade[i]) {
        unshadedPv(plan, block, i, degradation, series);
      } else {
        shadedPv(plan, block, i, degradation);
      }
    }
  });
}

}  // namespace twin
