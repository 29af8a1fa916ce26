// `parktwin dr-cost` (docs/dispatch.md): what one more demand-response event would cost the park.
// The park (its baseline or a scenario) is simulated twice over the event's calendar month, the
// period of the demand charge the rebound may raise (and the next month too when the rebound runs
// into it; within the park's period), once as it is and once with the event
// added to its own events; the cost is the difference of the two runs: energy cost, demand charge
// and export revenue, with the energy the event delivered, the rebound and the energy that was
// not consumed at all (curtailed loads). The battery starts the month at its initial SOC in both
// runs (a simplification: the month is simulated alone).
#pragma once

#include <vector>

#include "twin/engine/kpi.h"
#include "twin/model/time_grid.h"

namespace twin::sweep {

struct DrEventCost {
  DrEvent event;
  TimeGrid grid;     // the period simulated
  Kpis without;      // the park as it is
  Kpis with;         // with the event
  size_t month = 0;  // index of the event's month in without.months and with.months

  double cost() const { return with.total.cost() - without.total.cost(); }  // currency
  double delivered() const { return with.total.dr_delivered - without.total.dr_delivered; }  // J
  double requested() const { return with.total.dr_requested - without.total.dr_requested; }  // J
  double rebound() const { return with.total.dr_rebound - without.total.dr_rebound; }        // J
  // Motors' and loads' energy the event took away for good (curtailed), J.
  double notConsumed() const { return without.total.demand_energy - with.total.demand_energy; }
};

// The period an event is costed over: its month (through the month its rebound ends in), within
// the park's period. Throws InputError when the event does not lie within the park's period.
TimeGrid eventPeriod(const ParkModel& model, const DrEvent& event, int step_s);

// Each event's cost, alone (the park's own events stay in both runs); the runs in parallel, the
// park without the event once per period.
// Throws InputError naming the event that overlaps one of the park's own or lies outside its
// period, or whose request or duration is not positive.
std::vector<DrEventCost> drEventCosts(const ParkModel& model, const std::vector<DrEvent>& events,
                                      int step_s);

}  // namespace twin::sweep
