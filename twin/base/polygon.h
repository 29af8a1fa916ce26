// Plane polygons as park files give them (building footprints, PV areas): vertices in order, the
// last joined to the first. The shoelace formula (Gauss's area formula).
#pragma once

#include <Eigen/Core>
#include <array>
#include <vector>

namespace twin {

// Signed area, m^2 for vertices in m: positive when the vertices run counter-clockwise (x east,
// y north), negative clockwise, 0 for fewer than 3 vertices.
double signedArea(const std::vector<Eigen::Vector2d>& polygon);

// True when no two edges of the polygon cross or touch except adjacent edges at their shared
// vertex (O(n^2): footprints and outlines have few vertices).
bool isSimplePolygon(const std::vector<Eigen::Vector2d>& polygon);

// True when p lies inside the polygon (even-odd rule; points on an edge may go either way).
bool containsPoint(const std::vector<Eigen::Vector2d>& polygon, const Eigen::Vector2d& p);

// Ear-clipping triangulation of a simple polygon (either orientation): indices into it,
// counter-clockwise triangles. A degenerate rest (no ear left) is fanned.
std::vector<std::array<unsigned, 3>> triangulate(const std::vector<Eigen::Vector2d>& polygon);

}  // namespace twin
