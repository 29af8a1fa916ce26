// AC power flow speed (issue 5, part 9a):
//  - BM_BaranWu33Year: the Baran & Wu 33-bus radial feeder (tests/app/data/case33bw.m) over a year
//    of hourly steps (8,760), each a warm-started physics::PowerFlowSolver::solve(pd, qd, result)
//    with every bus's PD and QD scaled by the same deterministic daily profile
//      s(h) = 0.6 + 0.4 * sin(pi * h / 24)^2,  h = hour of day 0..23,
//    which runs from 0.6 of the case's load at midnight to 1.0 at noon (a smooth one-peak day).
//    Goal: the year in under 0.2 s (pandapower's fastest driving takes about 23 s). Reports
//    steps/s.
//  - BM_Case9Single: one cold solve of MATPOWER's case9 (solver construction included).
#include <benchmark/benchmark.h>

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>
#include <vector>

#include "physics/power_flow.h"
#include "twin/parkfile/matpower_case.h"

namespace {

constexpr int kHoursPerYear = 8760;

twin::MatpowerCase readCase(const char* name) {
  return twin::readMatpowerCase(std::string(PARKTWIN_SOURCE_DIR) + "/tests/app/data/" + name);
}

double dailyScale(int hour_of_year) {
  const double s = std::sin(std::numbers::pi * static_cast<double>(hour_of_year % 24) / 24.0);
  return 0.6 + 0.4 * s * s;
}

void BM_BaranWu33Year(benchmark::State& state) {
  const twin::MatpowerCase c = readCase("case33bw.m");
  const size_t n = c.network.buses.size();
  std::vector<double> pd0(n), qd0(n);
  for (size_t i = 0; i < n; ++i) {
    pd0[i] = c.network.buses[i].pd;
    qd0[i] = c.network.buses[i].qd;
  }
  std::vector<double> pd(n), qd(n);
  int failed = 0;
  long iterations = 0;
  double losses = 0.0;
  for (auto _ : state) {
    physics::PowerFlowSolver solver(c.network);
    physics::PfResult r;
    for (int h = 0; h < kHoursPerYear; ++h) {
      const double s = dailyScale(h);
      for (size_t i = 0; i < n; ++i) {
        pd[i] = s * pd0[i];
        qd[i] = s * qd0[i];
      }
      solver.solve(pd, qd, r);
      failed += r.converged ? 0 : 1;
      losses += r.losses_p;
      iterations += r.iterations;
    }
    benchmark::DoNotOptimize(losses);
  }
  if (failed != 0) state.SkipWithError("a step did not converge");
  state.counters["steps_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * kHoursPerYear, benchmark::Counter::kIsRate);
  state.counters["newton_iters_per_step"] =
      static_cast<double>(iterations) / (static_cast<double>(state.iterations()) * kHoursPerYear);
  state.counters["year_losses_MWh"] =
      losses * c.network.base_mva / static_cast<double>(state.iterations());
}
BENCHMARK(BM_BaranWu33Year)->Unit(benchmark::kMillisecond);

void BM_Case9Single(benchmark::State& state) {
  const twin::MatpowerCase c = readCase("case9.m");
  for (auto _ : state) {
    physics::PowerFlowSolver solver(c.network);
    const physics::PfResult r = solver.solve();
    if (!r.converged) state.SkipWithError("case9 did not converge");
    benchmark::DoNotOptimize(r.losses_p);
  }
}
BENCHMARK(BM_Case9Single)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
