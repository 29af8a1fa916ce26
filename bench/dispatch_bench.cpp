// Speed of the optimal dispatch (docs/dispatch.md): the demo park's storage-managed-ev scenario
// with its 2 MWh / 1 MW battery on the optimal policy (24 h horizon rolled daily, perfect
// forecast, 0.05 CNY/kWh degradation), a year at 15-minute steps; and one day's programme alone
// (96 steps, the demo's net load of a July workday), the solver time per day.
#include <benchmark/benchmark.h>
#include <tbb/task_arena.h>

#include <string>

#include "twin/dispatch/horizon_dispatch.h"
#include "twin/engine/engine.h"
#include "twin/model/compile_park.h"

namespace {

// The storage-managed-ev scenario with its battery on the optimal policy.
twin::ParkModel optimalDemo() {
  const twin::CompiledPark park = twin::compilePark(
      twin::loadParkSource(std::string(PARKTWIN_SOURCE_DIR) + "/datasets/demo-park/park.yaml"));
  for (const twin::ParkModel& m : park.scenarios) {
    if (m.scenario != "storage-managed-ev") continue;
    twin::ParkModel model = m;
    for (twin::Storage& s : model.storage) {
      s.policy = physics::DispatchPolicy::kOptimal;
      s.optimal.degradation_cost = 0.05 / 3.6e6;
    }
    return model;
  }
  throw std::runtime_error("the demo park has no storage-managed-ev scenario");
}

const twin::ParkModel& demo() {
  static const twin::ParkModel model = optimalDemo();
  return model;
}

void BM_DemoYearRollingDispatch(benchmark::State& state) {
  const twin::ParkModel& model = demo();
  const twin::TimeGrid grid = twin::makeTimeGrid(model, {});
  tbb::task_arena arena(static_cast<int>(state.range(0)));
  long programmes = 0;
  for (auto _ : state) {
    arena.execute(
        [&] { programmes = twin::runSimulation(model, grid, nullptr).dispatch.programmes; });
  }
  state.counters["programmes"] = static_cast<double>(programmes);
}
BENCHMARK(BM_DemoYearRollingDispatch)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// The park's net load without batteries, step by step: demand + EV - PV.
class NetLoadSink : public twin::BlockSink {
 public:
  void consume(const twin::BlockResult& block) override {
    for (int k = 0; k < block.steps; ++k) {
      const auto i = static_cast<size_t>(k);
      net.push_back(block.values[twin::kParkDemand][i] + block.values[twin::kParkEvPower][i] -
                    block.values[twin::kParkPvPower][i]);
    }
  }
  std::vector<double> net;
};

// A July workday of the demo (2025-07-22): its net load from the engine, the summer tariff.
twin::dispatch::HorizonCase julyDay() {
  const twin::ParkModel& model = demo();
  twin::PeriodOverride day;
  day.start_day = model.simulation.start_day + 202;
  day.end_day = *day.start_day + 1;
  const twin::TimeGrid grid = twin::makeTimeGrid(model, day);
  NetLoadSink sink;
  twin::runSimulation(model, grid, &sink);
  twin::dispatch::HorizonCase c;
  c.dt = grid.step_s;
  const auto& season = model.tariff.seasons[static_cast<size_t>(model.tariff.season_of_month[6])];
  for (size_t k = 0; k < sink.net.size(); ++k) {
    c.net.push_back(sink.net[k]);
    c.price.push_back(season.periods[static_cast<size_t>(season.period_of_minute[k * 15])].price);
    c.month.push_back(0);
  }
  c.month_peak = {0.0};
  c.export_price = model.tariff.export_price;
  c.demand_price = model.tariff.demand_price;
  for (const twin::Storage& s : model.storage) {
    c.batteries.push_back({s.rating, 0.5 * s.rating.energy_capacity, s.rating.energy_capacity,
                           s.optimal.degradation_cost});
  }
  return c;
}

void BM_DispatchDayProgramme(benchmark::State& state) {
  const twin::dispatch::HorizonCase c = julyDay();
  int iterations = 0;
  for (auto _ : state) iterations = twin::dispatch::planHorizon(c).iterations;
  state.counters["simplex_iterations"] = iterations;
}
BENCHMARK(BM_DispatchDayProgramme)->Unit(benchmark::kMicrosecond);

}  // namespace
BENCHMARK_MAIN();
