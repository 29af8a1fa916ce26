// The beam shaded fraction against exact polygon clipping (the accuracy docs/shading.md states):
// the shadow of a tilted row's end falls obliquely across a module of the row behind, so that the
// shadow's edges cross the module's cell grid at an angle. The exact fraction projects the front
// row's corners along the sun onto the rear module's plane and clips that parallelogram to the
// module (Sutherland-Hodgman), area by the shoelace formula. 26 x 26 points place a straight edge
// within 1/(2 x 26) of the module: tolerance 0.02.
#include <gtest/gtest.h>

#include <Eigen/Geometry>
#include <algorithm>
#include <cmath>
#include <vector>

#include "twin/model/module_shading.h"

namespace twin::shading {
namespace {

constexpr double kDeg = 3.14159265358979323846 / 180;
using Quad = std::array<Eigen::Vector3d, 4>;
using Polygon = std::vector<Eigen::Vector2d>;

// A module (or row) facing south, tilted by beta, lower edge from (x0, y0) along +x, `width` along
// the edge and `slant` up the slope: corners counter-clockwise seen from the front.
Quad southFacing(double x0, double y0, double width, double slant, double beta) {
  const Eigen::Vector3d up(0, slant * std::cos(beta), slant * std::sin(beta));
  const Eigen::Vector3d a(x0, y0, 0), b(x0 + width, y0, 0);
  return {a, b, b + up, a + up};
}

// The part of polygon p on the side of edge (a, b) where the cross product is positive.
Polygon clipToEdge(const Polygon& p, const Eigen::Vector2d& a, const Eigen::Vector2d& b) {
  auto side = [&](const Eigen::Vector2d& q) {
    const Eigen::Vector2d e = b - a, d = q - a;
    return e.x() * d.y() - e.y() * d.x();
  };
  Polygon out;
  for (size_t i = 0; i < p.size(); ++i) {
    const Eigen::Vector2d &s = p[i], &t = p[(i + 1) % p.size()];
    const double ss = side(s), st = side(t);
    if (ss >= 0) out.push_back(s);
    if ((ss >= 0) != (st >= 0)) out.push_back(s + (t - s) * (ss / (ss - st)));
  }
  return out;
}

double area(const Polygon& p) {
  double twice = 0.0;
  for (size_t i = 0; i < p.size(); ++i) {
    const Eigen::Vector2d &a = p[i], &b = p[(i + 1) % p.size()];
    twice += a.x() * b.y() - b.x() * a.y();
  }
  return 0.5 * std::abs(twice);
}

// The exact share of `rear` in the shadow of `front` for the unit vector `sun`.
double exactFraction(const Quad& front, const Quad& rear, const Eigen::Vector3d& sun) {
  const Eigen::Vector3d u = (rear[1] - rear[0]).normalized(), v = (rear[3] - rear[0]).normalized();
  const Eigen::Vector3d n = u.cross(v);
  Polygon shadow;
  for (const Eigen::Vector3d& p : front) {
    const Eigen::Vector3d q = p - ((p - rear[0]).dot(n) / sun.dot(n)) * sun;
    shadow.emplace_back((q - rear[0]).dot(u), (q - rear[0]).dot(v));
  }
  if (area(shadow) > 0 && (shadow[1] - shadow[0]).x() * (shadow[2] - shadow[1]).y() < 0) {
    std::reverse(shadow.begin(), shadow.end());  // counter-clockwise for the clipping
  }
  const double w = (rear[1] - rear[0]).norm(), l = (rear[3] - rear[0]).norm();
  const Polygon box = {{0, 0}, {w, 0}, {w, l}, {0, l}};
  for (size_t i = 0; i < box.size() && !shadow.empty(); ++i)
    shadow = clipToEdge(shadow, box[i], box[(i + 1) % box.size()]);
  return shadow.empty() ? 0.0 : area(shadow) / (w * l);
}

TEST(ShadingAccuracy, ObliqueRowEndShadowsMatchExactClipping) {
  const double beta = 25 * kDeg;
  const Quad front = southFacing(-4.0, 0.0, 4.5, 2.2, beta);   // a row ending at x = 0.5
  const Quad rear = southFacing(-0.6, 3.0, 1.13, 2.26, beta);  // a portrait module behind it
  Triangles t;
  t.addQuad(front);
  t.addQuad(rear);
  const OccluderScene scene(t);
  const ShadedModule m = shadedModule(rear);
  int partial = 0;
  for (const auto& [elevation, azimuth] :
       {std::pair{12.0, 160.0}, {15.0, 195.0}, {18.0, 150.0}, {10.0, 185.0}, {22.0, 205.0}}) {
    const double e = elevation * kDeg, a = azimuth * kDeg;
    const Eigen::Vector3d sun(std::cos(e) * std::sin(a), std::cos(e) * std::cos(a), std::sin(e));
    const double exact = exactFraction(front, rear, sun);
    partial += exact > 0.1 && exact < 0.9 ? 1 : 0;
    EXPECT_NEAR(*beamShadedFraction(scene, m, sun), exact, 0.02)
        << "elevation " << elevation << ", azimuth " << azimuth;
  }
  EXPECT_GE(partial, 3);  // the shadow's oblique edges cross the module
}

}  // namespace
}  // namespace twin::shading
