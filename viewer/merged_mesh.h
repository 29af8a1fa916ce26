// Many small parts (boxes, quads, footprints) merged into one osg::Geometry: one draw call per
// layer (5,000 separate boxes: 27 fps on llvmpipe, merged: 65 fps). Each part keeps its id, its
// vertex range (for colour updates) and its triangle range (for picking).
#pragma once

#include <Eigen/Core>
#include <array>
#include <osg/Geometry>
#include <string>
#include <vector>

#include "viewer/color_map.h"

namespace viewer {

class MergedMesh {
 public:
  explicit MergedMesh(const std::string& name);

  // Each add* starts a new part and returns its index.
  size_t addBox(const std::string& id, const Eigen::Vector3d& center, const Eigen::Vector3d& size,
                Rgb color);
  // A quad, as a new part or (new_part false) appended to the last part.
  size_t addQuad(const std::string& id, const std::array<Eigen::Vector3d, 4>& corners, Rgb color,
                 bool new_part = true);
  // A prism from a footprint polygon (any orientation, concave allowed) from z0 to z1, with roof.
  size_t addPrism(const std::string& id, const std::vector<Eigen::Vector2d>& footprint, double z0,
                  double z1, Rgb color);
  // A box from a to b (a segment of a cable) of square cross-section `width`, m; appended to the
  // current part when `new_part` is false.
  size_t addBeam(const std::string& id, const Eigen::Vector3d& a, const Eigen::Vector3d& b,
                 double width, Rgb color, bool new_part);

  // Triangles of a model in the unit box (three corners each), stretched to a box centred at
  // `center` with extents `size`, each triangle flat-shaded: a new part, or (new_part false)
  // appended to the last part.
  size_t addModel(const std::string& id, const std::vector<Eigen::Vector3d>& triangles,
                  const Eigen::Vector3d& center, const Eigen::Vector3d& size, Rgb color,
                  bool new_part = true);

  // Colours a part; returns true when it changed. Call commit() after a batch of changes.
  bool setColor(size_t part, Rgb color, float alpha = 1.0f);
  // Colours the quad-th quad of a part made of quads (addQuad); returns true when it changed.
  bool setQuadColor(size_t part, size_t quad, Rgb color);
  // The quads of a part made of quads.
  size_t quadCount(size_t part) const { return parts_[part].vertex_count / 4; }
  void commit();

  size_t parts() const { return parts_.size(); }
  const std::string& id(size_t part) const { return parts_[part].id; }
  // The part that holds triangle `triangle` of the geometry (as counted by osgUtil's
  // intersectors), or parts() when none.
  size_t partOfTriangle(unsigned triangle) const;
  osg::BoundingBox bounds(size_t part) const;

  osg::Geometry* geometry() const { return geometry_.get(); }

 private:
  struct Part {
    std::string id;
    unsigned first_vertex = 0;
    unsigned vertex_count = 0;
    unsigned first_triangle = 0;
  };
  size_t begin(const std::string& id);
  void vertex(const Eigen::Vector3d& p, const Eigen::Vector3d& n, Rgb c);
  void triangle(unsigned a, unsigned b, unsigned c);
  void face(const std::array<Eigen::Vector3d, 4>& q, Rgb c);

  osg::ref_ptr<osg::Geometry> geometry_;
  osg::ref_ptr<osg::Vec3Array> vertices_;
  osg::ref_ptr<osg::Vec3Array> normals_;
  osg::ref_ptr<osg::Vec4Array> colors_;
  osg::ref_ptr<osg::DrawElementsUInt> triangles_;
  std::vector<Part> parts_;
};

}  // namespace viewer
