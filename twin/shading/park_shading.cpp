#include "twin/shading/park_shading.h"

#include <cmath>

#include "twin/model/pv_geometry.h"

namespace twin::shading {
namespace {

constexpr double kPi = 3.14159265358979323846;

std::vector<Eigen::Vector2d> circle(const Eigen::Vector2d& center, double radius) {
  std::vector<Eigen::Vector2d> out;
  for (int k = 0; k < kCylinderSides; ++k) {
    const double a = 2 * kPi * k / kCylinderSides;
    out.push_back(center + radius * Eigen::Vector2d(std::cos(a), std::sin(a)));
  }
  return out;
}

void addObstacles(const ParkModel& model, Triangles& t) {
  for (const Obstacle& o : model.obstacles) {
    t.addPrism(o.kind == ObstacleKind::kPrism ? o.footprint : circle(o.center, o.radius), o.base,
               o.height);
  }
}

std::string unshadedReason(const PvArray& a) {
  if (a.surface == PvSurface::kGround) return "a ground array has no module layout";
  return "sized by capacity or area, not laid out module by module (install: wherever_possible "
         "lays it out)";
}

}  // namespace

Eigen::Vector3d sunVector(double zenith, double azimuth) {
  return {std::sin(zenith) * std::sin(azimuth), std::sin(zenith) * std::cos(azimuth),
          std::cos(zenith)};
}

ParkShading parkShading(const ParkModel& model) {
  ParkShading out;
  Triangles t;
  for (const Building& b : model.buildings) t.addPrism(b.footprint, 0.0, b.height);
  addObstacles(model, t);
  for (size_t i = 0; i < model.pv.size(); ++i) {
    const PvArray& a = model.pv[i];
    ArrayModules am{i, {}, ""};
    for (Quad q : moduleQuads(model, a)) {
      const Eigen::Vector3d shift = shadedModule(q).normal * a.standoff;
      for (Eigen::Vector3d& corner : q) corner += shift;
      am.modules.push_back(shadedModule(q));
      t.addQuad(q);
    }
    if (am.modules.empty()) am.unshaded = unshadedReason(a);
    out.arrays.push_back(std::move(am));
  }
  out.scene = std::make_unique<OccluderScene>(t);
  return out;
}

}  // namespace twin::shading
