// Motor findings from meter data kept in a results file (group /diagnosis, written by
// `parktwin diagnose --results`), so that the viewer colours metered motors by their measured
// efficiency and shows their diagnosis next to the simulation.
#pragma once

#include <limits>
#include <string>
#include <vector>

namespace twin {

struct MeasuredMotor {
  static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
  std::string id;                         // a motor id of the park
  double efficiency = kNone;              // energy-weighted over energised readings, fraction
  double efficiency_uncertainty = kNone;  // +- fraction
  double class_efficiency = kNone;        // the declared class's curve over the same duty
  double load = kNone;                    // mean load, fraction of rating
  double load_uncertainty = kNone;        // +- fraction of rating
  std::string flags;                      // flag names, ", "-separated
  int rank = 0;                           // by CNY saved by the replacement
  double saving = kNone;                  // CNY a year the replacement saves
};

struct MeasuredMotors {
  std::string meter_file;  // the CSV the findings come from, as given
  std::string to_class;    // the replacement's class
  std::vector<MeasuredMotor> motors;
};

// Adds (or replaces) /diagnosis in an existing results file. The file is copied to a temporary
// beside it, the copy written and renamed over the original: an error or an interruption leaves
// the original as it was. InputError for a file that is not a results file or cannot be written.
void writeMeasuredMotors(const std::string& path, const MeasuredMotors& findings);

// The findings of /diagnosis; empty (no motors) when the file has none. InputError when malformed.
MeasuredMotors readMeasuredMotors(const std::string& path);

}  // namespace twin
