#include "twin/engine/optimal_dispatch.h"

#include <algorithm>
#include <cmath>

#include "twin/base/calendar.h"
#include "twin/dispatch/horizon_dispatch.h"
#include "twin/engine/flexibility_steps.h"
#include "twin/engine/load_shifting.h"
#include "twin/engine/stages.h"

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

// Each managed EV group's envelope over `days` days from `first_day`, cumulated across days (every
// session ends by midnight, so a day starts from what the days before drew in full).
std::vector<dispatch::FlexibleDemand> evDemands(const RunPlan& plan, long first_day, long days) {
  std::vector<dispatch::FlexibleDemand> out;
  for (const EvChargerGroup& g : plan.model.ev_chargers) {
    if (!managed(g)) continue;
    dispatch::FlexibleDemand f;
    double drawn = 0.0;
    for (long day = first_day; day < first_day + days; ++day) {
      const physics::ChargingEnvelope e = physics::chargingEnvelope(
          sessionsOf(g, plan.model.calendar.dayType(day), day), g.charger_power, g.efficiency,
          plan.grid.step_s, plan.grid.stepsPerDay());
      f.power_max.insert(f.power_max.end(), e.power_max.begin(), e.power_max.end());
      for (double v : e.energy_min) f.energy_min.push_back(drawn + v);
      for (double v : e.energy_max) f.energy_max.push_back(drawn + v);
      drawn += e.energy_max.empty() ? 0.0 : e.energy_max.back();
    }
    out.push_back(std::move(f));
  }
  return out;
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
  c.demands = evDemands(plan, block.day, days);
  for (dispatch::FlexibleDemand& f : loadDemands(plan, block, days, c.event_need)) {
    c.demands.push_back(std::move(f));
  }
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
  const size_t nd = c.demands.size();
  dp.demand_power.assign(hp.demand_power.begin(),
                         hp.demand_power.begin() + static_cast<long>(n * nd));
}

// The managed EV groups of the block follow the plan: each group's cars, in order of arrival,
// water-filled into the steps where the planned group power is highest (physics::chargeDay's
// valley filling on minus the plan), so that each still gets its energy within its stay.
void followEvPlan(const RunPlan& plan, const DispatchPlan& dp, BlockResult& block) {
  const auto& groups = plan.model.ev_chargers;
  const size_t ne = groups.size();
  const size_t nd = dp.steps > 0 ? dp.demand_power.size() / static_cast<size_t>(dp.steps) : 0;
  const auto offset = static_cast<size_t>(block.first_step - dp.first_step);
  const DayType day_type = plan.model.calendar.dayType(block.day);
  size_t d = 0;
  for (size_t g = 0; g < ne && d < nd; ++g) {
    if (!managed(groups[g])) continue;
    std::vector<double> level(static_cast<size_t>(block.steps));
    for (size_t k = 0; k < level.size(); ++k) level[k] = -dp.demand_power[(offset + k) * nd + d];
    const physics::EvDayResult day = physics::chargeDay(
        sessionsOf(groups[g], day_type, block.day), physics::ChargingControl::kValleyFilling,
        groups[g].charger_power, groups[g].efficiency, plan.grid.step_s, block.steps, level, 0.0);
    for (int k = 0; k < block.steps; ++k)
      block.at(kEvPower, k, g, ne) = day.power[static_cast<size_t>(k)];
    ++d;
  }
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

double dispatchNetLoad(const RunPlan& plan, const BlockResult& block, int k) {
  const auto& groups = plan.model.ev_chargers;
  double net = parkNetLoad(plan, block, k);
  for (size_t g = 0; g < groups.size(); ++g) {
    if (managed(groups[g]))
      net -= block.values[kEvPower][static_cast<size_t>(k) * groups.size() + g];
  }
  for (size_t j = 0; j < plan.planned_loads.size(); ++j) net -= scheduledShift(plan, block, k, j);
  return net;
}

void planDispatch(const RunPlan& plan, FlexibilityState& st, BlockResult& block) {
  std::vector<double> today(static_cast<size_t>(block.steps));
  for (int k = 0; k < block.steps; ++k) {
    today[static_cast<size_t>(k)] = dispatchNetLoad(plan, block, k);
  }
  DispatchPlan& dp = st.dispatch_plan;
  if (block.first_step >= dp.first_step + dp.steps) {
    const long horizon = std::lround(plan.model.storage.front().optimal.horizon / kDay);
    const long days = std::min(horizon, plan.grid.end_day - block.day);
    const dispatch::HorizonCase c = horizonCase(plan, st, block, today, days);
    const dispatch::HorizonPlan hp = dispatch::planHorizon(c);
    ++st.dispatch.programmes;
    dp.first_step = block.first_step;
    dp.steps = (horizon <= 2 ? 1 : days) * block.steps;
    dp.solved = hp.solved;
    dp.rule.assign(hp.faulted.begin(), hp.faulted.begin() + dp.steps);
    if (hp.solved) commit(hp, c, plan.model.storage.size(), dp);
    const long ruled = std::count(dp.rule.begin(), dp.rule.end(), 1);
    st.dispatch.fallback_steps += ruled;
    if (ruled > 0 && st.dispatch.first_fallback < 0) {
      st.dispatch.first_fallback = block.first_step + hp.fault_step;  // the first fault is here
      st.dispatch.reason = hp.binding;
    }
  }
  if (dp.solved) {
    followEvPlan(plan, dp, block);
    const size_t nd = dp.demand_power.size() / static_cast<size_t>(dp.steps);
    const auto offset = static_cast<size_t>(block.first_step - dp.first_step);
    followLoadPlan(plan,
                   std::span<const double>(dp.demand_power)
                       .subspan(offset * nd, static_cast<size_t>(block.steps) * nd),
                   nd, nd - plan.planned_loads.size(), block);
  }
  st.last_net = std::move(today);
}

PlannedStep plannedStep(const RunPlan& plan, const FlexibilityState& state,
                        const BlockResult& block, int k) {
  const DispatchPlan& dp = state.dispatch_plan;
  const int64_t i = block.first_step + k - dp.first_step;
  if (!hasOptimalDispatch(plan.model) || i < 0 || i >= dp.steps ||
      dp.rule[static_cast<size_t>(i)]) {
    return {};
  }
  const auto t = static_cast<size_t>(i);
  const size_t nb = plan.model.storage.size();
  const OptimalDispatch& o = plan.model.storage.front().optimal;
  const double month_peak = state.peak_month == monthKey(block.day) ? state.month_peak : 0.0;
  return {{dp.power.data() + t * nb, nb}, dp.peak[t], month_peak, o.import_limit, o.export_limit};
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
