// What a sweep runs (`parktwin sweep`, docs/sweeps.md): one or more park files, each with its
// baseline (and, for `--parks`, its scenarios), times the grid of `--vary` values, times the
// Monte Carlo samples of `--samples`. Every variant
// has a fixed index and name, so that any process (a TBB task, an MPI rank) compiles and runs
// variant i alone and gets the same result.
#pragma once

#include <string>
#include <vector>

#include "twin/model/sweep.h"
#include "twin/model/time_grid.h"
#include "twin/sweep/samples.h"

namespace twin::sweep {

struct SweepPark {
  ParkSource source;
  std::string label;                   // in variant names: the file's stem ("" for one park)
  std::vector<std::string> scenarios;  // scenarios run as cases besides the baseline
  TimeGrid grid;                       // the park's period, with the period flags applied
  Uncertainty uncertainty;             // what its samples draw (--samples)
};

struct VariantSpec {
  std::string name;                 // "v01"; "north/v01", "north/PV-ALL/v01" with --parks
  size_t park = 0;                  // index into SweepPlan::parks
  std::string scenario;             // "" for the baseline
  std::vector<std::string> values;  // one per variation; empty for the reference row
  size_t reference = 0;             // index of the park's unvaried baseline (its own for that row)
  int sample = -1;                  // Monte Carlo sample, -1 without --samples
};

struct SweepPlan {
  std::vector<SweepPark> parks;
  std::vector<Variation> variations;
  std::vector<VariantSpec> variants;  // per park (and sample): its baseline, then cases x grid
  int samples = 0;                    // --samples K: each row once per sample ("/s001" names)
  uint64_t seed = 1;                  // --seed
};

// The plan of `parks` x `variations`. Checks every --vary path against every park's baseline
// first (InputError naming the flag and what is there); values are checked when their variant
// compiles. `with_scenarios`: each park's scenarios are cases too (--parks).
// With `samples` > 0, every park's rows are repeated per sample, each valued against the park's
// baseline under the same sample; InputError when a park declares no `uncertainty:`.
SweepPlan makePlan(std::vector<SweepPark> parks, std::vector<Variation> variations,
                   bool with_scenarios, int samples = 0, uint64_t seed = 1);

// What variant `index` draws (the park's own inputs without --samples).
Sample sampleOf(const SweepPlan& plan, size_t index);

// Variant `index` compiled (model.scenario = its name). Throws InputError with the variant's name
// and values before the park file's located message.
ParkModel compileVariant(const SweepPlan& plan, size_t index);

// The variant's field values as `path=value, ...` ("the park as described" for a baseline).
std::string describeVariant(const SweepPlan& plan, const VariantSpec& v);

// Index of the variant named `name`; InputError listing a few names when there is none.
size_t findVariant(const SweepPlan& plan, const std::string& name, const std::string& flag);

}  // namespace twin::sweep
