#include "twin/base/polygon.h"

#include <algorithm>

namespace twin {

double signedArea(const std::vector<Eigen::Vector2d>& polygon) {
  double twice_area = 0.0;
  for (size_t i = 0; i < polygon.size(); ++i) {
    const Eigen::Vector2d& p = polygon[i];
    const Eigen::Vector2d& q = polygon[(i + 1) % polygon.size()];
    twice_area += p.x() * q.y() - q.x() * p.y();
  }
  return 0.5 * twice_area;
}

namespace {

double cross2(const Eigen::Vector2d& a, const Eigen::Vector2d& b, const Eigen::Vector2d& c) {
  return (b - a).x() * (c - a).y() - (b - a).y() * (c - a).x();
}

// Whether closed segments ab and cd share a point (orientation tests, collinear overlaps too).
bool segmentsMeet(const Eigen::Vector2d& a, const Eigen::Vector2d& b, const Eigen::Vector2d& c,
                  const Eigen::Vector2d& d) {
  const double d1 = cross2(c, d, a), d2 = cross2(c, d, b), d3 = cross2(a, b, c),
               d4 = cross2(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    return true;
  }
  auto within = [](const Eigen::Vector2d& p, const Eigen::Vector2d& q, const Eigen::Vector2d& r) {
    return std::min(p.x(), q.x()) <= r.x() && r.x() <= std::max(p.x(), q.x()) &&
           std::min(p.y(), q.y()) <= r.y() && r.y() <= std::max(p.y(), q.y());
  };
  return (d1 == 0 && within(c, d, a)) || (d2 == 0 && within(c, d, b)) ||
         (d3 == 0 && within(a, b, c)) || (d4 == 0 && within(a, b, d));
}

}  // namespace

bool isSimplePolygon(const std::vector<Eigen::Vector2d>& polygon) {
  const size_t n = polygon.size();
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      if (j == i + 1 || (i == 0 && j == n - 1)) continue;  // adjacent edges share a vertex
      if (segmentsMeet(polygon[i], polygon[(i + 1) % n], polygon[j], polygon[(j + 1) % n])) {
        return false;
      }
    }
  }
  return true;
}

bool containsPoint(const std::vector<Eigen::Vector2d>& polygon, const Eigen::Vector2d& p) {
  bool inside = false;
  for (size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
    const Eigen::Vector2d& a = polygon[i];
    const Eigen::Vector2d& b = polygon[j];
    if ((a.y() > p.y()) != (b.y() > p.y()) &&
        p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x()) {
      inside = !inside;
    }
  }
  return inside;
}

std::vector<std::array<unsigned, 3>> triangulate(const std::vector<Eigen::Vector2d>& polygon) {
  std::vector<unsigned> idx(polygon.size());
  for (unsigned i = 0; i < idx.size(); ++i) idx[i] = i;
  if (signedArea(polygon) < 0) std::reverse(idx.begin(), idx.end());
  std::vector<std::array<unsigned, 3>> out;
  size_t guard = 0;
  while (idx.size() > 3 && guard++ < 4 * polygon.size() * polygon.size()) {
    bool clipped = false;
    for (size_t i = 0; i < idx.size() && !clipped; ++i) {
      const unsigned a = idx[(i + idx.size() - 1) % idx.size()], b = idx[i],
                     c = idx[(i + 1) % idx.size()];
      if (cross2(polygon[a], polygon[b], polygon[c]) <= 0) continue;  // reflex vertex
      bool empty = true;
      for (unsigned k : idx) {
        if (k == a || k == b || k == c) continue;
        if (cross2(polygon[a], polygon[b], polygon[k]) >= 0 &&
            cross2(polygon[b], polygon[c], polygon[k]) >= 0 &&
            cross2(polygon[c], polygon[a], polygon[k]) >= 0) {
          empty = false;
          break;
        }
      }
      if (!empty) continue;
      out.push_back({a, b, c});
      idx.erase(idx.begin() + static_cast<long>(i));
      clipped = true;
    }
    if (!clipped) break;  // degenerate polygon: fan the rest
  }
  for (size_t i = 1; i + 1 < idx.size(); ++i) out.push_back({idx[0], idx[i], idx[i + 1]});
  return out;
}

}  // namespace twin
