#include "physics/pv_system.h"

namespace physics {

PvSky pvSky(const SolarPosition& sun, const WeatherStep& weather, int day_of_year) {
  PvSky sky;
  sky.weather = weather;
  sky.sun_up = sun.apparent_zenith < 0.5 * units::pi;
  sky.sun = sunVector(sun.apparent_zenith, sun.azimuth);
  if (!sky.lit()) return sky;  // pvPower: night
  const double dni_extra = extraterrestrialNormalIrradiance(day_of_year, kPvwattsSolarConstant);
  const double air_mass = relativeAirMass(sun.apparent_zenith);
  sky.perez = perezSky(weather.dhi, weather.dni, dni_extra, sun.apparent_zenith, air_mass);
  sky.hay_davies = hayDaviesSky(weather.dhi, weather.dni, dni_extra, sun.apparent_zenith);
  for (size_t i = 0; i < kSapmPresets.size(); ++i) {
    sky.sapm[i] = sapmHeatFactor(weather.wind_speed, kSapmPresets[i]);
  }
  return sky;
}

}  // namespace physics
