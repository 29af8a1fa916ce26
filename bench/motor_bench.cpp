// Motor part-load model speed (issue 4, part 10): physics::motorAtLoad evaluated for every motor of
// the demo park (219 motors) at every 15-minute step of a year (35,040 steps), with the shaft load
// from each motor's duty and schedule, as the engine's motor stage does. Arg: worker threads.
#include <benchmark/benchmark.h>
#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <vector>

#include "physics/motor_efficiency.h"
#include "twin/engine/run_plan.h"
#include "twin/model/compile_park.h"

namespace {

struct Setup {
  twin::CompiledPark park;
  twin::TimeGrid grid;
  std::vector<physics::MotorModel> models;
};

const Setup& setup() {
  static const Setup s = [] {
    Setup out;
    out.park = twin::compilePark(
        twin::loadParkSource(std::string(PARKTWIN_SOURCE_DIR) + "/datasets/demo-park/park.yaml"));
    out.grid = twin::makeTimeGrid(out.park.baseline, {});
    for (const twin::Motor& m : out.park.baseline.motors) {
      out.models.push_back(physics::makeMotorModel(
          m.nameplate.rated_power, m.poles, m.nameplate.rated_efficiency, m.nameplate.power_factor,
          m.rated_voltage > 0 ? m.rated_voltage : 400.0));
    }
    return out;
  }();
  return s;
}

void BM_DemoParkMotorsYear(benchmark::State& state) {
  const tbb::global_control threads(tbb::global_control::max_allowed_parallelism,
                                    static_cast<size_t>(state.range(0)));
  const Setup& s = setup();
  const twin::ParkModel& model = s.park.baseline;
  const twin::RunPlan plan = twin::makeRunPlan(model, s.grid);
  const size_t n = model.motors.size();
  std::vector<double> energy(n);
  for (auto _ : state) {
    tbb::parallel_for(tbb::blocked_range<size_t>(0, n, 8), [&](const auto& r) {
      for (size_t i = r.begin(); i != r.end(); ++i) {
        const twin::Motor& m = model.motors[i];
        double sum = 0.0;
        for (long day = s.grid.start_day; day < s.grid.end_day; ++day) {
          const auto type = static_cast<size_t>(model.calendar.dayType(day));
          const std::vector<double>& schedule = plan.schedule_steps[m.schedule][type];
          for (double fraction : schedule) {
            sum += physics::motorAtLoad(s.models[i], m.duty_load * fraction, 400.0).input_power;
          }
        }
        energy[i] = sum;
      }
    });
    benchmark::DoNotOptimize(energy.data());
  }
  state.counters["evaluations/s"] =
      benchmark::Counter(static_cast<double>(n) * static_cast<double>(s.grid.steps()),
                         benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_DemoParkMotorsYear)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
