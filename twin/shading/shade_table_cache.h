// shadeTables' results kept for the rest of the process, by a digest of everything they depend
// on: a sweep, a sizing or a dr-cost simulates the same geometry many times, and its tables take
// seconds. Computing them is deterministic, so a kept table is the one a new computation would
// give. At most 8 are kept, the oldest dropped first. Thread-safe: runs of the same key at once
// compute once and share the result.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "twin/shading/shade_table.h"

namespace twin::shading {

using ShadeTables = std::vector<std::optional<ShadeTable>>;

// The tables kept under `key`, else compute()'s, kept.
ShadeTables cachedShadeTables(const std::string& key, const std::function<ShadeTables()>& compute);

// How many times cachedShadeTables has computed, and forgetting every kept table (for the tests:
// a run on another thread count must compute its own).
size_t shadeTableComputations();
void forgetShadeTables();

}  // namespace twin::shading
