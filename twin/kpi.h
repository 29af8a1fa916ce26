// Key performance indicators of a run, per calendar month and over the whole period: energy
// imported and exported, PV energy and the share of it used in the park, cost (time-of-use
// energy plus the monthly demand charge on each month's highest step-average import), peak demand,
// CO2 (imported energy x grid emission factor). Exported energy earns nothing yet.
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "twin/run_plan.h"
#include "twin/state.h"

namespace twin {

struct PeriodKpi {
  YearMonth month;             // for a month; the first month for the total
  double import_energy = 0.0;  // J
  double export_energy = 0.0;  // J, PV surplus fed into the grid
  double pv_energy = 0.0;      // J, AC
  double demand_energy = 0.0;  // J, motors and loads
  double loss_energy = 0.0;    // J, network
  double energy_cost = 0.0;    // currency
  double demand_cost = 0.0;    // currency
  double peak_demand = 0.0;    // W, highest step-average grid import
  double co2 = 0.0;            // kg
  double cost() const { return energy_cost + demand_cost; }
  // Share of the PV energy used inside the park, 0..1 (0 without PV).
  double selfConsumption() const {
    return pv_energy > 0 ? (pv_energy - export_energy) / pv_energy : 0.0;
  }
};

struct Kpis {
  PeriodKpi total;
  std::vector<PeriodKpi> months;
  // max over steps of |import - demand - losses + pv| / max(|import|, demand)
  double max_balance_residual = 0.0;
};

// Accumulates blocks in time order (deterministic: a fixed summation order).
class KpiAccumulator {
 public:
  explicit KpiAccumulator(const RunPlan& plan) : plan_(plan) {}
  void add(const BlockResult& block);
  Kpis finish() const;

 private:
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
};

extern const std::array<KpiDecl, 11> kKpis;

}  // namespace twin
