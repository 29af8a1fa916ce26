#include "app/report_sums.h"

#include "twin/base/error.h"

namespace twin::cli {

SeriesSums::Sums& SeriesSums::read(const std::string& scenario, const std::string& kind,
                                   const std::string& field, const std::vector<std::string>* groups,
                                   size_t steps, const std::string& key) {
  const std::optional<StoredObject> object = seriesAddress(path_, scenario, kind, field);
  if (!object) {
    throw InputError(path_ + ": no series " + kind + "/" + field + " in scenario " + scenario);
  }
  Sums& sums = by_object_[*object];
  const bool columns_held = !sums.columns.empty();
  const bool groups_held = !groups || sums.grouped.count(key) > 0;
  if (columns_held && groups_held) return sums;
  std::vector<double> columns, energies;
  std::map<std::string, std::vector<double>> grouped;
  std::vector<std::vector<double>*> of_column;
  if (groups) {
    for (const std::string& g : *groups) {
      std::vector<double>& v = grouped[g];
      v.resize(steps, 0.0);
      of_column.push_back(&v);
    }
  }
  forEachSeriesBlock(path_, scenario, kind, field, [&](const SeriesData& s) {
    columns.resize(s.columns, 0.0);
    energies.resize(s.columns, 0.0);
    const size_t in_groups = std::min(s.columns, of_column.size());
    for (size_t r = 0; r < s.rows; ++r) {
      const double* row = s.values.data() + r * s.columns;
      for (size_t c = 0; c < s.columns; ++c) {
        columns[c] += row[c];
        energies[c] += row[c] * step_h_;
      }
      if (s.first_row + r >= steps) continue;
      for (size_t c = 0; c < in_groups; ++c) (*of_column[c])[s.first_row + r] += row[c];
    }
  });
  if (!columns_held) {
    sums.columns = std::move(columns);
    sums.energies = std::move(energies);
  }
  if (groups) sums.grouped[key] = std::move(grouped);
  return sums;
}

const std::vector<double>& SeriesSums::columns(const std::string& scenario, const std::string& kind,
                                               const std::string& field) {
  return read(scenario, kind, field, nullptr, 0, "").columns;
}

const std::vector<double>& SeriesSums::energies(const std::string& scenario,
                                                const std::string& kind, const std::string& field) {
  return read(scenario, kind, field, nullptr, 0, "").energies;
}

const std::map<std::string, std::vector<double>>& SeriesSums::byGroup(
    const std::string& scenario, const std::string& kind, const std::string& field,
    const std::vector<std::string>& groups, size_t steps) {
  std::string key = std::to_string(steps);
  for (const std::string& g : groups) key += "\n" + g;
  return read(scenario, kind, field, &groups, steps, key).grouped[key];
}

}  // namespace twin::cli
