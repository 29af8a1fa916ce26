// `parktwin compare` of a sweep's results file: read from its summary table /sweep/variants
// alone (twin/sweep/sweep_table.h), so that 10,000 variants answer in seconds. Each variant is
// set against its park's baseline row, as the sweep valued it.
#pragma once

#include "app/commands.h"
#include "twin/sweep/sweep_table.h"

namespace twin::cli {

int compareSweep(const CompareRequest& request, const sweep::SweepTable& table);

}  // namespace twin::cli
