// Synthetic typical-year hourly weather from monthly climate figures, in the manner of the
// Aguiar & Collares-Pereira generators (daily clearness from a Markov/AR model: Solar Energy 40
// (1988) 269-279; hourly AR(1) around it, TAG: Solar Energy 49 (1992) 167-174), simplified:
//  - sun at each record's mid-hour by the SPA (solar_position.h); GHI = 0 while it is down;
//  - clear-sky GHI by Haurwitz (irradiance.h): no published monthly Linke turbidity for the site
//    was at hand for Ineichen-Perez; the shape matters little because of the scaling below;
//  - clear-sky index = 1.10 - deficit, the deficit lognormal: a daily value (Gaussian AR(1) in
//    its logarithm, rescaled to the month's mean) times an hourly factor (Gaussian AR(1) in its
//    logarithm, mean 1), floored at an index of 0.03: clear days stay near clear, overcast days
//    vary; each month is then scaled so its mean daily GHI equals the target exactly, with the
//    hourly clearness kt = GHI / (dni_extra cos z) capped at 1 (the energy cut by the cap goes to
//    the other hours of the month);
//  - DNI and DHI by Erbs (irradiance.h) on the apparent zenith, so DNI cos z + DHI = GHI;
//  - air temperature: monthly means interpolated between mid-months, a diurnal half-cosine pair
//    (minimum at sunrise, maximum at 15:00 local standard time) of the monthly mean daily range,
//    plus a daily AR(1) anomaly interpolated between noons; each month is then shifted so its
//    mean equals the target exactly;
//  - wind speed, pressure and albedo constant; precipitation not modelled (NaN).
// Limits: no cloud-regime physics, no correlation between cloudiness and temperature, no
// spectral or aerosol content; statistics (variability, persistence) are those given in the spec.
// With the Shanghai defaults the annual GHI is the EPW's, but DNI comes out lower and DHI higher
// (about 1160 and 760 kWh/m2 against the EPW's 1348 and 595): Erbs alone, applied to the EPW's
// own GHI, already gives about 1290 and 750.
// Deterministic: same spec -> bit-identical output on one platform (own xoshiro256** generator
// and Box-Muller normals, no <random> distributions).
#pragma once

#include <array>
#include <cstdint>

#include "physics/weather.h"

namespace physics {

struct SyntheticWeatherSpec {
  double latitude = 0.0;                      // rad, north positive
  double longitude = 0.0;                     // rad, east positive
  double elevation = 0.0;                     // m
  double utc_offset = 0.0;                    // s, local standard time minus UTC
  int year = 2023;                            // calendar year of the records (leap years give 8784)
  std::array<double, 12> monthly_ghi{};       // J/m2 per day, mean daily horizontal insolation
  std::array<double, 12> monthly_temp_air{};  // K, monthly mean air temperature
  std::array<double, 12> monthly_temp_range{};  // K, mean daily maximum minus minimum
  double wind_speed = 0.0;                      // m/s, constant
  double pressure = 0.0;                        // Pa, constant; <= 0: standard atmosphere
  double albedo = 0.2;                          // ground reflectance, constant
  std::uint64_t seed = 1;
  // Variability of the clear-sky index GHI / Haurwitz, written 1.10 - deficit (defaults:
  // estimated from the Shanghai TMYx, see shanghaiSyntheticDefaults).
  double daily_clearness_log_sd = 0.65;   // sd of the daily ln(deficit) within a month
  double daily_clearness_lag1 = 0.36;     // its day-to-day autocorrelation
  double hourly_clearness_log_sd = 0.66;  // sd of ln(hourly deficit / daily deficit)
  double hourly_clearness_lag1 = 0.87;    // its hour-to-hour autocorrelation
  double temp_anomaly_sd = 2.8;           // K, sd of the daily mean temperature anomaly
  double temp_anomaly_lag1 = 0.66;        // day-to-day autocorrelation of that anomaly
};

// Monthly climate of Shanghai computed from the EPW
// CHN_SH_Shanghai-Hongqiao.Intl.AP.583670_TMYx.1956-2023 (Climate.OneBuilding.org TMYx from NCEI
// ISD and ERA5, 1956-2023, CC BY 4.0): mean daily GHI, mean dry-bulb temperature and mean daily
// range per month, annual mean wind speed, station pressure and albedo; station elevation 3 m,
// UTC+8. The variability defaults of SyntheticWeatherSpec were estimated from the same file
// (daily and hourly log-deficits of the Haurwitz clear-sky index below 1.10: sd and lag-1; daily
// mean temperature anomaly: sd and lag-1). latitude, longitude: rad, the site (the station is at
// 31.198 N, 121.336 E).
SyntheticWeatherSpec shanghaiSyntheticDefaults(double latitude, double longitude, int year,
                                               std::uint64_t seed);

// One record per hour of spec.year in local standard time, EPW-style (hour 1..24, record h
// covering (h-1, h]). Allocates; run once per weather year.
HourlyWeather generateSyntheticWeather(const SyntheticWeatherSpec& spec);

}  // namespace physics
