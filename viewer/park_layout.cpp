#include "viewer/park_layout.h"

#include <Eigen/Geometry>
#include <algorithm>
#include <cmath>
#include <map>

#include "twin/base/polygon.h"
#include "twin/base/units.h"
#include "twin/model/pv_geometry.h"

namespace viewer {
namespace {

constexpr double kInset = 5.0;       // m, equipment grid keeps this far from the bounding box
constexpr double kBusHeight = 1.0;   // m, bus and cable height above ground
constexpr double kRoofLift = 0.25;   // m, PV above the roof
constexpr double kFacadeGap = 0.15;  // m, facade PV off the wall
constexpr double kPatchWattsPerM2 = 200.0;  // W/m2, area of a capacity-sized array without modules

struct Box2 {
  Eigen::Vector2d min{1e300, 1e300};
  Eigen::Vector2d max{-1e300, -1e300};
  void add(const Eigen::Vector2d& p) {
    min = min.cwiseMin(p);
    max = max.cwiseMax(p);
  }
};

Box2 boundsOf(const std::vector<Eigen::Vector2d>& polygon) {
  Box2 box;
  for (const Eigen::Vector2d& p : polygon) box.add(p);
  return box;
}

// Box proportions (x, y, z) that tell the kinds apart: long low conveyors, flat fans, squat
// compressors, tall thin chargers, low wide air-conditioning units.
Eigen::Vector3d glyphShape(twin::DrivenKind kind) {
  switch (kind) {
    case twin::DrivenKind::kPump:
      return {1.2, 0.7, 0.7};
    case twin::DrivenKind::kFan:
      return {1.0, 1.0, 0.35};
    case twin::DrivenKind::kAirCompressor:
      return {1.6, 1.0, 1.2};
    case twin::DrivenKind::kConveyor:
      return {2.0, 0.45, 0.4};
    case twin::DrivenKind::kMachineTool:
      return {1.2, 1.2, 1.3};
    case twin::DrivenKind::kMixer:
    case twin::DrivenKind::kOther:
      break;
  }
  return {1.0, 1.0, 1.0};
}

Eigen::Vector3d glyphShape(twin::LoadKind kind) {
  switch (kind) {
    case twin::LoadKind::kEvCharger:
      return {0.4, 0.4, 1.8};
    case twin::LoadKind::kHvac:
      return {1.5, 1.5, 0.9};
    case twin::LoadKind::kLighting:
      return {1.0, 1.0, 0.25};
    case twin::LoadKind::kPlug:
    case twin::LoadKind::kProcess:
    case twin::LoadKind::kOther:
      break;
  }
  return {0.7, 0.7, 1.5};
}

// Grid points inside the footprint (at >= kInset from its bounding box), at least `count`, in
// rows from the south-west.
std::vector<Eigen::Vector2d> gridPoints(const std::vector<Eigen::Vector2d>& footprint, size_t count,
                                        double* spacing) {
  const Box2 box = boundsOf(footprint);
  const Eigen::Vector2d lo = box.min + Eigen::Vector2d(kInset, kInset);
  const Eigen::Vector2d hi = box.max - Eigen::Vector2d(kInset, kInset);
  const Eigen::Vector2d extent = (hi - lo).cwiseMax(Eigen::Vector2d(1.0, 1.0));
  double s = std::sqrt(extent.x() * extent.y() / static_cast<double>(std::max<size_t>(count, 1)));
  std::vector<Eigen::Vector2d> points;
  for (int attempt = 0; attempt < 40; ++attempt, s *= 0.85) {
    points.clear();
    for (double y = lo.y() + 0.5 * s; y <= hi.y() + 1e-9; y += s) {
      for (double x = lo.x() + 0.5 * s; x <= hi.x() + 1e-9; x += s) {
        if (twin::containsPoint(footprint, {x, y})) points.emplace_back(x, y);
      }
    }
    if (points.size() >= count) break;
  }
  while (points.size() < count) points.push_back(polygonCentroid(footprint));
  *spacing = s;
  return points;
}

// Equipment inside each building: motors first, then loads, on the building's grid.
void placeEquipment(const twin::ParkModel& m, ParkLayout& out) {
  std::vector<std::vector<int>> motors(m.buildings.size()), loads(m.buildings.size());
  for (size_t i = 0; i < m.motors.size(); ++i) motors[m.motors[i].building].push_back(int(i));
  for (size_t i = 0; i < m.loads.size(); ++i) loads[m.loads[i].building].push_back(int(i));
  out.motors.resize(m.motors.size());
  out.loads.resize(m.loads.size());
  for (size_t b = 0; b < m.buildings.size(); ++b) {
    double s = 1.0;
    const std::vector<Eigen::Vector2d> points =
        gridPoints(m.buildings[b].footprint, motors[b].size() + loads[b].size(), &s);
    const double cap = std::clamp(0.7 * s, 0.6, 4.0);
    size_t k = 0;
    for (int i : motors[b]) {
      const twin::Motor& motor = m.motors[static_cast<size_t>(i)];
      const double edge =
          std::min(cap, 0.6 + 0.4 * std::cbrt(twin::fromSi(motor.nameplate.rated_power, "kW")));
      const Eigen::Vector3d size = edge * glyphShape(motor.driven);
      out.motors[static_cast<size_t>(i)] = {
          motor.id, {points[k].x(), points[k].y(), 0.5 * size.z()}, size};
      ++k;
    }
    for (int i : loads[b]) {
      const twin::Load& load = m.loads[static_cast<size_t>(i)];
      const double edge =
          std::min(cap, 0.6 + 0.3 * std::cbrt(twin::fromSi(load.rated_power, "kW")));
      const Eigen::Vector3d size = edge * glyphShape(load.kind);
      out.loads[static_cast<size_t>(i)] = {
          load.id, {points[k].x(), points[k].y(), 0.5 * size.z()}, size};
      ++k;
    }
  }
}

// A bus sits in the building holding most of its equipment; a bus with none follows its first child
// bus, and the grid bus goes to an otherwise empty building (the switch room) nearest its feeders.
std::vector<int> busBuildings(const twin::ParkModel& m) {
  const size_t nb = m.network.buses.size();
  std::vector<std::map<int, int>> votes(nb);
  for (const twin::Motor& x : m.motors) ++votes[x.bus][x.building];
  for (const twin::Load& x : m.loads) ++votes[x.bus][x.building];
  for (const twin::PvArray& x : m.pv) {
    if (x.building >= 0) ++votes[x.bus][x.building];
  }
  std::vector<int> home(nb, -1);
  for (size_t i = 0; i < nb; ++i) {
    int best = 0;
    for (const auto& [building, n] : votes[i]) {
      if (n > best) best = n, home[i] = building;
    }
  }
  std::vector<std::vector<int>> children(nb);
  for (size_t i = 0; i < nb && i < m.network.feeders.size(); ++i) {
    const int parent = m.network.feeders[i].parent;
    if (parent >= 0) children[static_cast<size_t>(parent)].push_back(int(i));
  }
  // Leaves first: repeat until nothing changes (the network is a tree, so depth passes suffice).
  for (size_t pass = 0; pass < nb; ++pass) {
    bool changed = false;
    for (size_t i = 0; i < nb; ++i) {
      if (home[i] >= 0 || children[i].size() != 1) continue;
      const int child = home[static_cast<size_t>(children[i][0])];
      if (child >= 0) home[i] = child, changed = true;
    }
    if (!changed) break;
  }
  std::vector<bool> used(m.buildings.size(), false);
  for (int h : home) {
    if (h >= 0) used[static_cast<size_t>(h)] = true;
  }
  for (size_t i = 0; i < nb; ++i) {
    if (home[i] >= 0 || children[i].empty()) continue;
    Eigen::Vector2d mean = Eigen::Vector2d::Zero();
    int n = 0;
    for (int c : children[i]) {
      const int h = home[static_cast<size_t>(c)];
      if (h >= 0) mean += polygonCentroid(m.buildings[static_cast<size_t>(h)].footprint), ++n;
    }
    if (n > 0) mean /= n;
    double best = 1e300;
    for (size_t b = 0; b < m.buildings.size(); ++b) {
      const double d = (polygonCentroid(m.buildings[b].footprint) - mean).squaredNorm();
      if (!used[b] && d < best) best = d, home[i] = int(b);
    }
  }
  return home;
}

// Storage, inverters and charger posts in a row north of their bus, one row per bus.
void placeBesideBuses(const twin::ParkModel& m, ParkLayout& out) {
  std::vector<double> y(out.buses.size(), 1.5);  // m north of each bus, the row's end
  auto place = [&](int bus, const std::string& id, Eigen::Vector3d size) {
    const Eigen::Vector3d& b = out.buses[static_cast<size_t>(bus)].center;
    double& at = y[static_cast<size_t>(bus)];
    const Glyph g{id, {b.x(), b.y() + at + 0.5 * size.y(), 0.5 * size.z()}, size};
    at += size.y() + 0.8;
    return g;
  };
  for (const twin::Storage& s : m.storage) {
    // A container 6 x 2.5 x 2.8 m per MWh, scaled by the cube root of the energy.
    const double k = std::clamp(std::cbrt(twin::fromSi(s.rating.energy_capacity, "MWh")), 0.4, 2.0);
    out.storage.push_back(place(s.bus, s.id, k * Eigen::Vector3d(6.0, 2.5, 2.8)));
  }
  for (const twin::PvArray& a : m.pv) {
    const double kw = twin::fromSi(a.dc_capacity / a.dc_ac_ratio, "kW");
    const double k = std::clamp(std::cbrt(kw / 100.0), 1.0, 3.0);
    out.inverters.push_back(place(a.bus, a.id, k * Eigen::Vector3d(0.8, 0.6, 0.9)));
  }
  for (const twin::EvChargerGroup& g : m.ev_chargers) {
    std::vector<Glyph> posts;
    const int n = std::clamp(g.chargers, 1, 40);  // a long row stands for the rest
    for (int k = 0; k < n; ++k) posts.push_back(place(g.bus, g.id, {0.5, 0.5, 1.8}));
    out.chargers.push_back(posts);
  }
}

void placeNetwork(const twin::ParkModel& m, ParkLayout& out) {
  const std::vector<int> home = busBuildings(m);
  std::map<int, int> slots;  // buses placed so far per building
  for (size_t i = 0; i < m.network.buses.size(); ++i) {
    Eigen::Vector2d p(out.min.x() + 10.0 + 6.0 * double(i), out.min.y() + 5.0);
    if (home[i] >= 0) {
      const Box2 box = boundsOf(m.buildings[static_cast<size_t>(home[i])].footprint);
      const int slot = slots[home[i]]++;
      p = Eigen::Vector2d(box.min.x() + 2.5 + 4.0 * slot, box.min.y() + 2.5);
    }
    out.buses.push_back({m.network.buses[i].id, {p.x(), p.y(), kBusHeight}, {1.2, 1.2, 2.0}});
  }
  for (const twin::Transformer& t : m.network.transformers) {
    const Eigen::Vector3d a = out.buses[static_cast<size_t>(t.from)].center;
    const Eigen::Vector3d b = out.buses[static_cast<size_t>(t.to)].center;
    const double edge = 1.2 + 0.8 * std::cbrt(twin::fromSi(t.rating.rated_power, "MVA"));
    Eigen::Vector3d c = 0.5 * (a + b);
    c.z() = 0.5 * edge;
    out.transformers.push_back({t.id, c, {edge, 0.8 * edge, edge}});
  }
  placeBesideBuses(m, out);
  for (const twin::Cable& c : m.network.cables) {
    const Eigen::Vector3d a = out.buses[static_cast<size_t>(c.from)].center;
    const Eigen::Vector3d b = out.buses[static_cast<size_t>(c.to)].center;
    out.cables.push_back({c.id, {a, {b.x(), a.y(), kBusHeight}, b}});
  }
}

// A patch standing for an array that has no module layout (sized by capacity or area).
PvQuad patch(const Eigen::Vector3d& c, const Eigen::Vector3d& u, const Eigen::Vector3d& v, double w,
             double l, const Eigen::Vector3d& normal) {
  return {twin::centredQuad(c, u, v, w, l, normal)};
}

PvArrayLayout placePv(const twin::ParkModel& m, const twin::PvArray& a, size_t ground_index,
                      const ParkLayout& out) {
  PvArrayLayout layout{a.id, {}};
  const double area = a.module_area > 0 ? a.module_area : a.dc_capacity / kPatchWattsPerM2;
  const Eigen::Vector3d up = Eigen::Vector3d::UnitZ();
  if (a.building < 0) {
    const double side = std::sqrt(area / 2.0);
    const Eigen::Vector3d c(out.min.x() + 20.0 + 2.5 * side * double(ground_index),
                            out.min.y() + 5.0, 1.0);
    layout.quads.push_back(
        patch(c, Eigen::Vector3d::UnitX(), Eigen::Vector3d::UnitY(), 2 * side, side, up));
    return layout;
  }
  const twin::Building& b = m.buildings[static_cast<size_t>(a.building)];
  const bool facade = a.surface == twin::PvSurface::kFacade;
  // Laid-out modules where the model puts them, lifted off the roof or the wall to be seen.
  const twin::WallFrame wall = facade ? twin::wallFrame(b, a.facade) : twin::WallFrame{};
  const Eigen::Vector3d lift = facade ? Eigen::Vector3d(kFacadeGap * wall.out) : kRoofLift * up;
  for (const twin::Quad& q : twin::moduleQuads(m, a)) {
    layout.quads.push_back({{q[0] + lift, q[1] + lift, q[2] + lift, q[3] + lift}});
  }
  if (!a.modules.empty()) return layout;
  if (facade) {
    const Eigen::Vector2d& p = b.footprint[static_cast<size_t>(a.facade)];
    const double length =
        (b.footprint[(static_cast<size_t>(a.facade) + 1) % b.footprint.size()] - p).norm();
    const double h = std::min(b.height * 0.8, area / std::max(length * 0.8, 1.0));
    const Eigen::Vector3d c = Eigen::Vector3d(p.x(), p.y(), 0.5 * b.height) +
                              kFacadeGap * wall.out + 0.5 * length * wall.along;
    layout.quads.push_back(patch(c, wall.along, up, 0.8 * length, h, wall.out));
    return layout;
  }
  const Eigen::Vector3d facing(std::sin(a.azimuth), std::cos(a.azimuth), 0.0);
  const Eigen::Vector3d up_slope =
      (-std::cos(a.tilt) * facing + std::sin(a.tilt) * up).normalized();
  const double side = std::sqrt(area / 2.0);
  const Eigen::Vector2d c = polygonCentroid(b.footprint);
  const double z = b.height + kRoofLift + 0.5 * side * std::sin(a.tilt);
  layout.quads.push_back(patch({c.x(), c.y(), z}, up.cross(facing), up_slope, 2 * side, side, up));
  return layout;
}

}  // namespace

Eigen::Vector2d polygonCentroid(const std::vector<Eigen::Vector2d>& polygon) {
  const double a = twin::signedArea(polygon);
  Eigen::Vector2d mean = Eigen::Vector2d::Zero();
  for (const Eigen::Vector2d& p : polygon) mean += p;
  if (polygon.empty()) return mean;
  mean /= double(polygon.size());
  if (std::abs(a) < 1e-9) return mean;
  Eigen::Vector2d c = Eigen::Vector2d::Zero();
  for (size_t i = 0; i < polygon.size(); ++i) {
    const Eigen::Vector2d& p = polygon[i];
    const Eigen::Vector2d& q = polygon[(i + 1) % polygon.size()];
    c += (p + q) * (p.x() * q.y() - q.x() * p.y());
  }
  return c / (6.0 * a);
}

ParkLayout computeParkLayout(const twin::ParkModel& model) {
  ParkLayout out;
  Box2 site;
  for (const twin::Building& b : model.buildings) {
    for (const Eigen::Vector2d& p : b.footprint) site.add(p);
    out.building_centroids.push_back(polygonCentroid(b.footprint));
    out.tallest = std::max(out.tallest, b.height);
  }
  if (model.buildings.empty()) site.add({0, 0}), site.add({100, 100});
  out.min = site.min - Eigen::Vector2d(20, 20);
  out.max = site.max + Eigen::Vector2d(20, 20);
  placeEquipment(model, out);
  placeNetwork(model, out);
  size_t ground = 0;
  for (const twin::PvArray& a : model.pv) {
    out.pv.push_back(placePv(model, a, ground, out));
    if (a.building < 0) ++ground;
  }
  return out;
}

}  // namespace viewer
