#include "twin/base/disk_cache.h"

#include <elf.h>
#include <link.h>
#include <xxhash.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <vector>

#include "twin/base/temporary_path.h"

namespace twin {
namespace {

namespace fs = std::filesystem;

// A file: the magic line, the key's length and the key with the build identity, the payload's
// length and the payload, then an XXH3-64 of everything before it (damage, not attack: the key is
// compared whole).
constexpr std::string_view kMagic = "ParkTwin kept result 1\n";
constexpr size_t kLargestFile = size_t{1} << 30;  // far above any kept result

// The GNU build-ids of the program and of every shared object loaded now, in load order; "" when
// the program has none (then its builds cannot be told apart).
std::string loadedBuildIds() {
  std::string ids;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* out) {
        auto& text = *static_cast<std::string*>(out);
        const size_t before = text.size();
        for (ElfW(Half) p = 0; p < info->dlpi_phnum; ++p) {
          const ElfW(Phdr)& ph = info->dlpi_phdr[p];
          if (ph.p_type != PT_NOTE) continue;
          const auto* at = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
          const char* end = at + ph.p_memsz;
          while (at + sizeof(ElfW(Nhdr)) <= end) {
            ElfW(Nhdr) note;
            std::memcpy(&note, at, sizeof note);
            const char* name = at + sizeof note;
            const char* desc = name + ((note.n_namesz + 3) & ~3u);
            if (note.n_type == NT_GNU_BUILD_ID && desc + note.n_descsz <= end)
              text.append(desc, note.n_descsz);
            at = desc + ((note.n_descsz + 3) & ~3u);
          }
        }
        // The program comes first: without its id there is nothing to go by.
        return before == 0 && text.empty() ? 1 : 0;
      },
      &ids);
  return ids;
}

const std::string& buildIdentity() {
  static const std::string identity = loadedBuildIds();
  return identity;
}

// The key as stored: the caller's key and the build identity, each with its length.
std::string fullKey(const std::string& key) {
  const uint64_t sizes[2] = {key.size(), buildIdentity().size()};
  std::string out(reinterpret_cast<const char*>(sizes), sizeof sizes);
  return out + key + buildIdentity();
}

fs::path fileFor(const fs::path& folder, const std::string& kind, const std::string& full_key) {
  const XXH128_hash_t h = XXH3_128bits(full_key.data(), full_key.size());
  char name[33];
  std::snprintf(name, sizeof name, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return folder / (kind + "-" + name + ".bin");
}

void putSize(std::string& out, uint64_t n) { out.append(reinterpret_cast<const char*>(&n), 8); }

// The payload of a file's bytes when they are whole and hold `full_key`; nullopt otherwise.
std::optional<std::string> payloadOf(std::string_view file, const std::string& full_key) {
  if (file.size() < kMagic.size() + 24 || file.substr(0, kMagic.size()) != kMagic) return {};
  const std::string_view body = file.substr(0, file.size() - 8);
  uint64_t sum = 0;
  std::memcpy(&sum, file.data() + body.size(), 8);
  if (XXH3_64bits(body.data(), body.size()) != sum) return std::nullopt;
  std::string_view rest = body.substr(kMagic.size());
  uint64_t key_size = 0, payload_size = 0;
  std::memcpy(&key_size, rest.data(), 8);
  rest.remove_prefix(8);
  if (key_size != full_key.size() || rest.substr(0, key_size) != full_key) return std::nullopt;
  rest.remove_prefix(key_size);
  if (rest.size() < 8) return std::nullopt;
  std::memcpy(&payload_size, rest.data(), 8);
  rest.remove_prefix(8);
  if (payload_size != rest.size()) return std::nullopt;
  return std::string(rest);
}

// The least recently used files of `kind` beyond kDiskCacheFiles removed.
void trim(const fs::path& folder, const std::string& kind) {
  std::vector<std::pair<fs::file_time_type, fs::path>> files;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with(kind + "-") && name.ends_with(".bin")) {
      std::error_code time_error;
      files.emplace_back(fs::last_write_time(it->path(), time_error), it->path());
    }
  }
  if (files.size() <= kDiskCacheFiles) return;
  std::sort(files.begin(), files.end());
  for (size_t i = 0; i + kDiskCacheFiles < files.size(); ++i) fs::remove(files[i].second, ec);
}

}  // namespace

std::optional<fs::path> diskCacheFolder() {
  if (buildIdentity().empty()) return std::nullopt;
  if (const char* dir = std::getenv("PARKTWIN_CACHE_DIR")) {
    const std::string_view d(dir);
    if (d.empty() || d == "off") return std::nullopt;
    return fs::path(d);
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && xdg[0] == '/') {
    return fs::path(xdg) / "parktwin";
  }
  if (const char* home = std::getenv("HOME"); home && home[0] == '/') {
    return fs::path(home) / ".cache" / "parktwin";
  }
  return std::nullopt;
}

std::optional<std::string> readKept(const fs::path& folder, const std::string& kind,
                                    const std::string& key) {
  const std::string full_key = fullKey(key);
  const fs::path path = fileFor(folder, kind, full_key);
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) return std::nullopt;  // none kept
  std::string file;
  if (size <= kLargestFile) {
    std::ifstream in(path, std::ios::binary);
    file.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::optional<std::string> payload = payloadOf(file, full_key);
  if (!payload) {
    fs::remove(path, ec);  // damaged or another key's: computed and kept again
    return std::nullopt;
  }
  fs::last_write_time(path, fs::file_time_type::clock::now(), ec);  // recently used
  return payload;
}

void keep(const fs::path& folder, const std::string& kind, const std::string& key,
          const std::string& bytes) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  const std::string full_key = fullKey(key);
  const std::string path = fileFor(folder, kind, full_key).string();
  std::string file(kMagic);
  putSize(file, full_key.size());
  file += full_key;
  putSize(file, bytes.size());
  file += bytes;
  putSize(file, XXH3_64bits(file.data(), file.size()));
  const std::string temp = temporaryPathBeside(path);
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(file.data(), static_cast<std::streamsize>(file.size()));
    out.close();
    if (!out) {
      fs::remove(temp, ec);
      return;
    }
  }
  fs::rename(temp, path, ec);
  if (ec) fs::remove(temp, ec);
  trim(folder, kind);
}

std::string keptOrComputed(const std::string& kind, const std::string& key,
                           const std::function<bool(const std::string&)>& usable,
                           const std::function<std::string()>& compute) {
  const std::optional<fs::path> folder = diskCacheFolder();
  if (folder) {
    try {
      std::optional<std::string> kept = readKept(*folder, kind, key);
      if (kept && usable(*kept)) return std::move(*kept);
    } catch (const std::exception&) {
    }
  }
  std::string bytes = compute();
  if (folder) {
    try {
      keep(*folder, kind, key, bytes);
    } catch (const std::exception&) {
    }
  }
  return bytes;
}

}  // namespace twin
