// Picking: the id of the object under a pixel, by casting the pixel's ray through the scene's
// visible layers. With see-through buildings, what is inside a building wins over its walls.
#pragma once

#include <optional>
#include <string>

#include "viewer/camera_views.h"
#include "viewer/park_scene.h"

namespace viewer {

// x, y: pixel (y down from the top row) in a width x height view seen from `pose`.
std::optional<std::string> pickAt(const ParkScene& scene, const CameraPose& pose, int width,
                                  int height, double x, double y);

// The same with the view's own matrices (interactive viewer).
std::optional<std::string> pickAt(const ParkScene& scene, const osg::Matrixd& view,
                                  const osg::Matrixd& projection, int width, int height, double x,
                                  double y);

}  // namespace viewer
