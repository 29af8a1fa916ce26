#include "viewer/flow_markers.h"

#include <cmath>

namespace viewer {
namespace {

constexpr float kArrowLength = 3.0f;  // m
constexpr float kArrowWidth = 1.6f;   // m
constexpr float kLift = 0.6f;         // m above the cable axis

}  // namespace

FlowMarkers::FlowMarkers(const std::vector<CableRoute>& routes)
    : speed_(routes.size(), 0.0),
      phase_(routes.size(), 0.0),
      geometry_(new osg::Geometry),
      vertices_(new osg::Vec3Array) {
  size_t slots = 0;
  for (const CableRoute& c : routes) {
    Route r;
    for (const Eigen::Vector3d& p : c.points) {
      const osg::Vec3 q(float(p.x()), float(p.y()), float(p.z()) + kLift);
      r.length += r.points.empty() ? 0.0f : (q - r.points.back()).length();
      r.points.push_back(q);
      r.cumulative.push_back(r.length);
    }
    first_slot_.push_back(slots);
    slot_count_.push_back(static_cast<size_t>(std::floor(r.length / kFlowSpacing)) + 1);
    slots += slot_count_.back();
    routes_.push_back(std::move(r));
  }
  vertices_->resize(slots * 3);
  osg::ref_ptr<osg::Vec4Array> colors = new osg::Vec4Array;
  colors->push_back({1.0f, 0.95f, 0.3f, 1.0f});
  osg::ref_ptr<osg::Vec3Array> normals = new osg::Vec3Array;
  normals->push_back({0, 0, 1});
  geometry_->setName("flow markers");
  geometry_->setUseDisplayList(false);
  geometry_->setUseVertexBufferObjects(true);
  geometry_->setDataVariance(osg::Object::DYNAMIC);
  geometry_->setVertexArray(vertices_.get());
  geometry_->setColorArray(colors.get(), osg::Array::BIND_OVERALL);
  geometry_->setNormalArray(normals.get(), osg::Array::BIND_OVERALL);
  geometry_->addPrimitiveSet(new osg::DrawArrays(GL_TRIANGLES, 0, GLsizei(vertices_->size())));
  advance(0.0);
}

void FlowMarkers::writeMarker(size_t slot, const Route& r, float s, bool forward, bool visible) {
  osg::Vec3* v = &(*vertices_)[slot * 3];
  if (!visible || r.points.size() < 2) {
    v[0] = v[1] = v[2] = r.points.empty() ? osg::Vec3() : r.points.front();
    return;
  }
  size_t i = 1;
  while (i + 1 < r.points.size() && r.cumulative[i] < s) ++i;
  const osg::Vec3 a = r.points[i - 1], b = r.points[i];
  const float seg = r.cumulative[i] - r.cumulative[i - 1];
  const float f = seg > 0 ? (s - r.cumulative[i - 1]) / seg : 0.0f;
  const osg::Vec3 p = a + (b - a) * f;
  osg::Vec3 d = b - a;
  d.normalize();
  if (!forward) d = -d;
  const osg::Vec3 side = osg::Vec3(-d.y(), d.x(), 0.0f) * (0.5f * kArrowWidth);
  v[0] = p + d * (0.5f * kArrowLength);
  v[1] = p - d * (0.5f * kArrowLength) + side;
  v[2] = p - d * (0.5f * kArrowLength) - side;
}

void FlowMarkers::advance(double dt) {
  for (size_t c = 0; c < routes_.size(); ++c) {
    const Route& r = routes_[c];
    const bool moving = speed_[c] != 0.0 && std::isfinite(speed_[c]);
    if (moving) phase_[c] = std::fmod(phase_[c] + dt * speed_[c], double(kFlowSpacing));
    if (phase_[c] < 0) phase_[c] += kFlowSpacing;
    for (size_t k = 0; k < slot_count_[c]; ++k) {
      const float s = float(phase_[c]) + float(k) * kFlowSpacing;
      writeMarker(first_slot_[c] + k, r, s, speed_[c] >= 0, moving && s <= r.length);
    }
  }
  vertices_->dirty();
  geometry_->dirtyBound();
}

}  // namespace viewer
