// Shiftable loads planned by the optimal dispatch (docs/dispatch.md, "Shiftable loads"), on the
// small test park with its 300 kWh / 100 kW battery, its peak/valley tariff (1.0 CNY/kWh
// 08:00-20:00, 0.3 CNY/kWh otherwise) and a 40 kW load on the day shift (08:00-16:00 on
// workdays), half of it shiftable by up to 6 h, over a June week at 15-minute steps. What is
// checked, step by step against the same park whose load keeps its schedule (no shift_window):
// - each day the load draws its scheduled energy (1e-6 relative);
// - deferral only: by each step it has drawn no more than scheduled, and at least what was
//   scheduled 6 h before; never above its unshiftable share plus its shiftable share's rating;
// - the week costs less than with the schedule kept (the valley after 20:00 is in reach of the
//   energy scheduled after 14:00);
// - bit-identical on 1 and 3 threads, and the same checks with the 48 h horizon's forecast.
#include <gtest/gtest.h>

#include <algorithm>

#include "physics/units.h"
#include "twin/engine/engine.h"
#include "twin/memory_sink.h"
#include "twin/test_park.h"

namespace twin {
namespace {

namespace u = physics::units;
constexpr size_t kSteps = 96;     // a day of 15-minute steps
constexpr size_t kWindow = 24;    // 6 h
constexpr size_t kShifted = 1;    // the load's column (LIGHT is 0)
constexpr double kRating = 40e3;  // W
constexpr double kShare = 0.5;

// The small park with the SHIFT load (`count` units) after its LIGHT load, the optimal battery
// and `more` sections.
std::string withLoad(const std::string& horizon, const std::string& flexibility, int count = 1,
                     const std::string& more = "") {
  return test::smallParkWith(
      "  - {id: SHIFT, kind: process, building: W1, bus: LV1, rated_power: \"40 kW\", count: " +
      std::to_string(count) +
      ", power_factor: 0.9, schedule: day-shift, flexibility: " + flexibility + R"(}
storage:
  - {id: BESS, bus: LV1, energy: "300 kWh", power: "100 kW", efficiency: "95 %",
     soc_min: "10 %", soc_max: "90 %", initial_soc: "50 %",
     dispatch: {policy: optimal, horizon: ")" +
      horizon + R"(", forecast: perfect}}
)" + more);
}

struct Outcome {
  Kpis kpis;
  test::MemorySink sink;
};

Outcome run(const std::string& text, int threads = 2) {
  const CompiledPark p = test::compileText(text);
  PeriodOverride june;
  june.start_day = p.baseline.simulation.start_day + 160;
  june.end_day = *june.start_day + 7;
  Outcome r;
  r.sink = test::runWithThreads(p.baseline, makeTimeGrid(p.baseline, june), threads, &r.kpis);
  return r;
}

std::vector<double> column(const test::MemorySink& sink, size_t c, size_t columns) {
  const std::vector<double> all = sink.series(kLoadPower);
  std::vector<double> out;
  for (size_t k = c; k < all.size(); k += columns) out.push_back(all[k]);
  return out;
}

// Column `unit` of the loads (`loads` columns) keeps the window against the schedule kept.
void expectDeferredWithinWindow(const Outcome& planned, const Outcome& kept, size_t unit = kShifted,
                                size_t loads = 2) {
  const std::vector<double> p = column(planned.sink, unit, loads);
  const std::vector<double> s = column(kept.sink, unit, loads);
  ASSERT_EQ(p.size(), s.size());
  std::vector<double> cum_p(p.size()), cum_s(s.size());
  for (size_t k = 0; k < p.size(); ++k) {
    cum_p[k] = (k % kSteps ? cum_p[k - 1] : 0.0) + p[k];
    cum_s[k] = (k % kSteps ? cum_s[k - 1] : 0.0) + s[k];
    const double tol = 1e-6 * kRating;
    ASSERT_LE(cum_p[k], cum_s[k] + tol) << "step " << k << ": drawn before its schedule";
    const size_t day_start = k - k % kSteps;
    const double least = k >= day_start + kWindow ? cum_s[k - kWindow] : 0.0;
    ASSERT_GE(cum_p[k], least - tol) << "step " << k << ": deferred beyond the window";
    ASSERT_LE(p[k], (1 - kShare) * s[k] + kShare * kRating + tol) << "step " << k;
    if (k % kSteps == kSteps - 1) {
      EXPECT_NEAR(cum_p[k], cum_s[k], 1e-6 * cum_s[k] + tol) << "day " << k / kSteps;
    }
  }
  EXPECT_NE(p, s);
}

TEST(ShiftableDispatch, RollingPlanDefersWithinTheWindowAndSaves) {
  const Outcome kept = run(withLoad("24 h", "{shiftable: \"50 %\"}"));
  const Outcome planned = run(withLoad("24 h", "{shiftable: \"50 %\", shift_window: \"6 h\"}"));
  expectDeferredWithinWindow(planned, kept);
  // Five workdays of 20 kW x 2 h (14:00-16:00) in reach of the valley, 0.7 CNY/kWh cheaper:
  // up to 140 CNY; at least a tenth of it must show.
  EXPECT_LT(planned.kpis.total.cost(), kept.kpis.total.cost() - 14.0);
  EXPECT_EQ(planned.kpis.dispatch.fallback_steps, 0);
  const Outcome one = run(withLoad("24 h", "{shiftable: \"50 %\", shift_window: \"6 h\"}"), 1);
  const Outcome three = run(withLoad("24 h", "{shiftable: \"50 %\", shift_window: \"6 h\"}"), 3);
  test::expectBitIdentical(one.sink, planned.sink);
  test::expectBitIdentical(three.sink, planned.sink);
}

TEST(ShiftableDispatch, LongerHorizonUsesTheLoadsForecast) {
  const Outcome kept = run(withLoad("48 h", "{shiftable: \"50 %\"}"));
  const Outcome planned = run(withLoad("48 h", "{shiftable: \"50 %\", shift_window: \"6 h\"}"));
  expectDeferredWithinWindow(planned, kept);
  EXPECT_LT(planned.kpis.total.cost(), kept.kpis.total.cost());
  test::expectBitIdentical(
      run(withLoad("48 h", "{shiftable: \"50 %\", shift_window: \"6 h\"}"), 1).sink, planned.sink);
}

TEST(ShiftableDispatch, UnitsOfAnEntryAndManagedEvChargingAreTheirOwnColumns) {
  // Two units of SHIFT planned as one demand, after a managed EV group's column: each unit keeps
  // its window, and the cars get each day the energy they get with the loads on schedule.
  const std::string ev = R"(ev_charging:
  - {id: EV, bus: LV1, chargers: 4, charger_power: "11 kW", control: valley_filling,
     sessions: {days: [workday, weekend, holiday], list: [
       {arrival: "08:00", departure: "17:00", energy: "30 kWh"},
       {arrival: "09:00", departure: "18:00", energy: "20 kWh"}]}}
)";
  const Outcome kept = run(withLoad("24 h", "{shiftable: \"50 %\"}", 2, ev));
  const Outcome planned =
      run(withLoad("24 h", "{shiftable: \"50 %\", shift_window: \"6 h\"}", 2, ev));
  expectDeferredWithinWindow(planned, kept, 1, 3);
  expectDeferredWithinWindow(planned, kept, 2, 3);
  EXPECT_EQ(column(planned.sink, 1, 3), column(planned.sink, 2, 3));  // identical units
  const std::vector<double> a = planned.sink.series(kEvPower), b = kept.sink.series(kEvPower);
  for (size_t day = 0; day < 7; ++day) {
    double ea = 0.0, eb = 0.0;
    for (size_t k = day * kSteps; k < (day + 1) * kSteps; ++k) {
      ea += a[k];
      eb += b[k];
    }
    EXPECT_NEAR(ea, eb, 1e-6 * eb) << "day " << day;
  }
  EXPECT_LT(planned.kpis.total.cost(), kept.kpis.total.cost());
}

}  // namespace
}  // namespace twin
