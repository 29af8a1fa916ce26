// The sun and sky of consecutive time steps, vectorised over the steps (Highway, runtime dispatch
// as pv_series.h), with SLEEF's vectorised sine, cosine, tangent, arctangent (3.5-ulp variants:
// the sun's angles, where SPA's own accuracy is 5e-6 rad), power and exponential (1.0-ulp; Shibata
// & Petrogalli 2020, IEEE TPDS 31(6) 1316-1327): for each step, what
//   pvSky(topocentricSolarPosition(sun.at(middle), site, air), weather, day_of_year)
// gives, with the apparent zenith and azimuth. The vector path differs from that chain by the
// rounding of its functions (test: within 1e-9 of each field's scale over a year at 1-minute
// steps); the same on any thread count, and may differ in the last bits between SIMD targets.
#pragma once

#include "physics/pv_series.h"
#include "physics/solar_position.h"

namespace physics {

// The steps: `series.size()` steps of `step` s, the first starting at Unix time first_start; the
// sun at each step's middle, the local day day_of_year (1..366) for the extraterrestrial
// irradiance. The weather (ghi, dni, dhi, temp_air, wind_speed) must be in `series` already;
// everything else, the sun's angles included, is written. The ephemeris must cover the steps.
void computeSkies(const SunEphemeris& sun, const SiteLocation& site, const RefractionAir& air,
                  double first_start, double step, int day_of_year, PvSkySeries& series,
                  PvKernel kernel = PvKernel::kVector);

}  // namespace physics
