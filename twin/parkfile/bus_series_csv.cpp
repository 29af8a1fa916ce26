#include "twin/parkfile/bus_series_csv.h"

#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>

#include "twin/base/csv.h"
#include "twin/base/error.h"
#include "twin/base/text.h"
#include "twin/parkfile/source_tree.h"

namespace twin {
namespace {

constexpr size_t kMaxErrors = 20;

std::optional<int> busNumberAfter(std::string_view name, std::string_view prefix) {
  if (name.substr(0, prefix.size()) != prefix || name.size() == prefix.size()) return std::nullopt;
  int v = 0;
  for (char ch : name.substr(prefix.size())) {
    if (ch < '0' || ch > '9' || v > 100000000) return std::nullopt;
    v = v * 10 + (ch - '0');
  }
  return v;
}

// The columns of the header row; errors are collected in `d`.
BusSeries readHeader(const CsvRow& header, const std::string& path, const MatpowerCase& c,
                     Diagnostics& d, size_t& time_field) {
  std::map<int, int> index;  // BUS_I -> network bus
  for (size_t b = 0; b < c.bus_i.size(); ++b) index[c.bus_i[b]] = static_cast<int>(b);
  BusSeries s;
  std::optional<size_t> time;
  std::map<std::string, int> seen;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    const std::string& name = header.fields[i];
    const SourceLoc at = header.at(path, i);
    if (const auto it = seen.find(name); it != seen.end()) {
      d.error(at, name,
              "expected each column once, got it again (also column " + std::to_string(it->second) +
                  ")");
      continue;
    }
    seen[name] = static_cast<int>(i + 1);
    if (name == "time") {
      time = i;
      continue;
    }
    std::optional<int> bus = busNumberAfter(name, "p_mw_");
    const bool reactive = !bus;
    if (!bus) bus = busNumberAfter(name, "q_mvar_");
    if (!bus) {
      d.error(at, "", "expected a column time, p_mw_<BUS_I> or q_mvar_<BUS_I>, got " + quote(name));
      continue;
    }
    const auto it = index.find(*bus);
    if (it == index.end()) {
      d.error(
          at, name,
          "expected the number of a bus of the case (not isolated), got " + std::to_string(*bus));
      continue;
    }
    s.columns.push_back({it->second, reactive});
    s.csv_index.push_back(i);
  }
  if (!time) d.error({path, header.line, 1}, "", "expected a column named time, got none");
  time_field = time.value_or(0);
  return s;
}

}  // namespace

BusSeries parseBusSeriesCsv(std::string_view text, const std::string& path, const MatpowerCase& c) {
  const std::vector<CsvRow> rows = parseCsv(text, path);
  if (rows.empty()) {
    throw InputError(path + ": expected a header line (time, p_mw_<BUS_I>, q_mvar_<BUS_I>), got " +
                     "an empty file");
  }
  Diagnostics d;
  size_t time_field = 0;
  BusSeries s = readHeader(rows[0], path, c, d, time_field);
  d.throwIfAny();
  const size_t header_fields = rows[0].fields.size();
  for (size_t r = 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    if (row.fields.size() != header_fields) {
      d.error({path, row.line, 1}, "",
              "expected " + std::to_string(header_fields) + " fields (as the header), got " +
                  std::to_string(row.fields.size()));
      if (d.list().size() >= kMaxErrors) break;
      continue;
    }
    s.time.push_back(row.fields[time_field]);
    std::vector<double> values(s.columns.size());
    for (size_t k = 0; k < s.columns.size(); ++k) {
      const size_t i = s.csv_index[k];
      const std::string& field = row.fields[i];
      char* end = nullptr;
      const double v = std::strtod(field.c_str(), &end);
      if (field.empty() || end != field.c_str() + field.size() || !std::isfinite(v)) {
        d.error(row.at(path, i), "",
                "expected a number (" + std::string(s.columns[k].reactive ? "MVAr" : "MW") +
                    "), got " + quote(field));
      }
      values[k] = v;
    }
    s.rows.push_back(std::move(values));
    if (d.list().size() >= kMaxErrors) break;
  }
  d.throwIfAny();
  if (s.rows.empty()) throw InputError(path + ": expected at least one step, got none");
  return s;
}

BusSeries readBusSeriesCsv(const std::string& path, const MatpowerCase& c) {
  return parseBusSeriesCsv(readTextFile(path), path, c);
}

}  // namespace twin
