// Shade tables kept on disk between processes (docs/shading.md): a run of a shaded park computes
// its tables in seconds, and the next run of the same geometry, in another process, reads them
// back in milliseconds. A file is named by a digest of the tables' key (shade_table_cache.h) and of
// the build-ids of the program and every library it has loaded, so that another build of ParkTwin,
// Embree or libm never reads tables it might have computed differently. Each file carries that
// digest and a SHA-256 of its contents: a damaged, truncated or foreign file is removed and the
// tables computed again. Files are written to a temporary and renamed, so a reader never sees half
// of one; the least recently used go once the folder holds more than kStoreFiles of them.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "twin/shading/shade_table_cache.h"

namespace twin::shading {

inline constexpr size_t kStoreFiles = 64;

// The folder: $PARKTWIN_CACHE_DIR ("off" or empty: none kept), else $XDG_CACHE_HOME/parktwin, else
// $HOME/.cache/parktwin; none when the program has no build-id to tell its builds apart.
std::optional<std::filesystem::path> shadeStoreFolder();

// The tables kept in `folder` under `key`, with `arrays` entries; nullopt when there are none or
// the file is damaged (then removed).
std::optional<ShadeTables> loadStoredShadeTables(const std::filesystem::path& folder,
                                                 const std::string& key, size_t arrays);

// Keeps `tables` in `folder` under `key` (the folder made if missing). A folder that cannot be
// written keeps nothing: the tables are only a saving of time.
void storeShadeTables(const std::filesystem::path& folder, const std::string& key,
                      const ShadeTables& tables);

}  // namespace twin::shading
