#include "twin/model/park_occluders.h"

#include <cmath>

#include "physics/units.h"

namespace twin {
namespace {

std::vector<Eigen::Vector2d> outline(const Obstacle& o) {
  if (o.kind == ObstacleKind::kPrism) return o.footprint;
  std::vector<Eigen::Vector2d> out;
  for (int k = 0; k < kCylinderSides; ++k) {
    const double a = 2 * physics::units::pi * k / kCylinderSides;
    out.push_back(o.center + o.radius * Eigen::Vector2d(std::cos(a), std::sin(a)));
  }
  return out;
}

}  // namespace

shading::Triangles buildingsAndObstacles(const ParkModel& model) {
  shading::Triangles t;
  for (const Building& b : model.buildings) t.addPrism(b.footprint, 0.0, b.height);
  for (const Obstacle& o : model.obstacles) t.addPrism(outline(o), o.base, o.height);
  return t;
}

std::vector<Quad> standingModules(const ParkModel& model, const PvArray& array) {
  std::vector<Quad> quads = moduleQuads(model, array);
  for (Quad& q : quads) {
    const Eigen::Vector3d shift = shading::shadedModule(q).normal * array.standoff;
    for (Eigen::Vector3d& corner : q) corner += shift;
  }
  return quads;
}

Eigen::Vector3d sunVector(double zenith, double azimuth) {
  return {std::sin(zenith) * std::sin(azimuth), std::sin(zenith) * std::cos(azimuth),
          std::cos(zenith)};
}

}  // namespace twin
