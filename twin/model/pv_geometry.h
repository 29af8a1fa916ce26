// Where each laid-out PV module of an array sits in 3D, in the park frame (x east, y north, z up,
// m), from its placement on the surface (physics/pv_layout.h). A simplified model: roofs are
// taken flat at the building's height (pitched and sawtooth roofs too), facades are the
// footprint's vertical walls.
#pragma once

#include <Eigen/Core>
#include <array>
#include <vector>

#include "twin/base/polygon.h"
#include "twin/model/model.h"

namespace twin {

// A planar quad, corners counter-clockwise seen from the side it faces, m.
using Quad = std::array<Eigen::Vector3d, 4>;

// The quad of width w along u and length l along v (u, v unit vectors), centred at c, facing the
// side of `normal`.
Quad centredQuad(const Eigen::Vector3d& c, Eigen::Vector3d u, const Eigen::Vector3d& v, double w,
                 double l, const Eigen::Vector3d& normal);

// The wall along footprint edge `edge` (vertex edge to edge + 1): unit vectors along it and
// horizontally out of the building.
struct WallFrame {
  Eigen::Vector3d along;
  Eigen::Vector3d out;
};
WallFrame wallFrame(const Building& building, int edge);

// The module quads of an array laid out "wherever it fits" (empty when it has no layout, e.g.
// sized by capacity or area): roof modules tilted to the array's tilt and azimuth with their
// lower edge on the roof, facade modules flush on the wall.
std::vector<Quad> moduleQuads(const ParkModel& model, const PvArray& array);

}  // namespace twin
