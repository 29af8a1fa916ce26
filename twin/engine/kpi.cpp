#include "twin/engine/kpi.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "physics/units.h"

namespace twin {

KpiAccumulator::KpiAccumulator(const RunPlan& plan) : plan_(plan) {
  const Network& net = plan.model.network;
  kpis_.limits.bus_voltage.resize(net.buses.size());
  kpis_.limits.transformer.resize(net.transformers.size());
  kpis_.limits.cable.resize(net.cables.size());
  for (const RunPlan::DrWindow& w : plan.dr_windows) {
    kpis_.events.push_back(DrEventResult{w.event, 0.0, 0.0, w.request});
  }
}

namespace {

// Records a value beyond its limit; `excess` is how far beyond (> 0), larger is worse.
void recordBeyond(LimitRecord& r, double value, double excess, double worst_excess, int64_t step) {
  if (r.steps == 0 || excess > worst_excess) {
    r.worst = value;
    r.worst_step = step;
  }
  ++r.steps;
}

}  // namespace

void KpiAccumulator::addLimits(const BlockResult& block) {
  const Network& net = plan_.model.network;
  NetworkLimits& lim = kpis_.limits;
  const size_t nb = net.buses.size();
  const size_t nt = net.transformers.size();
  const size_t nc = net.cables.size();
  const double tol = net.voltage_tolerance;
  for (int k = 0; k < block.steps; ++k) {
    const int64_t step = block.first_step + k;
    if (block.values[kParkPowerFlowConverged][static_cast<size_t>(k)] == 0.0) {
      if (lim.power_flow_failures++ == 0) lim.first_failure = step;
      continue;
    }
    for (size_t b = 0; b < nb; ++b) {
      const double v = block.values[kBusVoltage][static_cast<size_t>(k) * nb + b];
      const double excess = std::abs(v - 1.0) - tol;
      LimitRecord& r = lim.bus_voltage[b];
      if (excess > 0.0) recordBeyond(r, v, excess, std::abs(r.worst - 1.0) - tol, step);
    }
    const auto loading = [&](SeriesId s, size_t n, std::vector<LimitRecord>& records) {
      for (size_t i = 0; i < n; ++i) {
        const double x = block.values[s][static_cast<size_t>(k) * n + i];
        if (x > 1.0) recordBeyond(records[i], x, x, records[i].worst, step);
      }
    };
    loading(kTransformerLoading, nt, lim.transformer);
    loading(kCableLoading, nc, lim.cable);
  }
}

void KpiAccumulator::addVpp(const BlockResult& block) {
  const YearMonth ym = yearMonthOf(block.day);
  if (kpis_.vpp.empty() || !(kpis_.vpp.back().month == ym)) {
    VppMonth m{ym};
    m.lowest.fill(std::numeric_limits<double>::infinity());
    kpis_.vpp.push_back(m);
  }
  VppMonth& m = kpis_.vpp.back();
  for (int k = 0; k < block.steps; ++k) {
    for (size_t i = 0; i < kVppSeries.size(); ++i) {
      const double v = block.values[kVppSeries[i]][static_cast<size_t>(k)];
      m.mean[i] += v;
      m.lowest[i] = std::min(m.lowest[i], v);
    }
  }
  m.steps += block.steps;
}

void KpiAccumulator::add(const BlockResult& block) {
  addLimits(block);
  addVpp(block);
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
    const double storage = block.values[kParkStoragePower][k];
    const double dr = block.values[kParkDrDelivered][k];
    month.import_energy += std::max(import, 0.0) * dt;
    month.export_revenue += std::max(-import, 0.0) * dt * model.tariff.export_price;
    month.ev_energy += block.values[kParkEvPower][k] * dt;
    month.storage_discharge += std::max(storage, 0.0) * dt;
    month.storage_charge += std::max(-storage, 0.0) * dt;
    month.dr_delivered += std::max(dr, 0.0) * dt;
    month.dr_rebound += std::max(-dr, 0.0) * dt;
    month.export_energy += std::max(-import, 0.0) * dt;
    month.pv_energy += pv * dt;
    const size_t arrays = plan_.model.pv.size();
    for (size_t i = 0; i < arrays; ++i) {
      month.pv_shading_loss +=
          block.values[kPvShadingLoss][static_cast<size_t>(k) * arrays + i] * dt;
    }
    month.demand_energy += demand * dt;
    month.loss_energy += losses * dt;
    month.energy_cost += std::max(import, 0.0) * dt * prices[k];
    month.peak_demand = std::max(month.peak_demand, import);
    const double scale = std::max(std::abs(import), demand);
    if (scale > 0.0) {
      kpis_.max_balance_residual = std::max(
          kpis_.max_balance_residual, std::abs(import + pv + storage - demand - losses) / scale);
    }
  }
  for (size_t e = 0; e < plan_.dr_windows.size(); ++e) {
    const RunPlan::DrWindow& w = plan_.dr_windows[e];
    const int64_t first = std::max(w.first, block.first_step);
    const int64_t end = std::min(w.end, block.first_step + block.steps);
    DrEventResult& result = kpis_.events[e];
    for (int64_t step = first; step < end; ++step) {
      const double reduced =
          block.values[kParkDrDelivered][static_cast<size_t>(step - block.first_step)];
      month.dr_requested += w.request * dt;
      result.requested += w.request * dt;
      result.delivered += reduced * dt;
      result.shortest = std::min(result.shortest, reduced);
    }
  }
}

