// The PV chain of one array at one time step, as NREL's PVWatts v5 defines it (Dobos 2014,
// NREL/TP-6A20-62641) and pvlib's ModelChain reproduces it:
//   sun position (apparent zenith) and weather -> sky state shared by all arrays (air mass,
//   extraterrestrial DNI, Perez / Hay-Davies sky coefficients, SAPM wind factors) ->
//   per array: angle of incidence, transposition (Perez 1990 by default), ground reflection,
//   incidence-angle modifier on the beam (physical by default), cell temperature (SAPM open rack
//   glass/polymer by default, from the plane-of-array global irradiance), PVWatts linear DC,
//   system losses (14.08 % by default), degradation, PVWatts inverter with clipping at the AC
//   rating set by the DC/AC ratio.
// Everything that depends only on time is in PvSky; pvPower() is a few dozen flops per array.
// The detailed DC option replaces the PVWatts linear model by the CEC single-diode model of the
// array's module (De Soto et al. 2006, pv_module.h) at its maximum power point, times the number
// of modules.
#pragma once

#include <algorithm>
#include <array>

#include "physics/irradiance.h"
#include "physics/pv_inverter.h"
#include "physics/pv_module.h"
#include "physics/pv_temperature.h"
#include "physics/solar_position.h"

namespace physics {

enum class Transposition { kPerez, kHayDavies, kIsotropic };
enum class IncidenceModifier { kPhysical, kAshrae, kNone };
enum class DcModel { kPvwatts, kCec };
// SAPM presets in this order share the per-step wind factors of PvSky; kFaiman uses its own.
enum class CellTemperature {
  kSapmOpenRackPolymer,
  kSapmOpenRackGlass,
  kSapmCloseMountGlass,
  kSapmInsulatedBackPolymer,
  kFaiman
};
inline constexpr std::array<SapmTemperatureParams, 4> kSapmPresets = {
    kSapmOpenRackGlassPolymer, kSapmOpenRackGlassGlass, kSapmCloseMountGlassGlass,
    kSapmInsulatedBackGlassPolymer};

// pvlib's get_extra_radiation default (ASTM E-490), used by its PVWatts chain.
inline constexpr double kPvwattsSolarConstant = 1366.1;

// Weather of one step, SI.
struct WeatherStep {
  double ghi = 0.0;         // W/m2
  double dni = 0.0;         // W/m2
  double dhi = 0.0;         // W/m2
  double temp_air = 0.0;    // K
  double wind_speed = 0.0;  // m/s
};

// What every array at the site shares at one time step.
struct PvSky {
  WeatherStep weather;
  SunVector sun;        // from the apparent zenith
  bool sun_up = false;  // apparent zenith < 90 deg
  PerezSky perez;
  HayDaviesSky hay_davies;
  std::array<SapmHeatFactor, 4> sapm;  // per kSapmPresets entry
  // Light reaches the arrays: the sun is up or there is global or diffuse light (else it is
  // night, and pvSky and pvPower skip the step).
  bool lit() const { return sun_up || !(weather.ghi <= 0.0) || !(weather.dhi <= 0.0); }
};

// sun: the position at the middle of the step; day_of_year: 1..366 of the local date.
PvSky pvSky(const SolarPosition& sun, const WeatherStep& weather, int day_of_year);

struct PvSystem {
  SurfaceNormal normal;  // from tilt and azimuth: surfaceNormal(tilt, azimuth)
  double albedo = 0.2;
  Transposition transposition = Transposition::kPerez;
  IncidenceModifier iam = IncidenceModifier::kPhysical;
  CellTemperature temperature = CellTemperature::kSapmOpenRackPolymer;
  double dc_capacity = 1000.0;  // W at STC (PVWatts pdc0)
  DcModel dc_model = DcModel::kPvwatts;
  CecModule cec;                      // the module, for DcModel::kCec
  double cec_modules = 0.0;           // modules in the array, for DcModel::kCec
  double gamma = -0.0037;             // 1/K
  double losses = 0.1408;             // PVWatts system losses, fraction of DC
  double dc_ac_ratio = 1.2;           // AC rating = dc_capacity / dc_ac_ratio
  double inverter_efficiency = 0.96;  // PVWatts eta_inv_nom
};

struct PvOutput {
  double poa_global = 0.0;   // W/m2, beam + sky + ground on the plane
  double temp_cell = 0.0;    // K
  double dc_power = 0.0;     // W after system losses and degradation
  double ac_power = 0.0;     // W
  double beam_factor = 1.0;  // PvShade's beam factor at the step's beam share
};

// What the surroundings leave of the light on an array (twin/shading): the beam and the
// circumsolar diffuse (which comes from the sun's direction) are multiplied by the beam factor,
// the isotropic and horizon diffuse by `sky` (the diffuse view fraction), the ground reflection by
// `ground` (what the array sees of the ground). The beam factor includes the bypass diodes and the
// mismatch of the array's strings (physics/pv_mismatch.h), so it depends on the share of the
// beam in the light on the plane (the shaded cells keep the diffuse): it is given at kBeamShares
// shares 0, 1/(kBeamShares - 1), ..., 1 and interpolated linearly.
inline constexpr int kBeamShares = 9;
struct PvShade {
  std::array<double, kBeamShares> beam;
  bool beam_shaded = false;  // any beam factor below 1
  double sky = 1.0;
  double ground = 1.0;
  PvShade() { beam.fill(1.0); }
  double beamAt(double share) const {
    const double x = std::clamp(share, 0.0, 1.0) * (kBeamShares - 1);
    const int i = std::min(static_cast<int>(x), kBeamShares - 2);
    return beam[size_t(i)] + (x - i) * (beam[size_t(i) + 1] - beam[size_t(i)]);
  }
};

// degradation: factor on DC power for the array's age, (1 - rate)^years (pv_losses.h).
inline PvOutput pvPower(const PvSystem& s, const PvSky& sky, double degradation = 1.0,
                        const PvShade& shade = {}) {
  const WeatherStep& w = sky.weather;
  PvOutput out;
  if (!sky.lit()) {  // night (pvSky skips it): no light
    out.temp_cell = w.temp_air;
    return out;
  }
  const double cos_aoi = sky.sun_up ? cosAngleOfIncidence(s.normal, sky.sun) : 0.0;
  auto skyDiffuse = [&](double sun) {
    switch (s.transposition) {
      case Transposition::kPerez:
        return perezSkyDiffuse(sky.perez, s.normal, cos_aoi, shade.sky, sun);
      case Transposition::kHayDavies:
        return hayDaviesSkyDiffuse(sky.hay_davies, s.normal, cos_aoi, shade.sky, sun);
      case Transposition::kIsotropic:
        break;
    }
    return isotropicSkyDiffuse(w.dhi, s.normal) * shade.sky;
  };
  PoaComponents poa = poaComponents(w.dni, w.ghi, s.albedo, skyDiffuse(1.0), s.normal, cos_aoi);
  poa.ground_diffuse *= shade.ground;
  if (shade.beam_shaded && poa.global() > 0) {
    // The share of the beam (circumsolar included) in the light on the plane, unshaded.
    const double sun_light = poa.beam + poa.sky_diffuse - skyDiffuse(0.0);
    out.beam_factor = shade.beamAt(sun_light / poa.global());
    poa.sky_diffuse = skyDiffuse(out.beam_factor);
    poa.beam *= out.beam_factor;
  }
  double iam = 1.0;
  if (s.iam == IncidenceModifier::kPhysical) iam = iamPhysical(cos_aoi);
  if (s.iam == IncidenceModifier::kAshrae) iam = iamAshrae(cos_aoi);
  const double effective = poa.beam * iam + poa.sky_diffuse + poa.ground_diffuse;
  out.poa_global = poa.global();
  out.temp_cell = s.temperature == CellTemperature::kFaiman
                      ? faimanCellTemperature(out.poa_global, w.temp_air, w.wind_speed)
                      : sapmCellTemperature(out.poa_global, w.temp_air,
                                            sky.sapm[static_cast<size_t>(s.temperature)]);
  const double dc =
      s.dc_model == DcModel::kCec
          ? s.cec_modules * maxPowerPoint(calcparamsCec(effective, out.temp_cell, s.cec)).p_mp
          : pvwattsDc(effective, out.temp_cell, s.dc_capacity, s.gamma);
  out.dc_power = dc * (1.0 - s.losses) * degradation;
  const PvwattsInverterRating inverter =
      pvwattsInverterRating(s.dc_capacity, s.dc_ac_ratio, s.inverter_efficiency);
  out.ac_power = pvwattsInverter(out.dc_power, inverter.pdc0, s.inverter_efficiency);
  return out;
}

}  // namespace physics
