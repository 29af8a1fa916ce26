#include "twin/results/module_shading_io.h"

#include <limits>

#include "twin/results/hdf5_io.h"

namespace twin {
namespace {

struct Column {
  const char* name;
  const char* units;
  double scale;  // stored = value x scale
  std::vector<double> shading::ModuleShading::*field;
};
constexpr Column kColumns[] = {
    {"module_sky_view_fraction", "1", 1.0, &shading::ModuleShading::sky},
    {"module_ground_view_fraction", "1", 1.0, &shading::ModuleShading::ground},
    {"module_shading_loss_pct", "%", 100.0, &shading::ModuleShading::loss},
};

size_t moduleCount(const ParkModel& model) {
  size_t n = 0;
  for (const PvArray& a : model.pv) n += a.modules.size();
  return n;
}

}  // namespace

void writeModuleShading(H5::Group& model_pv, const ParkModel& model,
                        const std::vector<shading::ModuleShading>& per_array) {
  for (const Column& c : kColumns) {
    std::vector<double> values;
    values.reserve(moduleCount(model));
    for (size_t a = 0; a < model.pv.size(); ++a) {
      const std::vector<double>* v = a < per_array.size() ? &(per_array[a].*c.field) : nullptr;
      for (size_t m = 0; m < model.pv[a].modules.size(); ++m) {
        values.push_back(v && m < v->size() ? (*v)[m] * c.scale
                                            : std::numeric_limits<double>::quiet_NaN());
      }
    }
    writeDoubleVector(model_pv, c.name, values, c.units);
  }
}

std::vector<shading::ModuleShading> readModuleShading(const H5::Group& model_pv,
                                                      const ParkModel& model) {
  std::vector<shading::ModuleShading> out(model.pv.size());
  const size_t n = moduleCount(model);
  for (const Column& c : kColumns) {
    if (!model_pv.nameExists(c.name)) continue;
    const std::vector<double> values =
        readDoubleVector(model_pv.openDataSet(c.name), n, std::string("model/pv/") + c.name);
    size_t k = 0;
    for (size_t a = 0; a < model.pv.size(); ++a) {
      std::vector<double>& v = out[a].*c.field;
      for (size_t m = 0; m < model.pv[a].modules.size(); ++m) v.push_back(values[k++] / c.scale);
    }
  }
  return out;
}

}  // namespace twin
