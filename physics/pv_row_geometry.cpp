#include "physics/pv_row_geometry.h"

#include <cmath>
#include <limits>

namespace physics::layout {
namespace {

// Narrows x to {x : k x + c in [lo, hi]}.
void constrain(Interval& x, double k, double c, double lo, double hi) {
  if (std::abs(k) < 1e-15) {
    if (c < lo || c > hi) x = {1.0, -1.0};
    return;
  }
  const double x0 = (lo - c) / k;
  const double x1 = (hi - c) / k;
  x = {std::max(x.lo, std::min(x0, x1)), std::min(x.hi, std::max(x0, x1))};
}

// x-section at height y of the stadium {p : dist(p, edge) <= reach}, reach > 0: the union of the
// two end disks and the rectangle around the segment. False if the line misses it.
bool stadiumSection(const Edge& e, double y, Interval& out) {
  out = {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
  for (const Point2 c : {e.a, e.b}) {
    const double dy = y - c.y;
    if (std::abs(dy) <= e.reach) {
      const double h = std::sqrt(std::max(0.0, e.reach * e.reach - dy * dy));
      out = {std::min(out.lo, c.x - h), std::max(out.hi, c.x + h)};
    }
  }
  const double dx = e.b.x - e.a.x;
  const double dy = e.b.y - e.a.y;
  const double length = std::hypot(dx, dy);
  if (length > 0.0) {
    const double ux = dx / length;
    const double uy = dy / length;
    // Offsets X = x - a.x with 0 <= along-edge coordinate <= length, |normal coordinate| <= reach.
    Interval x{-std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
    constrain(x, ux, (y - e.a.y) * uy, 0.0, length);
    constrain(x, -uy, (y - e.a.y) * ux, -e.reach, e.reach);
    if (x.lo <= x.hi) out = {std::min(out.lo, e.a.x + x.lo), std::max(out.hi, e.a.x + x.hi)};
  }
  return out.lo <= out.hi;
}

}  // namespace

RowFrame rowFrame(double azimuth) {
  return {{-std::cos(azimuth), std::sin(azimuth)}, {-std::sin(azimuth), -std::cos(azimuth)}};
}

Polygon toFramePolygon(const std::vector<Point2>& outline, const RowFrame& frame) {
  Polygon poly;
  poly.x = {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
  poly.y = poly.x;
  poly.vertices.reserve(outline.size());
  for (const Point2& p : outline) {
    const Point2 q = frame.toFrame(p);
    poly.vertices.push_back(q);
    poly.x = {std::min(poly.x.lo, q.x), std::max(poly.x.hi, q.x)};
    poly.y = {std::min(poly.y.lo, q.y), std::max(poly.y.hi, q.y)};
  }
  return poly;
}

void appendEdges(const Polygon& poly, double reach, std::vector<Edge>& edges) {
  const std::size_t n = poly.vertices.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Point2 a = poly.vertices[i];
    const Point2 b = poly.vertices[(i + 1) % n];
    edges.push_back({a, b, reach, std::min(a.y, b.y) - reach, std::max(a.y, b.y) + reach});
  }
}

bool inside(const Polygon& poly, Point2 p) {
  if (p.x < poly.x.lo || p.x > poly.x.hi || p.y < poly.y.lo || p.y > poly.y.hi) return false;
  bool in = false;
  const std::size_t n = poly.vertices.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const Point2 a = poly.vertices[i];
    const Point2 b = poly.vertices[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y)) {
      in = !in;
    }
  }
  return in;
}

// x-extent of the points within `reach` of the edge (the edge itself when reach is 0) over the
// band y' in [y0, y1]. The region is convex, so its right (left) boundary is concave (convex) in
// y' and its extreme over the band lies at the band point nearest the region's extreme point.
bool bandExtent(const Edge& e, double y0, double y1, Interval& out) {
  const double ey_lo = std::min(e.a.y, e.b.y);
  const double ey_hi = std::max(e.a.y, e.b.y);
  const double lo = std::max(y0, ey_lo - e.reach);
  const double hi = std::min(y1, ey_hi + e.reach);
  if (lo > hi) return false;
  if (e.reach <= 0.0) {  // the clipped segment
    if (e.a.y == e.b.y) {
      out = {std::min(e.a.x, e.b.x), std::max(e.a.x, e.b.x)};
      return true;
    }
    const double xa = e.a.x + (lo - e.a.y) * (e.b.x - e.a.x) / (e.b.y - e.a.y);
    const double xb = e.a.x + (hi - e.a.y) * (e.b.x - e.a.x) / (e.b.y - e.a.y);
    out = {std::min(xa, xb), std::max(xa, xb)};
    return true;
  }
  const double y_flat = std::clamp(0.5 * (lo + hi), ey_lo, ey_hi);  // any y' of a vertical edge
  const double y_right = e.a.x > e.b.x ? e.a.y : (e.b.x > e.a.x ? e.b.y : y_flat);
  const double y_left = e.a.x < e.b.x ? e.a.y : (e.b.x < e.a.x ? e.b.y : y_flat);
  Interval right, left;
  const bool has_right = stadiumSection(e, std::clamp(y_right, lo, hi), right);
  const bool has_left = stadiumSection(e, std::clamp(y_left, lo, hi), left);
  if (!has_right && !has_left) return false;  // grazing within rounding
  out = {has_left ? left.lo : right.lo, has_right ? right.hi : left.hi};
  return true;
}

void complement(const std::vector<Interval>& sorted, double x0, double x1,
                std::vector<Interval>& pieces) {
  pieces.clear();
  double cur = x0;
  for (const Interval& iv : sorted) {
    if (iv.lo > x1) break;
    if (iv.lo >= cur) pieces.push_back({cur, iv.lo});
    cur = std::max(cur, iv.hi);
  }
  if (cur <= x1) pieces.push_back({cur, x1});
}

void sortIntervals(std::vector<Interval>& v) {
  std::sort(v.begin(), v.end(), [](const Interval& l, const Interval& r) {
    return l.lo < r.lo || (l.lo == r.lo && l.hi < r.hi);
  });
}

}  // namespace physics::layout
