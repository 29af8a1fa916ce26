// The shiftable loads the optimal dispatch plans (docs/dispatch.md, "Shiftable loads"): every
// park-file load entry with a shiftable share and a `shift_window`, its units (a `count`) planned
// as one flexible demand of the horizon's programme (they are identical: same rating, schedule
// and share), and run as the plan says.
#pragma once

#include <span>
#include <vector>

#include "twin/dispatch/horizon_dispatch.h"
#include "twin/engine/run_plan.h"
#include "twin/engine/state.h"

namespace twin {

// Per planned entry, its units (indices into model.loads), in model order; none without the
// optimal policy.
std::vector<std::vector<size_t>> plannedLoads(const ParkModel& model);

// The shiftable power of planned entry `group` at step k of a block as scheduled (W, its units'
// sum).
double scheduledShift(const RunPlan& plan, const BlockResult& block, int k, size_t group);

// Each planned entry's shiftable power over `days` days from the block's as a flexible demand
// (dispatch::deferralEnvelope): the block's day as its demand stages computed it, the days after
// from the run's forecast (perfect) or as the block's day again (persistence); the schedules are
// the park's production plan, known ahead. In the steps of a demand-response event (event_need
// above 0, per horizon step) it draws at most its schedule: the event defers what is there.
std::vector<dispatch::FlexibleDemand> loadDemands(const RunPlan& plan, const BlockResult& block,
                                                  long days, const std::vector<double>& event_need);

// The block's planned entries follow the plan: plan[k * columns + first + j] is entry j's planned
// shiftable power at the block's step k (W). Each unit draws its unshiftable share as scheduled
// and its part of the entry's planned power (reactive power at its ratio). An entry whose plan
// does not keep its actual schedule of the day (drawn ahead of it, beyond the window, or not all
// of it by midnight: a multi-day plan made on a persistence forecast) keeps its schedule that day.
void followLoadPlan(const RunPlan& plan, std::span<const double> day_plan, size_t columns,
                    size_t first, BlockResult& block);

}  // namespace twin
