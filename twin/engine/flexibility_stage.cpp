// The flexible resources: EV charging (per day, parallel) and the serial stage that carries state
// from step to step across blocks: demand-response events with their rebound, and batteries.
#include <algorithm>
#include <cmath>

#include "twin/base/calendar.h"
#include "twin/engine/stages.h"

namespace twin {
namespace {

// Park net load of a step without batteries: motors + loads + EV chargers - PV.
double netLoad(const RunPlan& plan, const BlockResult& block, int k, bool with_ev) {
  const size_t nm = plan.model.motors.size();
  const size_t nl = plan.model.loads.size();
  const size_t ne = plan.model.ev_chargers.size();
  const size_t npv = plan.model.pv.size();
  const auto row = [&](SeriesId s, size_t n) {
    double sum = 0.0;
    for (size_t i = 0; i < n; ++i) sum += block.values[s][static_cast<size_t>(k) * n + i];
    return sum;
  };
  return row(kMotorInputPower, nm) + row(kLoadPower, nl) + (with_ev ? row(kEvPower, ne) : 0.0) -
         row(kPvAcPower, npv);
}

bool managed(const EvChargerGroup& g) {
  return g.control != physics::ChargingControl::kUncontrolled;
}

// Discharge power the battery could add to its dispatch this step (W).
double dischargeHeadroom(const Storage& s, const physics::BatteryState& st, double dispatched,
                         double dt) {
  const double above_min = std::max(st.stored - s.rating.soc_min * st.capacity, 0.0);
  const double possible =
      std::min(s.rating.discharge_power, above_min * s.rating.discharge_efficiency / dt);
  return std::max(possible - dispatched, 0.0);
}

}  // namespace

void evStage(const RunPlan& plan, DayType day_type, BlockResult& block) {
  const auto& groups = plan.model.ev_chargers;
  const size_t ne = groups.size();
  if (ne == 0) return;
  std::vector<double> base(static_cast<size_t>(block.steps));
  for (int k = 0; k < block.steps; ++k) base[k] = netLoad(plan, block, k, false);
  const int t = static_cast<int>(day_type);
  for (size_t g = 0; g < ne; ++g) {
    const EvChargerGroup& group = groups[g];
    std::vector<physics::EvSession> sessions;
    if (group.stochastic) {
      physics::EvArrivalModel arrivals = group.arrivals;
      arrivals.sessions_per_day = group.sessions_per_day[t];
      sessions = physics::drawSessions(arrivals, group.chargers, group.seed, block.day);
    } else if (group.fixed_days[t]) {
      sessions = group.fixed;
    }
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

void flexibilityStage(const RunPlan& plan, FlexibilityState& st, BlockResult& block) {
  const ParkModel& model = plan.model;
  const size_t nl = model.loads.size();
  const size_t ne = model.ev_chargers.size();
  const size_t ns = model.storage.size();
  const double dt = plan.grid.step_s;
  const YearMonth ym = yearMonthOf(block.day);
  const std::vector<double>& prices =
      plan.price_steps[static_cast<size_t>(model.tariff.season_of_month[ym.month - 1])];
  for (int k = 0; k < block.steps; ++k) {
    const int64_t step = block.first_step + k;
    while (st.next_event < plan.dr_windows.size() && plan.dr_windows[st.next_event].end <= step) {
      ++st.next_event;
    }
    const RunPlan::DrWindow* event =
        st.next_event < plan.dr_windows.size() && plan.dr_windows[st.next_event].first <= step
            ? &plan.dr_windows[st.next_event]
            : nullptr;
    // Flexible capacity of the step (before any event acts on it).
    double flexible = 0.0;
    for (size_t i = 0; i < nl; ++i) {
      const Load& l = model.loads[i];
      flexible += (l.curtailable + l.shiftable) * block.at(kLoadPower, k, i, nl);
    }
    for (size_t g = 0; g < ne; ++g) {
      if (managed(model.ev_chargers[g])) flexible += block.at(kEvPower, k, g, ne);
    }
    double delivered = 0.0;
    double need = event ? event->request : 0.0;
    // An event defers shiftable loads and managed charging first, then sheds curtailable loads;
    // batteries add discharge below. Reactive power follows the active power of each load.
    const auto reduce_load = [&](size_t i, double share, bool defer) {
      const double p = block.at(kLoadPower, k, i, nl);
      const double cut = std::min(share * p, need);
      if (cut <= 0.0) return;
      block.at(kLoadPower, k, i, nl) = p - cut;
      block.at(kLoadReactivePower, k, i, nl) *= (p - cut) / p;
      if (defer) st.load_rebound[i] += cut * dt;
      need -= cut;
      delivered += cut;
    };
    if (event) {
      for (size_t i = 0; i < nl; ++i) reduce_load(i, model.loads[i].shiftable, true);
      for (size_t g = 0; g < ne; ++g) {
        if (!managed(model.ev_chargers[g])) continue;
        const double cut = std::min(block.at(kEvPower, k, g, ne), need);
        block.at(kEvPower, k, g, ne) -= cut;
        st.ev_rebound[g] += cut * dt;
        need -= cut;
        delivered += cut;
      }
      for (size_t i = 0; i < nl; ++i) reduce_load(i, model.loads[i].curtailable, false);
      if (st.rebound_left > 0) {
        // A new event during a rebound: what was still to come back waits for this one's end.
        const double rest = st.rebound_left * dt;
        for (size_t i = 0; i < nl; ++i) st.load_rebound[i] += st.rebound_load_power[i] * rest;
        for (size_t g = 0; g < ne; ++g) st.ev_rebound[g] += st.rebound_ev_power[g] * rest;
        st.rebound_left = 0;
      }
      st.rebound_pending = true;
    } else {
      if (st.rebound_pending) {
        // Deferred energy comes back at a constant power over the rebound steps after the event.
        const double span = plan.rebound_steps * dt;
        for (size_t i = 0; i < nl; ++i) st.rebound_load_power[i] = st.load_rebound[i] / span;
        for (size_t g = 0; g < ne; ++g) st.rebound_ev_power[g] = st.ev_rebound[g] / span;
        std::fill(st.load_rebound.begin(), st.load_rebound.end(), 0.0);
        std::fill(st.ev_rebound.begin(), st.ev_rebound.end(), 0.0);
        st.rebound_left = plan.rebound_steps;
        st.rebound_pending = false;
      }
      if (st.rebound_left > 0) {
        for (size_t i = 0; i < nl; ++i) {
          const double p = block.at(kLoadPower, k, i, nl);
          const double extra = st.rebound_load_power[i];
          if (extra > 0.0 && p > 0.0) block.at(kLoadReactivePower, k, i, nl) *= (p + extra) / p;
          block.at(kLoadPower, k, i, nl) = p + extra;
          delivered -= extra;
        }
        for (size_t g = 0; g < ne; ++g) {
          block.at(kEvPower, k, g, ne) += st.rebound_ev_power[g];
          delivered -= st.rebound_ev_power[g];
        }
        --st.rebound_left;
      }
    }
    // Batteries, in model order, each on the net load the previous ones leave.
    double net = ns > 0 ? netLoad(plan, block, k, true) : 0.0;
    double storage = 0.0;
    for (size_t b = 0; b < ns; ++b) {
      const Storage& s = model.storage[b];
      physics::BatteryState& bs = st.batteries[b];
      // The policy's power as the battery would deliver it (limits applied on a copy).
      physics::BatteryState trial = bs;
      double request =
          physics::stepBattery(
              s.rating, trial,
              physics::dispatchRequest(s.policy, s.params, s.rating, net, prices[k]), dt)
              .ac_power;
      // Beyond its policy, up to what the park still draws: an event reduces demand, the battery
      // does not export for it.
      const double headroom =
          std::min(dischargeHeadroom(s, bs, request, dt), std::max(net - request, 0.0));
      flexible += headroom;  // stopping a charge counts: the headroom starts from the request
      if (event && need > 0.0) {
        const double extra = std::min(headroom, need);
        request += extra;
        need -= extra;
        delivered += extra;
      }
      const physics::BatteryStep out = physics::stepBattery(s.rating, bs, request, dt);
      block.at(kStoragePower, k, b, ns) = out.ac_power;
      block.at(kStorageSoc, k, b, ns) = out.soc;
      block.at(kStorageFade, k, b, ns) = physics::capacityFade(s.rating, bs);
      net -= out.ac_power;
      storage += out.ac_power;
    }
    double ev = 0.0;
    for (size_t g = 0; g < ne; ++g) ev += block.at(kEvPower, k, g, ne);
    block.at(kParkEvPower, k, 0, 1) = ev;
    block.at(kParkStoragePower, k, 0, 1) = storage;
    block.at(kParkFlexible, k, 0, 1) = flexible;
    block.at(kParkDrDelivered, k, 0, 1) = delivered;
  }
}

}  // namespace twin
