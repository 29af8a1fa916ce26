// The flexible resources: EV charging (per day, parallel) and the serial stage that carries state
// from step to step across blocks: demand-response events with their rebound, and batteries.
#include <tuple>

#include "twin/base/calendar.h"
#include "twin/engine/flexibility_steps.h"
#include "twin/engine/optimal_dispatch.h"
#include "twin/engine/stages.h"

namespace twin {

std::vector<physics::EvSession> sessionsOf(const EvChargerGroup& group, DayType day_type,
                                           long day) {
  const auto t = static_cast<size_t>(day_type);
  if (group.stochastic) {
    physics::EvArrivalModel arrivals = group.arrivals;
    arrivals.sessions_per_day = group.sessions_per_day[t];
    return physics::drawSessions(arrivals, group.chargers, group.seed, day);
  }
  return group.fixed_days[t] ? group.fixed : std::vector<physics::EvSession>{};
}

void evStage(const RunPlan& plan, DayType day_type, BlockResult& block) {
  const auto& groups = plan.model.ev_chargers;
  const size_t ne = groups.size();
  if (ne == 0) return;
  std::vector<double> base(static_cast<size_t>(block.steps));
  for (int k = 0; k < block.steps; ++k) base[k] = parkNetLoad(plan, block, k, false);
  for (size_t g = 0; g < ne; ++g) {
    const EvChargerGroup& group = groups[g];
    const std::vector<physics::EvSession> sessions = sessionsOf(group, day_type, block.day);
    const physics::EvDayResult day =
        physics::chargeDay(sessions, group.control, group.charger_power, group.efficiency,
                           plan.grid.step_s, block.steps, base, group.site_limit);
    for (int k = 0; k < block.steps; ++k) {
      block.at(kEvPower, k, g, ne) = day.power[k];
      base[k] += day.power[k];  // a later group levels on top of this one
    }
  }
}

FlexibilityState initialFlexibility(const RunPlan& plan) {
  FlexibilityState st;
  for (const Storage& s : plan.model.storage) {
    st.batteries.push_back(physics::initialState(s.rating, s.initial_soc));
  }
  st.load_rebound.assign(plan.model.loads.size(), 0.0);
  st.ev_rebound.assign(plan.model.ev_chargers.size(), 0.0);
  st.rebound_load_power.assign(plan.model.loads.size(), 0.0);
  st.rebound_ev_power.assign(plan.model.ev_chargers.size(), 0.0);
  return st;
}

namespace {

// The park's flexibility a virtual power plant could call at step k, held 1 h and 2 h: the loads'
// and managed EV groups' share (as the step's flexible capacity) plus each battery's holdable
// power after its step.
void writeHoldable(const std::vector<Storage>& storage,
                   const std::vector<physics::BatteryState>& batteries, double loads,
                   BlockResult& block, int k) {
  const size_t ns = storage.size();
  for (const auto& [hours, up, down] : {std::tuple{1.0, kParkFlexUp1h, kParkFlexDown1h},
                                        std::tuple{2.0, kParkFlexUp2h, kParkFlexDown2h}}) {
    double u = loads, d = 0.0;
    for (size_t b = 0; b < ns; ++b) {
      const Holdable h =
          holdable(storage[b].rating, batteries[b],
                   block.values[kStoragePower][static_cast<size_t>(k) * ns + b], hours * 3600.0);
      u += h.up;
      d += h.down;
    }
    block.at(up, k, 0, 1) = u;
    block.at(down, k, 0, 1) = d;
  }
}

}  // namespace

void flexibilityStage(const RunPlan& plan, FlexibilityState& st, BlockResult& block) {
  const ParkModel& model = plan.model;
  const size_t nl = model.loads.size();
  const size_t ne = model.ev_chargers.size();
  const size_t ns = model.storage.size();
  const double dt = plan.grid.step_s;
  const YearMonth ym = yearMonthOf(block.day);
  const std::vector<double>& prices =
      plan.price_steps[static_cast<size_t>(model.tariff.season_of_month[ym.month - 1])];
  const bool optimal = hasOptimalDispatch(model);
  if (optimal) planDispatch(plan, st, block);
  for (int k = 0; k < block.steps; ++k) {
    const RunPlan::DrWindow* event =
        activeWindow(plan.dr_windows, block.first_step + k, st.next_event);
    const StepPowers powers{block.row(kLoadPower, k, nl), block.row(kLoadReactivePower, k, nl),
                            block.row(kEvPower, k, ne)};
    StepBalance balance{.flexible = flexibleCapacity(model.loads, model.ev_chargers, powers)};
    const double loads_flexible = balance.flexible;
    if (event) {
      balance.need = event->request;
      deferAndShed(model.loads, model.ev_chargers, dt, powers, st, balance);
      holdRebound(st, dt);
    } else {
      startRebound(st, plan.rebound_steps, dt);
      applyRebound(st, powers, balance);
    }
    const double net = ns > 0 ? parkNetLoad(plan, block, k) : 0.0;
    const PlannedStep planned = plannedStep(plan, st, block, k);
    dispatchBatteries(model.storage, st.batteries, net, prices[k], dt, planned,
                      {block.row(kStoragePower, k, ns), block.row(kStorageSoc, k, ns),
                       block.row(kStorageFade, k, ns)},
                      balance);
    if (optimal) notePeak(st, block.day, std::max(net - balance.storage, 0.0));
    double ev = 0.0;
    for (double p : powers.ev) ev += p;
    block.at(kParkEvPower, k, 0, 1) = ev;
    block.at(kParkStoragePower, k, 0, 1) = balance.storage;
    block.at(kParkFlexible, k, 0, 1) = balance.flexible;
    block.at(kParkDrDelivered, k, 0, 1) = balance.delivered;
    writeHoldable(model.storage, st.batteries, loads_flexible, block, k);
  }
}

}  // namespace twin
