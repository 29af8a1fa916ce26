#include "viewer/camera_views.h"

#include <algorithm>
#include <cmath>

namespace viewer {
namespace {

constexpr double kDeg = 3.14159265358979323846 / 180.0;

// Distance at which a sphere of radius r fits the narrower field of view.
double fitDistance(double radius, double fovy_deg, double aspect) {
  const double half_y = 0.5 * fovy_deg * kDeg;
  const double half_x = std::atan(std::tan(half_y) * aspect);
  return radius / std::sin(std::min(half_x, half_y));
}

// The distance along `dir` (unit, from the centre towards the eye) at which every corner of the
// site's box (the site rectangle from the ground to the tallest roof) is inside the view, with a
// 4 % margin: x / tan(half_x) and y / tan(half_y) in front of each corner's depth.
double framingDistance(const ParkLayout& layout, const osg::Vec3d& center, const osg::Vec3d& dir,
                       const osg::Vec3d& up, double fovy_deg, double aspect) {
  const double ty = std::tan(0.5 * fovy_deg * kDeg), tx = ty * aspect;
  const osg::Vec3d forward = -dir;
  osg::Vec3d right = forward ^ up;
  right.normalize();
  const osg::Vec3d cam_up = right ^ forward;
  double distance = 0.0;
  for (double x : {layout.min.x(), layout.max.x()}) {
    for (double y : {layout.min.y(), layout.max.y()}) {
      for (double z : {0.0, layout.tallest}) {
        const osg::Vec3d p = osg::Vec3d(x, y, z) - center;
        const double depth = p * forward;
        distance = std::max(
            {distance, std::abs(p * right) / tx - depth, std::abs(p * cam_up) / ty - depth});
      }
    }
  }
  return 1.04 * distance;
}

}  // namespace

std::optional<ViewPreset> parseViewPreset(const std::string& word) {
  if (word == "iso") return ViewPreset::kIso;
  if (word == "top") return ViewPreset::kTop;
  if (word == "south") return ViewPreset::kSouth;
  if (word == "east") return ViewPreset::kEast;
  return std::nullopt;
}

CameraPose presetPose(const ParkLayout& layout, ViewPreset preset, double aspect) {
  CameraPose pose;
  const Eigen::Vector2d c2 = 0.5 * (layout.min + layout.max);
  const Eigen::Vector2d half = 0.5 * (layout.max - layout.min);
  pose.center = {c2.x(), c2.y(), 0.3 * layout.tallest};
  osg::Vec3d dir;  // from the centre towards the eye
  double distance = 0.0;
  switch (preset) {
    case ViewPreset::kIso:
      dir = {-0.45, -0.75, 0.85};
      break;
    case ViewPreset::kTop: {
      // The site's rectangle fits both fields of view.
      dir = {0.0, 0.0, 1.0};
      pose.up = {0.0, 1.0, 0.0};
      pose.center.z() = 0.0;
      const double ty = std::tan(0.5 * pose.fovy_deg * kDeg);
      distance = 1.05 * std::max(half.y() / ty, half.x() / (ty * aspect)) + layout.tallest;
      break;
    }
    case ViewPreset::kSouth:
      dir = {0.0, -1.0, 0.35};
      break;
    case ViewPreset::kEast:
      dir = {1.0, 0.0, 0.35};
      break;
  }
  dir.normalize();
  if (preset != ViewPreset::kTop)
    distance = framingDistance(layout, pose.center, dir, pose.up, pose.fovy_deg, aspect);
  pose.eye = pose.center + dir * distance;
  return pose;
}

CameraPose focusPose(const osg::BoundingBox& box, double aspect) {
  CameraPose pose;
  pose.center = box.center();
  osg::Vec3d dir(-0.45, -0.75, 0.85);
  dir.normalize();
  const double radius = std::max(1.6 * box.radius(), 12.0);
  pose.eye = pose.center + dir * fitDistance(radius, pose.fovy_deg, aspect);
  return pose;
}

CameraPose insetPose(const CameraPose& pose, double inset, double aspect) {
  osg::Vec3d forward = pose.center - pose.eye;
  const double distance = forward.length();
  forward.normalize();
  osg::Vec3d right = forward ^ pose.up;
  right.normalize();
  const double shift = inset * distance * std::tan(0.5 * pose.fovy_deg * kDeg) * aspect;
  CameraPose out = pose;
  out.eye -= right * shift;
  out.center -= right * shift;
  return out;
}

osg::Matrixd viewMatrix(const CameraPose& pose) {
  return osg::Matrixd::lookAt(pose.eye, pose.center, pose.up);
}

osg::Matrixd projectionMatrix(const CameraPose& pose, double aspect) {
  return osg::Matrixd::perspective(pose.fovy_deg, aspect, kNear, kFar);
}

Eigen::Vector2d projectToPixel(const CameraPose& pose, int width, int height,
                               const Eigen::Vector3d& p) {
  const double aspect = double(width) / double(height);
  const osg::Matrixd m = viewMatrix(pose) * projectionMatrix(pose, aspect);
  const osg::Vec3d ndc = osg::Vec3d(p.x(), p.y(), p.z()) * m;  // osg divides by w
  return {(ndc.x() * 0.5 + 0.5) * width, (1.0 - (ndc.y() * 0.5 + 0.5)) * height};
}

}  // namespace viewer
