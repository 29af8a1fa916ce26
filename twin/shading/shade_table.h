// What the engine needs of an array's shading over a run (docs/shading.md): its beam factor at the
// sun nodes of park_occluders.h (bypass diodes and the mismatch of its strings included, so given
// at physics::kBeamShares shares of beam in the light), computed at the nodes the run's sun comes
// near and interpolated bilinearly between them; its sky and ground view fractions; and each
// module's figures over the run.
#pragma once

#include <array>
#include <vector>

#include "physics/pv_system.h"
#include "twin/model/park_sun.h"
#include "twin/shading/park_shading.h"

namespace twin::shading {

// Each laid-out module of an array, in layout order.
struct ModuleShading {
  std::vector<double> sky;     // diffuse view fraction
  std::vector<double> ground;  // ground view fraction
  // Share (0..1) of the run's light on the module (beam DNI cos aoi through its bypass diodes,
  // isotropic diffuse by its sky view) that the park's geometry takes away.
  std::vector<double> loss;
};

struct ShadeTable {
  // [elevation node x azimuth node][beam share]: the array's beam factor; NaN where unused.
  std::vector<std::array<double, physics::kBeamShares>> beam;
  double sky = 1.0;     // area-weighted diffuse view fraction
  double ground = 1.0;  // area-weighted ground view fraction
  ModuleShading modules;
  // The shade at a sun position (rad): the beam factors bilinear between the four nodes around
  // it (1 with the sun below the horizon), the view fractions.
  physics::PvShade shadeAt(double zenith, double azimuth) const;
};

// One table per array of the model (none where the array has no laid-out modules or says
// `shading: none`). suns: (apparent zenith, azimuth) in rad of every step of the run with the sun
// up; hours: the weather's hours inside the run, for the modules' losses. Parallel over nodes and
// modules; the same on any thread count.
std::vector<std::optional<ShadeTable>> shadeTables(
    const ParkModel& model, const std::vector<std::pair<double, double>>& suns,
    const std::vector<SunHour>& hours);

}  // namespace twin::shading
