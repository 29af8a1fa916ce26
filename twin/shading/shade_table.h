// What the engine needs of an array's shading over a run (docs/shading.md): its effective beam
// factor (bypass diodes included, module_shading.h) at the sun nodes of park_occluders.h, computed
// at the nodes the run's sun comes near and interpolated bilinearly between them, and its diffuse
// view fraction.
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "twin/shading/park_shading.h"

namespace twin::shading {

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
