// `parktwin sweep`, the parts every process of a sweep shares: the plan made from the flags, which
// variants keep their series, and a digest of the inputs (MPI ranks compare theirs; the resume
// journal is tied to it).
#pragma once

#include <string>
#include <vector>

#include "app/commands.h"
#include "twin/results/results_writer.h"
#include "twin/sweep/sweep_plan.h"

namespace twin::cli {

struct SweepSetup {
  sweep::SweepPlan plan;
  std::vector<bool> stored;  // per variant: its park-level series go into the file
  bool full = false;         // --store full: every series, the variants one after another
  std::string digest;        // SHA-256 of the park files, flags and tool version
};

// Reads the park files and makes the plan. Throws InputError: no park, a path that names nothing,
// a bad --store list, stored variants whose period differs from the first park's.
SweepSetup prepareSweep(const SweepRequest& request);

}  // namespace twin::cli
