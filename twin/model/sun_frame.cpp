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

}  // namespace

SunFrame::SunFrame(const Triangles& triangles, const Eigen::Vector3d& sun) : sun_(sun) {
  const Eigen::Vector3d helper =
      std::abs(sun.z()) < 0.9 ? Eigen::Vector3d::UnitZ() : Eigen::Vector3d::UnitX();
  across_ = sun.cross(helper).normalized();
  up_ = across_.cross(sun);
  double extent = 0.0;
  for (const Eigen::Vector3d& v : triangles.vertices)
    extent = std::max(extent, v.cwiseAbs().maxCoeff());
  margin_ = kMarginUlps * extent + 1e-9;
  Eigen::Vector2d low(kInf, kInf), high(-kInf, -kInf);
  seen_.reserve(triangles.triangles.size());
  for (const auto& t : triangles.triangles) {
    const Eigen::Vector3d& a = triangles.vertices[t[0]];
    const Eigen::Vector3d& b = triangles.vertices[t[1]];
    const Eigen::Vector3d& c = triangles.vertices[t[2]];
    Seen s;
    s.vertices = {a, b, c};
    s.corners = {across(a), across(b), across(c)};
    s.low = s.corners[0].cwiseMin(s.corners[1]).cwiseMin(s.corners[2]);
    s.high = s.corners[0].cwiseMax(s.corners[1]).cwiseMax(s.corners[2]);
    s.depth = std::max({sun.dot(a), sun.dot(b), sun.dot(c)});
    const Eigen::Vector3d n = (b - a).cross(c - a);
    if (n.norm() > kSliverSine * (b - a).norm() * (c - a).norm()) s.normal = n.normalized();
    low = low.cwiseMin(s.low);
    high = high.cwiseMax(s.high);
    seen_.push_back(s);
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

bool SunFrame::mayShade(const ShadedModule& m) const {
  const double facing = sun_.dot(m.normal);
  if (sun_.z() <= 0.0 || facing <= 0.0 || seen_.empty()) return false;
  if (facing < kGrazing) return true;  // rays along the module's plane: cast them
  Origins o;
  o.low = Eigen::Vector2d(kInf, kInf);
  o.high = -o.low;
  o.depth = kInf;
  for (size_t k = 0; k < 4; ++k) {
    o.corners[k] = m.corners[k] + kRayOffset * m.normal;
    o.seen[k] = across(o.corners[k]);
    o.low = o.low.cwiseMin(o.seen[k]);
    o.high = o.high.cwiseMax(o.seen[k]);
    o.depth = std::min(o.depth, sun_.dot(o.corners[k]));
  }
  o.low.array() -= margin_;
  o.high.array() += margin_;
  o.depth -= margin_;
  const Eigen::Vector2d far = origin_ + cell_ * Eigen::Vector2d(columns_, rows_);
  if ((o.high.array() < origin_.array()).any() || (o.low.array() > far.array()).any()) return false;
  const long r0 = cell(o.low.y(), origin_.y(), rows_), c0 = cell(o.low.x(), origin_.x(), columns_);
  for (long r = r0; r <= cell(o.high.y(), origin_.y(), rows_); ++r) {
    for (long c = c0; c <= cell(o.high.x(), origin_.x(), columns_); ++c) {
      const auto at = static_cast<size_t>(r * columns_ + c);
      for (unsigned i = first_[at]; i < first_[at + 1]; ++i) {
        const Seen& t = seen_[index_[i]];
        // Each triangle once: in the first cell it shares with the module.
        if (std::max(t.row, r0) != r || std::max(t.column, c0) != c) continue;
        if (mayHit(t, o, m)) return true;
      }
    }
  }
  return false;
}

// Whether a ray from within the module's origins towards the sun might hit the triangle; false
// only where it cannot: the two are apart across the sun, the triangle lies wholly behind the
// origins along the sun, behind the module's plane (which the rays leave), or the origins lie on
// the side of the triangle's plane that the rays move away from.
bool SunFrame::mayHit(const Seen& s, const Origins& o, const ShadedModule& m) const {
  if ((s.high.array() < o.low.array()).any() || (s.low.array() > o.high.array()).any())
    return false;
  if (s.depth < o.depth) return false;
  double ahead = -kInf;  // the triangle's furthest reach in front of the module's plane
  for (const Eigen::Vector3d& v : s.vertices)
    ahead = std::max(ahead, m.normal.dot(v - m.corners[0]));
  if (ahead < kRayOffset - margin_) return false;
  if (s.normal.isZero()) return true;
  const Eigen::Vector3d& on = s.vertices[0];
  double nearest = kInf, furthest = -kInf;  // the origins' signed distances to the triangle's plane
  for (const Eigen::Vector3d& p : o.corners) {
    const double d = s.normal.dot(p - on);
    nearest = std::min(nearest, d);
    furthest = std::max(furthest, d);
  }
  const double toward = s.normal.dot(sun_);
  if ((toward >= kGrazing && nearest > margin_) || (toward <= -kGrazing && furthest < -margin_))
    return false;
  return !apart(s, o);
}

// Whether the triangle and the module's origins, both projected across the sun, are apart by more
// than the margin along the normal of one of their edges (convex polygons that do not meet have
// such an edge). A triangle seen edge on has a zero edge, which separates nothing.
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
  for (size_t k = 0; k < 4; ++k) {
    if (separates(o.seen[k], o.seen[(k + 1) % 4])) return true;
  }
  return false;
}

}  // namespace twin::shading
