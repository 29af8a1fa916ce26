// shadeTables' results kept for the rest of the process, by a digest of everything they depend
// on: a sweep, a sizing or a dr-cost simulates the same geometry many times, and its tables take
// seconds. Computing them is deterministic, so a kept table is the one a new computation would
// give. At most 8 are kept, the oldest dropped first. Thread-safe: runs of the same key at once
// compute once and share the result. Tables not kept in the process are looked for on disk first,
// and kept there once computed (twin/base/disk_cache.h).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "twin/shading/shade_table.h"

namespace twin::shading {

using ShadeTables = std::vector<std::optional<ShadeTable>>;

// The tables kept under `key` (in the process, else on disk), else compute()'s, kept; `arrays`:
// how many entries they have (one per PV array of the model).
ShadeTables cachedShadeTables(const std::string& key, size_t arrays,
                              const std::function<ShadeTables()>& compute);

// How many times cachedShadeTables has computed, and forgetting every table kept in the process
// (for the tests: a run on another thread count must compute its own).
size_t shadeTableComputations();
void forgetShadeTables();

}  // namespace twin::shading
