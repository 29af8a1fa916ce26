#include "viewer/picking.h"

#include <osgUtil/IntersectionVisitor>
#include <osgUtil/LineSegmentIntersector>

namespace viewer {

std::optional<std::string> pickAt(const ParkScene& scene, const CameraPose& pose, int width,
                                  int height, double x, double y) {
  return pickAt(scene, viewMatrix(pose), projectionMatrix(pose, double(width) / double(height)),
                width, height, x, y);
}

std::optional<std::string> pickAt(const ParkScene& scene, const osg::Matrixd& view,
                                  const osg::Matrixd& projection, int width, int height, double x,
                                  double y) {
  const osg::Matrixd inverse = osg::Matrixd::inverse(view * projection);
  const double nx = 2.0 * x / width - 1.0, ny = 1.0 - 2.0 * y / height;
  const osg::Vec3d a = osg::Vec3d(nx, ny, -1.0) * inverse;
  const osg::Vec3d b = osg::Vec3d(nx, ny, 1.0) * inverse;
  osg::ref_ptr<osgUtil::LineSegmentIntersector> ray = new osgUtil::LineSegmentIntersector(a, b);
  osgUtil::IntersectionVisitor visitor(ray.get());
  visitor.setTraversalMode(osg::NodeVisitor::TRAVERSE_ACTIVE_CHILDREN);
  scene.root()->accept(visitor);
  std::optional<std::string> wall;
  for (const osgUtil::LineSegmentIntersector::Intersection& hit : ray->getIntersections()) {
    const osg::Drawable* d = hit.drawable.get();
    const std::optional<std::string> id = scene.idOf(d, hit.primitiveIndex);
    if (!id || id->empty()) continue;
    const bool building = d->getName() == "buildings" || d->getName() == "floors";
    if (!building || !scene.xray()) return id;
    if (!wall) wall = id;
  }
  return wall;
}

}  // namespace viewer
