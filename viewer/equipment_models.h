// The low-poly models the viewer draws equipment and trees with (assets/models/*.obj, made by
// assets/models/make_models.py and embedded in the program), read once through OpenSceneGraph's
// OBJ reader into triangles in the unit box [-0.5, 0.5]^3, z up.
#pragma once

#include <Eigen/Core>
#include <vector>

#include "twin/model/model.h"

namespace viewer {

enum class Model {
  kPump,
  kFan,
  kCompressor,
  kConveyor,
  kMachine,
  kCharger,
  kHvac,
  kCabinet,
  kTransformer,
  kBattery,
  kInverter,
  kTree
};
inline constexpr int kModelCount = 12;

// The model's triangles, three corners each, wound as in its file (the scene lights both sides).
// Throws std::runtime_error when the embedded file cannot be read (a build without OSG's OBJ
// plugin).
const std::vector<Eigen::Vector3d>& modelTriangles(Model model);

Model modelOf(twin::DrivenKind kind);
Model modelOf(twin::LoadKind kind);

}  // namespace viewer
