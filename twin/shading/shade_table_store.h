// Shade tables kept on disk between processes (twin/base/disk_cache.h, docs/shading.md): a run of
// a shaded park computes its tables in seconds, and the next run of the same geometry, in another
// process, reads them back in milliseconds.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "twin/shading/shade_table_cache.h"

namespace twin::shading {

// The tables kept in `folder` under `key`, with `arrays` entries; nullopt when there are none, or
// the file is damaged (then removed) or holds another shape.
std::optional<ShadeTables> loadStoredShadeTables(const std::filesystem::path& folder,
                                                 const std::string& key, size_t arrays);

// Keeps `tables` in `folder` under `key`. A folder that cannot be written keeps nothing.
void storeShadeTables(const std::filesystem::path& folder, const std::string& key,
                      const ShadeTables& tables);

}  // namespace twin::shading
