#include "physics/pv_layout.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace physics {
namespace {

using units::deg;

constexpr double kTolerance = 1e-9;        // m, slack allowed at "exactly touching"
constexpr int kRowPhases = 8;              // candidate offsets of the first row, pitch / 8 apart
constexpr double kAreaStripHeight = 0.02;  // m, largest scan-line spacing of usable_area...
constexpr double kMaxAreaLines = 2e4;      // ...unless the outline is over 400 m tall
constexpr double kSolsticeDeclination = 23.44 * deg;
constexpr double kMinSunElevation = 5.0 * deg;

struct Interval {
  double lo = 0.0;
  double hi = 0.0;
};

// The layout frame: x' along the rows, y' from a row towards the row behind it (away from the
// faced direction). Right-handed, so it is a rotation of the input frame.
struct RowFrame {
  Point2 along;
  Point2 back;
  Point2 toFrame(Point2 p) const {
    return {p.x * along.x + p.y * along.y, p.x * back.x + p.y * back.y};
  }
  Point2 fromFrame(Point2 q) const {
    return {q.x * along.x + q.y * back.x, q.x * along.y + q.y * back.y};
  }
};

RowFrame rowFrame(double azimuth) {
  return {{-std::cos(azimuth), std::sin(azimuth)}, {-std::sin(azimuth), -std::cos(azimuth)}};
}

// A polygon edge in the row frame and the free distance kept from it.
struct Edge {
  Point2 a, b;
  double reach = 0.0;  // m, clearance or setback
  double ylo = 0.0;    // y' extent of the edge grown by reach
  double yhi = 0.0;
};

// Edges sorted by their lowest y'; `near` returns those that may reach a band of y', the bands
// queried in nondecreasing order since the last restart.
class EdgeSweep {
 public:
  explicit EdgeSweep(std::vector<Edge> edges) : edges_(std::move(edges)) {
    std::sort(edges_.begin(), edges_.end(),
              [](const Edge& l, const Edge& r) { return l.ylo < r.ylo; });
  }
  const std::vector<Edge>& edges() const { return edges_; }
  void restart() {
    next_ = 0;
    active_.clear();
  }
  const std::vector<const Edge*>& near(double y0, double y1) {
    while (next_ < edges_.size() && edges_[next_].ylo <= y1) active_.push_back(&edges_[next_++]);
    std::erase_if(active_, [y0](const Edge* e) { return e->yhi < y0; });
    return active_;
  }

