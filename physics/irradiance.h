// Solar irradiance models: extraterrestrial irradiance (Spencer 1971), air mass (Kasten & Young
// 1989), clear sky (Ineichen & Perez 2002 with its altitude terms; Haurwitz 1945),
// GHI decomposition (Erbs, Klein & Duffie 1982), transposition to a tilted plane (isotropic
// Liu-Jordan; Hay & Davies 1980; Perez et al. 1990, Solar Energy 44(5) 271-289, with the
// 'allsitescomposite1990' coefficients of its Table 6), incidence-angle modifiers (physical:
// De Soto et al. 2006 after Duffie & Beckman sections 5.1-5.3; ASHRAE 93 / Souka & Safwat 1966)
// and soiling (Kimber et al. 2006). Equation-level conventions and limits follow
// pvlib-python (irradiance, clearsky, atmosphere, iam, soiling modules), whose published test
// values are the unit tests.
//
// Angles in rad, azimuths clockwise from north (east = pi/2), irradiance W/m2, pressure Pa.
// Transposition is split so that everything that depends only on time (sun vector, Perez F1/F2,
// Hay-Davies anisotropy) is computed once per time step and each surface costs a few
// multiply-adds: perezSky()/hayDaviesSky() per time, the inline ...SkyDiffuse() per surface.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <vector>

#include "physics/units.h"

