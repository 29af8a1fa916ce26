#include "twin/kpi.h"

#include <algorithm>
#include <cmath>

#include "physics/units.h"

namespace twin {

void KpiAccumulator::add(const BlockResult& block) {
  const YearMonth ym = yearMonthOf(block.day);
  if (kpis_.months.empty() || !(kpis_.months.back().month == ym)) {
    kpis_.months.push_back(PeriodKpi{ym});
  }
  PeriodKpi& month = kpis_.months.back();
  const ParkModel& model = plan_.model;
  const std::vector<double>& prices =
      plan_.price_steps[static_cast<size_t>(model.tariff.season_of_month[ym.month - 1])];
  const double dt = plan_.grid.step_s;
  for (int k = 0; k < block.steps; ++k) {
    const double import = block.values[kParkGridImport][k];
    const double demand = block.values[kParkDemand][k];
    const double losses = block.values[kParkNetworkLosses][k];
    const double pv = block.values[kParkPvPower][k];
    month.import_energy += std::max(import, 0.0) * dt;
    month.export_energy += std::max(-import, 0.0) * dt;
    month.pv_energy += pv * dt;
    month.demand_energy += demand * dt;
    month.loss_energy += losses * dt;
    month.energy_cost += std::max(import, 0.0) * dt * prices[k];
    month.peak_demand = std::max(month.peak_demand, import);
    const double scale = std::max(std::abs(import), demand);
    if (scale > 0.0) {
      kpis_.max_balance_residual =
          std::max(kpis_.max_balance_residual, std::abs(import - demand - losses + pv) / scale);
    }
  }
}

Kpis KpiAccumulator::finish() const {
  Kpis out = kpis_;
  const ParkModel& model = plan_.model;
  out.total = PeriodKpi{out.months.empty() ? YearMonth{} : out.months.front().month};
  for (PeriodKpi& m : out.months) {
    m.demand_cost = model.tariff.demand_price * m.peak_demand;
    m.co2 = model.grid_emission_factor * m.import_energy;
    out.total.import_energy += m.import_energy;
    out.total.export_energy += m.export_energy;
    out.total.pv_energy += m.pv_energy;
    out.total.demand_energy += m.demand_energy;
    out.total.loss_energy += m.loss_energy;
    out.total.energy_cost += m.energy_cost;
    out.total.demand_cost += m.demand_cost;
    out.total.co2 += m.co2;
    out.total.peak_demand = std::max(out.total.peak_demand, m.peak_demand);
  }
  return out;
}

}  // namespace twin

namespace twin {

namespace u = physics::units;

const std::array<KpiDecl, 11> kKpis = {{
    {"grid_import_kWh", "kWh", u::kWh, [](const PeriodKpi& k) { return k.import_energy; },
     "energy imported at the grid connection", "grid import", "MWh", u::MWh},
    {"grid_export_kWh", "kWh", u::kWh, [](const PeriodKpi& k) { return k.export_energy; },
     "PV surplus exported at the grid connection", "grid export", "MWh", u::MWh},
    {"pv_kWh", "kWh", u::kWh, [](const PeriodKpi& k) { return k.pv_energy; },
     "AC energy of all PV arrays", "PV energy", "MWh", u::MWh},
    {"pv_self_consumption_pct", "%", u::pct, [](const PeriodKpi& k) { return k.selfConsumption(); },
     "share of the PV energy used in the park", "PV self-consumption", "%", u::pct},
    {"demand_kWh", "kWh", u::kWh, [](const PeriodKpi& k) { return k.demand_energy; },
     "energy drawn by motors and loads", "demand", "MWh", u::MWh},
    {"network_losses_kWh", "kWh", u::kWh, [](const PeriodKpi& k) { return k.loss_energy; },
     "transformer and cable losses", "network losses", "MWh", u::MWh},
    {"peak_demand_kW", "kW", u::kW, [](const PeriodKpi& k) { return k.peak_demand; },
     "highest step-average grid import", "peak demand", "kW", u::kW},
    {"energy_cost_CNY", "CNY", 1.0, [](const PeriodKpi& k) { return k.energy_cost; },
     "time-of-use energy charges", "energy cost", "kCNY", 1e3},
    {"demand_cost_CNY", "CNY", 1.0, [](const PeriodKpi& k) { return k.demand_cost; },
     "monthly demand charges", "demand charge", "kCNY", 1e3},
    {"cost_CNY", "CNY", 1.0, [](const PeriodKpi& k) { return k.cost(); },
     "energy plus demand charges", "total cost", "kCNY", 1e3},
    {"co2_t", "t", u::t, [](const PeriodKpi& k) { return k.co2; },
     "CO2 of imported electricity (grid emission factor)", "CO2", "t", u::t},
}};

}  // namespace twin
