#include "twin/model/pv_geometry.h"

#include <Eigen/Geometry>
#include <cmath>

namespace twin {

Quad centredQuad(const Eigen::Vector3d& c, Eigen::Vector3d u, const Eigen::Vector3d& v, double w,
                 double l, const Eigen::Vector3d& normal) {
  if (u.cross(v).dot(normal) < 0.0) u = -u;
  const Eigen::Vector3d a = 0.5 * w * u;
  const Eigen::Vector3d b = 0.5 * l * v;
  return {c - a - b, c + a - b, c + a + b, c - a + b};
}

WallFrame wallFrame(const Building& b, int edge) {
  const Eigen::Vector2d& p = b.footprint[static_cast<size_t>(edge)];
  const Eigen::Vector2d& q = b.footprint[(static_cast<size_t>(edge) + 1) % b.footprint.size()];
  const Eigen::Vector2d d = (q - p).normalized();
  const Eigen::Vector2d n =
      signedArea(b.footprint) > 0 ? Eigen::Vector2d(d.y(), -d.x()) : Eigen::Vector2d(-d.y(), d.x());
  return {{d.x(), d.y(), 0.0}, {n.x(), n.y(), 0.0}};
}

std::vector<Quad> moduleQuads(const ParkModel& model, const PvArray& a) {
  std::vector<Quad> quads;
  if (a.modules.empty() || a.building < 0) return quads;
  const Building& b = model.buildings[static_cast<size_t>(a.building)];
  // Sides of a module across its row (up the slope or the wall) and along it.
  const double across = a.portrait ? a.module_size.length : a.module_size.width;
  const double along = a.portrait ? a.module_size.width : a.module_size.length;
  quads.reserve(a.modules.size());
  if (a.surface == PvSurface::kFacade) {
    const WallFrame wall = wallFrame(b, a.facade);
    const Eigen::Vector2d& p = b.footprint[static_cast<size_t>(a.facade)];
    const Eigen::Vector3d origin(p.x(), p.y(), 0.0);
    for (const physics::ModulePlacement& mp : a.modules) {
      const Eigen::Vector3d c =
          origin + mp.center.x * wall.along + mp.center.y * Eigen::Vector3d::UnitZ();
      quads.push_back(
          centredQuad(c, wall.along, Eigen::Vector3d::UnitZ(), along, across, wall.out));
    }
    return quads;
  }
  const Eigen::Vector3d facing(std::sin(a.azimuth), std::cos(a.azimuth), 0.0);
  const Eigen::Vector3d up_slope =
      (-std::cos(a.tilt) * facing + std::sin(a.tilt) * Eigen::Vector3d::UnitZ()).normalized();
  const double rise = 0.5 * across * std::sin(a.tilt);
  for (const physics::ModulePlacement& mp : a.modules) {
    const Eigen::Vector3d u(std::cos(mp.rotation), std::sin(mp.rotation), 0.0);
    const Eigen::Vector3d c(mp.center.x, mp.center.y, b.height + rise);
    quads.push_back(centredQuad(c, u, up_slope, along, across, Eigen::Vector3d::UnitZ()));
  }
  return quads;
}

}  // namespace twin
