// Power moving along cables: arrow markers spaced along each cable's route, all in one geometry,
// sliding at a speed that grows with the cable's loading, in the direction of the power flow.
#pragma once

#include <osg/Geometry>
#include <vector>

#include "viewer/park_layout.h"

namespace viewer {

class FlowMarkers {
 public:
  explicit FlowMarkers(const std::vector<CableRoute>& routes);

  // speed: m/s of the markers along the route, signed (positive: from the `from` bus to `to`);
  // 0 stops and hides them.
  void setSpeed(size_t cable, double speed) { speed_[cable] = speed; }
  // Moves the markers by dt seconds of animation and rewrites their vertices.
  void advance(double dt);

  osg::Geometry* geometry() const { return geometry_.get(); }

 private:
  struct Route {
    std::vector<osg::Vec3> points;
    std::vector<float> cumulative;  // arc length at each point, m
    float length = 0.0f;
  };
  void writeMarker(size_t slot, const Route& r, float s, bool forward, bool visible);

  std::vector<Route> routes_;
  std::vector<double> speed_;
  std::vector<double> phase_;  // m, offset of the first marker
  std::vector<size_t> first_slot_;
  std::vector<size_t> slot_count_;
  osg::ref_ptr<osg::Geometry> geometry_;
  osg::ref_ptr<osg::Vec3Array> vertices_;
};

inline constexpr float kFlowSpacing = 12.0f;  // m between markers

}  // namespace viewer
