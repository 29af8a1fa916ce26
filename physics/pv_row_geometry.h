// Row-frame geometry of the PV layout (physics/pv_layout.h): polygons turned into the frame of
// the rows, their edges grown by a clearance, swept band by band, and the x-extent each edge
// blocks over a band of rows. Lengths in m.
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

#include "physics/pv_layout.h"

namespace physics::layout {

// A closed interval [lo, hi]; empty when lo > hi.
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

// The row frame of modules facing `azimuth` (rad, clockwise from north).
RowFrame rowFrame(double azimuth);

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

// A polygon in the row frame with its bounding box.
struct Polygon {
  std::vector<Point2> vertices;  // row frame
  Interval x, y;                 // bounding box
};

// The outline in the row frame.
Polygon toFramePolygon(const std::vector<Point2>& outline, const RowFrame& frame);

// Appends the polygon's edges, each kept `reach` (m, >= 0) free.
void appendEdges(const Polygon& poly, double reach, std::vector<Edge>& edges);

// Crossing-number test; p must not lie on the boundary (callers guarantee a margin).
bool inside(const Polygon& poly, Point2 p);

// x-extent of the points within `reach` of the edge (the edge itself when reach is 0) over the
// band y' in [y0, y1]; false when the band misses them.
bool bandExtent(const Edge& e, double y0, double y1, Interval& out);

// Free closed pieces of [x0, x1] outside the sorted intervals.
void complement(const std::vector<Interval>& sorted, double x0, double x1,
                std::vector<Interval>& pieces);

// Sorts by lo, then hi.
void sortIntervals(std::vector<Interval>& v);

}  // namespace physics::layout
