// `install: wherever_possible` with `max_shading_loss` (docs/shading.md): the laid-out spots whose
// annual shading loss exceeds the limit get no module. Each spot's loss is its share of the
// year's plane-of-array beam and isotropic diffuse that the park's geometry takes away: the beam
// through the bypass-diode model of module_shading.h at the sun nodes of shade_table.h (each
// daylight hour of the weather year given to its nearest node), the diffuse by the view fraction.
#pragma once

#include <vector>

#include "twin/model/model.h"

namespace twin {

// The annual loss (0..1) of every laid-out spot of `array` (its modules before filtering), shaded
// by the model's buildings, obstacles, the arrays already laid out and the array's own spots.
// Needs the model's weather; empty without it. Parallel over spots; the same on any thread count.
std::vector<double> annualSpotLosses(const ParkModel& model, const PvArray& array);

}  // namespace twin
