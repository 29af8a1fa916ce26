#include "twin/model/park_occluders.h"

#include <algorithm>
#include <cmath>

#include "physics/irradiance.h"
#include "physics/units.h"

namespace twin {

std::vector<Eigen::Vector2d> obstacleOutline(const Obstacle& o) {
  if (o.kind == ObstacleKind::kPrism) return o.footprint;
  std::vector<Eigen::Vector2d> out;
  for (int k = 0; k < kCylinderSides; ++k) {
    const double a = 2 * physics::units::pi * k / kCylinderSides;
    out.push_back(o.center + o.radius * Eigen::Vector2d(std::cos(a), std::sin(a)));
  }
  return out;
}

shading::Triangles buildingsAndObstacles(const ParkModel& model) {
  shading::Triangles t;
  for (const Building& b : model.buildings) t.addPrism(b.footprint, 0.0, b.height);
  for (const Obstacle& o : model.obstacles) t.addPrism(obstacleOutline(o), o.base, o.height);
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

Eigen::Vector3d nodeSun(int elevation, int azimuth) {
  const double deg = physics::units::deg;
  const double e = std::max(elevation * kSunNodeStepDeg, 0.5) * deg;
  return sunDirection(90 * deg - e, azimuth * kSunNodeStepDeg * deg);
}

Eigen::Vector3d sunDirection(double zenith, double azimuth) {
  const physics::SunVector s = physics::sunVector(zenith, azimuth);
  return {s.east, s.north, s.up};
}

}  // namespace twin
