// Frames per second of the 3D viewer at 1280x720, rendered headless (EGL; llvmpipe when there is
// no GPU): the demo park's baseline and its rooftop-pv scenario (about 10,000 PV modules) with
// all layers on, the results step advancing every frame (colours and flows updated), without and
// with the ImGui panels. The results (one June day) are simulated once into a temporary file.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "twin/engine/engine.h"
#include "twin/model/compile_park.h"
#include "twin/results/results_writer.h"
#include "viewer/kpi_panel.h"
#include "viewer/layers_panel.h"
#include "viewer/results_binding.h"
#include "viewer/scene_labels.h"
#include "viewer/scene_setup.h"
#include "viewer/selection_panel.h"
#include "viewer/snapshot.h"
#include "viewer/time_panel.h"
#include "viewer/video_command.h"

namespace {

constexpr int kWidth = 1280;
constexpr int kHeight = 720;

// The demo park's baseline and rooftop-pv scenario on 2025-06-21, removed at exit.
struct DemoResults {
  std::string path;
  DemoResults() {
    const twin::ParkSource source =
        twin::loadParkSource(std::string(PARKTWIN_SOURCE_DIR) + "/datasets/demo-park/park.yaml");
    const twin::CompiledPark park = twin::compilePark(source);
    twin::PeriodOverride period;
    period.start_day = 20260;  // 2025-06-21
    period.end_day = 20261;
    const twin::TimeGrid grid = twin::makeTimeGrid(park.baseline, period);
    path = (std::filesystem::temp_directory_path() /
            ("parktwin_viewer_bench_" + std::to_string(getpid()) + ".h5"))
               .string();
    twin::ResultsWriter writer(path, twin::RunMeta{source.text, "", "bench", "", ""}, grid);
    for (const twin::ParkModel& m : park.scenarios) {
      if (m.scenario != "rooftop-pv") continue;
      for (const twin::ParkModel* model : {&park.baseline, &m}) {
        twin::BlockSink& sink = writer.beginScenario(*model, "");
        writer.endScenario(twin::runSimulation(*model, grid, &sink));
      }
    }
    writer.commit();
  }
  ~DemoResults() {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
};

const std::string& demoResults() {
  static const DemoResults results;
  return results.path;
}

// state.range(0): 0 baseline, 1 rooftop-pv; state.range(1): 1 with the ImGui panels;
// state.range(2): multisampling (0 or 4 samples).
void BM_Frame(benchmark::State& state) {
  const viewer::ResultsData results =
      viewer::loadResults(demoResults(), state.range(0) ? "rooftop-pv" : "baseline");
  viewer::SceneSetup setup(results);
  viewer::OffscreenRenderer renderer(kWidth, kHeight, int(state.range(2)));
  viewer::ViewerState ui;
  ui.selected = "W1-PRESS-L-01";
  viewer::TimePanel time_panel;
  viewer::KpiPanel kpi_panel;
  viewer::SelectionPanel selection_panel;
  viewer::LayersPanel layers_panel;
  const viewer::CameraPose pose =
      viewer::presetPose(setup.layout, viewer::ViewPreset::kIso, double(kWidth) / kHeight);
  // The building labels are ImGui text: they are drawn in every variant.
  const std::function<void()> panels = [&] {
    viewer::drawBuildingLabels(results.model, setup.layout, viewer::viewMatrix(pose),
                               viewer::projectionMatrix(pose, double(kWidth) / kHeight), 0.0f, 0.0f,
                               float(kWidth), float(kHeight), false);
    if (state.range(1)) {
      time_panel.draw(results, ui);
      kpi_panel.draw(results, nullptr, ui.language);
      selection_panel.draw(results, ui);
      layers_panel.draw(ui);
      viewer::drawLegendWindow(results, ui.map, ui.language);
    }
  };
  renderer.setScene(setup.scene.root(), pose);
  size_t step = 0;
  renderer.drawFrame(panels);  // warm-up: uploads geometry and textures
  for (auto _ : state) {
    step = (step + 1) % results.times.size();
    ui.step = step;
    viewer::applyStep(results, step, ui.map, setup.scene);
    setup.scene.flows().advance(1.0 / 30.0);
    renderer.drawFrame(panels);
  }
  state.counters["fps"] =
      benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
  size_t modules = 0;
  for (const viewer::PvArrayLayout& a : setup.layout.pv) modules += a.quads.size();
  state.counters["pv_modules"] = double(modules);
}
BENCHMARK(BM_Frame)
    ->ArgsProduct({{0, 1}, {0, 1}, {0, 4}})
    ->ArgNames({"rooftop_pv", "panels", "msaa"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MinTime(2.0);

// parktwin video's goal: a 60-second 1080p30 video of the demo (one June day at 1440x, the iso
// view, clock, captions and KPI strip) rendered and encoded to H.264 in at most 3 minutes.
// state.range(0): 1 for the rooftop-pv scenario beside the baseline (before and after).
void BM_Video1080p60s(benchmark::State& state) {
  const std::string out = demoResults() + ".mp4";
  viewer::VideoRequest q;
  q.results = demoResults();
  q.speed = "1440x";
  q.output = out;
  if (state.range(0)) q.compare_scenario = "rooftop-pv";
  long frames = 0;
  for (auto _ : state) viewer::videoCommand(q, [&](long done, long) { frames = done; });
  state.counters["frames"] = double(frames);
  state.counters["fps"] =
      benchmark::Counter(double(frames) * double(state.iterations()), benchmark::Counter::kIsRate);
  std::error_code ec;
  std::filesystem::remove(out, ec);
}
BENCHMARK(BM_Video1080p60s)
    ->Arg(0)
    ->Arg(1)
    ->ArgName("compare")
    ->Unit(benchmark::kSecond)
    ->UseRealTime()
    ->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
