#include "twin/sweep/variant_row.h"

#include <cmath>
#include <limits>

#include "twin/base/iso_time.h"
#include "twin/sweep/byte_codec.h"

namespace twin::sweep {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

size_t kpiIndex(std::string_view name) { return static_cast<size_t>(findKpi(name) - kKpis.data()); }

// The KPI `name` of a row in SI.
double kpiSi(const VariantRow& row, std::string_view name) {
  const size_t i = kpiIndex(name);
  return row.kpi[i] * kKpis[i].unit_si;
}

}  // namespace

double kpiOf(const VariantRow& row, std::string_view name) { return row.kpi.at(kpiIndex(name)); }

double appraisalOf(const VariantRow& row, std::string_view json) {
  for (size_t i = 0; i < economics::kAppraisalFields.size(); ++i) {
    if (economics::kAppraisalFields[i].json == json) return row.appraisal[i];
  }
  return kNan;
}

namespace {}  // namespace

VariantRow succeededRow(uint64_t index, const ParkModel& model, const Kpis& kpis,
                        const TimeGrid& grid) {
  VariantRow row;
  row.index = index;
  row.status = kOk;
  for (size_t i = 0; i < kKpis.size(); ++i)
    row.kpi[i] = kKpis[i].get(kpis.total) / kKpis[i].unit_si;
  const NetworkLimits& limits = kpis.limits;
  if (limits.power_flow_failures > 0) {
    row.status = kNotConverged;
    row.error = "the power flow did not converge at " + std::to_string(limits.power_flow_failures) +
                " steps, the first at " +
                formatIsoTime(grid.unixTime(limits.first_failure), grid.utc_offset_s);
  }
  row.investments = model.investments();
  row.settings = model.economics;
  row.appraisal.fill(kNan);
  return row;
}

VariantRow failedRow(uint64_t index, const std::string& error) {
  VariantRow row;
  row.index = index;
  row.status = kFailed;
  row.error = error;
  row.kpi.fill(kNan);
  row.appraisal.fill(kNan);
  return row;
}

void appraise(const SweepPlan& plan, std::vector<VariantRow>& rows) {
  for (VariantRow& row : rows) {
    row.appraisal.fill(kNan);
    const VariantRow& ref = rows.at(plan.variants.at(row.index).reference);
    if (row.status == kFailed || ref.status == kFailed) continue;
    economics::InvestmentCase c;
    c.investments = row.investments;
    c.annual_savings = kpiSi(ref, "cost_CNY") - kpiSi(row, "cost_CNY");
    c.energy_saved = kpiSi(ref, "grid_import_kWh") - kpiSi(row, "grid_import_kWh");
    c.co2_avoided = kpiSi(ref, "co2_t") - kpiSi(row, "co2_t");
    const economics::Appraisal a = economics::appraise(c, ref.settings);
    for (size_t i = 0; i < economics::kAppraisalFields.size(); ++i) {
      const auto& field = economics::kAppraisalFields[i];
      const std::optional<double> v = field.get(a);
      row.appraisal[i] = v ? *v / field.json_si : kNan;
    }
  }
}

std::string encodeRow(const VariantRow& row) {
  ByteWriter w;
  w.u64(row.index);
  w.str(row.status);
  w.str(row.error);
  for (double v : row.kpi) w.f64(v);
  w.u64(row.investments.size());
  for (const Investment& i : row.investments) {
    for (double v : {i.capex, i.subsidy, i.annual_om, i.lifetime_years, i.salvage}) w.f64(v);
  }
  w.f64(row.settings.discount_rate);
  w.u64(static_cast<uint64_t>(row.settings.analysis_years));
  w.f64(row.settings.price_escalation);
  return std::move(w.out);
}

VariantRow decodeRow(std::string_view bytes) {
  ByteReader r(bytes, "a sweep row");
  VariantRow row;
  row.index = r.u64();
  row.status = r.str();
  row.error = r.str();
  for (double& v : row.kpi) v = r.f64();
  const uint64_t n = r.count(5 * 8);
  for (uint64_t k = 0; k < n; ++k) {
    Investment i;
    for (double* v : {&i.capex, &i.subsidy, &i.annual_om, &i.lifetime_years, &i.salvage})
      *v = r.f64();
    row.investments.push_back(i);
  }
  row.settings.discount_rate = r.f64();
  row.settings.analysis_years = static_cast<int>(r.u64());
  row.settings.price_escalation = r.f64();
  r.end();
  row.appraisal.fill(kNan);
  return row;
}

}  // namespace twin::sweep
