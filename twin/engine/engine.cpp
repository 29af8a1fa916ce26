#include "twin/engine/engine.h"

#include <tbb/concurrent_queue.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <memory>
#include <mutex>

#include "twin/base/error.h"
#include "twin/engine/load_shifting.h"
#include "twin/engine/optimal_dispatch.h"
#include "twin/engine/run_plan.h"
#include "twin/engine/stages.h"

namespace twin {
namespace {

// Blocks in flight are recycled: the output stage returns them, the input stage reuses them, so
// a run allocates only as many blocks as the pipeline holds at once.
using BlockPool = tbb::concurrent_queue<BlockResult*>;

// A block's series sized for a day of the grid's steps.
void sizeBlock(BlockResult& block, const ParkModel& model, const TimeGrid& grid) {
  for (int s = 0; s < kSeriesCount; ++s) {
    block.values[s].resize(static_cast<size_t>(grid.stepsPerDay()) *
                           columnCount(model, kSeries[s].column_kind));
  }
}

void placeBlock(BlockResult& block, const TimeGrid& grid, long index) {
  block.day = grid.start_day + index;
  block.steps = grid.stepsPerDay();
  block.first_step = index * block.steps;
}

BlockResult* takeBlock(BlockPool& pool, std::vector<std::unique_ptr<BlockResult>>& owned,
                       const ParkModel& model, const TimeGrid& grid, long index) {
  BlockResult* block = nullptr;
  if (!pool.try_pop(block)) {
    block = owned.emplace_back(std::make_unique<BlockResult>()).get();
    sizeBlock(*block, model, grid);
  }
  placeBlock(*block, grid, index);
  return block;
}

// One time block, stage by stage: the whole story of a step. The demand of the block's equipment
// (parallel over blocks), then the flexible resources whose state crosses blocks (serial, in
// time order), then the network (parallel over blocks).
void computeDemand(const RunPlan& plan, BlockResult& block) {
  const DayType day_type = plan.model.calendar.dayType(block.day);
  weatherStage(plan, block);
  pvStage(plan, block);
  motorStage(plan, day_type, block);
  loadStage(plan, day_type, block);
  evStage(plan, day_type, block);
}

void computeNetwork(const RunPlan& plan, BlockResult& block) {
  busStage(plan, block);
  networkStage(plan, block);
}

// The park's net load of every step without batteries, and the planned loads' shiftable power as
// scheduled, for a perfect forecast beyond the current day: the demand stages of each block run
// once more, in parallel, ahead of the run.
void forecastNetLoad(RunPlan& plan) {
  const TimeGrid& grid = plan.grid;
  const size_t np = plan.planned_loads.size();
  std::vector<double> net(static_cast<size_t>(grid.steps()));
  std::vector<double> shift(net.size() * np);
  tbb::enumerable_thread_specific<BlockResult> scratch([&] {
    BlockResult block;
    sizeBlock(block, plan.model, grid);
    return block;
  });
  tbb::parallel_for(0L, grid.days(), [&](long index) {
    BlockResult& block = scratch.local();
    placeBlock(block, grid, index);
    computeDemand(plan, block);
    for (int k = 0; k < block.steps; ++k) {
      const auto step = static_cast<size_t>(block.first_step + k);
      net[step] = dispatchNetLoad(plan, block, k);
      for (size_t j = 0; j < np; ++j) shift[step * np + j] = scheduledShift(plan, block, k, j);
    }
  });
  plan.net_forecast = std::move(net);
  plan.shift_forecast = std::move(shift);
}

}  // namespace

Kpis runSimulation(const ParkModel& model, const TimeGrid& grid, BlockSink* sink,
                   const RunControl& control) {
  RunPlan plan = makeRunPlan(model, grid);
  if (needsNetForecast(model)) forecastNetLoad(plan);
  KpiAccumulator kpis(plan);
  FlexibilityState flexibility = initialFlexibility(plan);
  const long blocks = grid.days();
  long next = 0;
  long done = 0;
  bool cancelled = false;
  using Block = BlockResult*;
  BlockPool pool;
  std::vector<std::unique_ptr<BlockResult>> owned;  // touched by the serial input stage only
  const auto tokens = static_cast<size_t>(2 * tbb::this_task_arena::max_concurrency());
  tbb::parallel_pipeline(
      tokens,
      tbb::make_filter<
          void, Block>(tbb::filter_mode::serial_in_order, [&](tbb::flow_control& fc) -> Block {
        cancelled = control.cancel && control.cancel->load();
        if (next == blocks || cancelled) {
          fc.stop();
          return nullptr;
        }
        return takeBlock(pool, owned, model, grid, next++);
      }) & tbb::make_filter<Block, Block>(tbb::filter_mode::parallel, [&](Block block) {
        computeDemand(plan, *block);
        return block;
      }) & tbb::make_filter<Block, Block>(tbb::filter_mode::serial_in_order, [&](Block block) {
        flexibilityStage(plan, flexibility, *block);
        return block;
      }) & tbb::make_filter<Block, Block>(tbb::filter_mode::parallel, [&](Block block) {
        computeNetwork(plan, *block);
        if (sink) sink->prepare(*block);
        return block;
      }) & tbb::make_filter<Block, void>(tbb::filter_mode::serial_in_order, [&](Block block) {
        kpis.add(*block);
        if (sink) sink->consume(*block);
        if (control.progress) control.progress(++done, blocks);
        pool.push(block);
      }));
  if (cancelled) throw Interrupted();
  Kpis out = kpis.finish();
  out.dispatch = flexibility.dispatch;
  out.pv_modules.resize(plan.pv_shade.size());
  for (size_t i = 0; i < plan.pv_shade.size(); ++i) {
    if (plan.pv_shade[i]) out.pv_modules[i] = plan.pv_shade[i]->modules;
  }
  return out;
}

std::vector<Kpis> runEach(const std::vector<const ParkModel*>& models, const TimeGrid& grid,
                          const std::vector<BlockSink*>& sinks,
                          const std::function<void(long)>& done) {
  std::vector<Kpis> out(models.size());
  std::mutex mutex;
  long finished = 0;
  runJobs(models.size(), [&](size_t i) {
    out[i] = runSimulation(*models[i], grid, sinks.empty() ? nullptr : sinks[i]);
    const std::lock_guard<std::mutex> lock(mutex);
    if (done) done(++finished);
  });
  return out;
}

void drainJobs(const std::function<std::optional<size_t>()>& next,
               const std::function<void(size_t)>& job) {
  const auto pullers = static_cast<size_t>(tbb::this_task_arena::max_concurrency());
  runJobs(pullers, [&](size_t) {
    while (const std::optional<size_t> i = next()) job(*i);
  });
}

void runJobs(size_t count, const std::function<void(size_t)>& job) {
  tbb::parallel_for(
      size_t{0}, count, [&](size_t i) { job(i); }, tbb::simple_partitioner());
}

}  // namespace twin
