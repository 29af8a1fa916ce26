// `parktwin sweep`'s runs on one process (twin::sweep::runVariant under twin::drainJobs, each
// variant compiled and run on its own, as the command does): four variants of the demo park (the
// W1 workshop lighting at 40, 60, 80 and 100 kW) for a year at 15-minute steps, KPIs only, on 1
// and 2 threads. Parallel efficiency over variants = time(1 thread) / (2 x time(2 threads)); goal
// >= 90 % at 2 threads. Across MPI ranks: bench/sweep_ranks.sh.
#include <benchmark/benchmark.h>
#include <tbb/task_arena.h>

#include <atomic>
#include <string>

#include "twin/engine/engine.h"
#include "twin/sweep/variant_run.h"

namespace {

const twin::sweep::SweepPlan& plan() {
  static const twin::sweep::SweepPlan p = [] {
    twin::sweep::SweepPark park{
        twin::loadParkSource(std::string(PARKTWIN_SOURCE_DIR) + "/datasets/demo-park/park.yaml"),
        "",
        {},
        {},
        {}};
    park.grid = twin::makeTimeGrid(twin::compileWithFields(park.source, {}, "--vary"), {});
    return twin::sweep::makePlan(
        {park}, {twin::parseVariation("loads.W1-LIGHT.rated_power=40 kW,60 kW,80 kW,100 kW")},
        false);
  }();
  return p;
}

void BM_SweepFourVariants(benchmark::State& state) {
  const twin::sweep::SweepPlan& p = plan();
  tbb::task_arena arena(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    std::atomic<size_t> next{1};  // the variants after the baseline row
    std::atomic<long> ok{0};
    arena.execute([&] {
      twin::drainJobs(
          [&]() -> std::optional<size_t> {
            const size_t i = next++;
            return i < p.variants.size() ? std::optional(i) : std::nullopt;
          },
          [&](size_t i) { ok += twin::sweep::runVariant(p, i, false).row.status == "ok"; });
    });
    if (ok != 4) state.SkipWithError("a variant failed");
  }
  state.counters["variants"] = 4;
}
BENCHMARK(BM_SweepFourVariants)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// What each variant pays before it runs: compiling the park file with its values set.
void BM_CompileDemoVariant(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(twin::sweep::compileVariant(plan(), 1).motors.size());
}
BENCHMARK(BM_CompileDemoVariant)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
