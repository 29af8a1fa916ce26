#include "app/report_sums.h"

#include "app/report_tally.h"
#include "twin/base/error.h"

namespace twin::cli {

std::string groupingKey(const std::vector<std::string>& groups, size_t steps) {
  std::string key = std::to_string(steps);
  for (const std::string& g : groups) key += "\n" + g;
  return key;
}

TotalsPass::TotalsPass(const std::vector<std::string>* groups, size_t steps, double step_h)
    : steps_(steps), step_h_(step_h) {
  if (!groups) return;
  std::map<std::string, std::vector<double>>& grouped =
      totals_.grouped[groupingKey(*groups, steps)];
  for (const std::string& g : *groups) {
    std::vector<double>& v = grouped[g];
    v.resize(steps, 0.0);
    of_column_.push_back(v.data());  // never resized again
  }
}

void TotalsPass::add(const SeriesData& s) {
  std::vector<double>& columns = totals_.columns;
  std::vector<double>& energies = totals_.energies;
  columns.resize(s.columns, 0.0);
  energies.resize(s.columns, 0.0);
  const size_t in_groups = std::min(s.columns, of_column_.size());
  for (size_t r = 0; r < s.rows; ++r) {
    const double* row = s.values.data() + r * s.columns;
    for (size_t c = 0; c < s.columns; ++c) {
      columns[c] += row[c];
      energies[c] += row[c] * step_h_;
    }
    if (s.first_row + r >= steps_) continue;
    for (size_t c = 0; c < in_groups; ++c) of_column_[c][s.first_row + r] += row[c];
  }
}

StoredObject SeriesSums::address(const std::string& scenario, const std::string& kind,
                                 const std::string& field) const {
  const std::optional<StoredObject> object = seriesAddress(path_, scenario, kind, field);
  if (!object) {
    throw InputError(path_ + ": no series " + kind + "/" + field + " in scenario " + scenario);
  }
  return *object;
}

const SeriesTotals& SeriesSums::read(const std::string& scenario, const std::string& kind,
                                     const std::string& field,
                                     const std::vector<std::string>* groups, size_t steps,
                                     const std::string& key) {
  if (const SeriesTotals* tallied = known_ ? known_->totals(scenario, kind, field) : nullptr) {
    if (!groups || tallied->grouped.count(key) > 0) return *tallied;
  }
  SeriesTotals& sums = by_object_[address(scenario, kind, field)];
  const bool columns_held = !sums.columns.empty();
  const bool groups_held = !groups || sums.grouped.count(key) > 0;
  if (columns_held && groups_held) return sums;
  TotalsPass pass(groups, steps, step_h_);
  forEachSeriesBlock(path_, scenario, kind, field, [&](const SeriesData& s) { pass.add(s); });
  SeriesTotals fresh = pass.totals();
  if (!columns_held) {
    sums.columns = std::move(fresh.columns);
    sums.energies = std::move(fresh.energies);
  }
  if (groups) sums.grouped[key] = std::move(fresh.grouped[key]);
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
  const std::string key = groupingKey(groups, steps);
  return read(scenario, kind, field, &groups, steps, key).grouped.at(key);
}

const SeriesData& SeriesSums::series(const std::string& scenario, const std::string& kind,
                                     const std::string& field) {
  if (const SeriesData* tallied = known_ ? known_->series(scenario, kind, field) : nullptr) {
    return *tallied;
  }
  const StoredObject object = address(scenario, kind, field);
  auto it = whole_.find(object);
  if (it == whole_.end()) {
    it = whole_.emplace(object, readSeries(path_, scenario, kind, field)).first;
  }
  return it->second;
}

const std::vector<int64_t>& SeriesSums::times() {
  if (!times_) times_ = readTimes(path_);
  return *times_;
}

}  // namespace twin::cli