namespace physics {

// Solar constant (W/m2) used by default: the WMO (1981) value. pvlib's get_extra_radiation uses
// 1366.1 (ASTM E-490); pass that to reproduce pvlib.
inline constexpr double kSolarConstant = 1367.0;
// Standard sea-level pressure, Pa (ISO 2533).
inline constexpr double kStandardPressure = 101325.0;

// Extraterrestrial irradiance normal to the sun's rays, W/m2: solar_constant times the inverse
// squared Earth-Sun distance of Spencer (1971), "Fourier series representation of the position of
// the sun", Search 2(5) 172, with day angle B = 2 pi (day_of_year - 1) / 365.
// day_of_year: 1..366.
double extraterrestrialNormalIrradiance(int day_of_year, double solar_constant = kSolarConstant);

// Relative optical air mass of Kasten & Young (1989), Applied Optics 28(22) 4735-4738:
// AM = 1 / (cos z + 0.50572 (96.07995 deg - z)^-1.6364), z in degrees inside the bracket.
// zenith: rad, use the apparent (refracted) zenith. Returns 0 when zenith >= 90 deg (sun down):
// callers treat AM = 0 as "no sun" instead of carrying NaN (pvlib returns NaN above 90 deg).
double relativeAirMass(double zenith);

// Pressure-corrected (absolute) air mass. pressure: Pa, > 0.
inline double absoluteAirMass(double relative_air_mass, double pressure) {
  return relative_air_mass * pressure / kStandardPressure;
}

// Station pressure of the standard atmosphere (ICAO: 101325 Pa and 288.15 K at sea level, lapse
// rate 6.5 K/km) at an altitude, Pa, in the closed form of pvlib.atmosphere.alt2pres:
// p = 100 ((44331.514 - h) / 11880.516)^(1 / 0.1902632). altitude: m, below 11 km.
inline double standardPressureAtAltitude(double altitude) {
  return 100.0 * std::pow((44331.514 - altitude) / 11880.516, 1.0 / 0.1902632);
}

// ---- Clear sky -------------------------------------------------------------------------------

struct ClearSky {
  double ghi = 0.0;  // W/m2
  double dni = 0.0;  // W/m2
  double dhi = 0.0;  // W/m2
};

// Ineichen & Perez (2002), "A new airmass independent formulation for the Linke turbidity
// coefficient", Solar Energy 73(3) 151-157, with the altitude terms fh1 = exp(-h/8000),
// fh2 = exp(-h/1250), cg1, cg2 and the beam correction of Perez et al. (2002), Solar Energy 73(5)
// 307-317, as pvlib.clearsky.ineichen(perez_enhancement=False) implements them (including its
// 1e20 cap of the beam correction).
// apparent_zenith: rad. absolute_air_mass: Kasten-Young, pressure-corrected, > 0 (0: sun down).
// linke_turbidity: 1..10 (air-mass-2 Linke turbidity). altitude: m above sea level.
// dni_extra: W/m2. All zero when the sun is at or below the horizon.
ClearSky clearSkyIneichenPerez(double apparent_zenith, double absolute_air_mass,
                               double linke_turbidity, double altitude, double dni_extra);

// Haurwitz (1945) clear-sky GHI in the form of pvlib.clearsky.haurwitz:
// GHI = 1098 cos z exp(-0.059 / cos z) W/m2; 0 when cos z <= 0. apparent_zenith: rad.
double clearSkyHaurwitz(double apparent_zenith);

// ---- Decomposition ---------------------------------------------------------------------------

struct DniDhi {
  double dni = 0.0;  // W/m2
  double dhi = 0.0;  // W/m2
  double kt = 0.0;   // clearness index GHI / (dni_extra max(cos z, 0.065)), clipped to [0, 1]
};

// Erbs, Klein & Duffie (1982), Solar Energy 28(4) 293-302: hourly diffuse fraction as a function
// of the clearness index (piecewise: kt <= 0.22, <= 0.80, > 0.80). Limits as pvlib.irradiance.erbs:
// cos z floored at 0.065 for kt, kt clipped to [0, 1], and DNI = 0, DHI = GHI when zenith > 87 deg
// or the result would be negative. Closure DNI cos z + DHI = GHI holds otherwise.
// ghi: W/m2 >= 0. zenith: rad (true or apparent, as the caller's other models). dni_extra: W/m2.
DniDhi erbsDecomposition(double ghi, double zenith, double dni_extra);

// ---- Sun-surface geometry --------------------------------------------------------------------

// Unit vector towards the sun in the local east-north-up frame; up = cos(zenith).
struct SunVector {
  double east = 0.0;
  double north = 0.0;
  double up = 1.0;
};

// zenith: rad [0, pi]; azimuth: rad clockwise from north.
inline SunVector sunVector(double zenith, double azimuth) {
  const double sin_z = std::sin(zenith);
  return {sin_z * std::sin(azimuth), sin_z * std::cos(azimuth), std::cos(zenith)};
}

// Unit normal of a plane surface (east, north, up; up = cos tilt) with its sin(tilt) kept so the
// horizon term of Perez needs no square root per step.
struct SurfaceNormal {
  double east = 0.0;
  double north = 0.0;
  double up = 1.0;
  double sin_tilt = 0.0;  // sqrt(east^2 + north^2), >= 0
};

// tilt: rad from horizontal, [0, pi] (0 faces up, pi/2 vertical). azimuth: rad clockwise from north
// of the direction the surface faces (south = pi).
inline SurfaceNormal surfaceNormal(double tilt, double azimuth) {
  const double sin_t = std::sin(tilt);
  return {sin_t * std::sin(azimuth), sin_t * std::cos(azimuth), std::cos(tilt), std::abs(sin_t)};
}

// cos(angle of incidence) = surface normal . sun vector, clipped to [-1, 1]; negative when the sun
// is behind the surface.
inline double cosAngleOfIncidence(const SurfaceNormal& surface, const SunVector& sun) {
  const double c = surface.east * sun.east + surface.north * sun.north + surface.up * sun.up;
  return std::clamp(c, -1.0, 1.0);
}

// The same from angles (rad): cos b cos z + sin b sin z cos(sun_azimuth - surface_azimuth).
double cosAngleOfIncidence(double surface_tilt, double surface_azimuth, double sun_zenith,
                           double sun_azimuth);

// ---- Transposition to a tilted plane ---------------------------------------------------------

struct PoaComponents {
  double beam = 0.0;            // W/m2
  double sky_diffuse = 0.0;     // W/m2
  double ground_diffuse = 0.0;  // W/m2
  double global() const { return beam + sky_diffuse + ground_diffuse; }
};

// Beam on the plane: DNI cos(aoi), 0 when the sun is behind it.
inline double beamOnSurface(double dni, double cos_aoi) { return std::max(dni * cos_aoi, 0.0); }

// Ground-reflected irradiance from an infinite isotropic ground: GHI albedo (1 - cos tilt) / 2.
inline double groundDiffuse(double ghi, double albedo, const SurfaceNormal& surface) {
  return ghi * albedo * 0.5 * (1.0 - surface.up);
}

// Isotropic sky (Liu & Jordan 1963; Hottel & Woertz 1942): DHI (1 + cos tilt) / 2.
inline double isotropicSkyDiffuse(double dhi, const SurfaceNormal& surface) {
  return dhi * 0.5 * (1.0 + surface.up);
}

// Hay & Davies (1980) per time step: anisotropy index AI = DNI / dni_extra splits DHI into an
// isotropic part and a circumsolar part projected like the beam (Rb = cos aoi / cos z, with cos z
// floored at cos 89 deg = 0.01745 as pvlib, GH 432).
struct HayDaviesSky {
  double isotropic = 0.0;    // W/m2 on the full sky dome: max(DHI (1 - AI), 0)
  double circumsolar = 0.0;  // W/m2 per unit cos(aoi): max(DHI AI / max(cos z, 0.01745), 0)
};

// dhi, dni, dni_extra: W/m2; zenith: rad (apparent).
HayDaviesSky hayDaviesSky(double dhi, double dni, double dni_extra, double zenith);

// view, sun: factors on the isotropic and on the circumsolar part (PvShade; 1: no shading).
inline double hayDaviesSkyDiffuse(const HayDaviesSky& sky, const SurfaceNormal& surface,
                                  double cos_aoi, double view = 1.0, double sun = 1.0) {
  return sky.isotropic * 0.5 * (1.0 + surface.up) * view +
         sky.circumsolar * std::max(cos_aoi, 0.0) * sun;
}

// Perez et al. (1990) per time step. Sky clearness epsilon (kappa = 1.041 for z in rad)
// selects one of 8 bins (edges 1.065, 1.23, 1.5, 1.95, 2.8, 4.5, 6.2); brightness
// delta = DHI AM / dni_extra; F1 = max(f11 + f12 delta + f13 z, 0), F2 = f21 + f22 delta + f23 z
// (Table 6, all sites composite). The three sky terms are stored multiplied by DHI:
// sky diffuse = max(isotropic (1 + cos b)/2 + circumsolar max(cos aoi, 0) + horizon sin b, 0).
struct PerezSky {
  double f1 = 0.0;           // circumsolar brightening coefficient
  double f2 = 0.0;           // horizon brightening coefficient
  double isotropic = 0.0;    // W/m2: DHI (1 - F1)
  double circumsolar = 0.0;  // W/m2 per unit cos(aoi): DHI F1 / max(cos z, cos 85 deg)
  double horizon = 0.0;      // W/m2 per unit sin(tilt): DHI F2
};

// dhi, dni, dni_extra: W/m2. zenith: rad (apparent, as pvlib). relative_air_mass: Kasten-Young,
// not pressure-corrected (relativeAirMass(zenith)); 0 means the sun is down and gives an empty sky
// (pvlib: NaN air mass -> 0). dhi <= 0 also gives an empty sky (pvlib returns NaN there).
PerezSky perezSky(double dhi, double dni, double dni_extra, double zenith,
                  double relative_air_mass);
// The coefficients perezSky() uses, for the vectorised sky of sky_series.h: per clearness bin
// {f11, f12, f13, f21, f22, f23}, and the upper edges of bins 1..7.
const std::array<std::array<double, 6>, 8>& perezCoefficients();
const std::array<double, 7>& perezEpsilonEdges();

// view, sun: factors on the isotropic and horizon parts and on the circumsolar part (PvShade).
inline double perezSkyDiffuse(const PerezSky& sky, const SurfaceNormal& surface, double cos_aoi,
                              double view = 1.0, double sun = 1.0) {
  const double d = sky.isotropic * 0.5 * (1.0 + surface.up) * view +
                   sky.circumsolar * std::max(cos_aoi, 0.0) * sun +
                   sky.horizon * surface.sin_tilt * view;
  return std::max(d, 0.0);
}

// All three components on one surface, given the sky diffuse of any of the models above.
inline PoaComponents poaComponents(double dni, double ghi, double albedo, double sky_diffuse,
                                   const SurfaceNormal& surface, double cos_aoi) {
  return {beamOnSurface(dni, cos_aoi), sky_diffuse, groundDiffuse(ghi, albedo, surface)};
}

// ---- Incidence-angle modifiers ---------------------------------------------------------------

// Physical IAM of a glass cover: Fresnel reflection (average of s and p polarisation, Snell's law)
// and Bouguer absorption exp(-K L / cos theta_r), normalised to 1 at normal incidence (De Soto,
// Klein & Beckman 2006, Solar Energy 80 78-88; Duffie & Beckman 4th ed. sections 5.1-5.3). As
// pvlib.iam.physical without an AR coating, computed from cos(aoi) without inverse trigonometry.
// cos_aoi: [-1, 1]; returns 0 for cos_aoi <= 0. refractive_index > 1; extinction: 1/m;
// thickness: m.
inline double iamPhysical(double cos_aoi, double refractive_index = 1.526, double extinction = 4.0,
                          double thickness = 0.002) {
  if (!(cos_aoi > 0.0)) return 0.0;
  const double c = std::min(cos_aoi, 1.0);
  const double n = refractive_index;
  const double cr = std::sqrt(1.0 - (1.0 - c * c) / (n * n));  // Snell: sin r = sin i / n
  // Fresnel amplitude ratios rs = (c - n cr)/(c + n cr), rp = (cr - n c)/(cr + n c) over one
  // common denominator (one division instead of two).
  const double ps = (c - n * cr) * (cr + n * c), pp = (cr - n * c) * (c + n * cr);
  const double q = (c + n * cr) * (cr + n * c);
  const double r0 = (n - 1.0) / (n + 1.0);
  const double kl = extinction * thickness;
  return (1.0 - 0.5 * (ps * ps + pp * pp) / (q * q)) / (1.0 - r0 * r0) * std::exp(kl - kl / cr);
}

// ASHRAE 93 / Souka & Safwat (1966): 1 - b0 (1 / cos aoi - 1), clipped at 0; 0 for cos_aoi <= 0.
inline double iamAshrae(double cos_aoi, double b0 = 0.05) {
  if (!(cos_aoi > 0.0)) return 0.0;
  return std::max(1.0 - b0 * (1.0 / cos_aoi - 1.0), 0.0);
}

// ---- Soiling ---------------------------------------------------------------------------------

// Kimber et al. (2006), "The effect of soiling on large grid-connected photovoltaic systems in
// California and the southwest region of the United States", IEEE 4th WCPEC, as
// pvlib.soiling.kimber. Defaults are pvlib's.
struct KimberSoiling {
  double cleaning_threshold = 6.0 * units::mm;  // m of rain within rain_accum_period that cleans
  double daily_loss_rate = 0.0015;              // fraction of energy lost per day of soiling
  double grace_period = 14.0 * units::day;      // s after a cleaning rain with no build-up (damp)
  double max_soiling = 0.3;                     // fraction, cap of the loss
  double initial_soiling = 0.0;                 // fraction lost at the first step
  double rain_accum_period = units::day;        // s, window over which rain is summed
};

// Soiling ratio (1 - fraction lost) per step. rainfall: m of liquid water per step, NaN counted as
// none (pandas' rolling sum skips NaN). time_step: s, > 0, constant. A step is cleaned (loss 0)
// when the rain of the last rain_accum_period (this step included) exceeded the threshold at any
// step of the last grace_period; the loss then grows by daily_loss_rate per day up to max_soiling.
std::vector<double> kimberSoilingRatios(std::span<const double> rainfall, double time_step,
                                        const KimberSoiling& params = {});

}  // namespace physics
