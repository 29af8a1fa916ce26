// Key performance indicators of a run, per calendar month and over the whole period: energy
// imported and exported, PV energy and the share of it used in the park, cost (time-of-use
// energy plus the monthly demand charge on each month's highest step-average import, less the
// export revenue at the tariff's export price), peak demand, CO2 (imported energy x grid
// emission factor) and the CO2 PV avoids (its energy x the same factor), EV charging, battery
// throughput, demand response requested / delivered / rebound. Also the network's limits over
// the run: voltages outside the tolerance band, branches loaded beyond their rating, and the
// steps whose power flow did not converge.
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "twin/base/calendar.h"
#include "twin/engine/run_plan.h"
#include "twin/engine/state.h"

namespace twin {

struct PeriodKpi {
  YearMonth month;                 // for a month; the first month for the total
  double import_energy = 0.0;      // J
  double export_energy = 0.0;      // J, PV surplus fed into the grid
  double pv_energy = 0.0;          // J, AC
  double pv_shading_loss = 0.0;    // J, AC the same arrays would give more unshaded
  double demand_energy = 0.0;      // J, motors and loads
  double loss_energy = 0.0;        // J, network
  double energy_cost = 0.0;        // currency
  double demand_cost = 0.0;        // currency
  double peak_demand = 0.0;        // W, highest step-average grid import
  double co2 = 0.0;                // kg
  double export_revenue = 0.0;     // currency
  double avoided_co2 = 0.0;        // kg, PV energy x grid emission factor
  double ev_energy = 0.0;          // J drawn by EV chargers
  double storage_charge = 0.0;     // J into batteries (AC)
  double storage_discharge = 0.0;  // J out of batteries (AC)
  double dr_requested = 0.0;       // J, demand-response requests x their duration
  double dr_delivered = 0.0;       // J reduced during events
  double dr_rebound = 0.0;         // J consumed again after events
  double cost() const { return energy_cost + demand_cost - export_revenue; }
  // Share of the PV energy used inside the park, 0..1 (0 without PV).
  double selfConsumption() const {
    return pv_energy > 0 ? (pv_energy - export_energy) / pv_energy : 0.0;
  }
};

// How far a network element went beyond its limit over a run.
struct LimitRecord {
  double worst = 0.0;       // voltage (pu) or loading (fraction) furthest from the limit
  int64_t worst_step = -1;  // run step of the worst value, -1 if never beyond
  long steps = 0;           // steps beyond the limit
};

struct NetworkLimits {
  std::vector<LimitRecord> bus_voltage;  // outside 1 +- voltage_tolerance, per bus
  std::vector<LimitRecord> transformer;  // loading above 100 %, per transformer
  std::vector<LimitRecord> cable;        // loading above 100 %, per cable
  long power_flow_failures = 0;          // steps whose power flow did not converge
  int64_t first_failure = -1;            // run step of the first
};

// How one demand-response event inside the run went.
struct DrEventResult {
  int event = 0;           // index into model.demand_response.events
  double requested = 0.0;  // J, request x the event's steps in the run
  double delivered = 0.0;  // J reduced during the event
  double shortest = 0.0;   // W, the lowest reduction of any of its steps
};

// A month of the park's flexibility for a virtual power plant (the park/flex_* series): the mean
// and the lowest over its steps, W, in the order up 1 h, up 2 h, down 1 h, down 2 h.
struct VppMonth {
  YearMonth month;
  std::array<double, 4> mean{};
  std::array<double, 4> lowest{};
  long steps = 0;
};
inline constexpr std::array<SeriesId, 4> kVppSeries = {kParkFlexUp1h, kParkFlexUp2h,
                                                       kParkFlexDown1h, kParkFlexDown2h};

struct Kpis {
  PeriodKpi total;
  std::vector<DrEventResult> events;  // events that overlap the run, in time order
  std::vector<PeriodKpi> months;
  // max over steps of |import + pv + storage - demand - losses| / max(|import|, demand)
  double max_balance_residual = 0.0;
  NetworkLimits limits;
  DispatchRecord dispatch;    // the optimal dispatch's programmes and fallbacks (none without it)
  std::vector<VppMonth> vpp;  // per month
  // Per PV array: its laid-out modules' view fractions and losses to shade over the run (empty for
  // an array that is not shaded).
  std::vector<shading::ModuleShading> pv_modules;
};

// Accumulates blocks in time order (deterministic: a fixed summation order).
class KpiAccumulator {
 public:
  explicit KpiAccumulator(const RunPlan& plan);
  void add(const BlockResult& block);
  Kpis finish() const;

 private:
  void addLimits(const BlockResult& block);
  void addVpp(const BlockResult& block);

  const RunPlan& plan_;
  Kpis kpis_;
};

}  // namespace twin

namespace twin {

// The declared KPI variables: name (with edge-unit suffix), unit, SI value of the unit, getter,
// and how a table shows it to people.
struct KpiDecl {
  std::string_view name;
  std::string_view unit;
  double unit_si;
  double (*get)(const PeriodKpi&);
  std::string_view meaning;
  std::string_view label;         // for people: "grid import"
  std::string_view display_unit;  // the unit tables print it in
  double display_si;              // SI value of one display_unit
  std::string_view label_zh;      // the label in Chinese: "购电量"
};

extern const std::array<KpiDecl, 19> kKpis;

// The declaration of the KPI `name`, or nullptr.
const KpiDecl* findKpi(std::string_view name);

}  // namespace twin
