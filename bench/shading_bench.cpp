// Shading by the park's own geometry on the demo's rooftop-pv scenario (9,838 laid-out modules on
// five roofs, the car-park canopy and the office facade). BM_ShadeTablesYear: what a year's run at
// 15-minute steps adds before it starts (the Embree scene, each array's beam factor at the sun
// nodes the year needs, 8 x 8 rays a module each, and the view fractions, 9 x 64 rays a module).
// BM_ShadeTablesYearStored: the same in a process that finds the tables kept on disk by an earlier
// one (twin/base/disk_cache.h). BM_ShadingThreeInstants: `parktwin shading` at three
// instants (26 x 26 beam rays and 16 x 128 view rays a module). Goal: shading adds at most 10 s to
// the year's run on 2 cores.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "twin/engine/run_plan.h"
#include "twin/model/compile_park.h"
#include "twin/shading/array_shading.h"
#include "twin/shading/shade_table_cache.h"

namespace {

const twin::ParkModel& rooftopPv() {
  static const twin::CompiledPark park = twin::compilePark(
      twin::loadParkSource(std::string(PARKTWIN_SOURCE_DIR) + "/datasets/demo-park/park.yaml"));
  for (const twin::ParkModel& s : park.scenarios) {
    if (s.scenario == "rooftop-pv") return s;
  }
  return park.baseline;
}

size_t moduleCount(const twin::ParkModel& m) {
  size_t n = 0;
  for (const twin::PvArray& a : m.pv) n += a.modules.size();
  return n;
}

// The tables of a fresh process: none kept in it, and on disk only in `folder` ("off": none).
void freshProcess(const std::string& folder) {
  setenv("PARKTWIN_CACHE_DIR", folder.c_str(), 1);
  twin::shading::forgetShadeTables();
}

void BM_ShadeTablesYear(benchmark::State& state) {
  const twin::ParkModel& model = rooftopPv();
  const twin::TimeGrid grid = twin::makeTimeGrid(model, {});
  double rays = 0.0, nodes = 0.0;
  for (auto _ : state) {
    state.PauseTiming();
    freshProcess("off");
    state.ResumeTiming();
    const twin::RunPlan plan = twin::makeRunPlan(model, grid);
    rays = nodes = 0.0;
    for (size_t i = 0; i < plan.pv_shade.size(); ++i) {
      if (!plan.pv_shade[i]) continue;
      for (const auto& b : plan.pv_shade[i]->beam) {
        if (std::isnan(b[0])) continue;
        nodes += 1;
        rays += static_cast<double>(model.pv[i].modules.size()) * 64;
      }
    }
  }
  state.counters["modules"] = static_cast<double>(moduleCount(model));
  state.counters["array_nodes"] = nodes;
  state.counters["beam_rays_per_s"] = benchmark::Counter(rays, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ShadeTablesYear)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

void BM_ShadeTablesYearStored(benchmark::State& state) {
  const twin::ParkModel& model = rooftopPv();
  const twin::TimeGrid grid = twin::makeTimeGrid(model, {});
  const std::filesystem::path folder = std::filesystem::temp_directory_path() /
                                       ("parktwin-bench-store-" + std::to_string(::getpid()));
  freshProcess(folder.string());
  twin::makeRunPlan(model, grid);  // computes the tables and keeps them on disk
  for (auto _ : state) {
    state.PauseTiming();
    freshProcess(folder.string());
    state.ResumeTiming();
    benchmark::DoNotOptimize(twin::makeRunPlan(model, grid));
  }
  std::filesystem::remove_all(folder);
}
BENCHMARK(BM_ShadeTablesYearStored)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ShadingThreeInstants(benchmark::State& state) {
  const twin::ParkModel& model = rooftopPv();
  const std::vector<Eigen::Vector3d> suns = {twin::sunDirection(1.185, 2.408),
                                             twin::sunDirection(0.132, 3.323),
                                             twin::sunDirection(1.319, 4.028)};
  for (auto _ : state) {
    const twin::shading::ParkShading scene = twin::shading::parkShading(model);
    benchmark::DoNotOptimize(twin::shading::shadeArrays(scene, suns));
  }
  const double rays = static_cast<double>(moduleCount(model)) * (3 * 26 * 26 + 16 * 128);
  state.counters["rays_per_s"] = benchmark::Counter(rays, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ShadingThreeInstants)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
