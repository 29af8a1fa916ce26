// `parktwin sweep`'s parallel runs (twin::runEach): four variants of the demo park (the W1
// workshop lighting at 40, 60, 80 and 100 kW) for a year at 15-minute steps, KPIs only, on 1 and 2
// threads. Parallel efficiency over variants = time(1 thread) / (2 x time(2 threads)); goal
// >= 90 % at 2 threads.
#include <benchmark/benchmark.h>
#include <tbb/task_arena.h>

#include <string>

#include "twin/engine/engine.h"
#include "twin/model/sweep.h"

namespace {

const std::vector<twin::Variant>& variants() {
  static const std::vector<twin::Variant> v = twin::compileVariants(
      twin::loadParkSource(std::string(PARKTWIN_SOURCE_DIR) + "/datasets/demo-park/park.yaml"),
      {twin::parseVariation("loads.W1-LIGHT.rated_power=40 kW,60 kW,80 kW,100 kW")});
  return v;
}

void BM_SweepFourVariants(benchmark::State& state) {
  std::vector<const twin::ParkModel*> models;
  for (const twin::Variant& v : variants()) models.push_back(&v.model);
  const twin::TimeGrid grid = twin::makeTimeGrid(*models[0], {});
  tbb::task_arena arena(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    arena.execute([&] { benchmark::DoNotOptimize(twin::runEach(models, grid, {}).size()); });
  }
  state.counters["variants"] = static_cast<double>(models.size());
}
BENCHMARK(BM_SweepFourVariants)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
