#include "twin/engine/load_shifting.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "twin/dispatch/deferral_envelope.h"
#include "twin/engine/optimal_dispatch.h"

namespace twin {
namespace {

// A step's energy may wait this many whole steps (a window shorter than a step moves nothing).
int windowSteps(const RunPlan& plan, size_t group) {
  const Load& l = plan.model.loads[plan.planned_loads[group].front()];
  return static_cast<int>(l.shift_window / plan.grid.step_s);
}

// The entry's shiftable share of its units' rated power (W).
double shareRating(const RunPlan& plan, size_t group) {
  double sum = 0.0;
  for (const size_t i : plan.planned_loads[group]) {
    sum += plan.model.loads[i].shiftable * plan.model.loads[i].rated_power;
  }
  return sum;
}

// Whether drawing `planned` (W per step of a day) keeps the `scheduled` day: by each step's end no
// more than scheduled so far, at least what was scheduled `w` steps before, all of it by midnight
// (within `tolerance`, W x steps).
bool keepsSchedule(const std::vector<double>& planned, const std::vector<double>& scheduled, int w,
                   double tolerance) {
  std::vector<double> cum(scheduled.size());
  double drawn = 0.0, sum = 0.0;
  for (size_t k = 0; k < scheduled.size(); ++k) {
    sum += scheduled[k];
    cum[k] = sum;
    drawn += planned[k];
    const double least = k >= static_cast<size_t>(w) ? cum[k - static_cast<size_t>(w)] : 0.0;
    if (drawn > sum + tolerance || drawn < least - tolerance) return false;
  }
  return std::abs(drawn - sum) <= tolerance;
}

}  // namespace

std::vector<std::vector<size_t>> plannedLoads(const ParkModel& model) {
  std::vector<std::vector<size_t>> out;
  if (!hasOptimalDispatch(model)) return out;
  std::map<std::string, size_t> group_of;
  for (size_t i = 0; i < model.loads.size(); ++i) {
    const Load& l = model.loads[i];
    if (!(l.shift_window > 0.0 && l.shiftable > 0.0)) continue;
    const auto [at, added] = group_of.try_emplace(l.entry, out.size());
    if (added) out.emplace_back();
    out[at->second].push_back(i);
  }
  return out;
}

double scheduledShift(const RunPlan& plan, const BlockResult& block, int k, size_t group) {
  const size_t nl = plan.model.loads.size();
  double sum = 0.0;
  for (const size_t i : plan.planned_loads[group]) {
    sum +=
        plan.model.loads[i].shiftable * block.values[kLoadPower][static_cast<size_t>(k) * nl + i];
  }
  return sum;
}

std::vector<dispatch::FlexibleDemand> loadDemands(const RunPlan& plan, const BlockResult& block,
                                                  long days,
                                                  const std::vector<double>& event_need) {
  const auto spd = static_cast<size_t>(block.steps);
  const size_t np = plan.planned_loads.size();
  const bool ahead = plan.model.storage.front().optimal.forecast == Forecast::kPerfect &&
                     !plan.shift_forecast.empty();
  std::vector<dispatch::FlexibleDemand> out;
  for (size_t j = 0; j < np; ++j) {
    std::vector<double> base(spd);
    for (size_t k = 0; k < spd; ++k) base[k] = scheduledShift(plan, block, static_cast<int>(k), j);
    for (long d = 1; d < days; ++d) {
      for (size_t k = 0; k < spd; ++k) {
        const size_t step = static_cast<size_t>(block.first_step) + d * spd + k;
        base.push_back(ahead ? plan.shift_forecast[step * np + j] : base[k]);
      }
    }
    dispatch::FlexibleDemand f = dispatch::deferralEnvelope(
        base, shareRating(plan, j), windowSteps(plan, j), block.steps, plan.grid.step_s);
    for (size_t t = 0; t < base.size() && t < event_need.size(); ++t) {
      if (event_need[t] > 0.0) f.power_max[t] = base[t];
    }
    out.push_back(std::move(f));
  }
  return out;
}

void followLoadPlan(const RunPlan& plan, std::span<const double> day_plan, size_t columns,
                    size_t first, BlockResult& block) {
  const size_t nl = plan.model.loads.size();
  const auto steps = static_cast<size_t>(block.steps);
  for (size_t j = 0; j < plan.planned_loads.size(); ++j) {
    std::vector<double> planned(steps), scheduled(steps);
    for (size_t k = 0; k < steps; ++k) {
      planned[k] = std::max(0.0, day_plan[k * columns + first + j]);
      scheduled[k] = scheduledShift(plan, block, static_cast<int>(k), j);
    }
    const double tolerance = 1e-6 * shareRating(plan, j) * static_cast<double>(steps);
    if (!keepsSchedule(planned, scheduled, windowSteps(plan, j), tolerance)) continue;
    const std::vector<size_t>& units = plan.planned_loads[j];
    for (const size_t i : units) {
      const double share = plan.model.loads[i].shiftable;
      for (size_t k = 0; k < steps; ++k) {
        double& p = block.at(kLoadPower, static_cast<int>(k), i, nl);
        p += planned[k] / static_cast<double>(units.size()) - share * p;
        block.at(kLoadReactivePower, static_cast<int>(k), i, nl) = p * plan.load_reactive_ratio[i];
      }
    }
  }
}

}  // namespace twin
