#include "twin/model/shade_filter.h"

#include <tbb/parallel_for.h>

#include <cmath>
#include <map>

#include "physics/solar_position.h"
#include "physics/units.h"
#include "twin/base/calendar.h"
#include "twin/model/park_occluders.h"

namespace twin {
namespace {

namespace u = physics::units;
constexpr double kNodeStep = kSunNodeStepDeg * u::deg;

struct Node {
  Eigen::Vector3d sun;
  double beam = 0.0;  // J/m2 of the year's beam on the array's plane, at the sun near this node
};

// The year's plane-of-array beam, gathered at 5-degree sun nodes, and the isotropic diffuse.
std::vector<Node> sunNodes(const ParkModel& model, const Eigen::Vector3d& normal, double& diffuse) {
  const physics::HourlyWeather& w = *model.weather.hourly;
  const physics::SiteLocation site = siteLocation(model.site);
  std::map<std::pair<int, int>, Node> nodes;
  diffuse = 0.0;
  for (size_t h = 0; h < w.size(); ++h) {
    const double t = static_cast<double>(localDay({w.year[h], w.month[h], w.day[h]})) * u::day +
                     (w.hour[h] - 0.5) * u::hour - w.utc_offset;
    const physics::SolarPosition p =
        physics::computeSolarPosition(t, physics::estimateDeltaT(w.year[h] + 0.5), site, {});
    diffuse += w.dhi[h] * 0.5 * (1.0 + normal.z()) * u::hour;
    if (p.apparent_zenith >= 0.5 * u::pi || w.dni[h] <= 0) continue;
    const Eigen::Vector3d sun = sunDirection(p.apparent_zenith, p.azimuth);
    const double cos_aoi = sun.dot(normal);
    if (cos_aoi <= 0) continue;
    const int el = static_cast<int>(std::lround((0.5 * u::pi - p.apparent_zenith) / kNodeStep));
    const int az = static_cast<int>(std::lround(p.azimuth / kNodeStep)) % kAzimuthNodes;
    Node& n = nodes[{el, az}];
    n.sun = nodeSun(el, az);
    n.beam += w.dni[h] * cos_aoi * u::hour;
  }
  std::vector<Node> out;
  for (const auto& [key, n] : nodes) out.push_back(n);
  return out;
}

shading::Triangles occluders(const ParkModel& model, const std::vector<Quad>& own) {
  shading::Triangles t = buildingsAndObstacles(model);
  for (const PvArray& a : model.pv) {
    for (const Quad& q : standingModules(model, a)) t.addQuad(q);
  }
  for (const Quad& q : own) t.addQuad(q);
  return t;
}

}  // namespace

std::vector<double> annualSpotLosses(const ParkModel& model, const PvArray& array) {
  if (!model.weather.hourly || array.modules.empty()) return {};
  const std::vector<Quad> quads = standingModules(model, array);
  const shading::OccluderScene scene(occluders(model, quads));
  double diffuse = 0.0;
  const std::vector<Node> nodes = sunNodes(model, shading::shadedModule(quads[0]).normal, diffuse);
  double beam = 0.0;
  for (const Node& n : nodes) beam += n.beam;
  std::vector<double> losses(quads.size(), 0.0);
  tbb::parallel_for(size_t(0), quads.size(), [&](size_t i) {
    const shading::ShadedModule m = shading::shadedModule(quads[i]);
    double lost = diffuse * (1.0 - shading::diffuseViewFraction(scene, m, kYearViewPoints,
                                                                kYearViewDirections));
    for (const Node& n : nodes)
      lost += n.beam * (1.0 - shading::moduleBeamFactor(scene, m, n.sun, kYearBeamSamples));
    losses[i] = beam + diffuse > 0 ? lost / (beam + diffuse) : 0.0;
  });
  return losses;
}

}  // namespace twin