 private:
  std::vector<Edge> edges_;
  std::size_t next_ = 0;
  std::vector<const Edge*> active_;
};

struct Polygon {
  std::vector<Point2> vertices;  // row frame
  Interval x, y;                 // bounding box
};

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

// Crossing-number test; p must not lie on the boundary (callers guarantee a margin).
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

// Free closed pieces of [x0, x1] outside the sorted intervals.
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

struct Surface {
  Polygon outline;
  std::vector<Polygon> obstructions;
  // true if p (margin from every boundary) is inside the outline and outside every obstruction
  bool free(Point2 p) const {
    if (!inside(outline, p)) return false;
    return std::none_of(obstructions.begin(), obstructions.end(),
                        [p](const Polygon& o) { return inside(o, p); });
  }
};

struct Scratch {
  std::vector<Interval> blocked;
  std::vector<Interval> pieces;
};

// Places footprints [x, x + size.x] x [y0, y0 + size.y] along one row, leftmost first.
void fillRow(const Surface& surface, EdgeSweep& sweep, double y0, Point2 size, double step,
             Interval x_range, Scratch& s, std::vector<Point2>& centers) {
  const double ya = y0 + kTolerance;
  const double yb = y0 + size.y - kTolerance;
  s.blocked.clear();
  for (const Edge* e : sweep.near(ya, yb)) {
    Interval ext;
    if (!bandExtent(*e, ya, yb, ext)) continue;
    // Open set of left ends whose footprint comes nearer than reach (or crosses a 0-reach edge).
    const Interval blocked{ext.lo - size.x + kTolerance, ext.hi - kTolerance};
    if (blocked.lo < blocked.hi) s.blocked.push_back(blocked);
  }
  sortIntervals(s.blocked);
  complement(s.blocked, x_range.lo, x_range.hi, s.pieces);
  const double yc = y0 + 0.5 * size.y;
  for (const Interval& piece : s.pieces) {
    // No edge crosses a footprint sliding within a piece, so one centre tells the whole piece.
    if (!surface.free({piece.lo + 0.5 * size.x, yc})) continue;
    const int n = static_cast<int>(std::floor((piece.hi - piece.lo + kTolerance) / step)) + 1;
    for (int k = 0; k < n; ++k) centers.push_back({piece.lo + k * step + 0.5 * size.x, yc});
  }
}

// Heights where the free length along x' may jump or bend sharply: every vertex, and the tops and
// bottoms of the end disks and of the band around each edge.
std::vector<double> areaEvents(const std::vector<Edge>& edges, Interval ys) {
  std::vector<double> events{ys.lo, ys.hi};
  const auto add = [&](double y) {
    if (y > ys.lo && y < ys.hi) events.push_back(y);
  };
  for (const Edge& e : edges) {
    for (const double y : {e.a.y, e.b.y}) {
      add(y);
      add(y - e.reach);
      add(y + e.reach);
    }
    const double length = std::hypot(e.b.x - e.a.x, e.b.y - e.a.y);
    if (e.reach > 0.0 && length > 0.0) {
      const double ny = e.reach * (e.b.x - e.a.x) / length;  // y' of the offset normal
      for (const double y : {e.a.y, e.b.y}) {
        add(y - ny);
        add(y + ny);
      }
    }
  }
  std::sort(events.begin(), events.end());
  events.erase(std::unique(events.begin(), events.end()), events.end());
  return events;
}

// Midpoint rule over scan lines of the free length at each height, the lines placed between the
// event heights so that no jump of the free length falls inside a strip.
double usableArea(const Surface& surface, EdgeSweep& sweep, double setback) {
  const Interval ys{surface.outline.y.lo + setback, surface.outline.y.hi - setback};
  const Interval xs{surface.outline.x.lo + setback, surface.outline.x.hi - setback};
  if (!(ys.hi > ys.lo && xs.hi > xs.lo)) return 0.0;
  const double strip = std::max(kAreaStripHeight, (ys.hi - ys.lo) / kMaxAreaLines);
  const std::vector<double> events = areaEvents(sweep.edges(), ys);
  Scratch s;
  sweep.restart();
  double area = 0.0;
  for (std::size_t k = 0; k + 1 < events.size(); ++k) {
    const double height = events[k + 1] - events[k];
    if (height < kTolerance) continue;
    const int lines = static_cast<int>(std::ceil(height / strip));
    const double dy = height / lines;
    for (int i = 0; i < lines; ++i) {
      const double y = events[k] + (i + 0.5) * dy;
      s.blocked.clear();
      for (const Edge* e : sweep.near(y, y)) {
        Interval ext;
        if (bandExtent(*e, y, y, ext)) s.blocked.push_back(ext);
      }
      sortIntervals(s.blocked);
      complement(s.blocked, xs.lo, xs.hi, s.pieces);
      for (const Interval& piece : s.pieces) {
        if (piece.hi > piece.lo && surface.free({0.5 * (piece.lo + piece.hi), y})) {
          area += (piece.hi - piece.lo) * dy;
        }
      }
    }
  }
  return area;
}

bool validSpec(const RoofLayoutSpec& spec) {
  const auto positive = [](double v) { return v > 0.0 && std::isfinite(v); };
  const auto nonNegative = [](double v) { return v >= 0.0 && std::isfinite(v); };
  const auto validPolygon = [](const std::vector<Point2>& p) {
    return p.size() >= 3 && std::all_of(p.begin(), p.end(), [](Point2 q) {
             return std::isfinite(q.x) && std::isfinite(q.y);
           });
  };
  return validPolygon(spec.outline) && positive(spec.module.length) &&
         positive(spec.module.width) && nonNegative(spec.setback) && nonNegative(spec.module_gap) &&
         nonNegative(spec.tilt) && spec.tilt < 90.0 * deg && nonNegative(spec.row_pitch) &&
         nonNegative(spec.aisle) && std::isfinite(spec.azimuth) && std::isfinite(spec.latitude) &&
         std::all_of(spec.obstructions.begin(), spec.obstructions.end(), [&](const Obstruction& o) {
           return validPolygon(o.outline) && nonNegative(o.clearance);
         });
}

}  // namespace

