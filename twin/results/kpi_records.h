// The run's records kept beside its KPIs (written by results_writer.cpp): the network limits each
// bus, transformer and cable crossed (/kpi/limits) and the demand-response events inside the run
// (/kpi/dr_events), for reports.
#pragma once

#include <string>
#include <vector>

namespace twin {

struct LimitCrossing {
  std::string kind;  // "bus_voltage", "transformer_loading" or "cable_loading"
  std::string id;
  double worst = 0.0;  // in `units`, the value furthest beyond the limit
  std::string units;   // "pu" or "%"
  long steps = 0;      // steps beyond the limit
};

struct DrEventRecord {
  std::string id;
  double requested_kwh = 0.0;
  double delivered_kwh = 0.0;
  double lowest_reduction_kw = 0.0;
};

// Only the elements that crossed their limit (steps > 0). InputError for a malformed file.
std::vector<LimitCrossing> readLimitCrossings(const std::string& path, const std::string& scenario);
// Empty when the run had no events.
std::vector<DrEventRecord> readDrEventRecords(const std::string& path, const std::string& scenario);

}  // namespace twin
