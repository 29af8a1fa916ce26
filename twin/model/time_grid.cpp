#include "twin/model/time_grid.h"

#include "twin/base/error.h"

namespace twin {

bool isValidStep(double seconds) {
  if (!(seconds >= 60 && seconds <= 3600)) return false;
  const int s = static_cast<int>(seconds);
  return s == seconds && s % 60 == 0 && 3600 % s == 0;
}

TimeGrid makeTimeGrid(const ParkModel& model, const PeriodOverride& overrides) {
  TimeGrid grid;
  grid.start_day = overrides.start_day.value_or(model.simulation.start_day);
  grid.end_day = overrides.end_day.value_or(model.simulation.end_day);
  grid.step_s = overrides.step_s.value_or(model.simulation.step_s);
  grid.utc_offset_s = model.site.utc_offset_s;
  if (grid.end_day <= grid.start_day) {
    throw InputError(
        "the period is empty: the end date (--end or simulation.end) must come after "
        "the start date (--start or simulation.start)");
  }
  if (grid.days() > kMaxPeriodDays) {
    throw InputError("the period (--start/--end or simulation.start/end) is " +
                     std::to_string(grid.days()) + " days; expected " +
                     std::string(kMaxPeriodRule));
  }
  if (!isValidStep(grid.step_s)) {
    throw InputError("the step must be " + std::string(kStepRule) + ", got " +
                     std::to_string(grid.step_s) + " s");
  }
  return grid;
}

}  // namespace twin
