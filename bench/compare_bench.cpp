// `parktwin compare` on 20 scenario-years at 15-minute steps: the demo park's baseline and its
// seven scenarios, cycled to 20 under new names, each simulated for a year and written with its
// series (set up once, about a minute). The benchmark is compareResults(): KPIs and /model of
// every run, and each scenario's cash flows. Goal: under 1 s.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "twin/economics/comparison.h"
#include "twin/engine/engine.h"
#include "twin/model/compile_park.h"
#include "twin/results/results_writer.h"

namespace {

const std::string& twentyScenarioFile() {
  static const std::string path = [] {
    const twin::CompiledPark park = twin::compilePark(
        twin::loadParkSource(std::string(PARKTWIN_SOURCE_DIR) + "/datasets/demo-park/park.yaml"));
    const twin::TimeGrid grid = twin::makeTimeGrid(park.baseline, {});
    const std::string out = (std::filesystem::temp_directory_path() /
                             ("parktwin_compare_bench_" + std::to_string(::getpid()) + ".h5"))
                                .string();
    twin::ResultsWriter writer(out, {"", "", "bench", "compare_bench", ""}, grid);
    writer.endScenario(
        twin::runSimulation(park.baseline, grid, &writer.beginScenario(park.baseline, "baseline")));
    for (int i = 0; i < 20; ++i) {
      twin::ParkModel model = park.scenarios[static_cast<size_t>(i) % park.scenarios.size()];
      model.scenario = "s" + std::to_string(i + 10);
      writer.endScenario(
          twin::runSimulation(model, grid, &writer.beginScenario(model, "cycled scenario")));
    }
    writer.commit();
    return out;
  }();
  return path;
}

void BM_Compare20ScenarioYears(benchmark::State& state) {
  const std::string& path = twentyScenarioFile();
  for (auto _ : state) {
    const twin::economics::Comparison c = twin::economics::compareResults(path, "");
    benchmark::DoNotOptimize(c.scenarios.back().appraisal.npv);
  }
  state.counters["scenarios"] = 20;
  state.counters["file_MB"] = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
}
BENCHMARK(BM_Compare20ScenarioYears)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  std::filesystem::remove(twentyScenarioFile());
  return 0;
}
