// The demo park for a year at 15-minute steps: the engine alone (KPIs only), and the engine
// writing the HDF5 results file. Counters: steps/s, equipment-steps/s (motors + loads), and the
// process's peak resident memory.
#include <benchmark/benchmark.h>
#include <tbb/task_arena.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "twin/engine/engine.h"
#include "twin/model/compile_park.h"
#include "twin/results/results_writer.h"

namespace {

const twin::CompiledPark& demoPark() {
  static const twin::CompiledPark park = twin::compilePark(
      twin::loadParkSource(std::string(PARKTWIN_SOURCE_DIR) + "/datasets/demo-park/park.yaml"));
  return park;
}

double peakResidentMiB() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmHWM:") {
      double kib = 0;
      status >> kib;
      return kib / 1024.0;
    }
  }
  return 0.0;
}

void setCounters(benchmark::State& state, const twin::ParkModel& model,
                 const twin::TimeGrid& grid) {
  const double steps = static_cast<double>(grid.steps());
  const double equipment = static_cast<double>(model.motors.size() + model.loads.size());
  state.counters["steps/s"] =
      benchmark::Counter(steps, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["equipment-steps/s"] =
      benchmark::Counter(steps * equipment, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["peak_MiB"] = peakResidentMiB();
}

void BM_DemoParkYearEngine(benchmark::State& state) {
  const twin::ParkModel& model = demoPark().baseline;
  const twin::TimeGrid grid = twin::makeTimeGrid(model, {});
  tbb::task_arena arena(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    arena.execute([&] {
      benchmark::DoNotOptimize(twin::runSimulation(model, grid, nullptr).total.import_energy);
    });
  }
  setCounters(state, model, grid);
}
BENCHMARK(BM_DemoParkYearEngine)
    ->Arg(1)
    ->Arg(2)
    ->Arg(4)
    ->Arg(8)
    ->Arg(16)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_DemoParkYearToHdf5(benchmark::State& state) {
  const twin::ParkModel& model = demoPark().baseline;
  const twin::TimeGrid grid = twin::makeTimeGrid(model, {});
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("parktwin_bench_" + std::to_string(::getpid()) + ".h5"))
                               .string();
  tbb::task_arena arena(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    arena.execute([&] {
      twin::ResultsWriter writer(path, twin::RunMeta{}, grid);
      twin::BlockSink& sink = writer.beginScenario(model, "");
      writer.endScenario(twin::runSimulation(model, grid, &sink));
      writer.commit();
    });
  }
  state.counters["file_MB"] = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
  std::filesystem::remove(path);
  setCounters(state, model, grid);
}
BENCHMARK(BM_DemoParkYearToHdf5)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