double shadeFreeRowPitch(double depth, double tilt, double azimuth, double latitude) {
  const double declination = latitude >= 0.0 ? -kSolsticeDeclination : kSolsticeDeclination;
  const double height = depth * std::sin(tilt);
  const double back_east = -std::sin(azimuth);
  const double back_north = -std::cos(azimuth);
  const double sin_lat = std::sin(latitude);
  const double cos_lat = std::cos(latitude);
  const double sin_dec = std::sin(declination);
  const double cos_dec = std::cos(declination);
  double shadow = 0.0;
  for (int hour_angle_deg = -45; hour_angle_deg <= 45; ++hour_angle_deg) {
    const double omega = hour_angle_deg * deg;
    // Duffie & Beckman eq. 1.6.5; the horizontal components are eq. 1.6.6 in vector form.
    const double up = sin_lat * sin_dec + cos_lat * cos_dec * std::cos(omega);
    if (up < std::sin(kMinSunElevation)) continue;
    const double east = -cos_dec * std::sin(omega);
    const double north = cos_lat * sin_dec - sin_lat * cos_dec * std::cos(omega);
    // The shadow of the row's top edge falls along -(east, north), length height / tan(elevation).
    shadow = std::max(shadow, -height * (east * back_east + north * back_north) / up);
  }
  return depth * std::cos(tilt) + shadow;
}

SurfaceLayout layoutModules(const RoofLayoutSpec& spec) {
  SurfaceLayout layout;
  if (!validSpec(spec)) return layout;
  const double depth = spec.portrait ? spec.module.length : spec.module.width;
  const double along = spec.portrait ? spec.module.width : spec.module.length;
  const double footprint_depth = spec.flush ? depth : depth * std::cos(spec.tilt);
  double pitch = spec.row_pitch;
  if (pitch == 0.0) {
    pitch = spec.flush ? depth + spec.module_gap
                       : std::max(shadeFreeRowPitch(depth, spec.tilt, spec.azimuth, spec.latitude),
                                  footprint_depth + spec.aisle);
  }
  if (pitch < footprint_depth - kTolerance) return layout;

  const RowFrame frame = rowFrame(spec.azimuth);
  Surface surface;
  surface.outline = toFramePolygon(spec.outline, frame);
  std::vector<Edge> edges;
  appendEdges(surface.outline, spec.setback, edges);
  for (const Obstruction& o : spec.obstructions) {
    surface.obstructions.push_back(toFramePolygon(o.outline, frame));
    appendEdges(surface.obstructions.back(), o.clearance, edges);
  }
  EdgeSweep sweep(std::move(edges));

  const Point2 size{along, footprint_depth};
  const Interval x_range{surface.outline.x.lo + spec.setback,
                         surface.outline.x.hi - spec.setback - size.x};
  // A footprint point keeps >= setback from the boundary, so the rows start at ymin + setback.
  const double y_first = surface.outline.y.lo + spec.setback;
  const double y_top = surface.outline.y.hi - spec.setback + kTolerance;
  Scratch scratch;
  std::vector<Point2> best, centers;
  for (int phase = 0; phase < kRowPhases; ++phase) {
    centers.clear();
    sweep.restart();
    for (int row = 0;; ++row) {
      const double y0 = y_first + (row + static_cast<double>(phase) / kRowPhases) * pitch;
      if (y0 + size.y > y_top) break;
      fillRow(surface, sweep, y0, size, along + spec.module_gap, x_range, scratch, centers);
    }
    if (centers.size() > best.size()) std::swap(best, centers);
  }

  const double rotation = std::atan2(frame.along.y, frame.along.x);
  layout.modules.reserve(best.size());
  for (const Point2& c : best) layout.modules.push_back({frame.fromFrame(c), rotation});
  layout.row_pitch = pitch;
  layout.ground_coverage_ratio = depth / pitch;
  layout.usable_area = usableArea(surface, sweep, spec.setback);
  return layout;
}

}  // namespace physics