Kpis KpiAccumulator::finish() const {
  Kpis out = kpis_;
  for (VppMonth& m : out.vpp) {
    for (double& v : m.mean) v /= static_cast<double>(std::max(m.steps, 1L));
  }
  const ParkModel& model = plan_.model;
  out.total = PeriodKpi{out.months.empty() ? YearMonth{} : out.months.front().month};
  for (PeriodKpi& m : out.months) {
    m.demand_cost = model.tariff.demand_price * m.peak_demand;
    m.co2 = model.grid_emission_factor * m.import_energy;
    m.avoided_co2 = model.grid_emission_factor * m.pv_energy;
    out.total.import_energy += m.import_energy;
    out.total.export_energy += m.export_energy;
    out.total.pv_energy += m.pv_energy;
    out.total.pv_shading_loss += m.pv_shading_loss;
    out.total.demand_energy += m.demand_energy;
    out.total.loss_energy += m.loss_energy;
    out.total.energy_cost += m.energy_cost;
    out.total.demand_cost += m.demand_cost;
    out.total.co2 += m.co2;
    out.total.export_revenue += m.export_revenue;
    out.total.avoided_co2 += m.avoided_co2;
    out.total.ev_energy += m.ev_energy;
    out.total.storage_charge += m.storage_charge;
    out.total.storage_discharge += m.storage_discharge;
    out.total.dr_requested += m.dr_requested;
    out.total.dr_delivered += m.dr_delivered;
    out.total.dr_rebound += m.dr_rebound;
    out.total.peak_demand = std::max(out.total.peak_demand, m.peak_demand);
  }
  return out;
}

}  // namespace twin

