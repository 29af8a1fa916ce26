// The shading of every laid-out module of a park at given sun positions, and each array's
// area-weighted means (`parktwin shading`, docs/shading.md). Parallel over modules with TBB; each
// module's figures depend on nothing else, so they are the same on any thread count.
#pragma once

#include <optional>
#include <vector>

#include "twin/shading/park_shading.h"

namespace twin::shading {

struct ModuleFigures {
  std::vector<std::optional<double>> beam;  // shaded fraction per sun; none: sun down or behind
  double view = 1.0;                        // diffuse view fraction
  double ground = 1.0;                      // ground view fraction
};

struct ArrayFigures {
  std::vector<ModuleFigures> modules;
  std::vector<std::optional<double>> beam;  // area-weighted over the modules with a value
  std::optional<double> view;               // area-weighted; none without modules
  std::optional<double> ground;             // area-weighted; none without modules
};

// suns: unit vectors towards the sun (any z: a sun below the horizon gives no beam figure).
std::vector<ArrayFigures> shadeArrays(const ParkShading& park,
                                      const std::vector<Eigen::Vector3d>& suns,
                                      int beam_samples = kBeamSamples);

}  // namespace twin::shading
