#include "twin/results_file.h"

#include <H5Cpp.h>

#include <array>
#include <fstream>

#include "twin/error.h"

namespace twin {
namespace {

H5::H5File openResults(const std::string& path) {
  H5::Exception::dontPrint();
  if (!isHdf5File(path)) throw InputError(path + ": not an HDF5 results file");
  try {
    return H5::H5File(path, H5F_ACC_RDONLY);
  } catch (const H5::Exception&) {
    throw InputError(path + ": cannot open the HDF5 file");
  }
}

std::string readString(const H5::DataSet& ds) {
  std::string value;
  ds.read(value, ds.getStrType());
  return value;
}

std::string stringAttribute(const H5::H5Object& object, const std::string& name) {
  if (!object.attrExists(name)) return "";
  H5::Attribute attr = object.openAttribute(name);
  std::string value;
  attr.read(attr.getStrType(), value);
  return value;
}

std::vector<std::string> readStringArray(const H5::DataType& type, const H5::DataSpace& space,
                                         auto&& read_into) {
  const hssize_t n = space.getSimpleExtentNpoints();
  std::vector<char*> raw(static_cast<size_t>(n), nullptr);
  read_into(raw.data(), type);
  std::vector<std::string> out;
  for (char* p : raw) {
    out.emplace_back(p ? p : "");
    std::free(p);
  }
  return out;
}

std::vector<std::string> idsOf(const H5::DataSet& ds) {
  H5::Attribute attr = ds.openAttribute("ids");
  return readStringArray(attr.getStrType(), attr.getSpace(),
                         [&](char** out, const H5::DataType& t) { attr.read(t, out); });
}

H5::Group scenarioGroup(H5::H5File& file, const std::string& scenario) {
  if (scenario == "baseline") return file.openGroup("/");
  return file.openGroup("scenarios").openGroup(scenario);
}

std::vector<std::string> childNames(const H5::Group& group) {
  std::vector<std::string> names;
  for (hsize_t i = 0; i < group.getNumObjs(); ++i) names.push_back(group.getObjnameByIdx(i));
  return names;
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
      hsize_t dims[2] = {0, 0};
      ds.getSpace().getSimpleExtentDims(dims);
      out.series.push_back({kind, field, stringAttribute(ds, "units"), dims[1]});
    }
  }
  H5::Group total = root.openGroup("kpi").openGroup("total");
  for (const std::string& k : childNames(total)) {
    H5::DataSet ds = total.openDataSet(k);
    double v = 0.0;
    ds.read(&v, H5::PredType::NATIVE_DOUBLE);
    out.total.push_back({k, stringAttribute(ds, "units"), v});
  }
  H5::Group monthly = root.openGroup("kpi").openGroup("monthly");
  H5::DataSet month_ds = monthly.openDataSet("month");
  out.months = readStringArray(month_ds.getStrType(), month_ds.getSpace(),
                               [&](char** o, const H5::DataType& t) { month_ds.read(o, t); });
  out.monthly.resize(out.months.size());
  for (const std::string& k : childNames(monthly)) {
    if (k == "month") continue;
    H5::DataSet ds = monthly.openDataSet(k);
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

ResultsSummary readResultsSummary(const std::string& path) {
  H5::H5File file = openResults(path);
  try {
    ResultsSummary s;
    H5::Group meta = file.openGroup("meta");
    s.park_sha256 = readString(meta.openDataSet("park_sha256"));
    s.tool_version = readString(meta.openDataSet("tool_version"));
    s.command_line = readString(meta.openDataSet("command_line"));
    s.created_utc = readString(meta.openDataSet("created_utc"));
    H5::DataSet time = file.openDataSet("time");
    hsize_t n = 0;
    time.getSpace().getSimpleExtentDims(&n);
    s.steps = static_cast<int64_t>(n);
    if (n > 0) {
      const hsize_t one = 1;
      const hsize_t start = 0;
      H5::DataSpace fs = time.getSpace();
      fs.selectHyperslab(H5S_SELECT_SET, &one, &start);
      time.read(&s.first_time, H5::PredType::NATIVE_INT64, H5::DataSpace(1, &one), fs);
    }
    int32_t v = 0;
    time.openAttribute("step_s").read(H5::PredType::NATIVE_INT32, &v);
    s.step_s = v;
    time.openAttribute("utc_offset_s").read(H5::PredType::NATIVE_INT32, &v);
    s.utc_offset_s = v;
    s.scenarios.push_back(readScenario(file, "baseline"));
    for (const std::string& name : childNames(file.openGroup("scenarios"))) {
      s.scenarios.push_back(readScenario(file, name));
    }
    return s;
  } catch (const H5::Exception& e) {
    throw InputError(path + ": not a ParkTwin results file (" + e.getDetailMsg() + ")");
  }
}

SeriesData readSeries(const std::string& path, const std::string& scenario, const std::string& kind,
                      const std::string& field) {
  H5::H5File file = openResults(path);
  try {
    H5::DataSet ds =
        scenarioGroup(file, scenario).openGroup("series").openGroup(kind).openDataSet(field);
    SeriesData out;
    hsize_t dims[2] = {0, 0};
    ds.getSpace().getSimpleExtentDims(dims);
    out.rows = dims[0];
    out.columns = dims[1];
    out.values.resize(out.rows * out.columns);
    ds.read(out.values.data(), H5::PredType::NATIVE_DOUBLE);
    out.units = stringAttribute(ds, "units");
    out.ids = idsOf(ds);
    return out;
  } catch (const H5::Exception&) {
    throw InputError(path + ": no series " + kind + "/" + field + " in scenario " + scenario);
  }
}

std::string readParkText(const std::string& path) {
  H5::H5File file = openResults(path);
  return readString(file.openGroup("meta").openDataSet("park_file"));
}

std::vector<int64_t> readTimes(const std::string& path) {
  H5::H5File file = openResults(path);
  H5::DataSet time = file.openDataSet("time");
  hsize_t n = 0;
  time.getSpace().getSimpleExtentDims(&n);
  std::vector<int64_t> out(n);
  time.read(out.data(), H5::PredType::NATIVE_INT64);
  return out;
}

}  // namespace twin
