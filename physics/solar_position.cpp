// NREL Solar Position Algorithm (Reda & Andreas 2004, NREL/TP-560-34302 rev. 2008); section
// numbers below are the paper's. Angles are radians throughout; the paper's degree-valued
// polynomials are converted where they are evaluated.
#include "physics/solar_position.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <utility>
#include <vector>

#include "physics/spa_tables.h"
#include "physics/term_sums.h"
#include "physics/units.h"

namespace physics {
namespace {

using namespace spa;  // the tables
using units::deg;
using units::pi;

constexpr double kTwoPi = 2.0 * pi;
constexpr double kArcsec = deg / 3600.0;
constexpr double kSecondsPerDay = 86400.0;
constexpr double kDaysPerJulianCentury = 36525.0;
constexpr double kJulianDayAtUnixEpoch = 2440587.5;  // 1970-01-01T00:00:00 UT
constexpr double kUnixTimeAtJ2000 = 946728000.0;     // 2000-01-01T12:00:00 UT = JD 2451545.0
constexpr double kNodeStep = SunEphemeris::kNodeSpacing;
constexpr double kNodeMargin = 2 * kNodeStep;  // s beyond [start, end], SunEphemeris

// The tables as columns for the vectorised sums (term_sums.h), built once.
template <std::size_t N>
CosineTerms columns(const PeriodicTerm (&terms)[N]) {
  CosineTerms out;
  for (const PeriodicTerm& term : terms) out.add(term.a, term.b, term.c);
  return out;
}

struct EarthSeries {
  CosineTerms l[6] = {columns(kL0), columns(kL1), columns(kL2),
                      columns(kL3), columns(kL4), columns(kL5)};
  CosineTerms b[2] = {columns(kB0), columns(kB1)};
  CosineTerms r[5] = {columns(kR0), columns(kR1), columns(kR2), columns(kR3), columns(kR4)};
  NutationTerms nutation;
  EarthSeries() {
    for (const NutationTerm& term : kNutation) {
      std::array<double, 5> y{};
      for (std::size_t j = 0; j < y.size(); ++j) y[j] = term.y[j];
      nutation.add(y, term.a, term.b, term.c, term.d);
    }
  }
};

const EarthSeries& earthSeries() {
  static const EarthSeries series;
  return series;
}

// sum_k tau^k S_k(tau) by Horner's scheme, S_k the sum of series k.
template <std::size_t N>
double seriesPolynomial(const CosineTerms (&series)[N], double tau) {
  double value = 0.0;
  for (std::size_t k = N; k-- > 0;) value = series[k].sum(tau) + tau * value;
  return value;
}

// Sec. 3.2: L, B (rad) and R (AU), polynomials in tau of the series sums, scaled by 1e-8.
double heliocentricLongitude(double tau) { return seriesPolynomial(earthSeries().l, tau) * 1e-8; }

double heliocentricLatitude(double tau) { return seriesPolynomial(earthSeries().b, tau) * 1e-8; }

double heliocentricRadius(double tau) { return seriesPolynomial(earthSeries().r, tau) * 1e-8; }

struct Nutation {
  double longitude;  // delta psi, rad
  double obliquity;  // delta epsilon, rad
};

// Sec. 3.4; t: Julian ephemeris centuries from J2000.
Nutation nutation(double t) {
  // Mean elongation of the Moon, mean anomalies of Sun and Moon, Moon's argument of latitude,
  // longitude of the Moon's ascending node: cubic polynomials in degrees.
  const std::array<double, 5> x = {
      (297.85036 + t * (445267.111480 + t * (-0.0019142 + t / 189474.0))) * deg,
      (357.52772 + t * (35999.050340 + t * (-0.0001603 - t / 300000.0))) * deg,
      (134.96298 + t * (477198.867398 + t * (0.0086972 + t / 56250.0))) * deg,
      (93.27191 + t * (483202.017538 + t * (-0.0036825 + t / 327270.0))) * deg,
      (125.04452 + t * (-1934.136261 + t * (0.0020708 + t / 450000.0))) * deg};
  const NutationTerms::Sums sums = earthSeries().nutation.sum(x, t);
  return {sums.psi * 1e-4 * kArcsec, sums.epsilon * 1e-4 * kArcsec};
}

// Sec. 3.5: mean obliquity of the ecliptic, rad; u: Julian ephemeris millennia / 10.
double meanObliquity(double u) {
  constexpr double kCoefficients[] = {84381.448, -4680.93, -1.55, 1999.25, -51.38, -249.67,
                                      -39.05,    7.12,     27.87, 5.79,    2.45};
  double arcsec = 0.0;
  for (std::size_t i = std::size(kCoefficients); i-- > 0;) arcsec = arcsec * u + kCoefficients[i];
  return arcsec * kArcsec;
}

// Into [0, 2 pi); a tiny negative angle would round to 2 pi, hence the second step.
double wrapTwoPi(double angle) {
  const double wrapped = angle - kTwoPi * std::floor(angle / kTwoPi);
  return wrapped < kTwoPi ? wrapped : 0.0;
}

}  // namespace

double SolarPosition::elevation() const { return 0.5 * pi - zenith; }
double SolarPosition::apparent_elevation() const { return 0.5 * pi - apparent_zenith; }

double julianDayFromUnix(double unix_time) {
  return unix_time / kSecondsPerDay + kJulianDayAtUnixEpoch;
}

double estimateDeltaT(double y) {
  // Espenak & Meeus (2006), NASA/TP-2006-214141 section 2.6 ("Polynomial expressions for
  // Delta T"), one polynomial per era; y is the decimal year.
  const auto far = [](double year) {
    const double u = (year - 1820.0) / 100.0;
    return -20.0 + 32.0 * u * u;
  };
  if (y < -500.0) return far(y);
  if (y < 500.0) {
    const double u = y / 100.0;
    return 10583.6 +
           u * (-1014.41 +
                u * (33.78311 +
                     u * (-5.952053 + u * (-0.1798452 + u * (0.022174192 + u * 0.0090316521)))));
  }
  if (y < 1600.0) {
    const double u = (y - 1000.0) / 100.0;
    return 1574.2 +
           u * (-556.01 +
                u * (71.23472 +
                     u * (0.319781 + u * (-0.8503463 + u * (-0.005050998 + u * 0.0083572073)))));
  }
  if (y < 1700.0) {
    const double t = y - 1600.0;
    return 120.0 + t * (-0.9808 + t * (-0.01532 + t / 7129.0));
  }
  if (y < 1800.0) {
    const double t = y - 1700.0;
    return 8.83 + t * (0.1603 + t * (-0.0059285 + t * (0.00013336 - t / 1174000.0)));
  }
  if (y < 1860.0) {
    const double t = y - 1800.0;
    return 13.72 +
           t * (-0.332447 +
                t * (0.0068612 +
                     t * (0.0041116 +
                          t * (-0.00037436 +
                               t * (0.0000121272 + t * (-0.0000001699 + t * 0.000000000875))))));
  }
  if (y < 1900.0) {
    const double t = y - 1860.0;
    return 7.62 +
           t * (0.5737 + t * (-0.251754 + t * (0.01680668 + t * (-0.0004473624 + t / 233174.0))));
  }
  if (y < 1920.0) {
    const double t = y - 1900.0;
    return -2.79 + t * (1.494119 + t * (-0.0598939 + t * (0.0061966 - t * 0.000197)));
  }
  if (y < 1941.0) {
    const double t = y - 1920.0;
    return 21.20 + t * (0.84493 + t * (-0.076100 + t * 0.0020936));
  }
  if (y < 1961.0) {
    const double t = y - 1950.0;
    return 29.07 + t * (0.407 + t * (-1.0 / 233.0 + t / 2547.0));
  }
  if (y < 1986.0) {
    const double t = y - 1975.0;
    return 45.45 + t * (1.067 + t * (-1.0 / 260.0 - t / 718.0));
  }
  if (y < 2005.0) {
    const double t = y - 2000.0;
    return 63.86 +
           t * (0.3345 + t * (-0.060374 + t * (0.0017275 + t * (0.000651814 + t * 0.00002373599))));
  }
  if (y < 2050.0) {
    const double t = y - 2000.0;
    return 62.92 + t * (0.32217 + t * 0.005589);
  }
  if (y < 2150.0) return far(y) - 0.5628 * (2150.0 - y);
  return far(y);
}

GeocentricSun computeGeocentricSun(double unix_time, double delta_t) {
  // Sec. 3.1. Days from J2000 are formed from the Unix time directly (not from JD ~ 2.45e6) to keep
  // the sidereal time's 361 deg/day slope free of rounding.
  const double days_ut = (unix_time - kUnixTimeAtJ2000) / kSecondsPerDay;
  const double jc = days_ut / kDaysPerJulianCentury;
  const double jce = (days_ut + delta_t / kSecondsPerDay) / kDaysPerJulianCentury;
  const double jme = jce / 10.0;

  const double radius = heliocentricRadius(jme);
  // Sec. 3.3: geocentric longitude and latitude (no wrap: only their sines and cosines are used).
  const double theta = heliocentricLongitude(jme) + pi;
  const double beta = -heliocentricLatitude(jme);
  const Nutation nut = nutation(jce);
  const double epsilon = meanObliquity(jme / 10.0) + nut.obliquity;  // Sec. 3.5
  const double aberration = -20.4898 * kArcsec / radius;             // Sec. 3.6
  const double lambda = theta + nut.longitude + aberration;          // Sec. 3.7

  // Sec. 3.8: 360.98564736629 deg/day is split as 360 deg/day (whole turns dropped) + the rest.
  const double whole_days = std::floor(days_ut);
  const double nu0 = 280.46061837 + 360.0 * (days_ut - whole_days) + 0.98564736629 * days_ut +
                     jc * jc * (0.000387933 - jc / 38710000.0);
  const double sin_eps = std::sin(epsilon);
  const double cos_eps = std::cos(epsilon);
  const double sin_lambda = std::sin(lambda);

  GeocentricSun sun;
  sun.sidereal_time = wrapTwoPi(nu0 * deg + nut.longitude * cos_eps);
  sun.right_ascension =  // Sec. 3.9
      wrapTwoPi(std::atan2(sin_lambda * cos_eps - std::tan(beta) * sin_eps, std::cos(lambda)));
  sun.declination =  // Sec. 3.10
      std::asin(std::sin(beta) * cos_eps + std::cos(beta) * sin_eps * sin_lambda);
  sun.earth_radius = radius;
  return sun;
}

ObserverTerms observerTerms(const SiteLocation& site) {
  // Sec. 3.12: the observer on the reference ellipsoid. b/a = 0.99664719, a = 6378140 m; u of
  // eq. 34 enters only through cos u and sin u, formed without inverse trigonometry.
  constexpr double kPolarOverEquatorial = 0.99664719;
  constexpr double kEquatorialRadius = 6378140.0;  // m
  ObserverTerms o;
  o.sin_lat = std::sin(site.latitude);
  o.cos_lat = std::cos(site.latitude);
  const double inv_norm =
      1.0 / std::sqrt(o.cos_lat * o.cos_lat +
                      kPolarOverEquatorial * kPolarOverEquatorial * o.sin_lat * o.sin_lat);
  const double cos_u = o.cos_lat * inv_norm;
  const double sin_u = kPolarOverEquatorial * o.sin_lat * inv_norm;
  const double height = site.elevation / kEquatorialRadius;
  o.x = cos_u + height * o.cos_lat;
  o.y = kPolarOverEquatorial * sin_u + height * o.sin_lat;
  return o;
}

double refractionScale(const RefractionAir& air) {
  const double pressure_hpa = air.pressure / units::hPa;
  const double temperature_c = air.temperature - units::kZeroCelsius;
  return (pressure_hpa / 1010.0) * (283.0 / (273.0 + temperature_c)) * 1.02;
}

SolarPosition topocentricSolarPosition(const GeocentricSun& sun, const SiteLocation& site,
                                       const RefractionAir& air) {
  const ObserverTerms o = observerTerms(site);
  const double sin_lat = o.sin_lat, cos_lat = o.cos_lat, x = o.x, y = o.y;
  const double sin_xi = std::sin(kParallaxArcsec / sun.earth_radius);  // eq. 33

  // Sec. 3.11: the local hour angle; any multiple of 2 pi drops out of its sine and cosine.
  const double hour_angle = sun.sidereal_time + site.longitude - sun.right_ascension;
  const double sin_h = std::sin(hour_angle);
  const double cos_h = std::cos(hour_angle);
  const double sin_dec = std::sin(sun.declination);
  const double cos_dec = std::cos(sun.declination);

  // Sec. 3.12-3.13: parallax in right ascension, kept as its cosine and sine, then the topocentric
  // hour angle H' = H - delta_alpha and declination delta' (cos delta' > 0 always).
  const double para_y = -x * sin_xi * sin_h;
  const double para_x = cos_dec - x * sin_xi * cos_h;
  const double inv_para = 1.0 / std::sqrt(para_x * para_x + para_y * para_y);
  const double cos_dalpha = para_x * inv_para;
  const double sin_dalpha = para_y * inv_para;
  const double sin_hp = sin_h * cos_dalpha - cos_h * sin_dalpha;
  const double cos_hp = cos_h * cos_dalpha + sin_h * sin_dalpha;
  const double dec_y = (sin_dec - y * sin_xi) * cos_dalpha;
  const double inv_dec = 1.0 / std::sqrt(dec_y * dec_y + para_x * para_x);
  const double sin_decp = dec_y * inv_dec;
  const double cos_decp = para_x * inv_dec;

  // Sec. 3.14-3.15 via the unit vector to the sun in (east, north, up): the same angles as the
  // paper's asin / atan2 forms, well conditioned everywhere.
  const double east = -cos_decp * sin_hp;
  const double north = cos_lat * sin_decp - sin_lat * cos_decp * cos_hp;
  const double up = sin_lat * sin_decp + cos_lat * cos_decp * cos_hp;

  SolarPosition pos;
  pos.zenith = std::atan2(std::sqrt(east * east + north * north), up);
  pos.azimuth = wrapTwoPi(std::atan2(east, north));

  // Eq. 42 (degrees, hPa, Celsius as in the paper), applied while the sun's upper limb may still
  // be visible: elevation >= -(sun radius 0.26667 + refraction at the horizon 0.5667) deg.
  const double e0 = (0.5 * pi - pos.zenith) / deg;
  double refraction = 0.0;
  if (e0 >= -(0.26667 + 0.5667)) {
    refraction = refractionScale(air) / (60.0 * std::tan((e0 + 10.3 / (e0 + 5.11)) * deg)) * deg;
  }
  pos.apparent_zenith = pos.zenith - refraction;
  return pos;
}

SolarPosition computeSolarPosition(double unix_time, double delta_t, const SiteLocation& site,
                                   const RefractionAir& air) {
  return topocentricSolarPosition(computeGeocentricSun(unix_time, delta_t), site, air);
}

std::vector<double> SunEphemeris::nodeTimes(double start, double end) {
  const double first = std::floor((start - kNodeMargin) / kNodeStep) * kNodeStep;
  // At least 4 nodes, whatever the arguments, so that at() always has a stencil.
  const double last = std::max(std::ceil((end + kNodeMargin - first) / kNodeStep), 3.0);
  std::vector<double> times(static_cast<std::size_t>(last) + 1);
  for (std::size_t i = 0; i < times.size(); ++i)
    times[i] = first + static_cast<double>(i) * kNodeStep;
  return times;
}

SunEphemeris::SunEphemeris(double start, double end, double delta_t) {
  const std::vector<double> times = nodeTimes(start, end);
  std::vector<GeocentricSun> nodes(times.size());
  for (std::size_t i = 0; i < times.size(); ++i) nodes[i] = computeGeocentricSun(times[i], delta_t);
  *this = SunEphemeris(times, std::move(nodes));
}

SunEphemeris::SunEphemeris(const std::vector<double>& node_times, std::vector<GeocentricSun> nodes)
    : first_node_(node_times.at(0)), nodes_(std::move(nodes)) {
  for (std::size_t i = 1; i < nodes_.size(); ++i) {
    // unwrap: move each angle by whole turns next to its predecessor
    const GeocentricSun& prev = nodes_[i - 1];
    GeocentricSun& node = nodes_[i];
    node.right_ascension +=
        kTwoPi * std::round((prev.right_ascension - node.right_ascension) / kTwoPi);
    node.sidereal_time += kTwoPi * std::round((prev.sidereal_time - node.sidereal_time) / kTwoPi);
  }
}

double SunEphemeris::stencil(double unix_time) const {
  return std::fmax(1.0,
                   std::fmin(std::floor((unix_time - first_node_) / kNodeStep), lastStencil()));
}

GeocentricSun SunEphemeris::at(double unix_time) const {
  // Nodes i-1..i+2 around t; clamped (NaN included) so that any t reads valid nodes.
  const double s = (unix_time - first_node_) / kNodeStep;
  const double i_real = std::fmax(1.0, std::fmin(std::floor(s), lastStencil()));
  const auto i = static_cast<std::size_t>(i_real);
  const double f = s - i_real;
  // 4-point Lagrange weights for abscissae -1, 0, 1, 2.
  const double w_m1 = -f * (f - 1.0) * (f - 2.0) / 6.0;
  const double w_1 = -(f + 1.0) * f * (f - 2.0) / 2.0;
  const double w_2 = (f + 1.0) * f * (f - 1.0) / 6.0;
  const GeocentricSun& n_m1 = nodes_[i - 1];
  const GeocentricSun& n_0 = nodes_[i];
  const GeocentricSun& n_1 = nodes_[i + 1];
  const GeocentricSun& n_2 = nodes_[i + 2];
  // Weights sum to 1: interpolate offsets from node i (small numbers, no cancellation).
  const auto interpolate = [&](double GeocentricSun::*field) {
    const double base = n_0.*field;
    return base + w_m1 * (n_m1.*field - base) + w_1 * (n_1.*field - base) +
           w_2 * (n_2.*field - base);
  };
  GeocentricSun sun;
  sun.right_ascension = wrapTwoPi(interpolate(&GeocentricSun::right_ascension));
  sun.declination = interpolate(&GeocentricSun::declination);
  sun.sidereal_time = wrapTwoPi(interpolate(&GeocentricSun::sidereal_time));
  sun.earth_radius = interpolate(&GeocentricSun::earth_radius);
  return sun;
}

}  // namespace physics
