// A shiftable load as the optimal dispatch plans it (docs/dispatch.md): the shiftable share of its
// scheduled power may be drawn later than scheduled, by at most its `shift_window`, and never
// earlier; each day's energy is drawn by that day's midnight. As a flexible demand of the horizon's
// programme: per step at most max(power_max, the scheduled power), and the energy drawn by the end
// of each step between what was scheduled up to `window_steps` steps before and what was scheduled
// up to that step (all of the day's by its last step).
#pragma once

#include <span>

#include "twin/dispatch/horizon_dispatch.h"

namespace twin::dispatch {

// base: W per step over whole days of steps_per_day steps, the shiftable power as scheduled;
// power_max: W the shiftable share may draw at most (its share of the rating); dt: s per step.
FlexibleDemand deferralEnvelope(std::span<const double> base, double power_max, int window_steps,
                                int steps_per_day, double dt);

}  // namespace twin::dispatch
