// The park's solid geometry for shading (docs/shading.md), shared by the layout's
// max_shading_loss (twin/model/shade_filter.h) and the shading layer (twin/shading): buildings as
// prisms (roofs flat at their height), obstacles (cylinders and tree crowns as 24-sided prisms),
// and laid-out modules standing off their surface by the array's standoff.
#pragma once

#include <vector>

#include "twin/model/module_shading.h"
#include "twin/model/pv_geometry.h"

namespace twin {

// Sides of the regular polygon a cylinder or a tree crown is taken as.
inline constexpr int kCylinderSides = 24;

// Every building and obstacle as triangles.
shading::Triangles buildingsAndObstacles(const ParkModel& model);

// The array's laid-out module quads, moved off their roof or wall by its standoff along their
// normal: exactly what is shaded and what shades.
std::vector<Quad> standingModules(const ParkModel& model, const PvArray& array);

// The unit vector towards the sun at a zenith and azimuth (rad; azimuth clockwise from north).
Eigen::Vector3d sunVector(double zenith, double azimuth);

}  // namespace twin
