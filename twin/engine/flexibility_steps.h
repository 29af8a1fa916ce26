// The steps of the serial flexibility stage, one time step at a time: which demand-response
// window is on, the flexible capacity, deferral and shedding, the rebound, battery dispatch.
// Small functions on plain rows and structs, so that each can be tested on hand-made inputs.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "twin/engine/run_plan.h"
#include "twin/engine/state.h"

namespace twin {

// One step's row of the loads and EV groups (a view into the block): what the steps change.
struct StepPowers {
  std::span<double> load;           // W per load
  std::span<double> load_reactive;  // var per load
  std::span<double> ev;             // W per EV group
};

// One step's row of the batteries (a view into the block): what the dispatch writes.
struct BatteryRows {
  std::span<double> power;  // W per battery (+ discharge)
  std::span<double> soc;    // fraction per battery, at the end of the step
  std::span<double> fade;   // fraction of the nameplate lost, per battery
};

// The park's demand-response balance of one step, built up by the steps in turn.
struct StepBalance {
  double flexible = 0.0;   // W an event could obtain at the step (before it acts)
  double need = 0.0;       // W the active event still requests
  double delivered = 0.0;  // W of demand reduction delivered (negative: the rebound)
  double storage = 0.0;    // W of all batteries (+ discharge)
};

// Whether an EV group's charging is managed (valley filling, PV following): it may be deferred by
// events and planned by the optimal dispatch.
bool managed(const EvChargerGroup& g);

// (windows sorted by step, the step, first window not yet over) => the window active at the step
// (nullptr if none); next_event moves past the windows over by then. Steps come in time order.
const RunPlan::DrWindow* activeWindow(const std::vector<RunPlan::DrWindow>& windows, int64_t step,
                                      size_t& next_event);

// (loads' curtailable and shiftable shares, EV groups' control, the step's powers before any
// event) => W of flexible loads and managed charging: (curtailable + shiftable) x load power
// plus the power of the managed EV groups.
double flexibleCapacity(const std::vector<Load>& loads, const std::vector<EvChargerGroup>& groups,
                        const StepPowers& powers);

// (balance.need: the event's request, dt in s) => shiftable shares of the loads, then managed EV
// charging, are deferred (their energy, W x dt, added to state.load_rebound / ev_rebound), then
// curtailable shares shed, each up to what is still needed. The powers are reduced (a load's
// reactive power in proportion), balance.need down and balance.delivered up by each cut.
void deferAndShed(const std::vector<Load>& loads, const std::vector<EvChargerGroup>& groups,
                  double dt, StepPowers powers, FlexibilityState& state, StepBalance& balance);

// (an event on, state) => a rebound still running is stopped, the energy it had left to bring
// back (power x steps left x dt) returns to the deferred energy; a rebound is pending.
void holdRebound(FlexibilityState& state, double dt);

// (a rebound pending, deferred energy in J) => the rebound powers: deferred energy / (rebound_steps
// x dt), for rebound_steps steps; the deferred energy is cleared. Nothing when none is pending.
void startRebound(FlexibilityState& state, int rebound_steps, double dt);

// (a rebound running, the step's powers) => each load and EV group draws its rebound power on top
// (a load's reactive power in proportion), balance.delivered down by it; one rebound step fewer
// left. Nothing when no rebound runs.
void applyRebound(FlexibilityState& state, StepPowers powers, StepBalance& balance);

// The optimal dispatch's plan for one step: each battery's power (empty: the batteries follow their
// rule policies), the import the plan holds, the month's peak import so far and the park's import
// and export limits (W).
struct PlannedStep {
  std::span<const double> power;
  double peak = std::numeric_limits<double>::infinity();
  double month_peak = 0.0;
  double import_limit = std::numeric_limits<double>::infinity();
  double export_limit = std::numeric_limits<double>::infinity();
};

// What a battery could add for a virtual power plant, held for a duration from the end of its
// step (W): up, extra discharge (stopping a charge counts), min(P_dis - p, (E - soc_min C) eta_d
// / D - p); down, extra charge, min(P_ch + p, (soc_max C - E) / (eta_c D) + p); neither below 0.
// p: the step's AC power (+ discharge), E and C: stored energy and capacity after it.
struct Holdable {
  double up = 0.0;
  double down = 0.0;
};
Holdable holdable(const physics::BatteryRating& rating, const physics::BatteryState& state,
                  double power, double duration);

// (park net load without batteries in W, price, dt, the plan, balance.need) => each battery, in
// model order on the net load the previous ones leave, steps at its policy's request (with a plan:
// the planned power, corrected where the net load came out other than forecast: raised where the
// import, with the later batteries' plan, would pass the planned peak (or the month's peak so
// far, if a miss already raised it) or the import limit, lowered where the export would pass the
// export limit, a discharge never above the net load less the later batteries' plan) plus, while
// the event needs it, an extra discharge out of its headroom: the discharge left beyond the policy,
// at most the net load the park still draws (an event reduces demand, a battery never exports for
// it). Writes each battery's power, SOC and fade; adds the headrooms to balance.flexible, the extra
// to balance.delivered (taken from balance.need) and the batteries' power to balance.storage.
void dispatchBatteries(const std::vector<Storage>& storage,
                       std::vector<physics::BatteryState>& batteries, double net, double price,
                       double dt, const PlannedStep& planned, BatteryRows rows,
                       StepBalance& balance);

}  // namespace twin
