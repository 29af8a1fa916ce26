// Reading a results file written by ResultsWriter: its metadata, period, scenarios, park model,
// series and KPIs (for `parktwin info`, comparisons and tests). Bad files raise InputError naming
// the file.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "twin/model/model.h"
#include "twin/shading/shade_table.h"

namespace twin {

struct SeriesListing {
  std::string kind;
  std::string field;
  std::string units;
  size_t columns = 0;
};

struct KpiValue {
  std::string name;
  std::string units;
  double value = 0.0;
};

struct ScenarioResults {
  std::string name;  // "baseline" for the root
  std::string description;
  std::vector<SeriesListing> series;
  std::vector<KpiValue> total;
  std::vector<std::string> months;             // "YYYY-MM"
  std::vector<std::vector<KpiValue>> monthly;  // per month
};

struct ResultsSummary {
  std::string park_sha256;
  std::string tool_version;
  std::string command_line;
  std::string created_utc;
  int64_t first_time = 0;  // Unix s, start of the first step
  int64_t steps = 0;
  int step_s = 0;
  int utc_offset_s = 0;
  std::vector<ScenarioResults> scenarios;  // baseline first
};

struct SeriesData {
  std::vector<std::string> ids;
  std::string units;
  size_t first_row = 0;  // the step of the first row held (0 unless a RowRange asked otherwise)
  size_t rows = 0;       // rows held
  size_t columns = 0;
  std::vector<double> values;  // rows x columns, row-major, in `units`
};

// Rows (steps) of a series to read: `count` from `first`, clamped to the series. The default is
// all of them; a snapshot or a video reads only the steps it shows (a year of a park's motors is
// 60 MB as doubles).
struct RowRange {
  size_t first = 0;
  size_t count = std::numeric_limits<size_t>::max();
};

// True when the file starts with the HDF5 signature.
bool isHdf5File(const std::string& path);
ResultsSummary readResultsSummary(const std::string& path);
// scenario "baseline" or a scenario name; kind/field as under /series.
SeriesData readSeries(const std::string& path, const std::string& scenario, const std::string& kind,
                      const std::string& field, RowRange rows = {});
// Calls fn with consecutive blocks of the series' rows (a chunk of the file each, a day of
// steps as ParkTwin writes them; SeriesData::first_row says where), never the whole series at
// once: sums over a year of a park's motors need a day's memory instead of 60 MB.
void forEachSeriesBlock(const std::string& path, const std::string& scenario,
                        const std::string& kind, const std::string& field,
                        const std::function<void(const SeriesData&)>& fn);
// Where scenario/kind/field is stored: the file's number and the object's address in it, the same
// for every scenario whose series is a hard link to the baseline's. nullopt when the run has no
// such series.
using StoredObject = std::pair<unsigned long, uint64_t>;
std::optional<StoredObject> seriesAddress(const std::string& path, const std::string& scenario,
                                          const std::string& kind, const std::string& field);
std::string readParkText(const std::string& path);
// The park model of scenario "baseline" or a named one, as stored under its /model
// (twin/results/model_tables.h: the described part, not enough to simulate).
ParkModel readStoredModel(const std::string& path, const std::string& scenario);
// Each laid-out module's shading over the scenario's run (module_shading_io.h), per array of
// `model` (the scenario's stored model); empty vectors where the file has none.
std::vector<shading::ModuleShading> readStoredModuleShading(const std::string& path,
                                                            const std::string& scenario,
                                                            const ParkModel& model);
std::vector<int64_t> readTimes(const std::string& path);

}  // namespace twin
