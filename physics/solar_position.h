// Solar position by NREL's Solar Position Algorithm (SPA): I. Reda and A. Andreas, "Solar position
// algorithm for solar radiation applications", Solar Energy 76 (2004) 577-589, corrected 2007
// (NREL/TP-560-34302 rev. 2008). Stated accuracy +-0.0003 deg for the years -2000 to 6000.
//
// The SPA splits into a site-independent geocentric part (Earth heliocentric position, nutation,
// aberration, sidereal time: several hundred trigonometric terms) and a cheap topocentric part
// (parallax, local hour angle, refraction). Time series evaluate the geocentric part at 3-hourly
// nodes and interpolate it (SunEphemeris); single instants use computeSolarPosition.
#pragma once

#include <vector>

#include "physics/units.h"

namespace physics {

struct SiteLocation {
  double latitude = 0.0;   // rad, north positive, [-pi/2, pi/2]
  double longitude = 0.0;  // rad, east positive, [-pi, pi]
  double elevation = 0.0;  // m above mean sea level
};

// Air at the site, used only for atmospheric refraction (SPA eq. 42). Annual means.
struct RefractionAir {
  double pressure = 101325.0;   // Pa
  double temperature = 285.15;  // K
};

// The site-independent part of the SPA at one instant.
struct GeocentricSun {
  double right_ascension = 0.0;  // alpha, rad, apparent, unwrapped only within SunEphemeris
  double declination = 0.0;      // delta, rad, apparent
  double sidereal_time = 0.0;    // nu, apparent sidereal time at Greenwich, rad
  double earth_radius = 0.0;     // R, Earth-Sun distance, AU
};

struct SolarPosition {
  double zenith = 0.0;                // rad, topocentric, without refraction
  double apparent_zenith = 0.0;       // rad, topocentric, with refraction
  double azimuth = 0.0;               // rad, clockwise from north (east = pi/2), [0, 2pi)
  double elevation() const;           // rad, pi/2 - zenith
  double apparent_elevation() const;  // rad, pi/2 - apparent_zenith
};

// Julian day (UT) of a Unix time (seconds since 1970-01-01T00:00:00Z).
double julianDayFromUnix(double unix_time);

// Difference TT - UT in seconds estimated for a decimal year: polynomial expressions of Espenak and
// Meeus (NASA/TP-2006-214141, "Five Millennium Canon of Solar Eclipses"), valid -1999..3000.
// Their 2005-2050 piece is a 2006 extrapolation: 74.5 s for 2025 where IERS observed ~69.1 s
// (0.02 deg of hour angle); pass a measured delta_t where that matters.
double estimateDeltaT(double decimal_year);

// unix_time: UT instant; delta_t: TT - UT, s. Angles returned in [0, 2pi). About 260 sines and
// cosines: evaluate per time step (SunEphemeris), never per site.
GeocentricSun computeGeocentricSun(double unix_time, double delta_t);
// The observer's terms of SPA sec. 3.12 (eq. 34-38) for a site: its latitude's sine and cosine and
// x = rho cos phi', y = rho sin phi' on the reference ellipsoid.
// SPA eq. 33's equatorial horizontal parallax of the Sun at 1 AU: 8.794", rad.
inline constexpr double kParallaxArcsec = 8.794 * (units::deg / 3600.0);

struct ObserverTerms {
  double sin_lat = 0.0, cos_lat = 1.0, x = 1.0, y = 0.0;
};
ObserverTerms observerTerms(const SiteLocation& site);
// SPA eq. 42's factor (P / 1010 hPa) (283 / (273 + T)) 1.02 of the refraction (arcmin).
double refractionScale(const RefractionAir& air);

// Cheap (no tables); accepts right ascension and sidereal time off by whole turns.
SolarPosition topocentricSolarPosition(const GeocentricSun& sun, const SiteLocation& site,
                                       const RefractionAir& air);
// The full SPA at one instant (the paper's worked example is a test).
SolarPosition computeSolarPosition(double unix_time, double delta_t, const SiteLocation& site,
                                   const RefractionAir& air);

// The geocentric sun at nodes every 3 hours over [start, end], interpolated in between with 4-point
// Lagrange polynomials on unwrapped angles. Interpolation error is far below the SPA's own
// accuracy (tested against the direct SPA at every minute of a year: < 1e-6 deg).
class SunEphemeris {
 public:
  // start <= end, Unix times; delta_t as above. Nodes cover [start - 6 h, end + 6 h].
  SunEphemeris(double start, double end, double delta_t);
  // The same ephemeris from its nodes computed elsewhere (in parallel by the engine: physics has
  // no threads): nodes[i] = computeGeocentricSun(nodeTimes(start, end)[i], delta_t). The angles
  // are unwrapped here, so the result is bit for bit the serial constructor's.
  SunEphemeris(const std::vector<double>& node_times, std::vector<GeocentricSun> nodes);
  // The Unix times of the nodes of an ephemeris over [start, end]: every 3 h, at least 4.
  static std::vector<double> nodeTimes(double start, double end);
  // unix_time within [start, end].
  GeocentricSun at(double unix_time) const;

  // The nodes, for the vectorised interpolation of sky_series.h: node i is at
  // firstNode() + i kNodeSpacing, its angles unwrapped.
  static constexpr double kNodeSpacing = 3 * 3600.0;  // s
  // The node i of at()'s stencil (nodes i - 1 .. i + 2) for a time, as a double.
  double stencil(double unix_time) const;
  double firstNode() const { return first_node_; }
  const std::vector<GeocentricSun>& nodes() const { return nodes_; }
  // The last node a stencil may start at.
  double lastStencil() const { return static_cast<double>(nodes_.size()) - 3.0; }

 private:
  double first_node_ = 0.0;           // Unix time of node 0
  std::vector<GeocentricSun> nodes_;  // one per 3 hours, angles unwrapped
};

}  // namespace physics
