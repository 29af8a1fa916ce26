// Results that take seconds to compute (a year's shade tables, the spots `max_shading_loss`
// leaves empty), kept on disk between processes: the next run of the same inputs, in another
// process, reads them back in milliseconds (docs/shading.md). A file holds one result under its
// key, and the key is stored whole beside the GNU build-ids of the program and every library it
// has loaded, so another build of ParkTwin, Embree or libm never reads what it might have
// computed to other bits. A file is written to a temporary and renamed, so a reader never sees
// half of one; a truncated, damaged or foreign one is removed. The least recently used go once a
// kind has more than kDiskCacheFiles files.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace twin {

inline constexpr size_t kDiskCacheFiles = 64;

// The folder: $PARKTWIN_CACHE_DIR ("off" or empty: none kept), else $XDG_CACHE_HOME/parktwin, else
// $HOME/.cache/parktwin; none when the program has no build-id to tell its builds apart.
std::optional<std::filesystem::path> diskCacheFolder();

// The bytes kept in `folder` under `kind` (a file-name prefix, such as "shade") and `key`;
// nullopt when there are none or the file is damaged (then removed).
std::optional<std::string> readKept(const std::filesystem::path& folder, const std::string& kind,
                                    const std::string& key);

// Keeps `bytes` under `kind` and `key` (the folder made if missing). A folder that cannot be
// written keeps nothing: what is kept only saves time.
void keep(const std::filesystem::path& folder, const std::string& kind, const std::string& key,
          const std::string& bytes);

// compute()'s bytes, or those an earlier process kept under `kind` and `key` in diskCacheFolder()
// where `usable` takes them; kept there once computed. What is kept only saves time: with no
// folder, or on any error of the disk (or of memory, for a damaged file's claims), compute() runs
// and nothing is kept. Errors of compute() itself pass through.
std::string keptOrComputed(const std::string& kind, const std::string& key,
                           const std::function<bool(const std::string&)>& usable,
                           const std::function<std::string()>& compute);

}  // namespace twin
