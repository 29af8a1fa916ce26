// The optimal dispatch in the serial flexibility stage (docs/dispatch.md): at the start of each
// day a linear programme (twin/dispatch/horizon_dispatch.h) plans the park's batteries over the
// horizon from the forecast net load, and the day's steps follow the plan. A 24 h or 48 h horizon
// is rolled forward day by day (the first day committed); a longer one is solved as one programme
// per horizon (a year's horizon: the perfect-foresight optimum of the year, for checks). A day
// whose programme fails is dispatched by the rule fallback (self-consumption), counted and named.
#pragma once

#include <span>
#include <vector>

#include "twin/engine/flexibility_steps.h"
#include "twin/engine/run_plan.h"
#include "twin/engine/state.h"

namespace twin {

// Whether the park's batteries follow the optimal policy (all of them do, or none).
bool hasOptimalDispatch(const ParkModel& model);

// Whether the dispatch needs the net load of days after the current one (a perfect forecast over
// more than one day): the engine then computes RunPlan::net_forecast before the run.
bool needsNetForecast(const ParkModel& model);

// The park's net load at step k of a block without batteries: motors + loads (+ EV chargers when
// with_ev) - PV, in W.
double parkNetLoad(const RunPlan& plan, const BlockResult& block, int k, bool with_ev = true);

// What the dispatch plans on at step k of a block: the park's net load without batteries, without
// the managed EV groups and without the planned loads' shiftable share (they are planned), in W.
double dispatchNetLoad(const RunPlan& plan, const BlockResult& block, int k);

// At a block's start, before its steps change anything: plans the horizon starting at the block
// when the current plan does not cover it, sets the managed EV groups' charging and the planned
// loads' shiftable share of the block to follow the plan (unless the programme failed: then they
// keep their own control and schedule), and keeps the block's net load for the next day's
// persistence forecast.
void planDispatch(const RunPlan& plan, FlexibilityState& state, BlockResult& block);

// The plan for step k of the block: the battery powers (empty without the optimal policy, and
// where the rule fallback dispatches the step), the import the plan holds there (W, infinite
// without a demand charge) and the park's import and export limits.
PlannedStep plannedStep(const RunPlan& plan, const FlexibilityState& state,
                        const BlockResult& block, int k);

// After step k: the month's peak import so far, from the import the step leaves (W).
void notePeak(FlexibilityState& state, long day, double import);

}  // namespace twin
