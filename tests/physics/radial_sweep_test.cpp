// The radial sweep on a feeder of plain lines (no charging, tap or shift: the classical
// backward/forward sweep, Shirmohammadi et al. 1988), and series of warm-started solves.
// References and tolerances per test:
// - Newton-Raphson (MATPOWER's newtonpf formulation) on the same equations, both to a mismatch
//   of 1e-12 pu: voltages, flows, slack power and losses agree to 1e-10 pu.
// - Joule's law per line: P_from + P_to = r |Vf - Vt|^2 / |r + jx|^2, to 1e-12 relative.
// - A series solved into one reused result equals the same series solved into fresh results,
//   bit for bit, and a refused or failed solve leaves nothing of the last one's flows behind.
// - Branches given from the far end, a charged line and a tapped, phase-shifting transformer
//   among plain lines: the sweep and Newton-Raphson agree to 1e-10 pu.
// - Newton-Raphson after a sweep that ran out of sweeps (from the voltages and currents the last
//   sweep left) takes the iterations Newton-Raphson alone takes and finds its solution (1e-10).
#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <limits>
#include <numbers>
#include <vector>

#include "physics/power_flow.h"

namespace physics {
namespace {

// slack 0 - 1 - 2 - 3 - 4 - 5 (the main line) with a lateral 2 - 6 - 7 - 8, some branches given
// from the far end; a capacitor (bs) at 4 and a resistive shunt (gs) at 7; one branch carries
// an explicit tap ratio of 1, which is still a plain line.
PfNetwork plainFeeder() {
  PfNetwork net;
  net.buses.resize(9);
  net.buses[0].type = BusType::kSlack;
  const double p[9] = {0, 0.03, 0.05, 0.02, 0.06, 0.04, 0.03, 0.05, 0.02};
  for (size_t i = 1; i < 9; ++i) {
    net.buses[i].pd = p[i];
    net.buses[i].qd = 0.4 * p[i];
  }
  net.buses[4].bs = 0.03;
  net.buses[7].gs = 0.004;
  net.gens.push_back(PfGen{.bus = 0, .vg = 1.0});
  net.branches.push_back(PfBranch{.from = 0, .to = 1, .r = 0.006, .x = 0.003});
  net.branches.push_back(PfBranch{.from = 2, .to = 1, .r = 0.03, .x = 0.016});
  net.branches.push_back(PfBranch{.from = 2, .to = 3, .r = 0.023, .x = 0.011, .ratio = 1.0});
  net.branches.push_back(PfBranch{.from = 3, .to = 4, .r = 0.024, .x = 0.012});
  net.branches.push_back(PfBranch{.from = 5, .to = 4, .r = 0.05, .x = 0.043});
  net.branches.push_back(PfBranch{.from = 2, .to = 6, .r = 0.011, .x = 0.06});
  net.branches.push_back(PfBranch{.from = 6, .to = 7, .r = 0.012, .x = 0.011});
  net.branches.push_back(PfBranch{.from = 8, .to = 7, .r = 0.04, .x = 0.03});
  return net;
}

TEST(RadialSweep, PlainFeederMatchesNewton) {
  const PfNetwork net = plainFeeder();
  const PfResult a = PowerFlowSolver(net, {.tolerance = 1e-12}).solve();
  const PfResult b =
      PowerFlowSolver(net, {.tolerance = 1e-12, .method = PfMethod::kNewton}).solve();
  ASSERT_TRUE(a.converged && b.converged);
  EXPECT_TRUE(a.swept);
  EXPECT_FALSE(b.swept);
  EXPECT_LE(a.max_mismatch, 1e-12);
  for (size_t i = 0; i < net.buses.size(); ++i) {
    EXPECT_NEAR(a.vm[i], b.vm[i], 1e-10) << i;
    EXPECT_NEAR(a.va[i], b.va[i], 1e-10) << i;
  }
  EXPECT_LT(a.vm[5], 0.99);  // the far end sags: the feeder is loaded
  for (size_t l = 0; l < net.branches.size(); ++l) {
    EXPECT_NEAR(a.flows[l].pf, b.flows[l].pf, 1e-10) << l;
    EXPECT_NEAR(a.flows[l].qf, b.flows[l].qf, 1e-10) << l;
    EXPECT_NEAR(a.flows[l].pt, b.flows[l].pt, 1e-10) << l;
    EXPECT_NEAR(a.flows[l].qt, b.flows[l].qt, 1e-10) << l;
  }
  EXPECT_NEAR(a.gen_p[0], b.gen_p[0], 1e-10);
  EXPECT_NEAR(a.gen_q[0], b.gen_q[0], 1e-10);
  EXPECT_NEAR(a.losses_p, b.losses_p, 1e-10);
  EXPECT_NEAR(a.losses_q, b.losses_q, 1e-10);
}

TEST(RadialSweep, PlainLineLossesFollowJoulesLaw) {
  const PfNetwork net = plainFeeder();
  const PfResult r = PowerFlowSolver(net, {.tolerance = 1e-12}).solve();
  ASSERT_TRUE(r.converged);
  double total = 0.0;
  for (size_t l = 0; l < net.branches.size(); ++l) {
    const PfBranch& br = net.branches[l];
    const auto f = static_cast<size_t>(br.from), t = static_cast<size_t>(br.to);
    const std::complex<double> drop = std::polar(r.vm[f], r.va[f]) - std::polar(r.vm[t], r.va[t]);
    const double joule = br.r * std::norm(drop) / (br.r * br.r + br.x * br.x);
    EXPECT_NEAR(r.flows[l].pf + r.flows[l].pt, joule, 1e-12 * joule) << l;
    total += joule;
  }
  EXPECT_NEAR(r.losses_p, total, 1e-12 * total);
}

TEST(RadialSweep, ReusedResultEqualsFreshResults) {
  const PfNetwork net = plainFeeder();
  PowerFlowSolver fresh(net), reused(net);
  PfResult r;
  std::vector<double> pd(net.buses.size()), qd(net.buses.size());
  for (int h = 0; h < 48; ++h) {
    const double s = 0.5 + 0.5 * std::sin(0.26 * h) * std::sin(0.26 * h);
    for (size_t i = 0; i < pd.size(); ++i) {
      pd[i] = s * net.buses[i].pd;
      qd[i] = s * net.buses[i].qd;
    }
    const PfResult a = fresh.solve(pd, qd);
    reused.solve(pd, qd, r);
    ASSERT_TRUE(a.converged && r.converged) << h;
    EXPECT_EQ(a.iterations, r.iterations) << h;
    EXPECT_EQ(a.vm, r.vm) << h;
    EXPECT_EQ(a.va, r.va) << h;
    EXPECT_EQ(a.gen_p, r.gen_p) << h;
    EXPECT_EQ(a.losses_p, r.losses_p) << h;
    for (size_t l = 0; l < a.flows.size(); ++l) EXPECT_EQ(a.flows[l].qt, r.flows[l].qt) << h;
  }
  reused.solve(std::vector<double>(2), qd, r);  // wrong size: refused
  EXPECT_FALSE(r.converged);
  EXPECT_EQ(r.max_mismatch, std::numeric_limits<double>::infinity());
  EXPECT_TRUE(r.vm.empty() && r.flows.empty());
  EXPECT_EQ(r.losses_p, 0.0);
}

void expectSameSolution(const PfResult& a, const PfResult& b) {
  ASSERT_EQ(a.vm.size(), b.vm.size());
  for (size_t i = 0; i < a.vm.size(); ++i) {
    EXPECT_NEAR(a.vm[i], b.vm[i], 1e-10) << i;
    EXPECT_NEAR(a.va[i], b.va[i], 1e-10) << i;
  }
  for (size_t l = 0; l < a.flows.size(); ++l) {
    EXPECT_NEAR(a.flows[l].pf, b.flows[l].pf, 1e-10) << l;
    EXPECT_NEAR(a.flows[l].qt, b.flows[l].qt, 1e-10) << l;
  }
  EXPECT_NEAR(a.gen_p[0], b.gen_p[0], 1e-10);
  EXPECT_NEAR(a.gen_q[0], b.gen_q[0], 1e-10);
  EXPECT_NEAR(a.losses_q, b.losses_q, 1e-10);
}

// The slack at bus 4, so that no bus keeps its number in the sweep's order; the charged line and
// the transformer (tap and shift on its from side) are both given from the slack's far end.
TEST(RadialSweep, MixedBranchesGivenFromTheFarEndMatchNewton) {
  PfNetwork net;
  net.buses.resize(5);
  net.buses[4].type = BusType::kSlack;
  for (size_t i = 0; i < 4; ++i) {
    net.buses[i].pd = 0.05 * static_cast<double>(i + 1);
    net.buses[i].qd = 0.02;
  }
  net.gens.push_back(PfGen{.bus = 4, .vg = 1.02});
  net.branches.push_back(PfBranch{.from = 0, .to = 1, .r = 0.01, .x = 0.03, .b = 0.02});
  net.branches.push_back(PfBranch{.from = 1,
                                  .to = 2,
                                  .r = 0.01,
                                  .x = 0.06,
                                  .ratio = 1.025,
                                  .shift = 5 * std::numbers::pi / 180});
  net.branches.push_back(PfBranch{.from = 2, .to = 3, .r = 0.03, .x = 0.01});
  net.branches.push_back(PfBranch{.from = 4, .to = 2, .r = 0.02, .x = 0.01});
  const PfResult a = PowerFlowSolver(net, {.tolerance = 1e-12}).solve();
  const PfResult b =
      PowerFlowSolver(net, {.tolerance = 1e-12, .method = PfMethod::kNewton}).solve();
  ASSERT_TRUE(a.converged && b.converged);
  EXPECT_TRUE(a.swept);
  expectSameSolution(a, b);
}

std::vector<double> scaled(const std::vector<PfBus>& buses, double s, bool reactive) {
  std::vector<double> out;
  for (const PfBus& bus : buses) out.push_back(s * (reactive ? bus.qd : bus.pd));
  return out;
}

TEST(RadialSweep, NewtonAfterAFailedSweepStartsFromItsCurrents) {
  const PfNetwork net = plainFeeder();
  const auto pd = [&](double s) { return scaled(net.buses, s, false); };
  const auto qd = [&](double s) { return scaled(net.buses, s, true); };
  PowerFlowSolver free(net, {.tolerance = 1e-12});
  const PfResult light = free.solve(pd(0.2), qd(0.2));
  const PfResult heavy = free.solve(pd(2.5), qd(2.5));
  ASSERT_TRUE(light.swept && heavy.swept);
  ASSERT_GT(heavy.iterations, light.iterations);
  // Allowed only the sweeps the light step needs, the heavy step's sweep runs out.
  PowerFlowSolver limited(net, {.tolerance = 1e-12, .max_sweeps = light.iterations});
  ASSERT_TRUE(limited.solve(pd(0.2), qd(0.2)).swept);
  const PfResult a = limited.solve(pd(2.5), qd(2.5));
  PowerFlowSolver newton(net, {.tolerance = 1e-12, .method = PfMethod::kNewton});
  ASSERT_TRUE(newton.solve(pd(0.2), qd(0.2)).converged);
  const PfResult b = newton.solve(pd(2.5), qd(2.5));
  ASSERT_TRUE(a.converged && b.converged);
  EXPECT_FALSE(a.swept);
  EXPECT_EQ(a.iterations - light.iterations, b.iterations);
  expectSameSolution(a, b);
}

TEST(RadialSweep, AFailedSolveLeavesNoFlowsOfTheLastOne) {
  const PfNetwork net = plainFeeder();
  PowerFlowSolver solver(net);
  PfResult r;
  solver.solve(scaled(net.buses, 1.0, false), scaled(net.buses, 1.0, true), r);
  ASSERT_TRUE(r.converged);
  ASSERT_GT(r.losses_p, 0.0);
  solver.solve(scaled(net.buses, 100.0, false), scaled(net.buses, 100.0, true), r);
  EXPECT_FALSE(r.converged);
  EXPECT_EQ(r.losses_p, 0.0);
  EXPECT_EQ(r.gen_p, std::vector<double>(1, 0.0));
  for (const BranchFlow& f : r.flows) EXPECT_TRUE(f.pf == 0.0 && f.qf == 0.0 && f.pt == 0.0);
}

TEST(RadialSweep, WarmStartedSeriesMatchesColdSolves) {
  const PfNetwork net = plainFeeder();
  PowerFlowSolver warm(net, {.tolerance = 1e-12});
  PfResult w;
  std::vector<double> pd(net.buses.size()), qd(net.buses.size());
  for (int h = 0; h < 24; ++h) {
    const double s = 0.3 + 0.05 * h;
    for (size_t i = 0; i < pd.size(); ++i) {
      pd[i] = s * net.buses[i].pd;
      qd[i] = s * net.buses[i].qd;
    }
    warm.solve(pd, qd, w);
    const PfResult c = PowerFlowSolver(net, {.tolerance = 1e-12}).solve(pd, qd);
    ASSERT_TRUE(w.converged && c.converged && w.swept) << h;
    for (size_t i = 0; i < pd.size(); ++i) EXPECT_NEAR(w.vm[i], c.vm[i], 1e-10) << h;
    EXPECT_NEAR(w.losses_p, c.losses_p, 1e-10) << h;
  }
}

}  // namespace
}  // namespace physics
