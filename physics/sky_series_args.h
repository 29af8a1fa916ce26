// What sky_series.cpp's per-target kernels take: the site's and the day's constants, the window of
// ephemeris nodes the steps need (column by column), and the series' columns, padded to whole
// vectors. Private to sky_series.cpp (one definition for all its targets).
#pragma once

#include <array>
#include <cstddef>

#include "physics/pv_system.h"

namespace physics::sky_series_detail {

struct SkyArgs {
  // The steps: middle of step i at first_start + (i + 0.5) step.
  double first_start = 0.0, step = 0.0;
  // The ephemeris: node k at first_node + k node_spacing; stencils start at most at last_stencil;
  // the columns (right ascension, declination, sidereal time, Earth-Sun distance) hold nodes
  // window_first, window_first + 1, ...
  double first_node = 0.0, node_spacing = 0.0, last_stencil = 0.0, window_first = 0.0;
  std::array<const double*, 4> nodes{};
  // The site (topocentricSolarPosition): longitude, latitude's sine and cosine, the observer's
  // x = rho cos phi' and y = rho sin phi', the parallax constant 8.794", refraction's factor.
  double longitude = 0.0, sin_lat = 0.0, cos_lat = 0.0, x = 0.0, y = 0.0;
  double parallax_arcsec = 0.0, refraction_scale = 0.0;
  double dni_extra = 0.0;                // W/m2, the day's extraterrestrial normal irradiance
  std::array<const double*, 6> perez{};  // perezCoefficients() column by column (8 bins each)
  // Inputs: the weather.
  const double *ghi = nullptr, *dni = nullptr, *dhi = nullptr, *wind_speed = nullptr;
  // Outputs.
  double *apparent_zenith = nullptr, *azimuth = nullptr, *sun_east = nullptr, *sun_north = nullptr,
         *sun_up = nullptr, *lit = nullptr;
  double *perez_isotropic = nullptr, *perez_circumsolar = nullptr, *perez_horizon = nullptr;
  double *hay_davies_isotropic = nullptr, *hay_davies_circumsolar = nullptr;
  std::array<double*, kSapmPresets.size()> sapm_rise{};
};

}  // namespace physics::sky_series_detail
