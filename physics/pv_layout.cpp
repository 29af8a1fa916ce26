#include "physics/pv_layout.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "physics/pv_row_geometry.h"

namespace physics {
namespace {

using layout::appendEdges;
using layout::bandExtent;
using layout::complement;
using layout::Edge;
using layout::EdgeSweep;
using layout::inside;
using layout::Interval;
using layout::Polygon;
using layout::RowFrame;
using layout::rowFrame;
using layout::sortIntervals;
using layout::toFramePolygon;
using units::deg;

constexpr double kTolerance = 1e-9;        // m, slack allowed at "exactly touching"
constexpr int kRowPhases = 8;              // candidate offsets of the first row, pitch / 8 apart
constexpr double kAreaStripHeight = 0.02;  // m, largest scan-line spacing of usable_area...
constexpr double kMaxAreaLines = 2e4;      // ...unless the outline is over 400 m tall
constexpr double kSolsticeDeclination = 23.44 * deg;
constexpr double kMinSunElevation = 5.0 * deg;

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
