// Compiling a park file into the baseline model and one model per named scenario (an overlay on
// the baseline, merged entry by entry), with every error of all of them reported at once.
#pragma once

#include <string>
#include <vector>

#include "twin/model/compile_model.h"
#include "twin/model/model.h"
#include "twin/parkfile/park_source.h"

namespace twin {

struct ScenarioSpec {
  std::string name;
  std::string description;
  std::string measure_of;  // a measure run alone: the scenario it belongs to
};

struct CompileOptions {
  // Also compile each measure of a scenario with two or more measures alone, as a scenario
  // named "SCENARIO:MEASURE" (parktwin run --each-measure).
  bool each_measure = false;
  // Weather years already made, to reuse across compiles of the same process (the fuzz harness
  // compiles thousands of parks); null: the years are made afresh for this compile.
  WeatherCache* weather_cache = nullptr;
};

struct CompiledPark {
  ParkModel baseline;
  std::vector<ParkModel> scenarios;  // in file order; model.scenario holds the name
  std::vector<ScenarioSpec> specs;   // same order
  // Located warnings ("FILE:LINE:COL: ..."): implausible but usable values (a motor's rated
  // current far from its rating), measures that select nothing.
  std::vector<std::string> warnings;
};

// Compiles the baseline and every scenario; throws InputError listing every problem.
CompiledPark compilePark(const ParkSource& source, const CompileOptions& options = {});

}  // namespace twin
