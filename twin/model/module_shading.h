// How much of a PV module the park's geometry shades: the beam shaded fraction at a sun direction
// and the diffuse view fraction, both by rays cast from points spread over the module's area
// (docs/shading.md).
#pragma once

#include <Eigen/Core>
#include <array>
#include <optional>
#include <vector>

#include "twin/model/occluder_scene.h"

namespace twin::shading {

// A module as a planar quad: corners counter-clockwise seen from the front, m; normal out of
// the front.
struct ShadedModule {
  std::array<Eigen::Vector3d, 4> corners;
  Eigen::Vector3d normal{0.0, 0.0, 1.0};
  double area = 0.0;  // m2
};

ShadedModule shadedModule(const std::array<Eigen::Vector3d, 4>& corners);

// Rays leave a module this far in front of it, so that they do not hit the module itself.
inline constexpr double kRayOffset = 1e-3;  // m

// Points per side of the sample grid (cell centres) for the `shading` command: 26 x 26. A
// straight shadow edge across an n x n grid is off by at most 1/(2n) of the module (0.019 at 26),
// within the 0.02 asked of an array even when every module of a row has its edge at the same place
// among the points (row-to-row shading).
inline constexpr int kBeamSamples = 26;

// The beam shaded fraction (0..1) of a module for the unit vector `sun` towards the sun: the
// share of its sample points from which the sun is hidden. nullopt when the sun is below the
// horizon or behind the module. `cast` false for a module that sun's SunFrame (sun_frame.h) has
// cleared: no ray is cast, and the fraction is 0, as casting them gives.
std::optional<double> beamShadedFraction(const OccluderScene& scene, const ShadedModule& m,
                                         const Eigen::Vector3d& sun,
                                         int samples_per_side = kBeamSamples, bool cast = true);

// A partly shaded module's bypass-diode substrings: its cells form `substrings` substrings side by
// side, each running along the module's long side with `rows` cells along it. A substring's beam
// loss (0..1) is that of its most shaded cell, taken as min(1, rows x its shaded share): a shadow
// entering from one end covers whole cells first. All 0 when the sun is below the horizon or
// behind the module (it then gets no beam anyway). Appended to `losses`.
inline constexpr int kBypassSubstrings = 3;  // typical 60/72-cell and half-cell modules
inline constexpr int kCellRows = 10;         // cells along a substring of a 60-cell module
void substringBeamLosses(const OccluderScene& scene, const ShadedModule& m,
                         const Eigen::Vector3d& sun, int samples_per_side,
                         std::vector<double>& losses, int substrings = kBypassSubstrings,
                         int rows = kCellRows);

// The origins of a module's beam rays: the centres of an n x n grid of cells over it (i across,
// j up), kRayOffset in front of it.
std::vector<Eigen::Vector3d> beamSamplePoints(const ShadedModule& m, int samples_per_side);

// substringBeamLosses from the module's beamSamplePoints(m, samples_per_side), computed once for
// the many suns of a year.
void substringBeamLossesFrom(const OccluderScene& scene, const ShadedModule& m,
                             const std::vector<Eigen::Vector3d>& points, int samples_per_side,
                             const Eigen::Vector3d& sun, std::vector<double>& losses,
                             int substrings = kBypassSubstrings, int rows = kCellRows);

// The share of its beam-only power a module keeps behind its bypass diodes
// (physics/pv_mismatch.h with the substring losses above); 1 unshaded. `cast` false for a module a
// sun frame has cleared: no ray is cast, and the factor is what casting them gives.
double moduleBeamFactor(const OccluderScene& scene, const ShadedModule& m,
                        const Eigen::Vector3d& sun, int samples_per_side, bool cast = true);

// What a module sees of the sky and of the ground, each averaged over its area: points_per_side^2
// points, each casting `directions` cosine-weighted rays over its front hemisphere (a Hammersley
// set, turned by a different angle at each point).
struct ViewFractions {
  // The diffuse view fraction: (integral over the visible sky above the horizon and in front of
  // the module of cos(theta) dOmega / pi) / ((1 + cos tilt) / 2). 1 for an open sky.
  double sky = 1.0;
  // The same below the horizon: the cosine-weighted share of the ground the module would see that
  // ends on the ground or a surface facing up (OccluderScene::reachesGround). 1 for open ground.
  double ground = 1.0;
};
ViewFractions viewFractions(const OccluderScene& scene, const ShadedModule& m,
                            int points_per_side = 4, int directions = 128);

}  // namespace twin::shading
