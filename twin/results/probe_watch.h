// Watching the results probe's child (twin/results/results_probe.h) as it walks a file: the
// steps it counts in memory shared with the parent, its processor time and memory from /proc, and
// why it is to be stopped.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace twin {

// The walk's steps so far (an object walked, a slab of rows, a run of chunk lookups), counted by
// the child in memory shared with the parent.
struct WalkProgress {
  std::atomic<uint64_t> steps{0};
};

// Memory for a WalkProgress shared with a child across a fork; null when none can be mapped.
class SharedProgress {
 public:
  SharedProgress();
  ~SharedProgress();
  SharedProgress(const SharedProgress&) = delete;
  SharedProgress& operator=(const SharedProgress&) = delete;
  WalkProgress* progress() const { return progress_; }

 private:
  WalkProgress* progress_ = nullptr;
};

// The child's limits: processor time in all and without a step forward (0.5 s), and memory above
// the process's when it forked. A child that waits instead (a lock held at the fork) is ended by
// wall time: 10 s without a step, or ten times the processor time in all.
struct WalkLimits {
  std::chrono::milliseconds cpu;
  int64_t memory;
  int64_t resident_at_fork;
};

// This process's resident memory (/proc/self/statm); zero when unreadable.
int64_t residentBytes();

// Waits for the child to end, stopping it (SIGKILL) at a limit: "" when it walked the file, else
// why not ("reading its structure ...", "HDF5 crashed ...").
std::string awaitChild(pid_t child, const WalkLimits& limits, const WalkProgress& progress);

}  // namespace twin
