// One row of a sweep's summary table: a variant's outcome (ok, failed with its error, or run with
// steps whose power flow did not converge), its KPI totals and, once its park's baseline is known,
// its investment case. Rows travel between processes (MPI ranks, the resume journal) as bytes.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "twin/economics/appraisal_fields.h"
#include "twin/engine/kpi.h"
#include "twin/model/time_grid.h"
#include "twin/sweep/sweep_plan.h"

namespace twin::sweep {

// "ok"; "failed": it did not compile or run (error says why, no KPIs); "not_converged": it ran,
// but the power flow failed at some steps (error says how many and when), KPIs kept.
inline constexpr std::string_view kOk = "ok";
inline constexpr std::string_view kFailed = "failed";
inline constexpr std::string_view kNotConverged = "not_converged";

struct VariantRow {
  uint64_t index = 0;  // into SweepPlan::variants
  std::string status;
  std::string error;
  std::array<double, kKpis.size()> kpi{};  // totals, each in its declared unit; NaN when failed
  // Filled by appraise(): each field in its JSON unit; NaN where the figure does not exist.
  std::array<double, economics::kAppraisalFields.size()> appraisal{};
  // What the appraisal needs from the variant's model, carried with the row.
  std::vector<Investment> investments;
  EconomicsSettings settings;
};

// A row's KPI total `name` in its declared unit, and its appraisal figure `json` in its JSON unit
// (NaN where there is none).
double kpiOf(const VariantRow& row, std::string_view name);
double appraisalOf(const VariantRow& row, std::string_view json);

// The row of a variant that ran (kpis) or failed (error).
VariantRow succeededRow(uint64_t index, const ParkModel& model, const Kpis& kpis,
                        const TimeGrid& grid);
VariantRow failedRow(uint64_t index, const std::string& error);

// Each row's investment case against its park's baseline row (plan.variants[i].reference), as
// `parktwin compare` values a scenario (twin/economics/cash_flow.h). rows[i] is variant i.
void appraise(const SweepPlan& plan, std::vector<VariantRow>& rows);

// Bytes of a row and back (exact: doubles as their bits). decodeRow throws std::runtime_error
// on a truncated or malformed record.
std::string encodeRow(const VariantRow& row);
VariantRow decodeRow(std::string_view bytes);

}  // namespace twin::sweep
