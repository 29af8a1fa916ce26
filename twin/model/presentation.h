// What the park file's `presentation:` names for showing the park (docs/presenting.md): cameras
// and camera tours, part of the ParkModel.
#pragma once

#include <Eigen/Core>
#include <string>

namespace twin {

// A named camera of the park file's `presentation:` (docs/presenting.md), m in the park frame.
struct PresentationCamera {
  std::string id;
  Eigen::Vector3d eye{0.0, 0.0, 0.0};
  Eigen::Vector3d target{0.0, 0.0, 0.0};
};

// One stop of a tour: the camera moves to `camera` over `move`, then holds for `hold`.
struct TourStop {
  std::string tour;   // the tour's id: a tour is its stops in file order
  int camera = 0;     // index into ParkModel::cameras
  double move = 0.0;  // s
  double hold = 0.0;  // s
  std::string caption;
  std::string caption_zh;
};

}  // namespace twin
