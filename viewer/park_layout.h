// Where every part of the park sits in 3D, in the park frame (x east, y north, z up, metres).
// The park file gives building footprints, heights and PV module layouts; equipment, buses and
// cables have no coordinates, so they are placed by rule: equipment on a grid inside its building's
// footprint, a bus at the building that holds most of its equipment, cables along L-shaped routes.
#pragma once

#include <Eigen/Core>
#include <array>
#include <string>
#include <vector>

#include "twin/model/model.h"

namespace viewer {

// One glyph: a box centred at `center` with its full extents `size` (m).
struct Glyph {
  std::string id;
  Eigen::Vector3d center = Eigen::Vector3d::Zero();
  Eigen::Vector3d size = Eigen::Vector3d::Ones();
};

// One PV module (or a capacity-sized array's patch): a planar quad, corners counter-clockwise
// seen from the side it faces.
struct PvQuad {
  std::array<Eigen::Vector3d, 4> corners;
};

struct PvArrayLayout {
  std::string id;
  std::vector<PvQuad> quads;
};

struct CableRoute {
  std::string id;
  std::vector<Eigen::Vector3d> points;  // from the `from` bus to the `to` bus
};

struct ParkLayout {
  Eigen::Vector2d min = Eigen::Vector2d::Zero();  // site bounds with a margin, m
  Eigen::Vector2d max = Eigen::Vector2d::Zero();
  double tallest = 0.0;                             // m, highest building
  std::vector<Eigen::Vector2d> building_centroids;  // per building
  std::vector<Glyph> motors;                        // per motor, model order
  std::vector<Glyph> loads;                         // per load
  std::vector<Glyph> transformers;                  // per transformer
  std::vector<Glyph> buses;                         // per bus
  // Beside their bus, in model order: batteries, one inverter per PV array (its AC side), and
  // each EV charger group as a row of posts (one glyph per post).
  std::vector<Glyph> storage;
  std::vector<Glyph> inverters;
  std::vector<std::vector<Glyph>> chargers;
  std::vector<PvArrayLayout> pv;   // per PV array
  std::vector<CableRoute> cables;  // per cable
};

ParkLayout computeParkLayout(const twin::ParkModel& model);

// Centroid of a simple polygon (area-weighted; the vertex mean for degenerate ones), m.
Eigen::Vector2d polygonCentroid(const std::vector<Eigen::Vector2d>& polygon);

}  // namespace viewer
