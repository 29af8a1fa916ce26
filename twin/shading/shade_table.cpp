#include "twin/shading/shade_table.h"

#include <tbb/parallel_for.h>

#include <cmath>
#include <limits>

namespace twin::shading {
namespace {

constexpr double kDeg = 3.14159265358979323846 / 180;

size_t node(int el, int az) { return static_cast<size_t>(el * kAzimuthNodes + az); }

// The nodes around every sun position, each marked once.
std::vector<size_t> neededNodes(const std::vector<std::pair<double, double>>& suns) {
  std::vector<bool> needed(kAzimuthNodes * kElevationNodes, false);
  for (const auto& [zenith, azimuth] : suns) {
    const double el = std::clamp(90.0 - zenith / kDeg, 0.0, 90.0) / kSunNodeStepDeg;
    const double az = std::fmod(azimuth / kDeg + 360.0, 360.0) / kSunNodeStepDeg;
    const int e0 = std::min(static_cast<int>(el), kElevationNodes - 2);
    const int a0 = static_cast<int>(az) % kAzimuthNodes;
    for (int e : {e0, e0 + 1}) {
      for (int a : {a0, (a0 + 1) % kAzimuthNodes}) needed[node(e, a)] = true;
    }
  }
  std::vector<size_t> out;
  for (size_t i = 0; i < needed.size(); ++i) {
    if (needed[i]) out.push_back(i);
  }
  return out;
}

double arrayBeamFactor(const ParkShading& park, const ArrayModules& am,
                       const Eigen::Vector3d& sun) {
  double area = 0.0, kept = 0.0;
  for (const ShadedModule& m : am.modules) {
    area += m.area;
    kept += m.area * moduleBeamFactor(*park.scene, m, sun, kYearBeamSamples);
  }
  return area > 0 ? kept / area : 1.0;
}

double arrayView(const ParkShading& park, const ArrayModules& am) {
  std::vector<double> views(am.modules.size());
  tbb::parallel_for(size_t(0), am.modules.size(), [&](size_t m) {
    views[m] =
        diffuseViewFraction(*park.scene, am.modules[m], kYearViewPoints, kYearViewDirections);
  });
  double area = 0.0, view = 0.0;
  for (size_t m = 0; m < am.modules.size(); ++m) {
    area += am.modules[m].area;
    view += am.modules[m].area * views[m];
  }
  return area > 0 ? view / area : 1.0;
}

}  // namespace

double ShadeTable::beamAt(double zenith, double azimuth) const {
  if (zenith >= 90 * kDeg) return 1.0;
  const double el = std::clamp(90.0 - zenith / kDeg, 0.0, 90.0) / kSunNodeStepDeg;
  const double az = std::fmod(azimuth / kDeg + 360.0, 360.0) / kSunNodeStepDeg;
  const int e0 = std::min(static_cast<int>(el), kElevationNodes - 2);
  const int a0 = static_cast<int>(az) % kAzimuthNodes, a1 = (a0 + 1) % kAzimuthNodes;
  const double fe = el - e0, fa = az - std::floor(az);
  const double low = beam[node(e0, a0)] * (1 - fa) + beam[node(e0, a1)] * fa;
  const double high = beam[node(e0 + 1, a0)] * (1 - fa) + beam[node(e0 + 1, a1)] * fa;
  return low * (1 - fe) + high * fe;
}

std::vector<std::optional<ShadeTable>> shadeTables(
    const ParkModel& model, const std::vector<std::pair<double, double>>& suns) {
  std::vector<std::optional<ShadeTable>> out(model.pv.size());
  bool any = false;
  for (const PvArray& a : model.pv) any = any || (a.shading && !a.modules.empty());
  if (!any) return out;
  const ParkShading park = parkShading(model);
  const std::vector<size_t> nodes = neededNodes(suns);
  for (size_t i = 0; i < model.pv.size(); ++i) {
    const ArrayModules& am = park.arrays[i];
    if (!model.pv[i].shading || am.modules.empty()) continue;
    ShadeTable t;
    t.beam.assign(kAzimuthNodes * kElevationNodes, std::numeric_limits<double>::quiet_NaN());
    tbb::parallel_for(size_t(0), nodes.size(), [&](size_t k) {
      const int el = static_cast<int>(nodes[k]) / kAzimuthNodes;
      const int az = static_cast<int>(nodes[k]) % kAzimuthNodes;
      t.beam[nodes[k]] = arrayBeamFactor(park, am, nodeSun(el, az));
    });
    t.view = arrayView(park, am);
    out[i] = std::move(t);
  }
  return out;
}

}  // namespace twin::shading
