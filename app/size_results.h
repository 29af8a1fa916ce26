// `parktwin size -o OUT.h5`: the sizes tried as a sweep's results file, so that `compare`
// (table, --json, --csv, --xlsx) and `report` read them as they read a sweep (docs/sweeps.md).
// The root holds the baseline and /scenarios/<best> the best size, each with every series;
// /sweep/variants holds one row per size tried, named size01, size02, ... in the order tried,
// with the battery's energy and power as its `vary:` columns.
#pragma once

#include <string>

#include "twin/model/compile_park.h"
#include "twin/results/results_writer.h"
#include "twin/sweep/battery_sizing.h"

namespace twin::cli {

// The best size's scenario name in the file ("size07").
std::string sizeName(size_t point);

// The file, written beside its target and renamed onto it by finish().
class SizingResults {
 public:
  SizingResults(const std::string& output, const std::string& command_line,
                const ParkSource& source, const TimeGrid& grid);
  // Runs the baseline into the file's root; its KPIs are the sizing's baseline (run once).
  Kpis runBaseline(const ParkModel& baseline);
  // The best size's run and the table of every size; commits the file.
  void finish(const CompiledPark& park, const sweep::SizingCase& c,
              const sweep::SizingResult& result);

 private:
  const ParkSource& source_;
  TimeGrid grid_;
  ResultsWriter writer_;
};

}  // namespace twin::cli
