// Running one variant of a sweep on its own: compiled, simulated (TBB inside), its outcome as a
// summary row and, when asked, its park-level series kept for the results file. Nothing that
// goes wrong in one variant stops a sweep: a value its field refuses, a model that does not
// compile or a run that throws becomes a failed row with the message.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "twin/engine/kpi.h"
#include "twin/engine/state.h"
#include "twin/sweep/sweep_plan.h"
#include "twin/sweep/variant_row.h"

namespace twin::sweep {

struct VariantResult {
  VariantRow row;
  // When the series are kept (and the variant ran): the park-level series and the whole KPIs,
  // for the results file.
  std::vector<BlockResult> blocks;
  std::optional<Kpis> kpis;
};

VariantResult runVariant(const SweepPlan& plan, size_t index, bool keep_series);

// Bytes of a result and back, to send it between MPI ranks; decodeResult throws
// std::runtime_error on malformed bytes.
std::string encodeResult(const VariantResult& result);
VariantResult decodeResult(std::string_view bytes);

}  // namespace twin::sweep
