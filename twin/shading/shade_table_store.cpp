#include "twin/shading/shade_table_store.h"

#include <elf.h>
#include <link.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string_view>
#include <system_error>
#include <vector>

#include "twin/base/temporary_path.h"
#include "twin/parkfile/sha256.h"

namespace twin::shading {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "ParkTwin shade tables 1\n";
constexpr size_t kDigestChars = 64;               // SHA-256 in hex
constexpr size_t kLargestFile = size_t{1} << 30;  // far above any park's tables

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

fs::path fileFor(const fs::path& folder, const std::string& digest) {
  return folder / ("shade-" + digest + ".bin");
}

void putBytes(std::string& out, const void* data, size_t bytes) {
  out.append(static_cast<const char*>(data), bytes);
}
void putCount(std::string& out, uint64_t n) { putBytes(out, &n, sizeof n); }
void putDoubles(std::string& out, const std::vector<double>& v) {
  putCount(out, v.size());
  putBytes(out, v.data(), v.size() * sizeof(double));
}

std::string encode(const ShadeTables& tables) {
  std::string out;
  putCount(out, tables.size());
  for (const std::optional<ShadeTable>& t : tables) {
    putCount(out, t ? 1 : 0);
    if (!t) continue;
    putCount(out, t->beam.size());
    putBytes(out, t->beam.data(), t->beam.size() * sizeof(t->beam[0]));
    putBytes(out, &t->sky, sizeof t->sky);
    putBytes(out, &t->ground, sizeof t->ground);
    putDoubles(out, t->modules.sky);
    putDoubles(out, t->modules.ground);
    putDoubles(out, t->modules.loss);
  }
  return out;
}

// Reads what encode() wrote; each take fails (false) past the end, so no count is trusted.
struct Reader {
  std::string_view rest;
  bool take(void* out, size_t bytes) {
    if (bytes > rest.size()) return false;
    std::memcpy(out, rest.data(), bytes);
    rest.remove_prefix(bytes);
    return true;
  }
  bool count(uint64_t& n, size_t item_bytes) {
    return take(&n, sizeof n) && n <= rest.size() / item_bytes;
  }
  bool doubles(std::vector<double>& v) {
    uint64_t n = 0;
    if (!count(n, sizeof(double))) return false;
    v.resize(n);
    return take(v.data(), n * sizeof(double));
  }
  bool table(ShadeTable& t) {
    uint64_t rows = 0;
    if (!count(rows, sizeof(t.beam[0]))) return false;
    t.beam.resize(rows);
    return take(t.beam.data(), rows * sizeof(t.beam[0])) && take(&t.sky, sizeof t.sky) &&
           take(&t.ground, sizeof t.ground) && doubles(t.modules.sky) &&
           doubles(t.modules.ground) && doubles(t.modules.loss);
  }
};

std::optional<ShadeTables> decode(std::string_view payload, size_t arrays) {
  Reader in{payload};
  uint64_t n = 0;
  if (!in.count(n, sizeof(uint64_t)) || n != arrays) return std::nullopt;
  ShadeTables tables(n);
  for (std::optional<ShadeTable>& t : tables) {
    uint64_t present = 0;
    if (!in.take(&present, sizeof present) || present > 1) return std::nullopt;
    if (present == 1 && !in.table(t.emplace())) return std::nullopt;
  }
  if (!in.rest.empty()) return std::nullopt;
  return tables;
}

// The file's payload when its header names `digest` and its checksum holds; nullopt otherwise.
std::optional<std::string_view> payloadOf(std::string_view file, const std::string& digest) {
  const size_t head = kMagic.size() + kDigestChars;
  if (file.size() < head + kDigestChars || file.substr(0, kMagic.size()) != kMagic ||
      file.substr(kMagic.size(), kDigestChars) != digest) {
    return std::nullopt;
  }
  const std::string_view payload = file.substr(head, file.size() - head - kDigestChars);
  if (sha256Hex(payload) != file.substr(file.size() - kDigestChars)) return std::nullopt;
  return payload;
}

// The least recently used files beyond kStoreFiles removed.
void trim(const fs::path& folder) {
  std::vector<std::pair<fs::file_time_type, fs::path>> files;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with("shade-") && name.ends_with(".bin")) {
      std::error_code time_error;
      files.emplace_back(fs::last_write_time(it->path(), time_error), it->path());
    }
  }
  if (files.size() <= kStoreFiles) return;
  std::sort(files.begin(), files.end());
  for (size_t i = 0; i + kStoreFiles < files.size(); ++i) fs::remove(files[i].second, ec);
}

}  // namespace

std::optional<fs::path> shadeStoreFolder() {
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

std::optional<ShadeTables> loadStoredShadeTables(const fs::path& folder, const std::string& key,
                                                 size_t arrays) {
  const std::string digest = sha256Hex(key + buildIdentity());
  const fs::path path = fileFor(folder, digest);
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) return std::nullopt;  // none kept
  std::string file;
  if (size <= kLargestFile) {
    std::ifstream in(path, std::ios::binary);
    file.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::optional<ShadeTables> tables;
  if (const std::optional<std::string_view> payload = payloadOf(file, digest)) {
    tables = decode(*payload, arrays);
  }
  if (!tables) {
    fs::remove(path, ec);  // damaged: computed and kept again
    return std::nullopt;
  }
  fs::last_write_time(path, fs::file_time_type::clock::now(), ec);  // recently used
  return tables;
}

void storeShadeTables(const fs::path& folder, const std::string& key, const ShadeTables& tables) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  const std::string digest = sha256Hex(key + buildIdentity());
  const std::string path = fileFor(folder, digest).string();
  const std::string temp = temporaryPathBeside(path);
  const std::string payload = encode(tables);
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << kMagic << digest << payload << sha256Hex(payload);
    out.close();
    if (!out) {
      fs::remove(temp, ec);
      return;
    }
  }
  fs::rename(temp, path, ec);
  if (ec) fs::remove(temp, ec);
  trim(folder);
}

}  // namespace twin::shading
