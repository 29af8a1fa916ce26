// Which modules the park's geometry could shade from one sun direction, found without casting a
// ray: the scene's triangles seen along the sun (projected onto the plane across it) are binned on
// a grid, and a module is tested against the triangles whose projection meets its own. The test
// is conservative: it clears a module only where no triangle can be hit by a ray from its front
// towards the sun, with margins above the rounding of Embree's single-precision rays. A cleared
// module's rays would all have missed, so its beam figures are those of casting them, bit for bit.
#pragma once

#include <Eigen/Core>
#include <array>
#include <vector>

#include "twin/model/module_shading.h"
#include "twin/model/occluder_scene.h"

namespace twin::shading {

class SunFrame {
 public:
  // The scene's triangles seen from the unit vector `sun` (towards the sun).
  SunFrame(const Triangles& triangles, const Eigen::Vector3d& sun);

  // False when no ray from the module's front (kRayOffset in front of it) towards the sun can hit
  // a triangle: every beam sample of the module is then lit. True when one might.
  bool mayShade(const ShadedModule& m) const;

 private:
  // A triangle as the sun sees it: its projected box, its highest depth towards the sun, and the
  // unit normal of its plane (zero for a degenerate triangle).
  struct Seen {
    std::array<Eigen::Vector3d, 3> vertices;
    std::array<Eigen::Vector2d, 3> corners;  // projected
    Eigen::Vector2d low, high;
    double depth = 0.0;
    Eigen::Vector3d normal = Eigen::Vector3d::Zero();
    long column = 0, row = 0;  // the first cell of its box
  };
  // The module's ray origins bounded: the corners of the quad they lie in, its box across the sun
  // and its lowest depth towards the sun.
  struct Origins {
    std::array<Eigen::Vector3d, 4> corners;
    std::array<Eigen::Vector2d, 4> seen;  // the corners projected
    Eigen::Vector2d low, high;
    double depth = 0.0;
  };
  bool mayHit(const Seen& t, const Origins& o, const ShadedModule& m) const;
  bool apart(const Seen& t, const Origins& o) const;
  Eigen::Vector2d across(const Eigen::Vector3d& p) const { return {across_.dot(p), up_.dot(p)}; }
  long cell(double coordinate, double origin, long cells) const;

  Eigen::Vector3d sun_, across_, up_;
  double margin_ = 0.0;  // m: above what single-precision rays may be off by
  std::vector<Seen> seen_;
  Eigen::Vector2d origin_{0.0, 0.0};
  double cell_ = 1.0;
  long columns_ = 0, rows_ = 0;
  std::vector<unsigned> first_;  // the triangles of cell c: index_[first_[c] .. first_[c + 1])
  std::vector<unsigned> index_;
};

}  // namespace twin::shading
