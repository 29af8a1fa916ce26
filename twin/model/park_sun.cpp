#include "twin/model/park_sun.h"

#include "physics/units.h"
#include "twin/base/calendar.h"
#include "twin/model/park_occluders.h"

namespace twin {

namespace u = physics::units;

physics::SolarPosition sunAtInstant(const ParkModel& model, double unix_time) {
  const double year = 1970.0 + unix_time / (365.2425 * u::day);
  return physics::computeSolarPosition(unix_time, physics::estimateDeltaT(year),
                                       siteLocation(model.site), {});
}

std::vector<SunHour> yearSunHours(const ParkModel& model) {
  std::vector<SunHour> out;
  if (!model.weather.hourly) return out;
  const physics::HourlyWeather& w = *model.weather.hourly;
  const physics::SiteLocation site = siteLocation(model.site);
  for (size_t h = 0; h < w.size(); ++h) {
    if (!(w.dni[h] > 0) && !(w.dhi[h] > 0)) continue;
    const double t = static_cast<double>(localDay({w.year[h], w.month[h], w.day[h]})) * u::day +
                     (w.hour[h] - 0.5) * u::hour - w.utc_offset;
    const physics::SolarPosition p =
        physics::computeSolarPosition(t, physics::estimateDeltaT(w.year[h] + 0.5), site, {});
    out.push_back({t, sunDirection(p.apparent_zenith, p.azimuth), p.apparent_zenith, p.azimuth,
                   std::max(w.dni[h], 0.0), std::max(w.dhi[h], 0.0)});
  }
  return out;
}

YearLight yearLight(const std::vector<SunHour>& hours, const Eigen::Vector3d& normal) {
  YearLight out;
  for (const SunHour& h : hours) {
    out.diffuse += h.dhi * 0.5 * (1.0 + normal.z()) * u::hour;
    const double cos_aoi = h.sun.dot(normal);
    if (h.up() && cos_aoi > 0) out.beam += h.dni * cos_aoi * u::hour;
  }
  return out;
}

void appendHourBytes(std::string& bytes, const std::vector<SunHour>& hours) {
  for (const SunHour& h : hours) {
    for (double v : {h.time, h.sun.x(), h.sun.y(), h.sun.z(), h.zenith, h.azimuth, h.dni, h.dhi})
      bytes.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
}

}  // namespace twin
