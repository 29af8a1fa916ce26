// A scene of opaque triangles for shadow rays, built with Embree 3 (robust mode: rays through a
// shared edge are not let through). Only "is anything in the way" is asked: the answer does not
// depend on the BVH Embree builds, so it is the same on any thread count.
#pragma once

#include <Eigen/Core>
#include <array>
#include <string>
#include <vector>

struct RTCDeviceTy;
struct RTCSceneTy;

namespace twin::shading {

// Triangles to build a scene from, m (park frame: x east, y north, z up).
struct Triangles {
  std::vector<Eigen::Vector3d> vertices;
  std::vector<std::array<unsigned, 3>> triangles;

  void add(const Eigen::Vector3d& a, const Eigen::Vector3d& b, const Eigen::Vector3d& c);
  // A planar quad as two triangles (corners in order around it).
  void addQuad(const std::array<Eigen::Vector3d, 4>& q);
  // A vertical prism on a simple polygon from z = base to z = top: walls, top and bottom.
  void addPrism(const std::vector<Eigen::Vector2d>& footprint, double base, double top);
  // SHA-256 (hex) of the vertices and triangles: what keys results computed from the scene.
  std::string digest() const;
};

class OccluderScene {
 public:
  explicit OccluderScene(const Triangles& triangles);
  ~OccluderScene();
  OccluderScene(const OccluderScene&) = delete;
  OccluderScene& operator=(const OccluderScene&) = delete;

  // True when the ray from `origin` along the unit vector `direction` hits a triangle.
  bool occluded(const Eigen::Vector3d& origin, const Eigen::Vector3d& direction) const;
  // The same for many origins and one direction, as Embree packets of 16 coherent rays (what a
  // module's sample grid casts towards the sun): hidden[i] for origins[i].
  void occludedAlong(const std::vector<Eigen::Vector3d>& origins, const Eigen::Vector3d& direction,
                     std::vector<char>& hidden) const;
  // True when the ray from `origin` along the unit vector `direction` (downwards) ends on the
  // ground or on a surface facing up within 45 degrees (a roof, an obstacle's top, a module laid
  // flat or tilted): what reflects like the ground. False on a wall or the back of a module.
  bool reachesGround(const Eigen::Vector3d& origin, const Eigen::Vector3d& direction) const;
  size_t triangleCount() const { return count_; }

 private:
  RTCDeviceTy* device_ = nullptr;
  RTCSceneTy* scene_ = nullptr;
  size_t count_ = 0;
};

}  // namespace twin::shading
