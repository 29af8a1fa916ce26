// The simulated period from the park file and the command line's overrides: an empty period, a
// period over 100 years (a typo such as 2025 -> 20250) and a bad step are refused before any work.
#include "twin/model/time_grid.h"

#include <gtest/gtest.h>

#include "twin/base/calendar.h"
#include "twin/base/error.h"
#include "twin/test_park.h"

namespace twin {
namespace {

std::string errorOf(const ParkModel& model, const PeriodOverride& overrides) {
  try {
    makeTimeGrid(model, overrides);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(TimeGridTest, OverridesWithinAHundredYears) {
  const ParkModel model = test::compileText(test::smallParkYaml()).baseline;
  PeriodOverride hundred;
  hundred.start_day = *parseDate("2025-01-01");
  hundred.end_day = *parseDate("2125-01-02");  // 36525 days: the most there may be
  const TimeGrid grid = makeTimeGrid(model, hundred);
  EXPECT_EQ(grid.days(), kMaxPeriodDays);
  EXPECT_EQ(grid.steps(), kMaxPeriodDays * 96);

  PeriodOverride longer = hundred;
  longer.end_day = *parseDate("2125-01-03");
  EXPECT_EQ(errorOf(model, longer),
            "the period (--start/--end or simulation.start/end) is 36526 days; expected at most "
            "100 years (36525 days)");
  PeriodOverride empty = hundred;
  empty.end_day = hundred.start_day;
  EXPECT_NE(errorOf(model, empty).find("the period is empty"), std::string::npos);
  PeriodOverride step;
  step.step_s = 420;
  EXPECT_NE(errorOf(model, step).find("the step must be a whole number of minutes"),
            std::string::npos);
}

}  // namespace
}  // namespace twin
