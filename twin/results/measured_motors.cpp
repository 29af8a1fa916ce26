#include "twin/results/measured_motors.h"

#include <filesystem>

#include "twin/results/output_file.h"
#include "twin/results/results_file.h"

namespace twin {
namespace {

constexpr const char* kGroup = "diagnosis";

struct Column {
  const char* name;
  const char* units;
  const char* description;
  double MeasuredMotor::*field;
};
const Column kColumns[] = {
    {"efficiency", "1", "energy-weighted measured efficiency", &MeasuredMotor::efficiency},
    {"efficiency_uncertainty", "1", "+- of the efficiency (about 95 %)",
     &MeasuredMotor::efficiency_uncertainty},
    {"class_efficiency", "1", "the declared class's curve over the same duty",
     &MeasuredMotor::class_efficiency},
    {"load", "1", "mean load over energised readings, of rating", &MeasuredMotor::load},
    {"load_uncertainty", "1", "+- of the load (about 95 %)", &MeasuredMotor::load_uncertainty},
    {"saving", "CNY", "what the replacement saves in a year", &MeasuredMotor::saving},
};

void writeGroup(H5::H5File& file, const MeasuredMotors& f) {
  if (file.nameExists(kGroup)) file.unlink(kGroup);
  H5::Group g = file.createGroup(kGroup);
  writeStringAttribute(g, "meter_file", f.meter_file);
  writeStringAttribute(g, "to_class", f.to_class);
  std::vector<std::string> ids, flags;
  std::vector<int64_t> ranks;
  for (const MeasuredMotor& m : f.motors) {
    ids.push_back(m.id);
    flags.push_back(m.flags);
    ranks.push_back(m.rank);
  }
  writeStringVector(g, "id", ids);
  writeStringVector(g, "flags", flags);
  writeInt64Vector(g, "rank", ranks);
  for (const Column& c : kColumns) {
    std::vector<double> values;
    for (const MeasuredMotor& m : f.motors) values.push_back(m.*c.field);
    H5::DataSet ds = writeDoubleVector(g, c.name, values, c.units);
    writeStringAttribute(ds, "description", c.description);
  }
}

}  // namespace

void writeMeasuredMotors(const std::string& path, const MeasuredMotors& findings) {
  { H5::H5File check = openResults(path); }
  const std::string temp = temporaryPathBeside(path);
  std::error_code ec;
  std::filesystem::copy_file(path, temp, std::filesystem::copy_options::overwrite_existing, ec);
  if (ec) throw InputError("--results: cannot write beside " + path + ": " + ec.message());
  try {
    guarded(path, [&] {
      H5::H5File file(temp, H5F_ACC_RDWR);
      writeGroup(file, findings);
      file.close();
      return 0;
    });
  } catch (...) {
    std::filesystem::remove(temp, ec);
    throw;
  }
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    throw InputError("--results: cannot replace " + path + ": " + ec.message());
  }
}

MeasuredMotors readMeasuredMotors(const std::string& path) {
  H5::H5File file = openResults(path);
  return guarded(path, [&] {
    MeasuredMotors out;
    if (!file.nameExists(kGroup)) return out;
    const H5::Group g = file.openGroup(kGroup);
    out.meter_file = stringAttribute(g, "meter_file");
    out.to_class = stringAttribute(g, "to_class");
    const std::vector<std::string> ids = readStringList(g.openDataSet("id"), "/diagnosis/id");
    const size_t n = ids.size();
    const std::vector<std::string> flags =
        readStringList(g.openDataSet("flags"), "/diagnosis/flags");
    if (flags.size() != n) throw LayoutError("/diagnosis/flags has not one value per id");
    const std::vector<int64_t> ranks = readInt64Vector(g.openDataSet("rank"), n, "/diagnosis/rank");
    out.motors.resize(n);
    for (size_t i = 0; i < n; ++i) {
      out.motors[i].id = ids[i];
      out.motors[i].flags = flags[i];
      out.motors[i].rank = static_cast<int>(ranks[i]);
    }
    for (const Column& c : kColumns) {
      const std::vector<double> v =
          readDoubleVector(g.openDataSet(c.name), n, std::string("/diagnosis/") + c.name);
      for (size_t i = 0; i < n; ++i) out.motors[i].*c.field = v[i];
    }
    return out;
  });
}

}  // namespace twin
