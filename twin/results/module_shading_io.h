// Each laid-out PV module's shading over a run, kept beside the module corners in /model/pv
// (docs/results-format.md): its sky and ground view fractions and its share of the run's light lost
// to the park's shade, one value per module in the order of module_corners_m, NaN for the modules
// of arrays that are not shaded.
#pragma once

#include <H5Cpp.h>

#include <vector>

#include "twin/model/model.h"
#include "twin/shading/shade_table.h"

namespace twin {

// per_array: one entry per model.pv array (empty vectors for arrays not shaded).
void writeModuleShading(H5::Group& model_pv, const ParkModel& model,
                        const std::vector<shading::ModuleShading>& per_array);

// One entry per model.pv array; all empty when the file has none (written before 0.5).
// LayoutError when present with the wrong length.
std::vector<shading::ModuleShading> readModuleShading(const H5::Group& model_pv,
                                                      const ParkModel& model);

}  // namespace twin
