#include "twin/run_plan.h"

#include <chrono>

namespace twin {
namespace {

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

}  // namespace

YearMonth yearMonthOf(long day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
  return YearMonth{static_cast<int>(ymd.year()), static_cast<int>(unsigned(ymd.month()))};
}

RunPlan makeRunPlan(const ParkModel& model, const TimeGrid& grid) {
  RunPlan plan{model, grid, {}, {}, {}, {}, {}, {}};
  for (const Schedule& s : model.schedules) {
    auto& per_type = plan.schedule_steps.emplace_back();
    for (int t = 0; t < kDayTypes; ++t) {
      per_type[t] = stepMeans(grid.step_s, [&](int m) { return s.minutes[t][m]; });
    }
  }
  for (const TariffSeason& season : model.tariff.seasons) {
    plan.price_steps.push_back(stepMeans(grid.step_s, [&](int m) {
      return season.periods[static_cast<size_t>(season.period_of_minute[m])].price;
    }));
  }
  for (const Motor& m : model.motors) {
    plan.motor_models.push_back(physics::motorFirstOrderFrom(m.nameplate));
  }
  for (const Load& l : model.loads) {
    plan.load_reactive_ratio.push_back(physics::reactiveRatio(l.power_factor));
  }
  plan.motors_on_bus.resize(model.network.buses.size());
  plan.loads_on_bus.resize(model.network.buses.size());
  for (size_t i = 0; i < model.motors.size(); ++i) {
    plan.motors_on_bus[model.motors[i].bus].push_back(static_cast<int>(i));
  }
  for (size_t i = 0; i < model.loads.size(); ++i) {
    plan.loads_on_bus[model.loads[i].bus].push_back(static_cast<int>(i));
  }
  return plan;
}

}  // namespace twin
