#include "twin/model/sun_frame.h"

#include <Eigen/Geometry>
#include <algorithm>
#include <cmath>
#include <limits>

namespace twin::shading {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Rounding of Embree's single-precision rays and triangles: a float is within 2^-24 of its
// magnitude of the double it stands for. A ray's origin and a triangle's vertices are each off by
// about one such rounding at the scene's largest coordinate, and its direction's rounding turns
// it by 2^-24 rad, about three more over the scene's width. The margins are 8 of them at the
// scene's largest coordinate (0.49 mm at 512 m).
constexpr double kMarginUlps = 8.0 * 0x1p-23;
// A ray this close to parallel to a plane might, once rounded, turn towards it: the plane tests
// below are not used for it.
constexpr double kGrazing = 1e-6;
// Below this sine of the angle between its edges a triangle's plane is not trusted.
constexpr double kSliverSine = 1e-6;

// A group's modules have normals within this of each other (per component) and lie in one plane
// to within kSamePlane (m): one row, so that the group's box stays thin.
constexpr double kSameNormal = 1e-9;
constexpr double kSamePlane = 1e-3;

}  // namespace

FrameScene::FrameScene(const Triangles& triangles) {
  for (const Eigen::Vector3d& v : triangles.vertices)
    extent_ = std::max(extent_, v.cwiseAbs().maxCoeff());
  margin_ = kMarginUlps * extent_ + 1e-9;
  triangles_.reserve(triangles.triangles.size());
  for (const auto& t : triangles.triangles) {
    Triangle s;
    s.vertices = {triangles.vertices[t[0]], triangles.vertices[t[1]], triangles.vertices[t[2]]};
    const Eigen::Vector3d e1 = s.vertices[1] - s.vertices[0], e2 = s.vertices[2] - s.vertices[0];
    const Eigen::Vector3d n = e1.cross(e2);
    if (n.norm() > kSliverSine * e1.norm() * e2.norm()) s.normal = n.normalized();
    triangles_.push_back(s);
  }
}

std::vector<ModuleGroup> moduleGroups(const std::vector<ShadedModule>& modules, size_t most) {
  std::vector<ModuleGroup> out;
  for (size_t i = 0; i < modules.size();) {
    ModuleGroup g;
    g.first = i;
    g.normal = modules[i].normal;
    size_t end = i + 1;
    const double plane = g.normal.dot(modules[i].corners[0]);
    while (end < modules.size() && end - i < most &&
           (modules[end].normal - g.normal).cwiseAbs().maxCoeff() <= kSameNormal &&
           std::abs(g.normal.dot(modules[end].corners[0]) - plane) <= kSamePlane)
      ++end;
    g.count = end - i;
    // The modules' own frame: two directions in their plane and the normal.
    const Eigen::Vector3d helper =
        std::abs(g.normal.z()) < 0.9 ? Eigen::Vector3d::UnitZ() : Eigen::Vector3d::UnitX();
    const Eigen::Vector3d t1 = helper.cross(g.normal).normalized(), t2 = g.normal.cross(t1);
    Eigen::Vector3d low = Eigen::Vector3d::Constant(kInf), high = -low;
    g.plane = kInf;
    for (size_t m = i; m < end; ++m) {
      for (const Eigen::Vector3d& c : modules[m].corners) {
        g.plane = std::min(g.plane, g.normal.dot(c));
        g.reach = std::max(g.reach, c.cwiseAbs().maxCoeff());
        const Eigen::Vector3d p = c + kRayOffset * modules[m].normal;
        const Eigen::Vector3d q(t1.dot(p), t2.dot(p), g.normal.dot(p));
        low = low.cwiseMin(q);
        high = high.cwiseMax(q);
      }
    }
    const double pad = kSameNormal * (g.reach + 1.0);  // above the box's own rounding
    low.array() -= pad;
    high.array() += pad;
    for (size_t k = 0; k < 8; ++k) {
      g.box[k] = (k & 1 ? high : low).x() * t1 + (k & 2 ? high : low).y() * t2 +
                 (k & 4 ? high : low).z() * g.normal;
    }
    out.push_back(g);
    i = end;
  }
  return out;
}

