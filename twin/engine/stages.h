// The simulation stages, part of the engine (the only TBB user). Each fills its series of one
// time block from the model, the run plan and the series of earlier stages; engine.cpp calls them
// in order.
#pragma once

#include "twin/engine/run_plan.h"
#include "twin/engine/state.h"

namespace twin {

// (hourly weather records, sun ephemeris) => the step's weather (irradiance held over its hour,
// temperature and wind interpolated between hour midpoints), the sun at the middle of the step
// (NREL SPA) and the sky state the PV arrays share.
void weatherStage(const RunPlan& plan, BlockResult& block);

// (sky state, arrays) => plane-of-array irradiance, cell temperature, DC and AC power of each
// array (physics/pv_system.h, the PVWatts v5 chain). Parallel over arrays.
void pvStage(const RunPlan& plan, BlockResult& block);

// (schedule, duty load, nameplate) => motor shaft, input and reactive power, losses, load and
// efficiency by the loss-segregation part-load model (physics/motor_efficiency.h); a step at zero
// load is a stopped motor drawing nothing. Parallel over motors.
void motorStage(const RunPlan& plan, DayType day_type, BlockResult& block);

// (schedule, rated power, power factor) => load active and reactive power. Cooling loads:
// (schedule, outdoor temperature) => cooling demand on the bin-method load line => electric input
// of the air-cooled air conditioner at that part load and outdoor temperature
// (physics/hvac_lighting.h).
void loadStage(const RunPlan& plan, DayType day_type, BlockResult& block);

// (sessions of the day, drawn from (seed, day) or the fixed list; park net load) => the AC power
// of each EV charger group under its control (physics/ev_charging.h); a managed group levels
// on the park's net load including the groups before it. Sessions end by midnight, so days are
// independent.
void evStage(const RunPlan& plan, DayType day_type, BlockResult& block);

// The sessions of an EV group on a local day of the given type: drawn from (seed, day), or its
// fixed list on the day types it lists.
std::vector<physics::EvSession> sessionsOf(const EvChargerGroup& group, DayType day_type, long day);

// The flexibility state at the start of a run: batteries at their initial charge, nothing deferred.
FlexibilityState initialFlexibility(const RunPlan& plan);

// Serial, in time order (the state crosses blocks). Per step: the flexible capacity (curtailable
// and shiftable shares of loads, managed EV charging, battery discharge headroom); during a
// demand-response event, shiftable loads and managed charging are deferred, then curtailable
// loads shed, then batteries discharge beyond their policy, until the request is met; the
// deferred energy comes back at constant power over the rebound after the event; then each
// battery follows its dispatch policy on the park's net load (physics/battery.h). The steps, each
// with its contract, are in twin/engine/flexibility_steps.h.
void flexibilityStage(const RunPlan& plan, FlexibilityState& state, BlockResult& block);

// (motor, load and PV powers) => power drawn on each bus and PV power fed into it, summed in
// model order.
void busStage(const RunPlan& plan, BlockResult& block);

// (bus powers: load minus PV, constant power) => the AC power flow of the park network
// (twin/model/park_network.h), solved step by step, warm-started within the block (and from flat
// voltages at its start, so that results do not depend on how blocks meet threads): bus voltages,
// cable currents and loading, transformer loading, losses and high-voltage power, grid import
// (negative: export), park demand, network losses and the solve's status.
void networkStage(const RunPlan& plan, BlockResult& block);

}  // namespace twin
