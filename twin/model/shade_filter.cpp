#include "twin/model/shade_filter.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
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
  std::string bytes;
  const auto put = [&](const void* data, size_t size) {
    bytes.append(static_cast<const char*>(data), size);
  };
  put(t.vertices.data(), t.vertices.size() * sizeof(Eigen::Vector3d));
  put(t.triangles.data(), t.triangles.size() * sizeof(t.triangles[0]));
  put(quads.data(), quads.size() * sizeof(Quad));
  appendHourBytes(bytes, hours);
  return sha256Hex(bytes);
}

// The losses of `spots` spots kept on disk under `key` (nullopt: none, or of another count).
std::optional<std::vector<double>> keptLosses(const std::filesystem::path& folder,
                                              const std::string& key, size_t spots) {
  const std::optional<std::string> kept = readKept(folder, "spots", key);
  if (!kept || kept->size() != spots * sizeof(double)) return std::nullopt;
  std::vector<double> losses(spots);
  std::memcpy(losses.data(), kept->data(), kept->size());
  return losses;
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
  // Kept on disk by an earlier run (twin/base/disk_cache.h); what goes wrong there only costs
  // the time of computing them.
  const std::optional<std::filesystem::path> folder = diskCacheFolder();
  std::string key;
  try {
    if (folder) key = lossesKey(triangles, quads, hours);
    if (folder) {
      if (std::optional<std::vector<double>> kept = keptLosses(*folder, key, quads.size()))
        return std::move(*kept);
    }
  } catch (const std::exception&) {
  }
  std::vector<double> losses = computedLosses(triangles, quads, hours);
  try {
    if (folder && !key.empty()) {
      keep(*folder, "spots", key,
           std::string(reinterpret_cast<const char*>(losses.data()),
                       losses.size() * sizeof(double)));
    }
  } catch (const std::exception&) {
  }
  return losses;
}

}  // namespace twin
