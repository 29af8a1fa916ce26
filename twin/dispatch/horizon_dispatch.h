// The dispatch of a park's batteries over one horizon as a linear programme (docs/dispatch.md):
// minimise the energy cost of the grid import, the demand charge on each month's peak above what
// the month has already reached, less the export revenue, plus the batteries' degradation cost,
// less the value of the energy left in them at the end; under the batteries' power limits and SOC
// windows, the import and export limits, and the demand-response events the batteries must hold
// energy for. Managed EV charging and shiftable loads are planned with them: each group's cars get
// their energy by their departures, and each load's shiftable energy is drawn within its window
// after its schedule, in the steps that cost least.
//
// A simplified model, named as such: the park's net load is taken as given (the forecast), the
// network's losses are left out, each battery is the energy reservoir of physics/battery.h with
// constant efficiencies and its capacity held at its start value over the horizon (fade is far
// slower than a horizon). Batteries never export: the export is at most the PV surplus the park
// would have without them. The energy left in the cells at the end is valued at the least it can
// save: the horizon's lowest import price times the discharge efficiency. A horizon then never
// fills a battery just to end full, and does not drain it below what its last hours can use.
#pragma once

#include <string>
#include <vector>

#include "physics/battery.h"
#include "twin/dispatch/linear_program.h"

namespace twin::dispatch {

// A battery as the programme sees it at the horizon's start.
struct BatteryCase {
  physics::BatteryRating rating;
  double stored = 0.0;            // J in the cells
  double capacity = 0.0;          // J usable (after fade)
  double degradation_cost = 0.0;  // currency per J discharged at the AC terminals
};

// A flexible demand over the horizon, drawn on top of the net load in any steps its envelope
// allows: a managed EV charger group (physics::chargingEnvelope, day by day, cumulated over the
// horizon) or a shiftable load (dispatch::deferralEnvelope).
struct FlexibleDemand {
  std::vector<double> power_max;   // W per step
  std::vector<double> energy_min;  // J drawn by the end of each step, at least
  std::vector<double> energy_max;  // ... at most
};

struct HorizonCase {
  double dt = 3600.0;              // s per step
  std::vector<double> net;         // W per step: park load less PV, without the batteries
  std::vector<double> price;       // currency per J imported, per step
  double export_price = 0.0;       // currency per J exported
  double demand_price = 0.0;       // currency per W of a month's peak
  std::vector<int> month;          // per step: its month, 0, 1, ... within the horizon
  std::vector<double> month_peak;  // W per month: the peak reached before the horizon
  std::vector<double> event_need;  // W per step a demand-response event asks (0 outside)
  double import_limit = kInf;      // W
  double export_limit = kInf;      // W
  std::vector<BatteryCase> batteries;
  std::vector<FlexibleDemand> demands;  // managed EV charging and shiftable loads
};

struct HorizonPlan {
  bool solved = false;        // the solver found the optimum (of the programme with its penalties)
  bool feasible = false;      // solved, and no limit broken anywhere
  std::vector<double> power;  // W, [step x battery]: + discharge (events' extra not included)
  std::vector<double> demand_power;  // W, [step x demand]: each flexible demand's power
  std::vector<double> peak;          // W per month: the import the plan stays under
  double objective = 0.0;            // currency, the programme's objective
  // Where a limit had to be broken: per step 1 (all steps when not solved), the first such step
  // and its binding constraint in words (or how the solver failed).
  std::vector<char> faulted;
  long fault_step = -1;
  std::string binding;
  int iterations = 0;
};

// (a horizon's forecast and the batteries at its start) => the cost-optimal battery powers.
// Not feasible when the import or export limit cannot be kept at some steps (faulted, fault_step,
// binding: the plan then breaks them as little as it can) or the solver fails (binding says how).
HorizonPlan planHorizon(const HorizonCase& c);

}  // namespace twin::dispatch
