// The samples of a Monte Carlo sweep (`parktwin sweep --samples K --seed S`): what each draws from
// the park's declared `uncertainty:` (twin/model/model.h, Uncertainty). Sample k's draws come from
// a counter-based generator of (seed, k, input), so any process draws the same sample k without
// drawing the others first: results do not depend on ranks, threads or order.
#pragma once

#include <cstdint>
#include <string>

#include "twin/model/model.h"
#include "twin/parkfile/source_tree.h"

namespace twin::sweep {

struct Sample {
  std::string weather;  // a weather.source to use; "" keeps the park's
  double load_scale = 1.0;
  double price_scale = 1.0;
};

// A uniform number in [0, 1) for (seed, sample, input): SplitMix64 (Steele, Lea & Flood, "Fast
// splittable pseudorandom number generators", OOPSLA 2014) of the three mixed together.
double uniformDraw(uint64_t seed, uint64_t sample, uint64_t input);

Sample drawSample(const Uncertainty& u, uint64_t seed, uint64_t k);

// Sets weather.source in a park file's tree (dropping the synthetic generator's keys when the
// source is a file), adding the section when the file has none.
void setWeatherSource(Node& tree, const std::string& source);

// The sample's factors on a compiled model: loads' rated power (a cooling load's capacity) and
// motors' shaft load by
// load_scale; energy prices, the demand charge and the export price by price_scale.
void applySample(ParkModel& model, const Sample& s);

}  // namespace twin::sweep