SunFrame::SunFrame(const FrameScene& scene, const Eigen::Vector3d& sun)
    : scene_(scene), sun_(sun), margin_(scene.margin_) {
  const Eigen::Vector3d helper =
      std::abs(sun.z()) < 0.9 ? Eigen::Vector3d::UnitZ() : Eigen::Vector3d::UnitX();
  across_ = sun.cross(helper).normalized();
  up_ = across_.cross(sun);
  Eigen::Vector2d low(kInf, kInf), high(-kInf, -kInf);
  seen_.resize(scene.triangles_.size());
  for (size_t i = 0; i < seen_.size(); ++i) {
    const auto& v = scene.triangles_[i].vertices;
    Seen& s = seen_[i];
    s.corners = {across(v[0]), across(v[1]), across(v[2])};
    s.low = s.corners[0].cwiseMin(s.corners[1]).cwiseMin(s.corners[2]);
    s.high = s.corners[0].cwiseMax(s.corners[1]).cwiseMax(s.corners[2]);
    s.depth = std::max({sun.dot(v[0]), sun.dot(v[1]), sun.dot(v[2])});
    s.index = static_cast<unsigned>(i);
    low = low.cwiseMin(s.low);
    high = high.cwiseMax(s.high);
  }
  if (seen_.empty()) return;
  const Eigen::Vector2d size = high - low;
  const auto count = static_cast<double>(seen_.size());
  cell_ = std::max({std::sqrt(size.x() * size.y() / count), size.maxCoeff() / 4096.0, 1e-3});
  origin_ = low;
  columns_ = static_cast<long>(size.x() / cell_) + 1;
  rows_ = static_cast<long>(size.y() / cell_) + 1;
  // Each triangle in every cell its box covers, as offsets into one index (two passes).
  first_.assign(static_cast<size_t>(columns_ * rows_) + 1, 0);
  auto visit = [&](const Seen& s, auto&& fn) {
    for (long r = cell(s.low.y(), origin_.y(), rows_); r <= cell(s.high.y(), origin_.y(), rows_);
         ++r) {
      for (long c = cell(s.low.x(), origin_.x(), columns_);
           c <= cell(s.high.x(), origin_.x(), columns_); ++c)
        fn(static_cast<size_t>(r * columns_ + c));
    }
  };
  for (Seen& s : seen_) {
    s.column = cell(s.low.x(), origin_.x(), columns_);
    s.row = cell(s.low.y(), origin_.y(), rows_);
    visit(s, [&](size_t c) { ++first_[c + 1]; });
  }
  for (size_t c = 1; c < first_.size(); ++c) first_[c] += first_[c - 1];
  index_.resize(first_.back());
  std::vector<unsigned> next(first_.begin(), first_.end() - 1);
  for (size_t i = 0; i < seen_.size(); ++i)
    visit(seen_[i], [&](size_t c) { index_[next[c]++] = static_cast<unsigned>(i); });
}

long SunFrame::cell(double coordinate, double origin, long cells) const {
  return std::clamp(static_cast<long>(std::floor((coordinate - origin) / cell_)), 0L, cells - 1);
}

bool SunFrame::mayShade(const ModuleGroup& g) const {
  const double facing = sun_.dot(g.normal);
  if (sun_.z() <= 0.0 || seen_.empty() || facing < -2 * kGrazing) return false;
  if (facing < 2 * kGrazing) return true;  // each module's own normal decides
  Origins o;
  o.corners = g.box;
  o.normal = g.normal;
  o.plane = g.plane;
  // The modules' normals differ from the group's by at most kSameNormal a component, so their
  // planes' distances to a point differ by at most 6 kSameNormal times the largest coordinate.
  o.slack = 10 * kSameNormal * std::max(scene_.extent_, g.reach);
  bound(o);
  return mayHitAny(o);
}

