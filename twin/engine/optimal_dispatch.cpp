#include "twin/engine/optimal_dispatch.h"

#include <algorithm>
#include <cmath>

#include "twin/base/calendar.h"
#include "twin/dispatch/horizon_dispatch.h"

namespace twin {
namespace {

constexpr double kDay = 86400.0;

long monthKey(long day) {
  const YearMonth ym = yearMonthOf(day);
  return ym.year * 12L + ym.month - 1;
}

// The requests of the demand-response windows over run steps [first, first + n), in W.
std::vector<double> eventNeeds(const RunPlan& plan, int64_t first, size_t n) {
  std::vector<double> need(n, 0.0);
  for (const RunPlan::DrWindow& w : plan.dr_windows) {
    const int64_t lo = std::max(w.first, first);
    const int64_t hi = std::min(w.end, first + static_cast<int64_t>(n));
    for (int64_t s = lo; s < hi; ++s) need[static_cast<size_t>(s - first)] = w.request;
  }
  return need;
}

// The horizon's forecast and prices, day by day from the block's day.
dispatch::HorizonCase horizonCase(const RunPlan& plan, const FlexibilityState& st,
                                  const BlockResult& block, const std::vector<double>& today,
                                  long days) {
  const ParkModel& model = plan.model;
  const OptimalDispatch& o = model.storage.front().optimal;
  const auto spd = static_cast<size_t>(block.steps);
  dispatch::HorizonCase c;
  c.dt = plan.grid.step_s;
  c.export_price = model.tariff.export_price;
  c.demand_price = model.tariff.demand_price;
  c.import_limit = o.import_limit;
  c.export_limit = o.export_limit;
  long last_month = -1;
  for (long d = 0; d < days; ++d) {
    const long day = block.day + d;
    const long month = monthKey(day);
    if (month != last_month) {
      c.month_peak.push_back(month == st.peak_month ? st.month_peak : 0.0);
      last_month = month;
    }
    const int season =
        model.tariff.season_of_month[static_cast<size_t>(yearMonthOf(day).month - 1)];
    const std::vector<double>& prices = plan.price_steps[static_cast<size_t>(season)];
    const std::vector<double>* net = &today;
    if (o.forecast == Forecast::kPersistence && !st.last_net.empty()) net = &st.last_net;
    for (size_t k = 0; k < spd; ++k) {
      const bool ahead = d > 0 && o.forecast == Forecast::kPerfect;
      c.net.push_back(ahead ? plan.net_forecast[static_cast<size_t>(block.first_step) + d * spd + k]
                            : (*net)[k]);
      c.price.push_back(prices[k]);
      c.month.push_back(static_cast<int>(c.month_peak.size()) - 1);
    }
  }
  c.event_need = eventNeeds(plan, block.first_step, c.net.size());
  for (size_t b = 0; b < model.storage.size(); ++b) {
    const Storage& s = model.storage[b];
    c.batteries.push_back(
        {s.rating, st.batteries[b].stored, st.batteries[b].capacity, s.optimal.degradation_cost});
  }
  return c;
}

// The plan's steps [0, steps) as the committed plan from the block's first step.
void commit(const dispatch::HorizonPlan& hp, const dispatch::HorizonCase& c, size_t nb,
            DispatchPlan& dp) {
  const auto n = static_cast<size_t>(dp.steps);
  dp.power.assign(hp.power.begin(), hp.power.begin() + static_cast<long>(n * nb));
  dp.peak.resize(n);
  for (size_t t = 0; t < n; ++t)
    dp.peak[t] = hp.peak.empty() ? dispatch::kInf : hp.peak[c.month[t]];
}

}  // namespace

bool hasOptimalDispatch(const ParkModel& model) {
  return !model.storage.empty() &&
         model.storage.front().policy == physics::DispatchPolicy::kOptimal;
}

bool needsNetForecast(const ParkModel& model) {
  return hasOptimalDispatch(model) &&
         model.storage.front().optimal.forecast == Forecast::kPerfect &&
         model.storage.front().optimal.horizon > kDay;
}

double parkNetLoad(const RunPlan& plan, const BlockResult& block, int k, bool with_ev) {
  const ParkModel& m = plan.model;
  const auto row = [&](SeriesId s, size_t n) {
    double sum = 0.0;
    for (size_t i = 0; i < n; ++i) sum += block.values[s][static_cast<size_t>(k) * n + i];
    return sum;
  };
  return row(kMotorInputPower, m.motors.size()) + row(kLoadPower, m.loads.size()) +
         (with_ev ? row(kEvPower, m.ev_chargers.size()) : 0.0) - row(kPvAcPower, m.pv.size());
}

void planDispatch(const RunPlan& plan, FlexibilityState& st, const BlockResult& block) {
  std::vector<double> today(static_cast<size_t>(block.steps));
  for (int k = 0; k < block.steps; ++k) today[static_cast<size_t>(k)] = parkNetLoad(plan, block, k);
  DispatchPlan& dp = st.dispatch_plan;
  if (block.first_step >= dp.first_step + dp.steps) {
    const long horizon = std::lround(plan.model.storage.front().optimal.horizon / kDay);
    const long days = std::min(horizon, plan.grid.end_day - block.day);
    const dispatch::HorizonCase c = horizonCase(plan, st, block, today, days);
    const dispatch::HorizonPlan hp = dispatch::planHorizon(c);
    ++st.dispatch.programmes;
    dp.first_step = block.first_step;
    dp.steps = (horizon <= 2 ? 1 : days) * block.steps;
    dp.fallback = !hp.feasible;
    if (hp.feasible) {
      commit(hp, c, plan.model.storage.size(), dp);
    } else {
      st.dispatch.fallback_steps += dp.steps;
      if (st.dispatch.first_fallback < 0) {
        st.dispatch.first_fallback = block.first_step + hp.fault_step;
        st.dispatch.reason = hp.binding;
      }
    }
  }
  st.last_net = std::move(today);
}

std::span<const double> plannedPowers(const FlexibilityState& state, const BlockResult& block,
                                      int k, size_t batteries) {
  const DispatchPlan& dp = state.dispatch_plan;
  if (dp.fallback || dp.steps == 0) return {};
  const auto i = static_cast<size_t>(block.first_step + k - dp.first_step);
  return {dp.power.data() + i * batteries, batteries};
}

double plannedPeak(const FlexibilityState& state, const BlockResult& block, int k) {
  const DispatchPlan& dp = state.dispatch_plan;
  if (dp.fallback || dp.steps == 0) return dispatch::kInf;
  return dp.peak[static_cast<size_t>(block.first_step + k - dp.first_step)];
}

void notePeak(FlexibilityState& state, long day, double import) {
  const long month = monthKey(day);
  if (month != state.peak_month) {
    state.peak_month = month;
    state.month_peak = 0.0;
  }
  state.month_peak = std::max(state.month_peak, import);
}

}  // namespace twin
