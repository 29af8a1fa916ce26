#include "twin/results/results_reader.h"

#include <H5Cpp.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <functional>
#include <optional>
#include <stdexcept>
#include <type_traits>

#include "twin/base/error.h"
#include "twin/base/file_stamp.h"
#include "twin/results/chunk_reader.h"
#include "twin/results/hdf5_io.h"
#include "twin/results/model_tables.h"
#include "twin/results/module_shading_io.h"
#include "twin/results/results_file.h"
#include "twin/results/results_probe.h"

namespace twin {
namespace {

int32_t intAttribute(const H5::H5Object& object, const std::string& name) {
  H5::Attribute attr = object.openAttribute(name);
  expectLayout(attr, H5T_INTEGER, {}, "attribute " + name);
  int32_t value = 0;
  attr.read(H5::PredType::NATIVE_INT32, &value);
  return value;
}

double readScalar(const H5::DataSet& ds, const std::string& what) {
  expectLayout(ds, H5T_FLOAT, {}, what);
  double value = 0.0;
  ds.read(&value, H5::PredType::NATIVE_DOUBLE);
  return value;
}

// The dimensions of a numeric dataset of the given rank: [time] or [time x columns].
std::vector<hsize_t> numericShape(const H5::DataSet& ds, size_t rank, const std::string& what) {
  std::vector<hsize_t> dims = dimsOf(ds.getSpace());
  if (dims.size() != rank || ds.getTypeClass() == H5T_STRING) {
    throw LayoutError(what + " is not a " + std::to_string(rank) + "-D numeric array");
  }
  return dims;
}

ScenarioResults readScenario(H5::H5File& file, const std::string& name) {
  ScenarioResults out;
  out.name = name;
  H5::Group root = scenarioGroup(file, name);
  out.description = stringAttribute(root, "description");
  H5::Group series = root.openGroup("series");
  for (const std::string& kind : childNames(series)) {
    H5::Group group = series.openGroup(kind);
    for (const std::string& field : childNames(group)) {
      H5::DataSet ds = group.openDataSet(field);
      const hsize_t columns = numericShape(ds, 2, kind + "/" + field)[1];
      out.series.push_back({kind, field, stringAttribute(ds, "units"), columns});
    }
  }
  H5::Group total = root.openGroup("kpi").openGroup("total");
  for (const std::string& k : childNames(total)) {
    H5::DataSet ds = total.openDataSet(k);
    out.total.push_back({k, stringAttribute(ds, "units"), readScalar(ds, "kpi/total/" + k)});
  }
  H5::Group monthly = root.openGroup("kpi").openGroup("monthly");
  out.months = readStringList(monthly.openDataSet("month"), "kpi/monthly/month");
  out.monthly.resize(out.months.size());
  for (const std::string& k : childNames(monthly)) {
    if (k == "month") continue;
    H5::DataSet ds = monthly.openDataSet(k);
    expectLayout(ds, H5T_FLOAT, {out.months.size()}, "kpi/monthly/" + k);
    std::vector<double> values(out.months.size());
    ds.read(values.data(), H5::PredType::NATIVE_DOUBLE);
    for (size_t m = 0; m < values.size(); ++m) {
      out.monthly[m].push_back({k, stringAttribute(ds, "units"), values[m]});
    }
  }
  return out;
}

}  // namespace

bool isHdf5File(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::array<char, 8> head{};
  in.read(head.data(), head.size());
  return in.gcount() == 8 && std::string(head.data(), 8) == std::string("\x89HDF\r\n\x1a\n", 8);
}

namespace {

ResultsSummary readSummary(const std::string& path) {
  H5::H5File file = openResults(path);
  return guarded(path, [&] {
    ResultsSummary s;
    H5::Group meta = file.openGroup("meta");
    s.park_sha256 = readString(meta.openDataSet("park_sha256"), "meta/park_sha256");
    s.tool_version = readString(meta.openDataSet("tool_version"), "meta/tool_version");
    s.command_line = readString(meta.openDataSet("command_line"), "meta/command_line");
    s.created_utc = readString(meta.openDataSet("created_utc"), "meta/created_utc");
    H5::DataSet time = file.openDataSet("time");
    const hsize_t n = numericShape(time, 1, "time")[0];
    s.steps = static_cast<int64_t>(n);
    if (n > 0) {
      const hsize_t one = 1;
      const hsize_t start = 0;
      H5::DataSpace fs = time.getSpace();
      fs.selectHyperslab(H5S_SELECT_SET, &one, &start);
      time.read(&s.first_time, H5::PredType::NATIVE_INT64, H5::DataSpace(1, &one), fs);
    }
    s.step_s = intAttribute(time, "step_s");
    s.utc_offset_s = intAttribute(time, "utc_offset_s");
    s.scenarios.push_back(readScenario(file, "baseline"));
    for (const std::string& name : childNames(file.openGroup("scenarios"))) {
      s.scenarios.push_back(readScenario(file, name));
    }
    return s;
  });
}

// The summaries this process has read: a report reads its file's summary for itself, its
// comparison and each of its three snapshots.
KeptByStamp<ResultsSummary>& summaries() {
  static KeptByStamp<ResultsSummary> s;
  return s;
}

}  // namespace

ResultsSummary readResultsSummary(const std::string& path) {
  const std::optional<FileStamp> stamp = fileStamp(path);
  if (stamp) {
    if (std::optional<ResultsSummary> kept = summaries().find(path, *stamp)) return *kept;
  }
  ResultsSummary summary = readSummary(path);
  if (stamp && fileStamp(path) == stamp) summaries().keep(path, *stamp, summary);  // unchanged
  return summary;
}

namespace {

// The dataset of scenario/kind/field, with `head` given its ids, units, columns and all its rows
// (no values yet).
H5::DataSet openSeries(H5::H5File& file, const std::string& path, const std::string& scenario,
                       const std::string& kind, const std::string& field, SeriesData& head) {
  H5::Group root = scenarioGroup(file, scenario);
  if (!root.nameExists("series") || !root.openGroup("series").nameExists(kind) ||
      !root.openGroup("series").openGroup(kind).nameExists(field)) {
    throw InputError(path + ": no series " + kind + "/" + field + " in scenario " + scenario);
  }
  H5::DataSet ds = root.openGroup("series").openGroup(kind).openDataSet(field);
  const std::vector<hsize_t> shape = numericShape(ds, 2, kind + "/" + field);
  head.rows = shape[0];
  head.columns = shape[1];
  head.ids = readStringList(ds.openAttribute("ids"), kind + "/" + field + " ids");
  if (head.ids.size() != head.columns) throw LayoutError(kind + "/" + field + " ids do not match");
  head.units = stringAttribute(ds, "units");
  return ds;
}

// Reads `count` rows from `first` (within the dataset) into out.values; sets first_row and rows.
void readRows(const H5::DataSet& ds, size_t first, size_t count, SeriesData& out) {
  out.first_row = first;
  out.rows = count;
  if (count * out.columns > 0 && readStoredRows(ds, first, count, out.columns, out.values)) return;
  out.values.resize(count * out.columns);
  if (out.values.empty()) return;
  const hsize_t start[2] = {first, 0};
  const hsize_t extent[2] = {count, out.columns};
  H5::DataSpace file_space = ds.getSpace();
  file_space.selectHyperslab(H5S_SELECT_SET, extent, start);
  ds.read(out.values.data(), H5::PredType::NATIVE_DOUBLE, H5::DataSpace(2, extent), file_space);
}

}  // namespace

SeriesData readSeries(const std::string& path, const std::string& scenario, const std::string& kind,
                      const std::string& field, RowRange rows) {
  H5::H5File file = openResults(path);
  return guarded(path, [&] {
    SeriesData out;
    const H5::DataSet ds = openSeries(file, path, scenario, kind, field, out);
    const size_t first = std::min(rows.first, out.rows);
    readRows(ds, first, std::min(rows.count, out.rows - first), out);
    return out;
  });
}

void forEachSeriesBlock(const std::string& path, const std::string& scenario,
                        const std::string& kind, const std::string& field,
                        const std::function<void(const SeriesData&)>& fn) {
  H5::H5File file = openResults(path);
  guarded(path, [&] {
    SeriesData block;
    const H5::DataSet ds = openSeries(file, path, scenario, kind, field, block);
    const size_t rows = block.rows;
    hsize_t chunk[2] = {rows, block.columns};
    const H5::DSetCreatPropList props = ds.getCreatePlist();
    if (props.getLayout() == H5D_CHUNKED) props.getChunk(2, chunk);
    const size_t step = std::max<size_t>(1, std::min<size_t>(chunk[0], 1u << 16));
    for (size_t first = 0; first < rows; first += step) {
      readRows(ds, first, std::min(step, rows - first), block);
      fn(block);
    }
    return 0;
  });
}

std::optional<StoredObject> seriesAddress(const std::string& path, const std::string& scenario,
                                          const std::string& kind, const std::string& field) {
  H5::H5File file = openResults(path);
  return guarded(path, [&]() -> std::optional<StoredObject> {
    H5::Group root = scenarioGroup(file, scenario);
    const std::string name = "series/" + kind + "/" + field;
    if (!root.nameExists("series") || !root.openGroup("series").nameExists(kind) ||
        !root.openGroup("series").openGroup(kind).nameExists(field)) {
      return std::nullopt;
    }
    H5O_info_t info{};
    if (H5Oget_info_by_name(root.getId(), name.c_str(), &info, H5P_DEFAULT) < 0) {
      throw LayoutError(name + ": its object cannot be read");
    }
    return StoredObject{info.fileno, static_cast<uint64_t>(info.addr)};
  });
}

std::string readParkText(const std::string& path) {
  H5::H5File file = openResults(path);
  return guarded(path, [&] {
    return readString(file.openGroup("meta").openDataSet("park_file"), "meta/park_file");
  });
}

ParkModel readStoredModel(const std::string& path, const std::string& scenario) {
  H5::H5File file = openResults(path);
  return guarded(path, [&] {
    if (scenario != "baseline" && !file.openGroup("scenarios").nameExists(scenario)) {
      throw InputError(path + ": no scenario \"" + scenario + "\"");
    }
    return readModel(scenarioGroup(file, scenario));
  });
}

std::vector<shading::ModuleShading> readStoredModuleShading(const std::string& path,
                                                            const std::string& scenario,
                                                            const ParkModel& model) {
  H5::H5File file = openResults(path);
  return guarded(path, [&] {
    return readModuleShading(scenarioGroup(file, scenario).openGroup("model/pv"), model);
  });
}

std::vector<int64_t> readTimes(const std::string& path) {
  H5::H5File file = openResults(path);
  return guarded(path, [&] {
    H5::DataSet time = file.openDataSet("time");
    std::vector<int64_t> out(numericShape(time, 1, "time")[0]);
    time.read(out.data(), H5::PredType::NATIVE_INT64);
    return out;
  });
}

H5::Group scenarioGroup(H5::H5File& file, const std::string& scenario) {
  if (scenario == "baseline") return file.openGroup("/");
  return file.openGroup("scenarios").openGroup(scenario);
}

H5::H5File openResults(const std::string& path) {
  H5::Exception::dontPrint();
  if (!isHdf5File(path)) throw InputError(path + ": not an HDF5 results file");
  probeResultsFile(path);
  H5::H5File file;
  try {
    file = H5::H5File(path, H5F_ACC_RDONLY);
  } catch (const H5::Exception&) {
    throw InputError(path + ": cannot open the HDF5 file");
  }
  int schema = 1;
  try {
    if (file.attrExists("parktwin_schema")) {
      file.openAttribute("parktwin_schema").read(H5::PredType::NATIVE_INT, &schema);
    }
  } catch (const H5::Exception&) {
    throw InputError(path + ": the attribute parktwin_schema is unreadable (expected an integer)");
  }
  if (schema > kResultsSchema) {
    throw InputError(path + ": results schema version " + std::to_string(schema) +
                     ", newer than this parktwin reads (version " + std::to_string(kResultsSchema) +
                     " and older); open it with a newer parktwin");
  }
  return file;
}

}  // namespace twin
