// Which modules the park's geometry could shade from one sun direction, found without casting a
// ray: the scene's triangles seen along the sun (projected onto the plane across it) are binned on
// a grid, and a group of modules (a stretch of one row, or a single module) is tested against the
// triangles whose projection meets its box's. The test is conservative: it clears a group only
// where no triangle can be hit by a ray from the front of its modules towards the sun, with
// margins above the rounding of Embree's single-precision rays. A cleared module's rays would all
// have missed, so its beam figures are those of casting them, bit for bit.
#pragma once

#include <Eigen/Core>
#include <array>
#include <vector>

#include "twin/model/module_shading.h"
#include "twin/model/occluder_scene.h"

namespace twin::shading {

// The scene's triangles as every sun frame reads them: vertices, the unit normal of each plane
// (zero for a sliver) and the rounding margin, computed once for all suns.
class FrameScene {
 public:
  explicit FrameScene(const Triangles& triangles);

 private:
  friend class SunFrame;
  struct Triangle {
    std::array<Eigen::Vector3d, 3> vertices;
    Eigen::Vector3d normal = Eigen::Vector3d::Zero();
  };
  std::vector<Triangle> triangles_;
  double extent_ = 0.0;  // m: the largest coordinate of a vertex
  double margin_ = 0.0;  // m: above what single-precision rays may be off by
};

// Neighbouring modules of one array taken together, so that one test can clear them all
// (SunFrame::mayShadeAny): a box in the modules' own frame that holds every one of their ray
// origins, and the lowest of their planes.
struct ModuleGroup {
  size_t first = 0, count = 0;                        // modules[first, first + count)
  Eigen::Vector3d normal = Eigen::Vector3d::UnitZ();  // the first module's; the others' within 1e-9
  double plane = 0.0;                  // m: the lowest normal . corner of the modules
  double reach = 0.0;                  // m: the largest coordinate of a corner
  std::array<Eigen::Vector3d, 8> box;  // the box's corners
};

// Modules a group holds at most: consecutive ones of a row, so that its box stays thin.
inline constexpr size_t kGroupModules = 8;

// The modules in order, in groups of at most `most` consecutive ones whose normals agree to 1e-9
// in every component and whose planes are within 1 mm of each other.
std::vector<ModuleGroup> moduleGroups(const std::vector<ShadedModule>& modules, size_t most);

class SunFrame {
 public:
  // The scene's triangles seen from the unit vector `sun` (towards the sun). `scene` must outlive
  // the frame.
  SunFrame(const FrameScene& scene, const Eigen::Vector3d& sun);

  // False when no ray from the front of a module of the group (kRayOffset in front of it) towards
  // the sun can hit a triangle: every beam sample of each is then lit. True when one might, or
  // when the sun grazes the modules' plane: then their rays are to be cast.
  bool mayShade(const ModuleGroup& g) const;

 private:
  // A triangle as the sun sees it: its corners projected, their box, its highest depth towards
  // the sun, and the first cell of its box.
  struct Seen {
    std::array<Eigen::Vector2d, 3> corners;
    Eigen::Vector2d low, high;
    double depth = 0.0;
    long column = 0, row = 0;
    unsigned index = 0;  // into the scene's triangles
  };
  // A group's box as this sun sees it: its corners, projected across the sun, their extent there
  // and lowest depth towards the sun, and the plane the rays leave (each module's corners have
  // normal . x >= plane).
  struct Origins {
    std::array<Eigen::Vector3d, 8> corners;
    std::array<Eigen::Vector2d, 8> seen;
    Eigen::Vector2d low, high;
    double depth = 0.0;
    Eigen::Vector3d normal;
    double plane = 0.0;
    double slack = 0.0;  // m: added to the margin for the plane test (normals within 1e-9)
  };
  void bound(Origins& o) const;
  bool mayHitAny(const Origins& o) const;
  bool mayHit(const Seen& t, const Origins& o) const;
  bool apart(const Seen& t, const Origins& o) const;
  Eigen::Vector2d across(const Eigen::Vector3d& p) const { return {across_.dot(p), up_.dot(p)}; }
  long cell(double coordinate, double origin, long cells) const;

  const FrameScene& scene_;
  Eigen::Vector3d sun_, across_, up_;
  double margin_ = 0.0;
  std::vector<Seen> seen_;
  Eigen::Vector2d origin_{0.0, 0.0};
  double cell_ = 1.0;
  long columns_ = 0, rows_ = 0;
  std::vector<unsigned> first_;  // the triangles of cell c: index_[first_[c] .. first_[c + 1])
  std::vector<unsigned> index_;
};

}  // namespace twin::shading
