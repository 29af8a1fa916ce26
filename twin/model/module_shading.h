// How much of a PV module the park's geometry shades: the beam shaded fraction at a sun direction
// and the diffuse view fraction, both by rays cast from points spread over the module's area
// (docs/shading.md).
#pragma once

#include <Eigen/Core>
#include <array>
#include <optional>

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
// horizon or behind the module.
std::optional<double> beamShadedFraction(const OccluderScene& scene, const ShadedModule& m,
                                         const Eigen::Vector3d& sun,
                                         int samples_per_side = kBeamSamples);

// A partly shaded module with bypass diodes (a simplified model in the spirit of Deline et al.
// 2013, "A simplified model of uniform shading in large photovoltaic arrays", Solar Energy 96):
// its cells form `substrings` bypass-diode substrings side by side, each running along the
// module's long side with `rows` cells along it. A substring loses its beam in proportion to its
// shaded cell rows and all of it once one full row is shaded: min(1, rows x its shaded share). The
// module keeps the mean over its substrings of what they do not lose (1: unshaded; 1 when the sun
// is behind the module, which then gets no beam anyway). Series mismatch between modules of a
// string is not modelled.
inline constexpr int kBypassSubstrings = 3;  // typical 60/72-cell and half-cell modules
inline constexpr int kCellRows = 10;         // cells along a substring of a 60-cell module
double moduleBeamFactor(const OccluderScene& scene, const ShadedModule& m,
                        const Eigen::Vector3d& sun, int samples_per_side,
                        int substrings = kBypassSubstrings, int rows = kCellRows);

// The diffuse view fraction: the isotropic sky the module sees, (integral over the visible sky
// above the horizon and in front of the module of cos(theta) dOmega / pi) / ((1 + cos tilt) / 2),
// averaged over its area: points_per_side^2 points, each casting `directions` cosine-weighted
// rays (a Hammersley set, turned by a different angle at each point). 1 for an open sky.
double diffuseViewFraction(const OccluderScene& scene, const ShadedModule& m,
                           int points_per_side = 4, int directions = 128);

}  // namespace twin::shading
