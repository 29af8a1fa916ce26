// The sun over the park (NREL SPA at the site, apparent zenith): at any instant (`parktwin
// shading`, the viewer's shadows), and with the light of every hour of the model's weather year
// (at the middle of the hour) for the year's shading figures: a laid-out spot's annual loss
// (shade_filter.h) and each module's (twin/shading/shade_table.h).
#pragma once

#include <Eigen/Core>
#include <string>
#include <vector>

#include "physics/solar_position.h"
#include "twin/model/model.h"

namespace twin {

// The sun at the park at `unix_time` (s since 1970-01-01 UTC), with the delta T of its year.
physics::SolarPosition sunAtInstant(const ParkModel& model, double unix_time);

struct SunHour {
  double time = 0.0;     // s since 1970-01-01 UTC, the middle of the hour
  Eigen::Vector3d sun;   // unit vector towards the sun
  double zenith = 0.0;   // rad, apparent
  double azimuth = 0.0;  // rad, clockwise from north
  double dni = 0.0;      // W/m2
  double dhi = 0.0;      // W/m2
  bool up() const { return sun.z() > 0.0; }
};

// The hours with light (DNI or DHI above 0) of the model's weather; empty without weather.
std::vector<SunHour> yearSunHours(const ParkModel& model);

// Every field of the hours as bytes, appended to `bytes`: for the digests that key what is
// computed from them (shade tables, spot losses).
void appendHourBytes(std::string& bytes, const std::vector<SunHour>& hours);

// The year's light on a plane of unit normal `normal`, J/m2: the beam DNI cos(aoi) of the hours
// with the sun up and in front, and the isotropic diffuse DHI (1 + cos tilt) / 2.
struct YearLight {
  double beam = 0.0;
  double diffuse = 0.0;
};
YearLight yearLight(const std::vector<SunHour>& hours, const Eigen::Vector3d& normal);

}  // namespace twin
