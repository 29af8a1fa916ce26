#include "twin/model/shade_filter.h"

#include <tbb/parallel_for.h>

#include <cmath>
#include <map>

#include "physics/units.h"
#include "twin/model/park_occluders.h"
#include "twin/model/park_sun.h"

namespace twin {
namespace {

namespace u = physics::units;
constexpr double kNodeStep = kSunNodeStepDeg * u::deg;

struct Node {
  Eigen::Vector3d sun;
  double beam = 0.0;  // J/m2 of the year's beam on the array's plane, at the sun near this node
};

// The year's plane-of-array beam, gathered at the nearest 5-degree sun nodes.
std::vector<Node> sunNodes(const std::vector<SunHour>& hours, const Eigen::Vector3d& normal) {
  std::map<std::pair<int, int>, Node> nodes;
  for (const SunHour& h : hours) {
    const double cos_aoi = h.sun.dot(normal);
    if (!h.up() || h.dni <= 0 || cos_aoi <= 0) continue;
    const int el = static_cast<int>(std::lround((0.5 * u::pi - h.zenith) / kNodeStep));
    const int az = static_cast<int>(std::lround(h.azimuth / kNodeStep)) % kAzimuthNodes;
    Node& n = nodes[{el, az}];
    n.sun = nodeSun(el, az);
    n.beam += h.dni * cos_aoi * u::hour;
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
  const Eigen::Vector3d normal = shading::shadedModule(quads[0]).normal;
  const std::vector<SunHour> hours = yearSunHours(model);
  const YearLight light = yearLight(hours, normal);
  const std::vector<Node> nodes = sunNodes(hours, normal);
  std::vector<double> losses(quads.size(), 0.0);
  tbb::parallel_for(size_t(0), quads.size(), [&](size_t i) {
    const shading::ShadedModule m = shading::shadedModule(quads[i]);
    const shading::ViewFractions view =
        shading::viewFractions(scene, m, kYearViewPoints, kYearViewDirections);
    double lost = light.diffuse * (1.0 - view.sky);
    for (const Node& n : nodes)
      lost += n.beam * (1.0 - shading::moduleBeamFactor(scene, m, n.sun, kYearBeamSamples));
    const double total = light.beam + light.diffuse;
    losses[i] = total > 0 ? lost / total : 0.0;
  });
  return losses;
}

}  // namespace twin
