// What pv_series.cpp's per-target kernels take: the system's constants, hoisted out of the step
// loop, and the series' fields. Private to pv_series.cpp (one definition for all its targets).
#pragma once

#include <array>
#include <cstddef>

#include "physics/pv_system.h"

namespace physics::pv_series_detail {

// The PvSkySeries fields the kernel reads, offset to the first step to compute. The sky model's
// three terms are the system's own (PerezSky, HayDaviesSky or DHI alone); a term the model lacks,
// and kSapmRise under Faiman's model, is null.
enum SkyField : size_t {
  kGhi,
  kDni,
  kTempAir,
  kWindSpeed,
  kSunEast,
  kSunNorth,
  kSunUp,
  kLit,
  kSkyIsotropic,
  kSkyCircumsolar,
  kSkyHorizon,
  kSapmRise,
  kSkyFields
};
using SkyFields = std::array<const double*, kSkyFields>;

enum OutputField : size_t { kPoaGlobal, kTempCell, kDcPower, kAcPower, kOutputFields };
using OutputFields = std::array<double*, kOutputFields>;

struct SystemConstants {
  double east, north, up;  // the surface normal
  double iso_view;         // (1 + cos tilt) / 2, the isotropic sky's view factor
  double horizon_view;     // sin tilt (Perez), 0 otherwise
  double ground_view;      // albedo (1 - cos tilt) / 2
  bool clip_sky;           // Perez: the sky diffuse is floored at 0
  IncidenceModifier iam;
  bool faiman;
  double sapm_delta_t;                        // K per W/m2 (delta_t / 1000)
  double dc_scale;                            // W per W/m2: pdc0 / 1000 (1 - losses) degradation
  double gamma;                               // 1/K
  double inv_pdc0_inverter, pac0, eta_ratio;  // PVWatts inverter
};

SystemConstants systemConstants(const PvSystem& s, double degradation);

}  // namespace physics::pv_series_detail
