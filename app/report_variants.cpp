// The report's variants section: a sweep's or a sizing's rows (/sweep/variants), the ones with
// the highest NPV first, as the page draws them (a table and NPV against the first variation).
#include <algorithm>
#include <array>

#include "app/json_output.h"
#include "app/report_data.h"
#include "twin/sweep/sweep_table.h"

namespace twin::cli {
namespace {

// The figures of a row the page shows, by their sweep/variants column.
constexpr std::array<std::pair<const char*, const char*>, 6> kShown = {{
    {"cost_cny", "cost_CNY"},
    {"peak_kw", "peak_demand_kW"},
    {"co2_t", "co2_t"},
    {"investment_cny", "investment_cny"},
    {"npv_cny", "npv_cny"},
    {"payback_years", "simple_payback_years"},
}};

}  // namespace

Json variantsJson(const std::string& path, size_t max_rows) {
  const std::optional<sweep::SweepTable> found = sweep::findSweepTable(path);
  if (!found) return nullptr;
  const sweep::SweepTable& t = *found;
  const int name = sweep::columnOf(t.text_columns, "name");
  const int reference = sweep::columnOf(t.text_columns, "reference");
  if (name < 0 || reference < 0) return nullptr;
  std::vector<size_t> rows;
  for (const size_t r : sweep::byNpv(t)) {
    if (t.text[r][name] != t.text[r][reference]) rows.push_back(r);  // not a park's baseline
  }
  Json out{{"variations", t.variations}, {"count", rows.size()}, {"rows", Json::array()}};
  rows.resize(std::min(rows.size(), max_rows));
  for (const size_t r : rows) {
    Json row{{"name", t.text[r][name]}};
    for (const char* text : {"scenario", "status"}) {
      const int c = sweep::columnOf(t.text_columns, text);
      row[text] = c < 0 ? "" : t.text[r][static_cast<size_t>(c)];
    }
    Json vary = Json::array();
    for (const std::string& v : t.variations) {
      const int c = sweep::columnOf(t.text_columns, "vary:" + v);
      vary.push_back(c < 0 ? "" : t.text[r][static_cast<size_t>(c)]);
    }
    row["vary"] = std::move(vary);
    for (const auto& [field, column] : kShown) {
      const int c = sweep::columnOf(t.number_columns, column);
      row[field] = c < 0 ? Json(nullptr) : numberOrNull(t.numbers[r][static_cast<size_t>(c)]);
    }
    out["rows"].push_back(std::move(row));
  }
  return out;
}

}  // namespace twin::cli
