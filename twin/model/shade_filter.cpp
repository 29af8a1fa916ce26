#include "twin/model/shade_filter.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <string>

#include "physics/units.h"
#include "twin/base/disk_cache.h"
#include "twin/model/park_occluders.h"
#include "twin/model/park_sun.h"
#include "twin/model/sun_frame.h"
#include "twin/parkfile/sha256.h"

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

// What the spots' losses depend on besides the compiled-in sample counts: the occluders, the
// spots themselves, and the weather year's sun and light.
std::string lossesKey(const shading::Triangles& t, const std::vector<Quad>& quads,
                      const std::vector<SunHour>& hours) {
  std::string bytes = t.digest();
  bytes.append(reinterpret_cast<const char*>(quads.data()), quads.size() * sizeof(Quad));
  appendHourBytes(bytes, hours);
  return sha256Hex(bytes);
}

std::vector<double> computedLosses(const shading::Triangles& triangles,
                                   const std::vector<Quad>& quads,
                                   const std::vector<SunHour>& hours) {
  const shading::OccluderScene scene(triangles);
  const shading::FrameScene frames(triangles);
  std::vector<shading::ShadedModule> spots;
  for (const Quad& q : quads) spots.push_back(shading::shadedModule(q));
  const std::vector<shading::ModuleGroup> groups =
      shading::moduleGroups(spots, shading::kGroupModules);
  const YearLight light = yearLight(hours, spots[0].normal);
  const std::vector<Node> nodes = sunNodes(hours, spots[0].normal);
  const size_t n = spots.size();
  std::vector<double> lost(n);
  tbb::parallel_for(size_t(0), n, [&](size_t i) {
    const shading::ViewFractions view =
        shading::viewFractions(scene, spots[i], kYearViewPoints, kYearViewDirections);
    lost[i] = light.diffuse * (1.0 - view.sky);
  });
  // The beam a batch of nodes at a time, each node's sun frame built once for every spot; each
  // spot's sum in the order of the nodes, so the same on any thread count.
  constexpr size_t kBatch = 16;
  std::vector<double> factor(kBatch * n);
  for (size_t first = 0; first < nodes.size(); first += kBatch) {
    const size_t count = std::min(kBatch, nodes.size() - first);
    tbb::parallel_for(size_t(0), count, [&](size_t k) {
      const shading::SunFrame frame(frames, nodes[first + k].sun);
      for (const shading::ModuleGroup& g : groups) {
        const bool cast = frame.mayShade(g);  // each spot of a group that may be shaded casts
        for (size_t i = g.first; i < g.first + g.count; ++i) {
          factor[k * n + i] = shading::moduleBeamFactor(scene, spots[i], nodes[first + k].sun,
                                                        kYearBeamSamples, cast);
        }
      }
    });
    for (size_t i = 0; i < n; ++i) {
      for (size_t k = 0; k < count; ++k)
        lost[i] += nodes[first + k].beam * (1.0 - factor[k * n + i]);
    }
  }
  const double total = light.beam + light.diffuse;
  std::vector<double> losses(n);
  for (size_t i = 0; i < n; ++i) losses[i] = total > 0 ? lost[i] / total : 0.0;
  return losses;
}

}  // namespace

std::vector<double> annualSpotLosses(const ParkModel& model, const PvArray& array) {
  if (!model.weather.hourly || array.modules.empty()) return {};
  const std::vector<Quad> quads = standingModules(model, array);
  const shading::Triangles triangles = occluders(model, quads);
  const std::vector<SunHour> hours = yearSunHours(model);
  // Kept on disk by an earlier run (twin/base/disk_cache.h), as the doubles' bytes.
  const size_t n = quads.size();
  const std::string bytes = keptOrComputed(
      "spots", lossesKey(triangles, quads, hours),
      [&](const std::string& kept) { return kept.size() == n * sizeof(double); },
      [&] {
        const std::vector<double> computed = computedLosses(triangles, quads, hours);
        return std::string(reinterpret_cast<const char*>(computed.data()),
                           computed.size() * sizeof(double));
      });
  std::vector<double> losses(n);
  std::memcpy(losses.data(), bytes.data(), bytes.size());
  return losses;
}

}  // namespace twin
