// What the engine needs of an array's shading over a run (docs/shading.md): its effective beam
// factor (bypass diodes included, module_shading.h) on a grid of sun positions, 5 degrees apart
// in azimuth and elevation, computed at the nodes the run's sun comes near and interpolated
// bilinearly between them, and its diffuse view fraction.
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "twin/shading/park_shading.h"

namespace twin::shading {

inline constexpr double kNodeStepDeg = 5.0;
inline constexpr int kAzimuthNodes = 72;    // 0, 5, ..., 355 deg
inline constexpr int kElevationNodes = 19;  // 0, 5, ..., 90 deg (the 0 node taken at 0.5 deg)
// Points per side on each module for the engine: 8 x 8 (an edge placed within 1/16 of a module).
inline constexpr int kEngineBeamSamples = 8;

struct ShadeTable {
  std::vector<double> beam;  // [elevation node x azimuth node]: array beam factor, NaN if unused
  double view = 1.0;         // area-weighted diffuse view fraction
  // The beam factor at a sun position (rad); 1 with the sun below the horizon.
  double beamAt(double zenith, double azimuth) const;
};

// One table per array of the model: none where the array has no laid-out modules or says
// `shading: none`. suns: (apparent zenith, azimuth) in rad of every step of the run with the sun
// up. Parallel over nodes; the same on any thread count.
std::vector<std::optional<ShadeTable>> shadeTables(
    const ParkModel& model, const std::vector<std::pair<double, double>>& suns);

}  // namespace twin::shading
