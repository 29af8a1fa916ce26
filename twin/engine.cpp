#include "twin/engine.h"

#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <memory>

#include "twin/error.h"
#include "twin/run_plan.h"
#include "twin/stages.h"

namespace twin {
namespace {

std::shared_ptr<BlockResult> allocateBlock(const ParkModel& model, const TimeGrid& grid,
                                           long index) {
  auto block = std::make_shared<BlockResult>();
  block->day = grid.start_day + index;
  block->steps = grid.stepsPerDay();
  block->first_step = index * block->steps;
  for (int s = 0; s < kSeriesCount; ++s) {
    block->values[s].assign(
        static_cast<size_t>(block->steps) * unitCount(model, kSeries[s].unit_kind), 0.0);
  }
  return block;
}

// One time block, stage by stage: the whole story of a step.
void computeBlock(const RunPlan& plan, BlockResult& block) {
  const DayType day_type = plan.model.calendar.dayType(block.day);
  motorStage(plan, day_type, block);
  loadStage(plan, day_type, block);
  busStage(plan, block);
  networkStage(plan, block);
}

}  // namespace

Kpis runSimulation(const ParkModel& model, const TimeGrid& grid, BlockSink* sink,
                   const RunControl& control) {
  const RunPlan plan = makeRunPlan(model, grid);
  KpiAccumulator kpis(plan);
  const long blocks = grid.days();
  long next = 0;
  long done = 0;
  bool cancelled = false;
  using Block = std::shared_ptr<BlockResult>;
  const auto tokens = static_cast<size_t>(2 * tbb::this_task_arena::max_concurrency());
  tbb::parallel_pipeline(
      tokens,
      tbb::make_filter<void, Block>(tbb::filter_mode::serial_in_order,
                                    [&](tbb::flow_control& fc) -> Block {
                                      cancelled = control.cancel && control.cancel->load();
                                      if (next == blocks || cancelled) {
                                        fc.stop();
                                        return nullptr;
                                      }
                                      return allocateBlock(model, grid, next++);
                                    }) &
          tbb::make_filter<Block, Block>(tbb::filter_mode::parallel,
                                         [&](Block block) {
                                           computeBlock(plan, *block);
                                           return block;
                                         }) &
          tbb::make_filter<Block, void>(tbb::filter_mode::serial_in_order, [&](Block block) {
            kpis.add(*block);
            if (sink) sink->consume(*block);
            if (control.progress) control.progress(++done, blocks);
          }));
  if (cancelled) throw Interrupted();
  return kpis.finish();
}

}  // namespace twin
