// The sums `parktwin report` takes of stored series, each stored dataset read once per report.
// The typical days, the energy flows and the motors sum the same motor and load series, and a
// scenario whose series equals the baseline's stores a hard link to the baseline's dataset
// (docs/performance.md): both are read once, by the dataset's address in the file.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace twin::cli {

class SeriesSums {
 public:
  explicit SeriesSums(std::string path) : path_(std::move(path)) {}

  // Per column of scenario/kind/field: the sum over its steps.
  const std::vector<double>& columns(const std::string& scenario, const std::string& kind,
                                     const std::string& field);
  // Per group (groups[c] names column c's; columns past its end are left out): the sum of its
  // columns at each of the first `steps` steps, in column order.
  const std::map<std::string, std::vector<double>>& byGroup(const std::string& scenario,
                                                            const std::string& kind,
                                                            const std::string& field,
                                                            const std::vector<std::string>& groups,
                                                            size_t steps);

 private:
  struct Sums {
    std::vector<double> columns;
    // by the groups' names joined, and the steps
    std::map<std::string, std::map<std::string, std::vector<double>>> grouped;
  };
  // The dataset's sums, read with the grouping `key` (empty: the columns only) when not held yet.
  Sums& read(const std::string& scenario, const std::string& kind, const std::string& field,
             const std::vector<std::string>* groups, size_t steps, const std::string& key);

  std::string path_;
  std::map<std::uint64_t, Sums> by_address_;
};

}  // namespace twin::cli
