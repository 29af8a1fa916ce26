// A run's KPIs as bytes and back, exactly (doubles as their bits): what a rank sends with a
// variant whose series the results file keeps, so that rank 0 stores them as the run made them.
#pragma once

#include "twin/engine/kpi.h"
#include "twin/sweep/byte_codec.h"

namespace twin::sweep {

void putKpis(ByteWriter& w, const Kpis& k);
// Throws std::runtime_error on a truncated or malformed record.
Kpis takeKpis(ByteReader& r);

}  // namespace twin::sweep
