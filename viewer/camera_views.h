// Camera poses that frame the park (iso, top, south, east) or one part of it, and the projection
// of park points to image pixels with the same matrices OSG renders with.
#pragma once

#include <Eigen/Core>
#include <optional>
#include <osg/BoundingBox>
#include <osg/Matrixd>
#include <string>

#include "viewer/park_layout.h"

namespace viewer {

enum class ViewPreset { kIso, kTop, kSouth, kEast };
// "iso", "top", "south", "east" -> preset; nullopt for other words.
std::optional<ViewPreset> parseViewPreset(const std::string& word);

struct CameraPose {
  osg::Vec3d eye;
  osg::Vec3d center;
  osg::Vec3d up{0.0, 0.0, 1.0};
  double fovy_deg = 35.0;
};

inline constexpr double kNear = 5.0;    // m
inline constexpr double kFar = 8000.0;  // m

CameraPose presetPose(const ParkLayout& layout, ViewPreset preset, double aspect);
// Looks at a box from the iso direction, close enough for it to fill about a third of the view.
CameraPose focusPose(const osg::BoundingBox& box, double aspect);

// The pose moved sideways so that what it centred sits in the middle of the part of the image
// right of its left `inset` (a fraction of the width, where a panel covers the image). Frame with
// the aspect of that part first.
CameraPose insetPose(const CameraPose& pose, double inset, double aspect);

osg::Matrixd viewMatrix(const CameraPose& pose);
osg::Matrixd projectionMatrix(const CameraPose& pose, double aspect);

// Pixel (x to the right, y down from the top row) of park point p in a width x height image.
Eigen::Vector2d projectToPixel(const CameraPose& pose, int width, int height,
                               const Eigen::Vector3d& p);

}  // namespace viewer