// The box's corners projected, their extent across the sun and depth, widened by the margin.
void SunFrame::bound(Origins& o) const {
  o.low = Eigen::Vector2d(kInf, kInf);
  o.high = -o.low;
  o.depth = kInf;
  for (size_t k = 0; k < o.corners.size(); ++k) {
    o.seen[k] = across(o.corners[k]);
    o.low = o.low.cwiseMin(o.seen[k]);
    o.high = o.high.cwiseMax(o.seen[k]);
    o.depth = std::min(o.depth, sun_.dot(o.corners[k]));
  }
  o.low.array() -= margin_;
  o.high.array() += margin_;
  o.depth -= margin_;
}

// Whether a triangle binned where the box is seen might be hit.
bool SunFrame::mayHitAny(const Origins& o) const {
  const Eigen::Vector2d far = origin_ + cell_ * Eigen::Vector2d(columns_, rows_);
  if ((o.high.array() < origin_.array()).any() || (o.low.array() > far.array()).any()) return false;
  const long r0 = cell(o.low.y(), origin_.y(), rows_), c0 = cell(o.low.x(), origin_.x(), columns_);
  for (long r = r0; r <= cell(o.high.y(), origin_.y(), rows_); ++r) {
    for (long c = c0; c <= cell(o.high.x(), origin_.x(), columns_); ++c) {
      const auto at = static_cast<size_t>(r * columns_ + c);
      for (unsigned i = first_[at]; i < first_[at + 1]; ++i) {
        const Seen& t = seen_[index_[i]];
        // Each triangle once: in the first cell it shares with the box.
        if (std::max(t.row, r0) != r || std::max(t.column, c0) != c) continue;
        if (mayHit(t, o)) return true;
      }
    }
  }
  return false;
}

// Whether a ray from within the group's box towards the sun might hit the triangle; false only
// where it cannot: the two are apart across the sun, the triangle lies wholly behind the box along
// the sun, behind the modules' plane (which the rays leave), or the box lies on the side of the
// triangle's plane that the rays move away from.
bool SunFrame::mayHit(const Seen& s, const Origins& o) const {
  if ((s.high.array() < o.low.array()).any() || (s.low.array() > o.high.array()).any())
    return false;
  if (s.depth < o.depth) return false;
  const FrameScene::Triangle& t = scene_.triangles_[s.index];
  double ahead = -kInf;  // the triangle's furthest reach in front of the modules' plane
  for (const Eigen::Vector3d& v : t.vertices) ahead = std::max(ahead, o.normal.dot(v) - o.plane);
  if (ahead < kRayOffset - margin_ - o.slack) return false;
  if (t.normal.isZero()) return true;
  const Eigen::Vector3d& on = t.vertices[0];
  double nearest = kInf, furthest = -kInf;  // the origins' signed distances to the triangle's plane
  for (const Eigen::Vector3d& p : o.corners) {
    const double d = t.normal.dot(p - on);
    nearest = std::min(nearest, d);
    furthest = std::max(furthest, d);
  }
  const double toward = t.normal.dot(sun_);
  if ((toward >= kGrazing && nearest > margin_) || (toward <= -kGrazing && furthest < -margin_))
    return false;
  return !apart(s, o);
}

// Whether the triangle and the group's box, both projected across the sun, are apart by more than
// the margin along the normal of one of the triangle's edges. A triangle seen edge on has a zero
// edge, which separates nothing.
bool SunFrame::apart(const Seen& t, const Origins& o) const {
  auto separates = [&](const Eigen::Vector2d& from, const Eigen::Vector2d& to) {
    const Eigen::Vector2d axis(from.y() - to.y(), to.x() - from.x());
    double t_low = kInf, t_high = -kInf, o_low = kInf, o_high = -kInf;
    for (const Eigen::Vector2d& p : t.corners) {
      t_low = std::min(t_low, axis.dot(p));
      t_high = std::max(t_high, axis.dot(p));
    }
    for (const Eigen::Vector2d& p : o.seen) {
      o_low = std::min(o_low, axis.dot(p));
      o_high = std::max(o_high, axis.dot(p));
    }
    const double gap = margin_ * axis.norm();
    return t_high + gap < o_low || o_high + gap < t_low;
  };
  for (size_t k = 0; k < 3; ++k) {
    if (separates(t.corners[k], t.corners[(k + 1) % 3])) return true;
  }
  return false;
}

}  // namespace twin::shading
