// The simulation stages, part of the engine (the only TBB user). Each fills its series of one
// time block from the model, the run plan and the series of earlier stages; engine.cpp calls them
// in order.
#pragma once

#include "twin/run_plan.h"
#include "twin/state.h"

namespace twin {

// (schedule, duty load, nameplate) => motor shaft, input and reactive power, losses, load.
// First-order motor model (physics/motor_first_order.h). Parallel over motors.
void motorStage(const RunPlan& plan, DayType day_type, BlockResult& block);

// (schedule, rated power, power factor) => load active and reactive power.
void loadStage(const RunPlan& plan, DayType day_type, BlockResult& block);

// (motor and load powers) => power drawn on each bus, summed in model order.
void busStage(const RunPlan& plan, BlockResult& block);

// (bus powers) => branch flows and losses by a backward sweep at nominal voltages from the
// leaves to the grid bus; grid import, park demand and network losses.
void networkStage(const RunPlan& plan, BlockResult& block);

}  // namespace twin
