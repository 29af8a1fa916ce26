#include "twin/sweep/kpi_codec.h"

#include <array>

namespace twin::sweep {
namespace {

// Every double of a PeriodKpi, in one fixed order.
std::array<double*, 18> fieldsOf(PeriodKpi& p) {
  return {
      &p.import_energy,  &p.export_energy, &p.pv_energy,   &p.pv_shading_loss, &p.demand_energy,
      &p.loss_energy,    &p.energy_cost,   &p.demand_cost, &p.peak_demand,     &p.co2,
      &p.export_revenue, &p.avoided_co2,   &p.ev_energy,   &p.storage_charge,  &p.storage_discharge,
      &p.dr_requested,   &p.dr_delivered,  &p.dr_rebound};
}

void putPeriod(ByteWriter& w, const PeriodKpi& p) {
  PeriodKpi copy = p;
  w.u64(static_cast<uint64_t>(p.month.year));
  w.u64(static_cast<uint64_t>(p.month.month));
  for (double* v : fieldsOf(copy)) w.f64(*v);
}

PeriodKpi takePeriod(ByteReader& r) {
  PeriodKpi p;
  p.month.year = static_cast<int>(r.u64());
  p.month.month = static_cast<int>(r.u64());
  for (double* v : fieldsOf(p)) *v = r.f64();
  return p;
}

void putDoubles(ByteWriter& w, const std::vector<double>& v) {
  w.u64(v.size());
  for (double x : v) w.f64(x);
}

std::vector<double> takeDoubles(ByteReader& r) {
  std::vector<double> v(r.count(8));
  for (double& x : v) x = r.f64();
  return v;
}

void putVpp(ByteWriter& w, const std::vector<VppMonth>& months) {
  w.u64(months.size());
  for (const VppMonth& m : months) {
    w.u64(static_cast<uint64_t>(m.month.year));
    w.u64(static_cast<uint64_t>(m.month.month));
    for (double v : m.mean) w.f64(v);
    for (double v : m.lowest) w.f64(v);
    w.u64(static_cast<uint64_t>(m.steps));
  }
}

std::vector<VppMonth> takeVpp(ByteReader& r) {
  std::vector<VppMonth> out(r.count(88));
  for (VppMonth& m : out) {
    m.month.year = static_cast<int>(r.u64());
    m.month.month = static_cast<int>(r.u64());
    for (double& v : m.mean) v = r.f64();
    for (double& v : m.lowest) v = r.f64();
    m.steps = static_cast<long>(r.u64());
  }
  return out;
}

void putLimits(ByteWriter& w, const std::vector<LimitRecord>& records) {
  w.u64(records.size());
  for (const LimitRecord& l : records) {
    w.f64(l.worst);
    w.u64(static_cast<uint64_t>(l.worst_step));
    w.u64(static_cast<uint64_t>(l.steps));
  }
}

std::vector<LimitRecord> takeLimits(ByteReader& r) {
  std::vector<LimitRecord> out(r.count(24));
  for (LimitRecord& l : out) {
    l.worst = r.f64();
    l.worst_step = static_cast<int64_t>(r.u64());
    l.steps = static_cast<long>(r.u64());
  }
  return out;
}

}  // namespace

void putKpis(ByteWriter& w, const Kpis& k) {
  putPeriod(w, k.total);
  w.u64(k.events.size());
  for (const DrEventResult& e : k.events) {
    w.u64(static_cast<uint64_t>(e.event));
    for (double v : {e.requested, e.delivered, e.shortest}) w.f64(v);
  }
  w.u64(k.months.size());
  for (const PeriodKpi& m : k.months) putPeriod(w, m);
  w.f64(k.max_balance_residual);
  putLimits(w, k.limits.bus_voltage);
  putLimits(w, k.limits.transformer);
  putLimits(w, k.limits.cable);
  putVpp(w, k.vpp);
  w.u64(static_cast<uint64_t>(k.limits.power_flow_failures));
  w.u64(static_cast<uint64_t>(k.limits.first_failure));
  w.u64(static_cast<uint64_t>(k.dispatch.programmes));
  w.u64(static_cast<uint64_t>(k.dispatch.fallback_steps));
  w.u64(static_cast<uint64_t>(k.dispatch.first_fallback));
  w.str(k.dispatch.reason);
  w.u64(k.pv_modules.size());
  for (const shading::ModuleShading& m : k.pv_modules) {
    putDoubles(w, m.sky);
    putDoubles(w, m.ground);
    putDoubles(w, m.loss);
  }
}

Kpis takeKpis(ByteReader& r) {
  Kpis k;
  k.total = takePeriod(r);
  k.events.resize(r.count(32));
  for (DrEventResult& e : k.events) {
    e.event = static_cast<int>(r.u64());
    e.requested = r.f64();
    e.delivered = r.f64();
    e.shortest = r.f64();
  }
  const uint64_t months = r.count(20 * 8);
  for (uint64_t m = 0; m < months; ++m) k.months.push_back(takePeriod(r));
  k.max_balance_residual = r.f64();
  k.limits.bus_voltage = takeLimits(r);
  k.limits.transformer = takeLimits(r);
  k.limits.cable = takeLimits(r);
  k.vpp = takeVpp(r);
  k.limits.power_flow_failures = static_cast<long>(r.u64());
  k.limits.first_failure = static_cast<int64_t>(r.u64());
  k.dispatch.programmes = static_cast<long>(r.u64());
  k.dispatch.fallback_steps = static_cast<long>(r.u64());
  k.dispatch.first_fallback = static_cast<int64_t>(r.u64());
  k.dispatch.reason = std::string(r.str());
  k.pv_modules.resize(r.count(24));
  for (shading::ModuleShading& m : k.pv_modules) {
    m.sky = takeDoubles(r);
    m.ground = takeDoubles(r);
    m.loss = takeDoubles(r);
  }
  return k;
}

}  // namespace twin::sweep
