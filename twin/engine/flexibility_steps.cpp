#include "twin/engine/flexibility_steps.h"

#include <algorithm>

namespace twin {
namespace {

// Cuts load i by its share of its power, at most by balance.need; the reactive power follows.
// Returns the cut (W).
double cutLoad(StepPowers& powers, size_t i, double share, StepBalance& balance) {
  const double p = powers.load[i];
  const double cut = std::min(share * p, balance.need);
  if (cut <= 0.0) return 0.0;
  powers.load[i] = p - cut;
  powers.load_reactive[i] *= (p - cut) / p;
  balance.need -= cut;
  balance.delivered += cut;
  return cut;
}

// Discharge power the battery could add to its dispatch this step (W).
double dischargeHeadroom(const Storage& s, const physics::BatteryState& st, double dispatched,
                         double dt) {
  const double above_min = std::max(st.stored - s.rating.soc_min * st.capacity, 0.0);
  const double possible =
      std::min(s.rating.discharge_power, above_min * s.rating.discharge_efficiency / dt);
  return std::max(possible - dispatched, 0.0);
}

// The policy's power as the battery would deliver it (limits applied on a copy of its state).
double policyPower(const Storage& s, const physics::BatteryState& state, double net, double price,
                   double dt) {
  physics::BatteryState trial = state;
  const double request = physics::dispatchRequest(s.policy, s.params, s.rating, net, price);
  return physics::stepBattery(s.rating, trial, request, dt).ac_power;
}

// The planned power, corrected where the net load came out other than its forecast (by more than
// 1 W): what holds the import at the planned peak or the import limit and the export at the
// export limit, counting the later batteries' plan; a discharge never exports. As the battery
// would deliver it.
double plannedPower(const Storage& s, const physics::BatteryState& state, const PlannedStep& plan,
                    size_t b, double net, double dt) {
  double later = 0.0;
  for (size_t j = b + 1; j < plan.power.size(); ++j) later += plan.power[j];
  double request = plan.power[b];
  const double import = net - later - request;
  // Below the month's peak so far nothing is saved: a missed forecast may have raised it already.
  const double cap = std::min(std::max(plan.peak, plan.month_peak), plan.import_limit);
  if (import > cap + 1.0) request += import - cap;
  if (import < -plan.export_limit - 1.0) request += import + plan.export_limit;
  if (request > 0.0) request = std::min(request, std::max(net - later, 0.0));
  physics::BatteryState trial = state;
  return physics::stepBattery(s.rating, trial, request, dt).ac_power;
}

}  // namespace

bool managed(const EvChargerGroup& g) {
  return g.control != physics::ChargingControl::kUncontrolled;
}

const RunPlan::DrWindow* activeWindow(const std::vector<RunPlan::DrWindow>& windows, int64_t step,
                                      size_t& next_event) {
  while (next_event < windows.size() && windows[next_event].end <= step) ++next_event;
  return next_event < windows.size() && windows[next_event].first <= step ? &windows[next_event]
                                                                          : nullptr;
}

double flexibleCapacity(const std::vector<Load>& loads, const std::vector<EvChargerGroup>& groups,
                        const StepPowers& powers) {
  double flexible = 0.0;
  for (size_t i = 0; i < loads.size(); ++i) {
    flexible += (loads[i].curtailable + loads[i].shiftable) * powers.load[i];
  }
  for (size_t g = 0; g < groups.size(); ++g) {
    if (managed(groups[g])) flexible += powers.ev[g];
  }
  return flexible;
}

void deferAndShed(const std::vector<Load>& loads, const std::vector<EvChargerGroup>& groups,
                  double dt, StepPowers powers, FlexibilityState& state, StepBalance& balance) {
  for (size_t i = 0; i < loads.size(); ++i) {
    state.load_rebound[i] += cutLoad(powers, i, loads[i].shiftable, balance) * dt;
  }
  for (size_t g = 0; g < groups.size(); ++g) {
    if (!managed(groups[g])) continue;
    const double cut = std::min(powers.ev[g], balance.need);
    powers.ev[g] -= cut;
    state.ev_rebound[g] += cut * dt;
    balance.need -= cut;
    balance.delivered += cut;
  }
  for (size_t i = 0; i < loads.size(); ++i) cutLoad(powers, i, loads[i].curtailable, balance);
}

void holdRebound(FlexibilityState& state, double dt) {
  if (state.rebound_left > 0) {
    const double rest = state.rebound_left * dt;
    for (size_t i = 0; i < state.load_rebound.size(); ++i) {
      state.load_rebound[i] += state.rebound_load_power[i] * rest;
    }
    for (size_t g = 0; g < state.ev_rebound.size(); ++g) {
      state.ev_rebound[g] += state.rebound_ev_power[g] * rest;
    }
    state.rebound_left = 0;
  }
  state.rebound_pending = true;
}

void startRebound(FlexibilityState& state, int rebound_steps, double dt) {
  if (!state.rebound_pending) return;
  const double rebound_time = rebound_steps * dt;
  for (size_t i = 0; i < state.load_rebound.size(); ++i) {
    state.rebound_load_power[i] = state.load_rebound[i] / rebound_time;
  }
  for (size_t g = 0; g < state.ev_rebound.size(); ++g) {
    state.rebound_ev_power[g] = state.ev_rebound[g] / rebound_time;
  }
  std::fill(state.load_rebound.begin(), state.load_rebound.end(), 0.0);
  std::fill(state.ev_rebound.begin(), state.ev_rebound.end(), 0.0);
  state.rebound_left = rebound_steps;
  state.rebound_pending = false;
}

void applyRebound(FlexibilityState& state, StepPowers powers, StepBalance& balance) {
  if (state.rebound_left <= 0) return;
  for (size_t i = 0; i < powers.load.size(); ++i) {
    const double p = powers.load[i];
    const double extra = state.rebound_load_power[i];
    if (extra > 0.0 && p > 0.0) powers.load_reactive[i] *= (p + extra) / p;
    powers.load[i] = p + extra;
    balance.delivered -= extra;
  }
  for (size_t g = 0; g < powers.ev.size(); ++g) {
    powers.ev[g] += state.rebound_ev_power[g];
    balance.delivered -= state.rebound_ev_power[g];
  }
  --state.rebound_left;
}

Holdable holdable(const physics::BatteryRating& rating, const physics::BatteryState& state,
                  double power, double duration) {
  const double above = state.stored - rating.soc_min * state.capacity;
  const double below = rating.soc_max * state.capacity - state.stored;
  return {std::max(0.0, std::min(rating.discharge_power - power,
                                 above * rating.discharge_efficiency / duration - power)),
          std::max(0.0, std::min(rating.charge_power + power,
                                 below / (rating.charge_efficiency * duration) + power))};
}

void dispatchBatteries(const std::vector<Storage>& storage,
                       std::vector<physics::BatteryState>& batteries, double net, double price,
                       double dt, const PlannedStep& planned, BatteryRows rows,
                       StepBalance& balance) {
  for (size_t b = 0; b < storage.size(); ++b) {
    const Storage& s = storage[b];
    physics::BatteryState& state = batteries[b];
    double request = planned.power.empty() ? policyPower(s, state, net, price, dt)
                                           : plannedPower(s, state, planned, b, net, dt);
    const double headroom =
        std::min(dischargeHeadroom(s, state, request, dt), std::max(net - request, 0.0));
    balance.flexible += headroom;  // stopping a charge counts: the headroom starts from the request
    if (balance.need > 0.0) {
      const double extra = std::min(headroom, balance.need);
      request += extra;
      balance.need -= extra;
      balance.delivered += extra;
    }
    const physics::BatteryStep out = physics::stepBattery(s.rating, state, request, dt);
    rows.power[b] = out.ac_power;
    rows.soc[b] = out.soc;
    rows.fade[b] = physics::capacityFade(s.rating, state);
    net -= out.ac_power;
    balance.storage += out.ac_power;
  }
}

}  // namespace twin
