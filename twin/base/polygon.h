// Plane polygons as park files give them (building footprints, PV areas): vertices in order, the
// last joined to the first. The shoelace formula (Gauss's area formula).
#pragma once

#include <Eigen/Core>
#include <vector>

namespace twin {

// Signed area, m^2 for vertices in m: positive when the vertices run counter-clockwise (x east,
// y north), negative clockwise, 0 for fewer than 3 vertices.
double signedArea(const std::vector<Eigen::Vector2d>& polygon);

}  // namespace twin
