// The sums `parktwin report` takes of stored series, each stored dataset read once per report.
// The typical days, the energy flows and the motors sum the same motor and load series, and a
// scenario whose series equals the baseline's stores a hard link to the baseline's dataset
// (docs/performance.md): both are read once, by the dataset's address in the file. Where the
// process has just written the file (`parktwin demo`), a ReportTally taken of the run's blocks
// as they were stored gives the same sums without reading them back (report_tally.h).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "twin/results/results_reader.h"

namespace twin::cli {

class ReportTally;

// One series' sums: per column over its steps, the same each step's value times step_h first
// (kWh from kW), and per grouping of its columns (by groupingKey) each group's sum at each step.
struct SeriesTotals {
  std::vector<double> columns, energies;
  std::map<std::string, std::map<std::string, std::vector<double>>> grouped;
};

// The key of a grouping of columns: groups[c] names column c's group; steps kept.
std::string groupingKey(const std::vector<std::string>& groups, size_t steps);

// One pass over a series' rows, block by block in time order, summing as SeriesTotals holds:
// per column, in column order, each row in turn (so any two passes over the same values give the
// same bits). Columns past groups' end are in no group; steps past `steps` are left out.
class TotalsPass {
 public:
  // `groups`: nullptr for the columns' sums only.
  TotalsPass(const std::vector<std::string>* groups, size_t steps, double step_h);
  TotalsPass(const TotalsPass&) = delete;  // it points into its own sums
  TotalsPass& operator=(const TotalsPass&) = delete;
  void add(const SeriesData& block);
  // The sums so far: the columns' and, under groupingKey, the grouping's.
  const SeriesTotals& totals() const { return totals_; }

 private:
  SeriesTotals totals_;
  std::vector<double*> of_column_;  // each column's group's sums, by step
  size_t steps_;
  double step_h_;
};

class SeriesSums {
 public:
  // `step_h`: the file's step in hours, for the columns' energies. `known`: sums taken while the
  // file was written (nullptr: every sum is read from the file).
  SeriesSums(std::string path, double step_h, const ReportTally* known = nullptr)
      : path_(std::move(path)), step_h_(step_h), known_(known) {}

  // Per column of scenario/kind/field: the sum over its steps.
  const std::vector<double>& columns(const std::string& scenario, const std::string& kind,
                                     const std::string& field);
  // The same, each step's value times step_h first: kWh from kW.
  const std::vector<double>& energies(const std::string& scenario, const std::string& kind,
                                      const std::string& field);
  // Per group (groups[c] names column c's; columns past its end are left out): the sum of its
  // columns at each of the first `steps` steps, in column order.
  const std::map<std::string, std::vector<double>>& byGroup(const std::string& scenario,
                                                            const std::string& kind,
                                                            const std::string& field,
                                                            const std::vector<std::string>& groups,
                                                            size_t steps);
  // A whole series (a park-level one: one column), read once.
  const SeriesData& series(const std::string& scenario, const std::string& kind,
                           const std::string& field);
  // The file's step times, read once.
  const std::vector<int64_t>& times();

 private:
  // The dataset's sums, read with the grouping (nullptr: the columns only) when not held yet.
  const SeriesTotals& read(const std::string& scenario, const std::string& kind,
                           const std::string& field, const std::vector<std::string>* groups,
                           size_t steps, const std::string& key);
  StoredObject address(const std::string& scenario, const std::string& kind,
                       const std::string& field) const;

  std::string path_;
  double step_h_;
  const ReportTally* known_;
  std::map<StoredObject, SeriesTotals> by_object_;
  std::map<StoredObject, SeriesData> whole_;
  std::optional<std::vector<int64_t>> times_;
};

}  // namespace twin::cli
