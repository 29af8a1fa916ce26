// What one more demand-response event costs the park (twin/sweep/dr_event_cost.h), on the small
// test park (its first week of January, peak 1.0 CNY/kWh 08:00-20:00, valley 0.3 CNY/kWh) with a
// 10 kW load that runs around the clock, against costs worked by hand:
// - curtailable, a 10 kW event for 2 h in the peak: 20 kWh delivered and not consumed, the energy
//   cost 20 kWh x 1.0 CNY/kWh lower, the demand charge unchanged (the month's peak is elsewhere);
// - shiftable with a 2 h rebound, the event 18:00-20:00: the 20 kWh come back 20:00-22:00 in the
//   valley, the energy cost 20 x (1.0 - 0.3) = 14 CNY lower, nothing lost; a rebound on top of
//   the day shift raises the month's peak and pays its demand charge (40 CNY/kW);
// - an event outside the park's period or over one of its own events is refused, named.
// Tolerance 0.5 % of the energy figures: the import also carries the network's losses, which the
// event changes a little (about 0.03 kWh here).
#include "twin/sweep/dr_event_cost.h"

#include <gtest/gtest.h>

#include "physics/units.h"
#include "twin/base/calendar.h"
#include "twin/base/error.h"
#include "twin/base/iso_time.h"
#include "twin/test_park.h"

namespace twin::sweep {
namespace {

namespace u = physics::units;

ParkModel parkWith(const std::string& flexibility, const std::string& more = "") {
  return test::compileText(
             test::smallParkWith(
                 "  - {id: FLEX, kind: process, building: W1, bus: LV1, rated_power: \"10 kW\", "
                 "power_factor: 1.0, schedule: always, flexibility: " +
                 flexibility + "}\n" + more))
      .baseline;
}

DrEvent event(const std::string& start, double hours, double kw) {
  return {"E", static_cast<int64_t>(parseIsoTime(start).instant->unix_time), hours * u::hour,
          kw * u::kW};
}

TEST(DrEventCost, CurtailedEnergyIsSavedAtItsPrice) {
  const ParkModel m = parkWith("{curtailable: \"100 %\"}");
  const std::vector<DrEventCost> c = drEventCosts(m, {event("2025-01-06T10:00+08:00", 2, 10)}, 900);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].grid.start_day, m.simulation.start_day);  // January, within the park's week
  EXPECT_EQ(c[0].grid.end_day, m.simulation.end_day);
  EXPECT_NEAR(c[0].requested() / u::kWh, 20.0, 1e-9);
  EXPECT_NEAR(c[0].delivered() / u::kWh, 20.0, 0.1);
  EXPECT_NEAR(c[0].notConsumed() / u::kWh, 20.0, 1e-6);
  EXPECT_NEAR(c[0].rebound() / u::kWh, 0.0, 1e-9);
  EXPECT_NEAR(c[0].with.total.demand_cost, c[0].without.total.demand_cost, 1e-6);
  EXPECT_NEAR(c[0].cost(), -20.0, 0.1);
}

TEST(DrEventCost, ShiftedEnergyComesBackInTheValley) {
  const ParkModel m = parkWith("{shiftable: \"100 %\"}", "demand_response: {rebound: \"2 h\"}\n");
  const std::vector<DrEventCost> c = drEventCosts(
      m, {event("2025-01-06T18:00+08:00", 2, 10), event("2025-01-07T10:00+08:00", 1, 5)}, 900);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_NEAR(c[0].delivered() / u::kWh, 20.0, 0.1);
  EXPECT_NEAR(c[0].rebound() / u::kWh, 20.0, 1e-6);
  EXPECT_NEAR(c[0].notConsumed() / u::kWh, 0.0, 1e-6);
  EXPECT_NEAR(c[0].cost(), -14.0, 0.07);
  // The second event alone: 5 kWh deferred from 10:00 to 11:00-13:00, both in the peak, so the
  // energy costs the same; but the rebound's 2.5 kW comes on top of the day shift and raises the
  // month's peak by 2.5 kW: 2.5 x 40 CNY/kW = 100 CNY more.
  EXPECT_NEAR(c[1].delivered() / u::kWh, 5.0, 0.03);
  EXPECT_NEAR(c[1].with.total.energy_cost - c[1].without.total.energy_cost, 0.0, 0.03);
  EXPECT_NEAR(
      (c[1].with.months[c[1].month].peak_demand - c[1].without.months[c[1].month].peak_demand) /
          u::kW,
      2.5, 0.0125);
  EXPECT_NEAR(c[1].cost(), 100.0, 0.5);
}

TEST(DrEventCost, ThePeriodIsTheMonthsTheEventAndItsReboundTouch) {
  ParkModel m = parkWith("{shiftable: \"100 %\"}", "demand_response: {rebound: \"2 h\"}\n");
  m.simulation.end_day = m.simulation.start_day + 365;  // the whole of 2025
  const auto period = [&](const std::string& start, double hours) {
    const TimeGrid g = eventPeriod(m, event(start, hours, 10), 900);
    return formatDate(g.start_day) + " " + formatDate(g.end_day);
  };
  EXPECT_EQ(period("2025-03-10T10:00+08:00", 2), "2025-03-01 2025-04-01");
  // The rebound of an event ending at 23:00 on 31 January runs into February: both months.
  EXPECT_EQ(period("2025-01-31T21:00+08:00", 2), "2025-01-01 2025-03-01");
  // December: the next month would be 2026's January, past the park's period.
  EXPECT_EQ(period("2025-12-31T22:00+08:00", 1), "2025-12-01 2026-01-01");
  EXPECT_EQ(period("2025-12-10T10:00+08:00", 1), "2025-12-01 2026-01-01");
}

TEST(DrEventCost, RefusesEventsOutsideThePeriodOrOverTheParksOwn) {
  const ParkModel m = parkWith(
      "{shiftable: \"100 %\"}",
      "demand_response:\n  events:\n    - {id: OWN, date: 2025-01-03, start: \"13:00\", duration: "
      "\"2 h\", request: \"5 kW\"}\n");
  const auto refusal = [&](const std::string& start) -> std::string {  // "" when none
    try {
      drEventCosts(m, {event(start, 1, 5)}, 900);
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_EQ(refusal("2025-02-03T13:00+08:00"),
            "the event at 2025-02-03T13:00:00+08:00 lies outside the park's period (from "
            "2025-01-01, before 2025-01-08: simulation.start/end); expected a time in it");
  EXPECT_EQ(refusal("2025-01-03T14:00+08:00"),
            "the event at 2025-01-03T14:00:00+08:00 overlaps the park's own event \"OWN\" "
            "(2025-01-03T13:00:00+08:00); expected a time outside its events");
}

}  // namespace
}  // namespace twin::sweep
