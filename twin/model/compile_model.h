// Compiling a park-file tree (baseline, or baseline with a scenario overlaid) into a validated
// ParkModel. Every problem is collected; the caller throws them all at once.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "twin/base/error.h"
#include "twin/model/model.h"
#include "twin/parkfile/source_tree.h"

namespace twin {

// Weather years already read or generated while compiling one park file, by what they were made
// from, so that the baseline and its scenarios share one copy (and read an EPW file once).
using WeatherCache = std::map<std::string, std::shared_ptr<const physics::HourlyWeather>>;

// root: the park file's tree (scenarios key ignored here); park_dir resolves relative paths.
// Reports into diagnostics; the returned model is only meaningful when none were reported.
ParkModel compileModel(const Node& root, const std::string& park_dir, Diagnostics& diagnostics,
                       WeatherCache& weather_cache);

}  // namespace twin
