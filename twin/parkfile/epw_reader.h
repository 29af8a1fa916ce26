// Reader of EnergyPlus weather files (EPW) into physics::HourlyWeather, per "Weather Data Format
// (EPW)" in the EnergyPlus Auxiliary Programs documentation: the LOCATION header line, 7 further
// header lines (checked by keyword, DATA PERIODS must be one hourly period), then one record of 35
// comma-separated fields per hour of one year (8760 or 8784 records, January 1 hour 1 to December
// 31 hour 24, consecutive; the year field is not checked, as TMY files take each month from a
// different year, and February 29 is accepted in any year).
//
// Fields read: 1 year, 2 month, 3 day, 4 hour (1..24), 7 dry-bulb temperature (C), 10 station
// pressure (Pa), 14/15/16 global horizontal, direct normal and diffuse horizontal radiation (Wh/m2
// over the hour ending at the timestamp = mean W/m2), 22 wind speed (m/s), 33 albedo, 34 liquid
// precipitation depth (mm). Converted to SI (K, Pa, W/m2, m/s, m).
//
// Missing-value codes of the format: temperature 99.9, radiation 9999 and wind 999 are errors (the
// models need them). Pressure 999999 is replaced by the standard pressure at the site elevation,
// p = 101325 Pa (1 - 2.25577e-5 z/m)^5.2559 (ASHRAE Handbook of Fundamentals 2001, ch. 6 eq. 3),
// as EnergyPlus itself does. Albedo and precipitation 999 become NaN.
//
// Errors are collected (at most 20, then reading stops) and thrown as one twin::InputError, each
// located FILE:LINE:COLUMN with the field named, e.g.
//   x.epw:12:40: field 14 (global horizontal radiation): expected 0 to 1500 Wh/m2, got "-3"
#pragma once

#include <string>
#include <string_view>

#include "physics/weather.h"

namespace twin {

// Reads the file at path; an unreadable file is an InputError too.
physics::HourlyWeather readEpwFile(const std::string& path);
// Parses EPW text; file_name is used in messages and in HourlyWeather::source.
physics::HourlyWeather parseEpw(std::string_view text, const std::string& file_name);

}  // namespace twin
