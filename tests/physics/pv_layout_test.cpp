// Over 400 lines: each layout case carries its hand-calculated counts and areas.
// PV layout (physics/pv_layout.h). Counts and areas are hand calculations written out below; the
// row pitch rule is GB 50797-2012 (no shading 09:00-15:00 solar time on the winter solstice) with
// the sun from Duffie & Beckman eqs. 1.6.5/1.6.6. Geometry checks use an independent
// rectangle-segment distance written here. Tolerances: 1e-6 m on positions and distances, 1e-9 m
// on the pitch rule, 2e-3 m2 on scan-line areas (stated per assertion).
#include "physics/pv_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <set>
#include <utility>
#include <vector>

#include "physics/units.h"

namespace physics {
namespace {

using units::deg;
using units::pi;

constexpr double kTol = 1e-6;  // m

std::vector<Point2> rectangle(double x0, double y0, double x1, double y1) {
  return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
}

// 2 x 1 m modules in portrait (2 m across the row), flush, rows along x.
RoofLayoutSpec flushSpec(std::vector<Point2> outline) {
  RoofLayoutSpec spec;
  spec.outline = std::move(outline);
  spec.module = {2.0, 1.0};
  spec.portrait = true;
  spec.flush = true;
  spec.azimuth = pi;
  return spec;
}

// Module centres rounded to 1 mm, as a sorted set.
std::set<std::pair<long, long>> centers(const SurfaceLayout& layout) {
  std::set<std::pair<long, long>> out;
  for (const ModulePlacement& m : layout.modules) {
    out.insert({std::lround(m.center.x * 1e3), std::lround(m.center.y * 1e3)});
  }
  return out;
}

std::set<std::pair<long, long>> grid(double x0, double dx, int nx, double y0, double dy, int ny) {
  std::set<std::pair<long, long>> out;
  for (int j = 0; j < ny; ++j) {
    for (int i = 0; i < nx; ++i)
      out.insert({std::lround((x0 + i * dx) * 1e3), std::lround((y0 + j * dy) * 1e3)});
  }
  return out;
}

// --- independent geometry for the property checks ---------------------------------------------

double cross(Point2 o, Point2 a, Point2 b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

double pointSegment(Point2 p, Point2 a, Point2 b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double l2 = dx * dx + dy * dy;
  const double t = l2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / l2, 0.0, 1.0) : 0;
  return std::hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}

bool segmentsCross(Point2 a, Point2 b, Point2 c, Point2 d) {
  const double d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

double segmentSegment(Point2 a, Point2 b, Point2 c, Point2 d) {
  if (segmentsCross(a, b, c, d)) return 0.0;
  return std::min(
      {pointSegment(a, c, d), pointSegment(b, c, d), pointSegment(c, a, b), pointSegment(d, a, b)});
}

bool insidePolygon(const std::vector<Point2>& poly, Point2 p) {
  bool in = false;
  for (std::size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
    if ((poly[i].y > p.y) != (poly[j].y > p.y) &&
        p.x < (poly[j].x - poly[i].x) * (p.y - poly[i].y) / (poly[j].y - poly[i].y) + poly[i].x) {
      in = !in;
    }
  }
  return in;
}

// The footprint of a placed module as a polygon, shrunk by `inset` on every side.
std::vector<Point2> footprint(const ModulePlacement& m, double along, double depth, double inset) {
  const Point2 u{std::cos(m.rotation), std::sin(m.rotation)};
  const Point2 v{-u.y, u.x};
  const double a = 0.5 * along - inset, b = 0.5 * depth - inset;
  std::vector<Point2> out;
  for (const auto& [s, t] : {std::pair{-1, -1}, {1, -1}, {1, 1}, {-1, 1}}) {
    out.push_back({m.center.x + s * a * u.x + t * b * v.x, m.center.y + s * a * u.y + t * b * v.y});
  }
  return out;
}

// Distance from a (convex) footprint to a segment; 0 if they meet.
double rectSegment(const std::vector<Point2>& rect, Point2 a, Point2 b) {
  if (insidePolygon(rect, a) || insidePolygon(rect, b)) return 0.0;
  double d = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < rect.size(); ++i) {
    d = std::min(d, segmentSegment(rect[i], rect[(i + 1) % rect.size()], a, b));
  }
  return d;
}

double shoelace(const std::vector<Point2>& p) {
  double s = 0;
  for (std::size_t i = 0, j = p.size() - 1; i < p.size(); j = i++) {
    s += p[j].x * p[i].y - p[i].x * p[j].y;
  }
  return 0.5 * std::abs(s);
}

// --- flush rectangles -----------------------------------------------------------------------

TEST(PvLayout, RectangleFlushFillsExactly) {
  // 20 x 10 m, portrait 2 x 1 m, no gaps: 20 modules per row x 5 rows = 100, centres on the grid
  // (0.5 + i, 1 + 2 j); GCR = 2 m / 2 m = 1; usable area 200 m2 (midpoint rule exact, 1e-6 m2).
  const SurfaceLayout layout = layoutModules(flushSpec(rectangle(0, 0, 20, 10)));
  EXPECT_EQ(layout.count(), 100u);
  EXPECT_EQ(centers(layout), grid(0.5, 1.0, 20, 1.0, 2.0, 5));
  EXPECT_DOUBLE_EQ(layout.row_pitch, 2.0);
  EXPECT_DOUBLE_EQ(layout.ground_coverage_ratio, 1.0);
  EXPECT_NEAR(layout.usable_area, 200.0, 1e-6);
  for (const ModulePlacement& m : layout.modules) EXPECT_NEAR(m.rotation, 0.0, 1e-12);

  // Landscape: 2 m along the row, 1 m deep: 10 x 10 = 100 on (1 + 2 i, 0.5 + j).
  RoofLayoutSpec landscape = flushSpec(rectangle(0, 0, 20, 10));
  landscape.portrait = false;
  EXPECT_EQ(centers(layoutModules(landscape)), grid(1.0, 2.0, 10, 0.5, 1.0, 10));

  // 0.5 m gaps: left ends 0, 1.5, ..., 18 (13 fit in 20 m); flush pitch 2 + 0.5 m: rows at
  // y0 = 0, 2.5, 5, 7.5: 4 x 13 = 52.
  RoofLayoutSpec gaps = flushSpec(rectangle(0, 0, 20, 10));
  gaps.module_gap = 0.5;
  EXPECT_EQ(layoutModules(gaps).count(), 52u);
}

TEST(PvLayout, SetbackLeavesTheInnerRectangle) {
  // 1 m setback: inner 18 x 8 m, 18 x 4 = 72 modules on (1.5 + i, 2 + 2 j); usable 144 m2.
  RoofLayoutSpec spec = flushSpec(rectangle(0, 0, 20, 10));
  spec.setback = 1.0;
  const SurfaceLayout layout = layoutModules(spec);
  EXPECT_EQ(centers(layout), grid(1.5, 1.0, 18, 2.0, 2.0, 4));
  EXPECT_NEAR(layout.usable_area, 144.0, 1e-6);
}

TEST(PvLayout, ObstructionRemovesWhatItAndItsClearanceOverlap) {
  // A 1 x 1 m unit at x 9.5..10.5, y 4.5..5.5 on the 20 x 10 m roof (rows y 0-2, ..., 8-10).
  RoofLayoutSpec spec = flushSpec(rectangle(0, 0, 20, 10));
  spec.obstructions = {{rectangle(9.5, 4.5, 10.5, 5.5), 0.5}};
  std::set<std::pair<long, long>> expected = grid(0.5, 1.0, 20, 1.0, 2.0, 5);
  // Clearance 0.5 m: only the two modules x 9-11 of row y 4-6 go; their neighbours and the rows
  // above and below stay exactly 0.5 m away. Usable area 200 - (1 + 4 x 0.5 + pi 0.5^2) m2.
  expected.erase({9500, 5000});
  expected.erase({10500, 5000});
  SurfaceLayout layout = layoutModules(spec);
  EXPECT_EQ(centers(layout), expected);
  EXPECT_NEAR(layout.usable_area, 200.0 - (3.0 + pi * 0.25), 2e-3) << "scan-line area, 2e-3 m2";

  // Clearance 0.6 m, the zone now a 2.2 x 2.2 m square with 0.6 m rounded corners. Each row is
  // filled from the west, restarting just past the zone:
  //  - rows y 2-4 and 6-8: x 8-9 stays (its corner is sqrt(0.5^2 + 0.5^2) = 0.707 m from the
  //    unit's corner; a square clearance would remove it), then the next module starts where the
  //    0.6 m circle round the corner (10.5, 4.5) leaves the row's edge y = 4:
  //    x = 10.5 + sqrt(0.6^2 - 0.5^2) = 10.831662; 9 + 9 modules;
  //  - row y 4-6: modules end by x 8.9 and restart at 11.1: 8 + 8 modules;
  //  - rows y 0-2 and 8-10: 20 each. Total 40 + 36 + 16 = 92.
  spec.obstructions[0].clearance = 0.6;
  expected = grid(0.5, 1.0, 20, 1.0, 8.0, 2);
  const double restart = 10.5 + std::sqrt(0.6 * 0.6 - 0.5 * 0.5);
  for (const double y : {3.0, 7.0}) {
    expected.merge(grid(0.5, 1.0, 9, y, 0.0, 1));
    expected.merge(grid(restart + 0.5, 1.0, 9, y, 0.0, 1));
  }
  expected.merge(grid(0.5, 1.0, 8, 5.0, 0.0, 1));
  expected.merge(grid(11.6, 1.0, 8, 5.0, 0.0, 1));
  layout = layoutModules(spec);
  EXPECT_EQ(layout.count(), 92u);
  EXPECT_EQ(centers(layout), expected);
}

TEST(PvLayout, ConcaveLRoofLeavesTheCutOutEmpty) {
  // L: 20 x 10 m plus 10 x 10 m on top of its western half; cut-out x > 10, y > 10.
  const std::vector<Point2> ccw{{0, 0}, {20, 0}, {20, 10}, {10, 10}, {10, 20}, {0, 20}};
  std::vector<Point2> cw(ccw.rbegin(), ccw.rend());
  // No setback: 5 rows x 20 + 5 rows x 10 = 150, either orientation of the outline.
  const SurfaceLayout layout = layoutModules(flushSpec(ccw));
  EXPECT_EQ(layout.count(), 150u);
  EXPECT_EQ(centers(layout), centers(layoutModules(flushSpec(cw))));
  for (const ModulePlacement& m : layout.modules) {
    const bool reaches_up = m.center.y + 1.0 > 10.0 + kTol;
    EXPECT_FALSE(reaches_up && m.center.x + 0.5 > 10.0 + kTol) << m.center.x << " " << m.center.y;
  }
  EXPECT_NEAR(layout.usable_area, 300.0, 1e-6);

  // Setback 0.5 m: rows y0 = 0.5 + 2 j. Four rows of x 0.5..19.5 (19 each); row y 8.5-10.5 and
  // the four above it stay in x 0.5..9.5 (9 each): 76 + 45 = 121 (phases 1-4 tie, 5-7 give 102).
  // Usable area: the eroded L is two rectangles 19 x 9 and 9 x 10, plus the corner square
  // [9.5, 10] x [9.5, 10] outside the 0.5 m circle round the reflex vertex (10, 10):
  // 171 + 90 + 0.25 - pi 0.25 / 4 = 261.0537 m2.
  RoofLayoutSpec spec = flushSpec(cw);
  spec.setback = 0.5;
  const SurfaceLayout inset = layoutModules(spec);
  EXPECT_EQ(inset.count(), 121u);
  EXPECT_NEAR(inset.usable_area, 261.25 - pi * 0.0625, 2e-3) << "scan-line area, 2e-3 m2";
}

TEST(PvLayout, FacadeWithWindows) {
  // Wall 12 x 3.5 m in its own frame (x along, y up), 0.2 m setback, two windows 1.5 x 1.5 m at
  // x 2-3.5 and 7-8.5, y 1-2.5 with 0.1 m clearance; landscape 1.7 x 1.0 m modules, flush.
  // Rows y 0.2-1.2, 1.2-2.2, 2.2-3.2 all meet the windows' zone y 0.9-2.6, so each row keeps
  // x 0.2-1.9 (exactly one module), 3.6-6.9 (one) and 8.6-11.8 (one): 3 x 3 = 9.
  RoofLayoutSpec spec = flushSpec(rectangle(0, 0, 12, 3.5));
  spec.module = {1.7, 1.0};
  spec.portrait = false;
  spec.setback = 0.2;
  spec.obstructions = {{rectangle(2, 1, 3.5, 2.5), 0.1}, {rectangle(7, 1, 8.5, 2.5), 0.1}};
  const SurfaceLayout layout = layoutModules(spec);
  std::set<std::pair<long, long>> expected;
  for (const double x : {0.2, 3.6, 8.6}) {
    for (const double y : {0.7, 1.7, 2.7}) {
      expected.insert({std::lround((x + 0.85) * 1e3), std::lround(y * 1e3)});
    }
  }
  EXPECT_EQ(centers(layout), expected);
}

// --- tilted rows and the pitch rule ---------------------------------------------------------

TEST(ShadeFreeRowPitch, HandCalculationShanghai) {
  // Rule (GB 50797-2012; Duffie & Beckman eqs. 1.6.5, 1.6.6): latitude 31.2 deg, declination
  // -23.44 deg, 09:00 solar time (hour angle -45 deg), module slant depth 2.0 m at 22 deg tilt:
  //   H = 2 sin 22 = 0.749213 m
  //   sin(alt) = sin31.2 sin(-23.44) + cos31.2 cos23.44 cos45 -> alt = 20.417362 deg
  //   sin(az)  = cos23.44 sin(-45) / cos(alt)                 -> az  = -43.807973 deg from south
  //   D = H cos(az) / tan(alt) = 1.452498 m; pitch = 2 cos 22 + D = 3.306865 m.
  const double pitch = shadeFreeRowPitch(2.0, 22 * deg, 180 * deg, 31.2 * deg);
  EXPECT_NEAR(pitch, 3.306865, 1e-6);
  // GB 50797-2012's closed form D = 0.707 H / tan(asin(0.648 cos(lat) - 0.399 sin(lat))) rounds
  // cos(az) to 0.707: D = 1.428915 m, pitch 3.283282 m, within 1 % of the exact rule.
  EXPECT_NEAR(pitch, 3.283282, 0.01 * 3.283282);
  // Southern hemisphere mirror: latitude -31.2 deg, modules facing north, declination +23.44.
  EXPECT_NEAR(shadeFreeRowPitch(2.0, 22 * deg, 0.0, -31.2 * deg), pitch, 1e-9);
  // The 09:00-15:00 window is symmetric: rows turned 20 deg east or west need the same pitch,
  // more than due south (the 09:00 or 15:00 sun then shines more along the row normal).
  const double east = shadeFreeRowPitch(2.0, 22 * deg, 160 * deg, 31.2 * deg);
  EXPECT_NEAR(east, shadeFreeRowPitch(2.0, 22 * deg, 200 * deg, 31.2 * deg), 1e-9);
  EXPECT_GT(east, pitch);
}

TEST(ShadeFreeRowPitch, PhysicalLimits) {
  // Flat modules cast no shadow: pitch = depth.
  EXPECT_DOUBLE_EQ(shadeFreeRowPitch(2.0, 0.0, pi, 31.2 * deg), 2.0);
  // Lower winter sun further from the equator: pitch grows with latitude.
  double previous = 0.0;
  for (const double lat : {0.0, 10.0, 20.0, 30.0, 40.0, 50.0}) {
    const double p = shadeFreeRowPitch(2.0, 22 * deg, pi, lat * deg);
    EXPECT_GT(p, previous) << lat;
    previous = p;
  }
  // Modules facing away from the equator in the north: their top edge's shadow falls on the
  // row's own footprint side, never behind: pitch = footprint depth.
  EXPECT_NEAR(shadeFreeRowPitch(2.0, 22 * deg, 0.0, 31.2 * deg), 2.0 * std::cos(22 * deg), 1e-12);
}

TEST(PvLayout, TiltedRowsOnAFlatRoof) {
  // 20 x 30 m roof (x east, y north), portrait 2 x 1 m at 22 deg facing south, latitude 31.2 deg:
  // pitch 3.306865 m (hand calculation above), footprint depth 2 cos 22 = 1.854 m. Rows from
  // y = 0 while y0 + 1.854 <= 30: 9 rows x 20 = 180; GCR = 2 / 3.306865 = 0.604803.
  RoofLayoutSpec spec;
  spec.outline = rectangle(0, 0, 20, 30);
  spec.module = {2.0, 1.0};
  spec.tilt = 22 * deg;
  spec.azimuth = 180 * deg;
  spec.latitude = 31.2 * deg;
  const SurfaceLayout layout = layoutModules(spec);
  EXPECT_NEAR(layout.row_pitch, 3.306865, 1e-6);
  EXPECT_NEAR(layout.ground_coverage_ratio, 0.604803, 1e-6);
  const double half_depth = std::cos(22 * deg);
  EXPECT_EQ(centers(layout), grid(0.5, 1.0, 20, half_depth, layout.row_pitch, 9));

  // A 2 m maintenance aisle widens the pitch to 1.854 + 2 = 3.854 m: rows while
  // y0 + 1.854 <= 30 -> 8 rows, 160 modules.
  spec.aisle = 2.0;
  const SurfaceLayout aisle = layoutModules(spec);
  EXPECT_NEAR(aisle.row_pitch, 2 * half_depth + 2.0, 1e-12);
  EXPECT_EQ(aisle.count(), 160u);

  // Explicit pitch wins; one below the footprint depth is invalid.
  spec.row_pitch = 2.5;
  EXPECT_DOUBLE_EQ(layoutModules(spec).row_pitch, 2.5);
  spec.row_pitch = 1.8;
  EXPECT_EQ(layoutModules(spec).count(), 0u);
}

TEST(PvLayout, RotatedSceneGivesTheSameLayout) {
  // The roof with its obstruction and the facing direction turned 30 deg counterclockwise:
  // azimuth 180 - 30 deg. Same 98 modules (see ObstructionRemoves...), each the rotated original.
  RoofLayoutSpec spec = flushSpec(rectangle(0, 0, 20, 10));
  spec.obstructions = {{rectangle(9.5, 4.5, 10.5, 5.5), 0.5}};
  const SurfaceLayout original = layoutModules(spec);
  const double c = std::cos(30 * deg), s = std::sin(30 * deg);
  const auto turn = [&](Point2 p) { return Point2{c * p.x - s * p.y, s * p.x + c * p.y}; };
  for (Point2& p : spec.outline) p = turn(p);
  for (Point2& p : spec.obstructions[0].outline) p = turn(p);
  spec.azimuth = 150 * deg;
  const SurfaceLayout turned = layoutModules(spec);
  ASSERT_EQ(turned.count(), 98u);
  std::set<std::pair<long, long>> expected;
  for (const ModulePlacement& m : original.modules) {
    const Point2 p = turn(m.center);
    expected.insert({std::lround(p.x * 1e3), std::lround(p.y * 1e3)});
  }
  EXPECT_EQ(centers(turned), expected);
  for (const ModulePlacement& m : turned.modules) EXPECT_NEAR(m.rotation, 30 * deg, 1e-12);
  EXPECT_NEAR(turned.usable_area, original.usable_area, 2e-3);
}

// --- properties over random polygons --------------------------------------------------------

// A random polygon star-shaped round `center` (angular gaps < pi, hence simple, often concave),
// either orientation.
std::vector<Point2> randomPolygon(std::mt19937& rng, Point2 center, double r_min, double r_max) {
  std::uniform_real_distribution<double> u(0.0, 1.0), radius(r_min, r_max);
  const int n = 4 + static_cast<int>(rng() % 9);
  const double start = 2 * pi * u(rng);
  std::vector<Point2> poly;
  for (int i = 0; i < n; ++i) {
    const double a = start + 2 * pi * (i + 0.9 * u(rng)) / n;  // gaps < 2 pi 1.9 / 4 < pi
    const double r = radius(rng);
    poly.push_back({center.x + r * std::cos(a), center.y + r * std::sin(a)});
  }
  if (rng() % 2) std::reverse(poly.begin(), poly.end());
  return poly;
}

RoofLayoutSpec randomSpec(std::mt19937& rng) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  RoofLayoutSpec spec;
  spec.outline = randomPolygon(rng, {0, 0}, 6.0, 30.0);
  spec.setback = u(rng) < 0.3 ? 0.0 : u(rng);
  const int obstructions = static_cast<int>(rng() % 4);
  for (int i = 0; i < obstructions; ++i) {
    const Point2 c{-10 + 20 * u(rng), -10 + 20 * u(rng)};
    spec.obstructions.push_back({randomPolygon(rng, c, 0.3, 2.5), u(rng) < 0.3 ? 0.0 : u(rng)});
  }
  spec.module = {1.6 + 0.8 * u(rng), 0.9 + 0.3 * u(rng)};
  spec.portrait = u(rng) < 0.5;
  spec.module_gap = 0.05 * u(rng);
  spec.flush = u(rng) < 0.3;
  spec.tilt = spec.flush ? 0.0 : 35 * deg * u(rng);
  spec.azimuth = 2 * pi * u(rng);
  spec.latitude = (u(rng) < 0.2 ? -1 : 1) * (15 + 35 * u(rng)) * deg;
  spec.aisle = u(rng) < 0.5 ? 0.0 : u(rng);
  return spec;
}

TEST(PvLayout, RandomPolygonsEveryModuleFits) {
  // For every module: all footprint corners inside the outline, distance to every outline edge
  // >= setback, to every obstruction edge >= clearance, no obstruction vertex inside it and its
  // centre outside every obstruction, no overlap between modules (all to 1e-6 m). Footprints
  // cover at most the usable area (2e-3 relative for the scan-line integral).
  std::mt19937 rng(20240611);
  std::size_t total = 0;
  for (int trial = 0; trial < 60; ++trial) {
    const RoofLayoutSpec spec = randomSpec(rng);
    const SurfaceLayout layout = layoutModules(spec);
    total += layout.count();
    const double along = spec.portrait ? spec.module.width : spec.module.length;
    const double slant = spec.portrait ? spec.module.length : spec.module.width;
    const double depth = spec.flush ? slant : slant * std::cos(spec.tilt);
    for (const ModulePlacement& m : layout.modules) {
      const std::vector<Point2> outer = footprint(m, along, depth, 0.0);
      const std::vector<Point2> inner = footprint(m, along, depth, kTol);
      for (const Point2& p : inner) ASSERT_TRUE(insidePolygon(spec.outline, p)) << trial;
      const std::size_t n = spec.outline.size();
      for (std::size_t i = 0; i < n; ++i) {
        const Point2 a = spec.outline[i], b = spec.outline[(i + 1) % n];
        ASSERT_GE(rectSegment(outer, a, b), spec.setback - kTol) << trial;
        ASSERT_GT(rectSegment(inner, a, b), 0.0) << trial;
      }
      for (const Obstruction& o : spec.obstructions) {
        ASSERT_FALSE(insidePolygon(o.outline, m.center)) << trial;
        for (const Point2& p : o.outline) ASSERT_FALSE(insidePolygon(inner, p)) << trial;
        for (std::size_t i = 0; i < o.outline.size(); ++i) {
          const Point2 a = o.outline[i], b = o.outline[(i + 1) % o.outline.size()];
          ASSERT_GE(rectSegment(outer, a, b), o.clearance - kTol) << trial;
          ASSERT_GT(rectSegment(inner, a, b), 0.0) << trial;
        }
      }
    }
    // Pairwise overlap in the row frame (all modules share the rotation).
    for (std::size_t i = 0; i < layout.count(); ++i) {
      const ModulePlacement& a = layout.modules[i];
      const Point2 u{std::cos(a.rotation), std::sin(a.rotation)};
      for (std::size_t j = i + 1; j < layout.count(); ++j) {
        const Point2 d{layout.modules[j].center.x - a.center.x,
                       layout.modules[j].center.y - a.center.y};
        const bool apart = std::abs(d.x * u.x + d.y * u.y) >= along - kTol ||
                           std::abs(-d.x * u.y + d.y * u.x) >= depth - kTol;
        ASSERT_TRUE(apart) << trial << " modules " << i << ", " << j;
      }
    }
    EXPECT_LE(layout.count() * along * depth, layout.usable_area * (1 + 2e-3)) << trial;
  }
  EXPECT_GT(total, 5000u) << "the random cases must place modules";
}

TEST(PvLayout, UsableAreaOfPlainPolygonsIsTheirArea) {
  // No setback, no obstructions: usable area = shoelace area (2e-3 relative, scan-line rule).
  std::mt19937 rng(7);
  for (int trial = 0; trial < 30; ++trial) {
    RoofLayoutSpec spec = flushSpec(randomPolygon(rng, {3, -2}, 5.0, 40.0));
    const double area = shoelace(spec.outline);
    EXPECT_NEAR(layoutModules(spec).usable_area, area, 2e-3 * area) << trial;
  }
}

TEST(PvLayout, DeterministicAndInvalidInputs) {
  std::mt19937 rng(99);
  const RoofLayoutSpec spec = randomSpec(rng);
  const SurfaceLayout a = layoutModules(spec);
  const SurfaceLayout b = layoutModules(spec);
  ASSERT_EQ(a.count(), b.count());
  for (std::size_t i = 0; i < a.count(); ++i) {
    EXPECT_EQ(a.modules[i].center.x, b.modules[i].center.x);  // bit for bit
    EXPECT_EQ(a.modules[i].center.y, b.modules[i].center.y);
  }
  EXPECT_EQ(a.usable_area, b.usable_area);

  RoofLayoutSpec bad = flushSpec({{0, 0}, {1, 0}});
  EXPECT_EQ(layoutModules(bad).count(), 0u) << "outline with 2 vertices";
  bad = flushSpec(rectangle(0, 0, 20, 10));
  bad.module.width = 0.0;
  EXPECT_EQ(layoutModules(bad).count(), 0u) << "module without width";
  bad = flushSpec(rectangle(0, 0, 20, 10));
  bad.setback = -1.0;
  EXPECT_EQ(layoutModules(bad).count(), 0u) << "negative setback";
  // Modules larger than the roof: valid, nothing fits.
  EXPECT_EQ(layoutModules(flushSpec(rectangle(0, 0, 1.5, 0.9))).count(), 0u);
}

}  // namespace
}  // namespace physics
