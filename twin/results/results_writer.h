// Writing a run's results to one HDF5 file: /meta, /time, /model (the park model, see
// model_tables.h), /series/<kind>/<field> [time x columns] with `units` and `ids` attributes,
// /kpi; scenarios under /scenarios/<name>/ with the same layout. Written to a temporary file beside
// the target and renamed when complete, so the target path never holds a half-written file.
#pragma once

#include <memory>
#include <string>

#include "twin/engine/kpi.h"
#include "twin/engine/state.h"
#include "twin/model/model.h"
#include "twin/model/time_grid.h"

namespace H5 {
class H5File;
}

namespace twin {

struct RunMeta {
  std::string park_file;  // the park file's text
  std::string park_sha256;
  std::string tool_version;
  std::string command_line;
  std::string created_utc;  // ISO 8601
};

// What a scenario stores of its series: all of them, or the park-level ones only (sweeps); its
// /model and KPIs are always stored.
enum class StoreLevel { kFull, kPark };

class ResultsWriter {
 public:
  // Creates the temporary file; throws InputError when the folder is not writable.
  ResultsWriter(std::string target_path, const RunMeta& meta, const TimeGrid& grid);
  ~ResultsWriter();  // removes the temporary file unless commit() succeeded
  ResultsWriter(const ResultsWriter&) = delete;
  ResultsWriter& operator=(const ResultsWriter&) = delete;

  // Starts the results of one model (the baseline when model.scenario is empty). The returned
  // sink takes the run's blocks; endScenario() adds the KPIs.
  BlockSink& beginScenario(const ParkModel& model, const std::string& description,
                           StoreLevel store = StoreLevel::kFull);
  // A text attribute of the scenario begun last (a sweep's parameter values).
  void setScenarioAttribute(const std::string& name, const std::string& value);
  void endScenario(const Kpis& kpis);
  // The open file, for what another layer adds beside the runs (a sweep's summary table).
  H5::H5File& file();
  // Closes the file and renames it onto the target path.
  void commit();

  const std::string& temporaryPath() const { return temp_path_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string target_path_;
  std::string temp_path_;
  bool committed_ = false;
};

// UTC now as 2026-11-21T23:31:57Z.
std::string utcNowIso();

}  // namespace twin
