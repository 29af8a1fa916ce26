#include "twin/shading/shade_table.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

#include "physics/pv_mismatch.h"
#include "physics/units.h"
#include "twin/model/sun_frame.h"
#include "twin/parkfile/sha256.h"
#include "twin/shading/shade_table_cache.h"

namespace twin::shading {
namespace {

namespace u = physics::units;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kNodes = kAzimuthNodes * kElevationNodes;
using BeamShares = std::array<double, physics::kBeamShares>;

size_t node(int el, int az) { return static_cast<size_t>(el * kAzimuthNodes + az); }

// The four nodes around a sun position above the horizon (rad) and their bilinear weights.
struct Corners {
  std::array<size_t, 4> nodes;
  std::array<double, 4> weights;
};
Corners cornersOf(double zenith, double azimuth) {
  const double el = std::clamp(90.0 - zenith / u::deg, 0.0, 90.0) / kSunNodeStepDeg;
  const double az = std::fmod(azimuth / u::deg + 360.0, 360.0) / kSunNodeStepDeg;
  const int e0 = std::min(static_cast<int>(el), kElevationNodes - 2);
  const int a0 = static_cast<int>(az) % kAzimuthNodes, a1 = (a0 + 1) % kAzimuthNodes;
  const double fe = el - e0, fa = az - std::floor(az);
  return {{node(e0, a0), node(e0, a1), node(e0 + 1, a0), node(e0 + 1, a1)},
          {(1 - fe) * (1 - fa), (1 - fe) * fa, fe * (1 - fa), fe * fa}};
}

// The nodes around every sun position of the run and of its weather hours, in order.
std::vector<size_t> neededNodes(const std::vector<std::pair<double, double>>& suns,
                                const std::vector<SunHour>& hours) {
  std::vector<bool> needed(kNodes, false);
  auto mark = [&](double zenith, double azimuth) {
    for (size_t n : cornersOf(zenith, azimuth).nodes) needed[n] = true;
  };
  for (const auto& [zenith, azimuth] : suns) mark(zenith, azimuth);
  for (const SunHour& h : hours) {
    if (h.up()) mark(h.zenith, h.azimuth);
  }
  std::vector<size_t> out;
  for (size_t i = 0; i < needed.size(); ++i) {
    if (needed[i]) out.push_back(i);
  }
  return out;
}

// One array at one sun node: the beam factor of its strings at each beam share, and each
// module's beam factor on its own (beam only).
struct NodeFigures {
  BeamShares beam;
  std::vector<double> module;
};

// A module's beam ray origins, computed once for every node.
using ModulePoints = std::vector<std::vector<Eigen::Vector3d>>;

NodeFigures nodeFigures(const OccluderScene& scene, const SunFrame& frame, const ArrayModules& am,
                        const ModulePoints& points, size_t per_string, const Eigen::Vector3d& sun) {
  const std::vector<ShadedModule>& modules = am.modules;
  std::vector<double> losses;
  losses.reserve(modules.size() * kBypassSubstrings);
  for (const ModuleGroup& g : am.groups) {
    // Where the group may be shaded, nearly every module of it may be (asking each one cleared
    // about 1 % of them in the demo's rooftop-pv), so each casts its rays.
    const bool any = frame.mayShade(g);
    for (size_t m = g.first; m < g.first + g.count; ++m) {
      if (any) {
        substringBeamLossesFrom(scene, modules[m], points[m], kYearBeamSamples, sun, losses);
      } else {  // every ray would miss: no loss, as casting them gives
        losses.resize(losses.size() + kBypassSubstrings, 0.0);
      }
    }
  }
  NodeFigures f;
  f.module.resize(modules.size());
  std::vector<double> sorted;
  auto sortedLosses = [&](size_t first, size_t count) {
    sorted.assign(losses.begin() + static_cast<long>(first * kBypassSubstrings),
                  losses.begin() + static_cast<long>((first + count) * kBypassSubstrings));
    std::sort(sorted.begin(), sorted.end());
    return std::span<const double>(sorted);
  };
  for (size_t m = 0; m < modules.size(); ++m) {
    f.module[m] = physics::bypassStringPowerSorted(sortedLosses(m, 1), 1.0);
  }
  BeamShares kept{};
  double at_no_beam = 0.0;  // the limit of the beam factor as the beam share goes to 0
  for (size_t first = 0; first < modules.size(); first += per_string) {
    const size_t count = std::min(per_string, modules.size() - first);
    const std::span<const double> s = sortedLosses(first, count);
    const auto n = static_cast<double>(count);
    at_no_beam += n * (1.0 - s.back());
    for (int q = 0; q < physics::kBeamShares; ++q) {
      const double share = static_cast<double>(q) / (physics::kBeamShares - 1);
      kept[size_t(q)] += s.back() > 0 ? n * physics::bypassStringPowerSorted(s, share) : n;
    }
  }
  const auto total = static_cast<double>(modules.size());
  f.beam[0] = at_no_beam / total;
  for (int q = 1; q < physics::kBeamShares; ++q) {
    const double share = static_cast<double>(q) / (physics::kBeamShares - 1);
    f.beam[size_t(q)] = 1.0 - (1.0 - kept[size_t(q)] / total) / share;
  }
  return f;
}

// Each module's view fractions, and the array's area-weighted means.
void viewsOf(const ParkShading& park, const ArrayModules& am, ShadeTable& t) {
  const size_t n = am.modules.size();
  t.modules.sky.resize(n);
  t.modules.ground.resize(n);
  tbb::parallel_for(size_t(0), n, [&](size_t m) {
    const ViewFractions v =
        viewFractions(*park.scene, am.modules[m], kYearViewPoints, kYearViewDirections);
    t.modules.sky[m] = v.sky;
    t.modules.ground[m] = v.ground;
  });
  double area = 0.0, sky = 0.0, ground = 0.0;
  for (size_t m = 0; m < n; ++m) {
    area += am.modules[m].area;
    sky += am.modules[m].area * t.modules.sky[m];
    ground += am.modules[m].area * t.modules.ground[m];
  }
  t.sky = area > 0 ? sky / area : 1.0;
  t.ground = area > 0 ? ground / area : 1.0;
}

// Each module's share of the hours' light lost: the beam through its own beam factors at the
// nodes (bilinear weights), the isotropic diffuse by its sky view.
void moduleLosses(const ArrayModules& am, const std::vector<SunHour>& hours,
                  const std::vector<size_t>& nodes, const std::vector<std::vector<double>>& factor,
                  ModuleShading& out) {
  const Eigen::Vector3d normal = am.modules.front().normal;
  std::vector<int> position(kNodes, -1);
  for (size_t k = 0; k < nodes.size(); ++k) position[nodes[k]] = static_cast<int>(k);
  std::vector<double> weight(nodes.size(), 0.0);  // J/m2 of beam on the plane per node
  for (const SunHour& h : hours) {
    const double cos_aoi = h.sun.dot(normal);
    if (!h.up() || cos_aoi <= 0) continue;
    const Corners c = cornersOf(h.zenith, h.azimuth);
    for (size_t j = 0; j < 4; ++j) {
      weight[size_t(position[c.nodes[j]])] += c.weights[j] * h.dni * cos_aoi * u::hour;
    }
  }
  const YearLight light = yearLight(hours, normal);
  std::vector<double> kept(am.modules.size(), 0.0);
  for (size_t k = 0; k < nodes.size(); ++k) {
    if (weight[k] == 0.0) continue;
    for (size_t m = 0; m < kept.size(); ++m) kept[m] += weight[k] * factor[k][m];
  }
  const double total = light.beam + light.diffuse;
  out.loss.resize(kept.size());
  for (size_t m = 0; m < kept.size(); ++m) {
    out.loss[m] =
        total > 0 ? std::max(0.0, 1.0 - (kept[m] + light.diffuse * out.sky[m]) / total) : 0.0;
  }
}

// An array's table from its figures at the nodes.
ShadeTable arrayTable(const ParkShading& park, const ArrayModules& am,
                      const std::vector<size_t>& nodes, std::vector<NodeFigures>& figures,
                      const std::vector<SunHour>& hours) {
  ShadeTable t;
  BeamShares unused;
  unused.fill(kNaN);
  t.beam.assign(kNodes, unused);
  std::vector<std::vector<double>> factor(nodes.size());
  for (size_t k = 0; k < nodes.size(); ++k) {
    t.beam[nodes[k]] = figures[k].beam;
    factor[k] = std::move(figures[k].module);
  }
  viewsOf(park, am, t);
  moduleLosses(am, hours, nodes, factor, t.modules);
  return t;
}

// The tables of the arrays `shaded` (indices into the model's PV): their figures at each node in
// parallel over the nodes, the scene seen from each node's sun once for all of them.
std::vector<std::optional<ShadeTable>> tablesOf(const ParkModel& model, const ParkShading& park,
                                                const std::vector<size_t>& shaded,
                                                const std::vector<size_t>& nodes,
                                                const std::vector<SunHour>& hours) {
  std::vector<ModulePoints> points(shaded.size());
  for (size_t j = 0; j < shaded.size(); ++j) {
    for (const ShadedModule& m : park.arrays[shaded[j]].modules)
      points[j].push_back(beamSamplePoints(m, kYearBeamSamples));
  }
  std::vector<std::vector<NodeFigures>> figures(shaded.size(),
                                                std::vector<NodeFigures>(nodes.size()));
  tbb::parallel_for(size_t(0), nodes.size(), [&](size_t k) {
    const int el = static_cast<int>(nodes[k]) / kAzimuthNodes;
    const int az = static_cast<int>(nodes[k]) % kAzimuthNodes;
    const Eigen::Vector3d sun = nodeSun(el, az);
    const SunFrame frame(*park.frames, sun);
    for (size_t j = 0; j < shaded.size(); ++j) {
      const auto per_string = static_cast<size_t>(model.pv[shaded[j]].modules_per_string);
      figures[j][k] =
          nodeFigures(*park.scene, frame, park.arrays[shaded[j]], points[j], per_string, sun);
    }
  });
  std::vector<std::optional<ShadeTable>> out(model.pv.size());
  for (size_t j = 0; j < shaded.size(); ++j)
    out[shaded[j]] = arrayTable(park, park.arrays[shaded[j]], nodes, figures[j], hours);
  return out;
}

}  // namespace

physics::PvShade ShadeTable::shadeAt(double zenith, double azimuth) const {
  physics::PvShade shade;
  shade.sky = sky;
  shade.ground = ground;
  if (zenith >= 0.5 * u::pi) return shade;
  Corners c = cornersOf(zenith, azimuth);
  // A sun a rounding away from the ones the table was computed for (the engine's vectorised sun
  // against the run plan's) may fall next to a node left out (NaN): the others share its weight.
  bool missing = false;
  double kept = 0.0;
  for (size_t j = 0; j < 4; ++j) {
    const bool left_out = std::isnan(beam[c.nodes[j]][0]);
    missing = missing || left_out;
    kept += left_out ? 0.0 : c.weights[j];
  }
  if (missing) {
    if (!(kept > 0.0)) return shade;  // no node computed near this sun: unshaded
    for (size_t j = 0; j < 4; ++j) {
      c.weights[j] = std::isnan(beam[c.nodes[j]][0]) ? 0.0 : c.weights[j] / kept;
    }
  }
  shade.beam.fill(0.0);
  for (size_t j = 0; j < 4; ++j) {
    if (c.weights[j] == 0.0) continue;
    for (size_t q = 0; q < shade.beam.size(); ++q)
      shade.beam[q] += c.weights[j] * beam[c.nodes[j]][q];
  }
  shade.beam_shaded =
      std::any_of(shade.beam.begin(), shade.beam.end(), [](double b) { return b < 1.0; });
  return shade;
}

namespace {

// What a model's tables depend on besides the compiled-in sample counts: its geometry, each array's
// modules and strings, the sun nodes and the hours.
std::string tablesKey(const ParkModel& model, const ParkShading& park,
                      const std::vector<size_t>& nodes, const std::vector<SunHour>& hours) {
  std::string bytes = park.geometry;
  const auto put = [&](double v) { bytes.append(reinterpret_cast<const char*>(&v), sizeof v); };
  for (size_t i = 0; i < model.pv.size(); ++i) {
    put(model.pv[i].shading ? 1.0 : 0.0);
    put(static_cast<double>(park.arrays[i].modules.size()));
    put(static_cast<double>(model.pv[i].modules_per_string));
  }
  for (size_t n : nodes) put(static_cast<double>(n));
  appendHourBytes(bytes, hours);
  return sha256Hex(bytes);
}

}  // namespace

std::vector<std::optional<ShadeTable>> shadeTables(
    const ParkModel& model, const std::vector<std::pair<double, double>>& suns,
    const std::vector<SunHour>& hours) {
  bool any = false;
  for (const PvArray& a : model.pv) any = any || (a.shading && !a.modules.empty());
  if (!any) return std::vector<std::optional<ShadeTable>>(model.pv.size());
  const ParkShading park = parkShading(model);
  const std::vector<size_t> nodes = neededNodes(suns, hours);
  std::vector<size_t> shaded;
  for (size_t i = 0; i < model.pv.size(); ++i) {
    if (model.pv[i].shading && !park.arrays[i].modules.empty()) shaded.push_back(i);
  }
  return cachedShadeTables(tablesKey(model, park, nodes, hours), model.pv.size(),
                           [&] { return tablesOf(model, park, shaded, nodes, hours); });
}

}  // namespace twin::shading
