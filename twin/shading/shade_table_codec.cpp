#include "twin/shading/shade_table_codec.h"

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace twin::shading {
namespace {

void putBytes(std::string& out, const void* data, size_t bytes) {
  out.append(static_cast<const char*>(data), bytes);
}
void putCount(std::string& out, uint64_t n) { putBytes(out, &n, sizeof n); }
void putDoubles(std::string& out, const std::vector<double>& v) {
  putCount(out, v.size());
  putBytes(out, v.data(), v.size() * sizeof(double));
}

}  // namespace

std::string shadeTablesBytes(const ShadeTables& tables) {
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

namespace {

// Reads what shadeTablesBytes() wrote; each take fails (false) past the end, so no count is
// trusted.
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

}  // namespace

std::optional<ShadeTables> shadeTablesFrom(std::string_view payload, size_t arrays) {
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

}  // namespace twin::shading
