// Steady-state PV cell temperature from plane-of-array irradiance, air temperature and wind.
// SAPM: King, Boyson, Kratochvil 2004, SAND2004-3535, eqs. 11-12 and Table 1 coefficients.
// Faiman: D. Faiman 2008, Prog. Photovolt. 16(4):307-315, heat-loss model T = Ta + G/(U0 + U1 WS).
// NOCT: the SAM NOCT model, Gilman et al. 2018, NREL/TP-6A20-67399, section 10.6 (eq. 10.37),
// with its wind and mounting-standoff adjustments, as pvlib temperature.noct_sam implements it.
// All temperatures in K; the models only use temperature differences, so no Celsius offset.
#pragma once

#include <cmath>

namespace physics {

// SAPM thermal coefficients: T_module = T_air + E exp(a + b WS) (eq. 11), T_cell = T_module +
// E / 1000 W/m2 * delta_t (eq. 12).
struct SapmTemperatureParams {
  double a = 0.0;        // dimensionless (exp(a) in K m2/W)
  double b = 0.0;        // s/m, < 0
  double delta_t = 0.0;  // K, back-of-module to cell difference at 1000 W/m2
};

// King et al. 2004, Table 1 (module construction / mounting).
inline constexpr SapmTemperatureParams kSapmOpenRackGlassGlass{-3.47, -0.0594, 3.0};
inline constexpr SapmTemperatureParams kSapmCloseMountGlassGlass{-2.98, -0.0471, 1.0};
inline constexpr SapmTemperatureParams kSapmOpenRackGlassPolymer{-3.56, -0.0750, 3.0};
inline constexpr SapmTemperatureParams kSapmInsulatedBackGlassPolymer{-2.81, -0.0455, 0.0};

// The part of the SAPM that depends only on wind speed and mounting: compute it once per time
// step and share it between all arrays with the same mounting.
struct SapmHeatFactor {
  double rise_per_irradiance = 0.0;  // K/(W/m2), exp(a + b WS)
  double delta_t = 0.0;              // K, copied from the parameters
};

// wind_speed: m/s at 10 m, >= 0.
inline SapmHeatFactor sapmHeatFactor(double wind_speed, const SapmTemperatureParams& p) {
  return {std::exp(p.a + p.b * wind_speed), p.delta_t};
}

// Back-of-module temperature, K (eq. 11). poa_global: W/m2, >= 0; temp_air: K.
inline double sapmModuleTemperature(double poa_global, double temp_air, const SapmHeatFactor& f) {
  return temp_air + poa_global * f.rise_per_irradiance;
}
inline double sapmModuleTemperature(double poa_global, double temp_air, double wind_speed,
                                    const SapmTemperatureParams& p) {
  return sapmModuleTemperature(poa_global, temp_air, sapmHeatFactor(wind_speed, p));
}

// Cell temperature, K (eqs. 11-12).
inline double sapmCellTemperature(double poa_global, double temp_air, const SapmHeatFactor& f) {
  return sapmModuleTemperature(poa_global, temp_air, f) + poa_global / 1000.0 * f.delta_t;
}
inline double sapmCellTemperature(double poa_global, double temp_air, double wind_speed,
                                  const SapmTemperatureParams& p) {
  return sapmCellTemperature(poa_global, temp_air, sapmHeatFactor(wind_speed, p));
}

// Faiman module (= cell) temperature, K. poa_global: W/m2 >= 0; temp_air: K; wind_speed: m/s
// >= 0; u0: W/(m2 K) > 0, combined heat-loss factor; u1: W s/(m3 K) >= 0, its wind part.
inline double faimanCellTemperature(double poa_global, double temp_air, double wind_speed,
                                    double u0 = 25.0, double u1 = 6.84) {
  return temp_air + poa_global / (u0 + u1 * wind_speed);
}

// SAM's array height, in stories (about 3 m each); it scales the wind speed (0.51 or 0.61).
enum class NoctArrayHeight { kOneStory, kTwoStories };

struct NoctSamParams {
  double noct = 0.0;               // K, at 800 W/m2, 20 C air, 1 m/s wind
  double module_efficiency = 0.0;  // Vmp Imp / (A 1000 W/m2) at reference conditions, 0..1
  double transmittance_absorptance = 0.9;
  NoctArrayHeight array_height = NoctArrayHeight::kOneStory;
  double mount_standoff = 0.1016;  // m between module back and mounting surface (SAM: 4 in)
};

// SAM NOCT cell temperature, K. poa_global: W/m2 >= 0 (broadband, before reflection losses);
// temp_air: K; wind_speed: m/s >= 0.
double noctSamCellTemperature(double poa_global, double temp_air, double wind_speed,
                              const NoctSamParams& p);
// Same, with effective_irradiance (W/m2, after reflection and spectral losses) lowering the
// transmittance-absorptance product by effective_irradiance / poa_global.
double noctSamCellTemperature(double poa_global, double temp_air, double wind_speed,
                              const NoctSamParams& p, double effective_irradiance);

}  // namespace physics
