// The sums `parktwin report` takes of stored series, each stored dataset read once per report.
// The typical days, the energy flows and the motors sum the same motor and load series, and a
// scenario whose series equals the baseline's stores a hard link to the baseline's dataset
// (docs/performance.md): both are read once, by the dataset's address in the file.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "twin/results/results_reader.h"

namespace twin::cli {

class SeriesSums {
 public:
  // `step_h`: the file's step in hours, for the columns' energies.
  SeriesSums(std::string path, double step_h) : path_(std::move(path)), step_h_(step_h) {}

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

 private:
  struct Sums {
    std::vector<double> columns, energies;
    // by the groups' names joined, and the steps
    std::map<std::string, std::map<std::string, std::vector<double>>> grouped;
  };
  // The dataset's sums, read with the grouping `key` (empty: the columns only) when not held yet.
  Sums& read(const std::string& scenario, const std::string& kind, const std::string& field,
             const std::vector<std::string>* groups, size_t steps, const std::string& key);

  std::string path_;
  double step_h_;
  std::map<StoredObject, Sums> by_object_;
};

}  // namespace twin::cli
