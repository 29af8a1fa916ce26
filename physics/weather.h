// Hourly weather in SI units, the input of the irradiance and PV models.
// Convention (EPW): record i holds the mean (irradiance: the energy over the hour divided by one
// hour) of the hour ENDING at its timestamp, in local standard time. The sun position that belongs
// to a record is the one at the middle of its hour.
#pragma once

#include <string>
#include <vector>

namespace physics {

struct HourlyWeather {
  std::string source;       // what the data are, e.g. "EPW file X" or "synthetic (seed 1)"
  double latitude = 0.0;    // rad, north positive
  double longitude = 0.0;   // rad, east positive
  double elevation = 0.0;   // m
  double utc_offset = 0.0;  // s, local standard time minus UTC (Shanghai: +8 h)
  // One entry per record, all vectors the same length.
  std::vector<int> year, month, day;  // calendar date of the record's timestamp
  std::vector<int> hour;              // 1..24: the record covers (hour-1, hour]
  std::vector<double> ghi;            // W/m2, global horizontal
  std::vector<double> dni;            // W/m2, direct normal
  std::vector<double> dhi;            // W/m2, diffuse horizontal
  std::vector<double> temp_air;       // K, dry-bulb
  std::vector<double> wind_speed;     // m/s at 10 m
  std::vector<double> pressure;       // Pa, station pressure
  std::vector<double> albedo;         // ground reflectance 0..1; NaN where not given
  std::vector<double> precipitation;  // m of liquid water over the hour; NaN where not given
  size_t size() const { return ghi.size(); }
};

}  // namespace physics
