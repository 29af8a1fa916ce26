// The simulation engine: runs the stages over time blocks (one local day each) with TBB, in
// parallel across blocks and across equipment, and hands finished blocks in time order to a
// sink. Results are bit-identical for any number of threads.
#pragma once

#include <atomic>
#include <functional>
#include <optional>

#include "twin/engine/kpi.h"
#include "twin/engine/state.h"
#include "twin/model/model.h"
#include "twin/model/time_grid.h"

namespace twin {

struct RunControl {
  // Called after each block, from the ordered output stage: (blocks done, blocks in all).
  std::function<void(long, long)> progress;
  // When it turns true the run stops between blocks and throws Interrupted.
  const std::atomic<bool>* cancel = nullptr;
};

// Simulates model over grid. sink may be null (KPIs only). Uses the calling thread's TBB arena:
// limit threads with tbb::global_control or a tbb::task_arena around the call.
Kpis runSimulation(const ParkModel& model, const TimeGrid& grid, BlockSink* sink,
                   const RunControl& control = {});

// Independent runs of several models at once (TBB over the models, each also parallel over its
// days): out[i] = runSimulation(*models[i], grid, sinks[i]), bit for bit. `done` is called after
// each run, under a lock, with the number finished.
std::vector<Kpis> runEach(const std::vector<const ParkModel*>& models, const TimeGrid& grid,
                          const std::vector<BlockSink*>& sinks,
                          const std::function<void(long)>& done = {});

// Independent jobs 0..count-1 at once on the calling thread's TBB arena, each free to run in
// parallel inside (a sweep's variants: compile and run). `job` must not share mutable state
// between indices without a lock.
void runJobs(size_t count, const std::function<void(size_t)>& job);

// job(i) for each i that next() hands out, as many at once as the calling thread's TBB arena has
// threads, until next() returns nothing (a sweep's variants, some handed to other processes).
// next() is called concurrently: it must be thread-safe.
void drainJobs(const std::function<std::optional<size_t>()>& next,
               const std::function<void(size_t)>& job);

}  // namespace twin