namespace twin {

namespace u = physics::units;

const std::array<KpiDecl, 19> kKpis = {{
    {"grid_import_kWh", "kWh", u::kWh, [](const PeriodKpi& k) { return k.import_energy; },
     "energy imported at the grid connection", "grid import", "MWh", u::MWh, "购电量"},
    {"grid_export_kWh", "kWh", u::kWh, [](const PeriodKpi& k) { return k.export_energy; },
     "PV surplus exported at the grid connection", "grid export", "MWh", u::MWh, "上网电量"},
    {"pv_kWh", "kWh", u::kWh, [](const PeriodKpi& k) { return k.pv_energy; },
     "AC energy of all PV arrays", "PV energy", "MWh", u::MWh, "光伏发电量"},
    {"pv_shading_loss_kWh", "kWh", u::kWh, [](const PeriodKpi& k) { return k.pv_shading_loss; },
     "AC energy the PV arrays lose to the park's shade (what they would give unshaded, less what "
     "they give)",
     "PV shading loss", "MWh", u::MWh, "光伏遮挡损失"},
    {"pv_self_consumption_pct", "%", u::pct, [](const PeriodKpi& k) { return k.selfConsumption(); },
     "share of the PV energy used in the park", "PV self-consumption", "%", u::pct, "光伏自用率"},
    {"demand_kWh", "kWh", u::kWh, [](const PeriodKpi& k) { return k.demand_energy; },
     "energy drawn by motors and loads", "demand", "MWh", u::MWh, "用电量"},
    {"network_losses_kWh", "kWh", u::kWh, [](const PeriodKpi& k) { return k.loss_energy; },
     "transformer and cable losses", "network losses", "MWh", u::MWh, "网损"},
    {"peak_demand_kW", "kW", u::kW, [](const PeriodKpi& k) { return k.peak_demand; },
     "highest step-average grid import", "peak demand", "kW", u::kW, "最大需量"},
    {"energy_cost_CNY", "CNY", 1.0, [](const PeriodKpi& k) { return k.energy_cost; },
     "time-of-use energy charges", "energy cost", "kCNY", 1e3, "电度电费"},
    {"demand_cost_CNY", "CNY", 1.0, [](const PeriodKpi& k) { return k.demand_cost; },
     "monthly demand charges", "demand charge", "kCNY", 1e3, "需量电费"},
    {"export_revenue_CNY", "CNY", 1.0, [](const PeriodKpi& k) { return k.export_revenue; },
     "exported energy at the export price", "export revenue", "kCNY", 1e3, "上网电费收入"},
    {"cost_CNY", "CNY", 1.0, [](const PeriodKpi& k) { return k.cost(); },
     "energy plus demand charges less export revenue", "total cost", "kCNY", 1e3, "总电费"},
    {"co2_t", "t", u::t, [](const PeriodKpi& k) { return k.co2; },
     "CO2 of imported electricity (grid emission factor)", "CO2", "t", u::t, "碳排放"},
    {"avoided_co2_t", "t", u::t, [](const PeriodKpi& k) { return k.avoided_co2; },
     "CO2 the PV energy avoids (its energy x the grid emission factor)", "CO2 avoided by PV", "t",
     u::t, "光伏减碳量"},
    {"ev_charging_kWh", "kWh", u::kWh, [](const PeriodKpi& k) { return k.ev_energy; },
     "energy drawn by EV chargers", "EV charging", "MWh", u::MWh, "电动汽车充电量"},
    {"storage_discharge_kWh", "kWh", u::kWh, [](const PeriodKpi& k) { return k.storage_discharge; },
     "AC energy delivered by batteries", "battery discharge", "MWh", u::MWh, "储能放电量"},
    {"dr_requested_kWh", "kWh", u::kWh, [](const PeriodKpi& k) { return k.dr_requested; },
     "demand-response requests x their duration", "DR requested", "MWh", u::MWh,
     "需求响应申报电量"},
    {"dr_delivered_kWh", "kWh", u::kWh, [](const PeriodKpi& k) { return k.dr_delivered; },
     "demand reduced during demand-response events", "DR delivered", "MWh", u::MWh,
     "需求响应削减电量"},
    {"dr_rebound_kWh", "kWh", u::kWh, [](const PeriodKpi& k) { return k.dr_rebound; },
     "deferred energy consumed after demand-response events", "DR rebound", "MWh", u::MWh,
     "需求响应反弹电量"},
}};

const KpiDecl* findKpi(std::string_view name) {
  for (const KpiDecl& k : kKpis) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

}  // namespace twin
