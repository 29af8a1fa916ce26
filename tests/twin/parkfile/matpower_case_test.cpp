// twin/matpower_case.h: a small inline MATPOWER case parsed and converted to per unit and radians,
// and every error message pinned (FILE:LINE:COL: mpc.field(row,col): what: expected ..., got ...).
#include "twin/parkfile/matpower_case.h"

#include <gtest/gtest.h>

#include <numbers>

#include "physics/power_flow.h"
#include "twin/base/error.h"
#include "twin/error_cases.h"
#include "twin/test_park.h"

namespace twin {
namespace {

// Three buses (slack, PV, PQ with a shunt), a transformer with tap and shift, a line out of
// service, comments, continuations, commas, rows split by ';' and by newlines, and gencost.
constexpr const char* kCase = R"(function mpc = tiny
% a test case
mpc.version = '2';
mpc.baseMVA = 50;
mpc.bus = [
  10 3 0 0 0 0 1 1.02 0 10 1 1.1 0.9;
  20 2 25 10 0 0 1 1 5 10 1 1.1 0.9; 30 1 50 ...
     -20 5 10 1 1 -2 10 1 1.1 0.9  % continued
  40 4 0 0 0 0 1 1 0 10 1 1.1 0.9
];
mpc.gen = [
  10, 30, 5, 100, -100, 1.02, 50, 1, 100, 0;
  20 20 0 40 -30 1.01 50 1 100 0;
  20 5 0 40 -30 1.01 50 0 100 0;
  40 5 0 40 -30 1.01 50 1 100 0;
];
mpc.branch = [
  10 20 0.01 0.1 0.02 0 0 0 0 0 1 -360 360;
  20 30 0.02 0.2 0 0 0 0 0.95 30 1 -360 360;
  10 30 0.01 0.1 0 0 0 0 0 0 0 -360 360;
  30 40 0.01 0.1 0 0 0 0 0 0 1 -360 360;
];
mpc.gencost = [ 2 0 0 3 0.1 1 0 ];
mpc.bus_name = { 'a'; 'b;c'; 'd'; 'e' };
)";

TEST(MatpowerCase, ParsesAndConvertsToPerUnit) {
  const MatpowerCase c = parseMatpowerCase(kCase, "tiny.m");
  const physics::PfNetwork& n = c.network;
  EXPECT_EQ(n.base_mva, 50.0);
  ASSERT_EQ(n.buses.size(), 3u);  // bus 40 is isolated and dropped
  EXPECT_EQ(c.bus_i, (std::vector<int>{10, 20, 30}));
  EXPECT_EQ(c.isolated_buses, (std::vector<int>{40}));
  EXPECT_EQ(n.buses[0].type, physics::BusType::kSlack);
  EXPECT_EQ(n.buses[1].type, physics::BusType::kPV);
  EXPECT_EQ(n.buses[2].type, physics::BusType::kPQ);
  EXPECT_DOUBLE_EQ(n.buses[1].pd, 0.5);
  EXPECT_DOUBLE_EQ(n.buses[1].qd, 0.2);
  EXPECT_DOUBLE_EQ(n.buses[1].va, 5 * std::numbers::pi / 180);
  EXPECT_DOUBLE_EQ(n.buses[2].pd, 1.0);
  EXPECT_DOUBLE_EQ(n.buses[2].qd, -0.4);
  EXPECT_DOUBLE_EQ(n.buses[2].gs, 0.1);
  EXPECT_DOUBLE_EQ(n.buses[2].bs, 0.2);
  EXPECT_DOUBLE_EQ(n.buses[0].vm, 1.02);
  ASSERT_EQ(n.gens.size(), 3u);  // the gen on the isolated bus is dropped
  EXPECT_EQ(c.gen_row, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(n.gens[0].bus, 0);
  EXPECT_DOUBLE_EQ(n.gens[0].pg, 0.6);
  EXPECT_DOUBLE_EQ(n.gens[0].qmax, 2.0);
  EXPECT_DOUBLE_EQ(n.gens[0].qmin, -2.0);
  EXPECT_DOUBLE_EQ(n.gens[0].vg, 1.02);
  EXPECT_TRUE(n.gens[1].in_service);
  EXPECT_FALSE(n.gens[2].in_service);
  ASSERT_EQ(n.branches.size(), 3u);  // the branch to the isolated bus is dropped
  EXPECT_EQ(c.branch_row, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(n.branches[0].from, 0);
  EXPECT_EQ(n.branches[0].to, 1);
  EXPECT_DOUBLE_EQ(n.branches[0].b, 0.02);
  EXPECT_DOUBLE_EQ(n.branches[0].ratio, 1.0);  // TAP 0 means a line
  EXPECT_DOUBLE_EQ(n.branches[1].ratio, 0.95);
  EXPECT_DOUBLE_EQ(n.branches[1].shift, std::numbers::pi / 6);
  EXPECT_TRUE(n.branches[1].in_service);
  EXPECT_FALSE(n.branches[2].in_service);
}

TEST(MatpowerCase, PvBusWithoutAnInServiceGenBecomesPq) {
  std::string text = kCase;
  text.replace(text.find("20 20 0 40 -30 1.01 50 1"), 24, "20 20 0 40 -30 1.01 50 0");
  const MatpowerCase c = parseMatpowerCase(text, "tiny.m");
  EXPECT_EQ(c.network.buses[1].type, physics::BusType::kPQ);
}

using test::ErrorCase;
using test::replaced;

std::vector<std::string> errorsOf(const std::string& text) {
  return test::messagesOf([&] { parseMatpowerCase(text, "tiny.m"); });
}

class MatpowerErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(MatpowerErrorTest, ReportsOneLocatedMessage) {
  const ErrorCase& c = GetParam();
  const std::vector<std::string> errors = errorsOf(replaced(kCase, c.from, c.to));
  ASSERT_EQ(errors.size(), 1u) << (errors.empty() ? "no error" : errors[0]);
  EXPECT_EQ(errors[0], c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Messages, MatpowerErrorTest,
    ::testing::Values(
        ErrorCase{"MissingVersion", "mpc.version = '2';", "",
                  "tiny.m: mpc.version: expected mpc.version = '2';, got none"},
        ErrorCase{"WrongVersion", "mpc.version = '2';", "mpc.version = '1';",
                  "tiny.m:3:15: mpc.version: expected '2' (MATPOWER case format version 2), got "
                  "\"1\""},
        ErrorCase{"MissingBaseMva", "mpc.baseMVA = 50;", "",
                  "tiny.m: mpc.baseMVA: expected mpc.baseMVA = <MVA>;, got none"},
        ErrorCase{"BadBaseMva", "mpc.baseMVA = 50;", "mpc.baseMVA = -5;",
                  "tiny.m:4:15: mpc.baseMVA: expected a positive number of MVA, got \"-5\""},
        ErrorCase{"MissingBus", "mpc.bus = [", "mpc.busx = [",
                  "tiny.m: mpc.bus: expected an assignment mpc.bus = [ ... ];, got none"},
        ErrorCase{"MissingGen", "mpc.gen = [", "mpc.genx = [",
                  "tiny.m: mpc.gen: expected an assignment mpc.gen = [ ... ];, got none"},
        ErrorCase{"MissingBranch", "mpc.branch = [", "mpc.branchx = [",
                  "tiny.m: mpc.branch: expected an assignment mpc.branch = [ ... ];, got none"},
        ErrorCase{"NotAMatrix", "mpc.gen = [", "mpc.gen = zeros(3) + [",
                  "tiny.m:11:11: mpc.gen: expected a matrix [ ... ], got \"z\""},
        ErrorCase{"UnclosedMatrix", "];\nmpc.gencost", "mpc.gencost",
                  "tiny.m:22:1: mpc.branch: expected ']' closing the matrix opened on line 17, got "
                  "\"mpc.gencost\""},
        ErrorCase{"TooFewColumns", "40 4 0 0 0 0 1 1 0 10 1 1.1 0.9", "40 4 0 0 0 0 1 1 0 10 1 1.1",
                  "tiny.m:9:3: mpc.bus(4,:): expected at least 13 columns (BUS_I ... VMIN), got "
                  "12"},
        ErrorCase{"RaggedRows", "20 20 0 40 -30 1.01 50 1 100 0;",
                  "20 20 0 40 -30 1.01 50 1 100 0 7;",
                  "tiny.m:13:3: mpc.gen(2,:): expected 10 columns (as row 1), got 11"},
        ErrorCase{"BranchTooShort", "10 30 0.01 0.1 0 0 0 0 0 0 0 -360 360;", "10 30 0.01 0.1;",
                  "tiny.m:20:3: mpc.branch(3,:): expected at least 11 columns (F_BUS ... "
                  "BR_STATUS), got 4"},
        ErrorCase{"UnclosedAtEnd", "0 ];\nmpc.bus_name", "0\nmpc.bus_name",
                  "tiny.m:25:1: mpc.gencost: expected a closing bracket for the one opened on line "
                  "23, got the end of the file"},
        ErrorCase{"NotANumber", "30 1 50 ...", "30 1 5O ...",
                  "tiny.m:7:43: mpc.bus(3,3): expected a number, got \"5O\""},
        ErrorCase{"UnknownGenBus", "20 20 0 40", "21 20 0 40",
                  "tiny.m:13:3: mpc.gen(2,1): GEN_BUS: expected a bus number of mpc.bus, got 21"},
        ErrorCase{"UnknownBranchBus", "20 30 0.02", "20 31 0.02",
                  "tiny.m:19:6: mpc.branch(2,2): T_BUS: expected a bus number of mpc.bus, got 31"},
        ErrorCase{"DuplicateBus", "1.1 0.9\n];", "1.1 0.9\n  20 1 0 0 0 0 1 1 0 10 1 1.1 0.9\n];",
                  "tiny.m:10:3: mpc.bus(5,1): BUS_I: expected a bus number not used before, got 20 "
                  "(also in row 2)"},
        ErrorCase{
            "BadBusNumber", "1.1 0.9\n];", "1.1 0.9\n  4.5 1 0 0 0 0 1 1 0 10 1 1.1 0.9\n];",
            "tiny.m:10:3: mpc.bus(5,1): BUS_I: expected a positive whole bus number, got 4.5"},
        ErrorCase{"BadBusType", "40 4 0 0 0 0 1 1", "40 5 0 0 0 0 1 1",
                  "tiny.m:9:6: mpc.bus(4,2): BUS_TYPE: expected 1 (PQ), 2 (PV), 3 (slack) or 4 "
                  "(isolated), got 5"},
        ErrorCase{"NoSlack", "10 3 0 0", "10 2 0 0",
                  "tiny.m:5:1: mpc.bus: BUS_TYPE: expected a slack bus (type 3), got none"},
        ErrorCase{"SlackWithoutGen", "10, 30, 5, 100, -100, 1.02, 50, 1,",
                  "10, 30, 5, 100, -100, 1.02, 50, 0,",
                  "tiny.m:6:6: mpc.bus(1,2): BUS_TYPE: expected the slack bus to have an "
                  "in-service generator in mpc.gen, got none"},
        ErrorCase{"SecondAssignment", "mpc.gencost = [ 2 0 0 3 0.1 1 0 ];",
                  "mpc.gen = [ 10 30 5 100 -100 1.02 50 1 100 0 ];",
                  "tiny.m:23:1: mpc.gen: expected one assignment, got a second (the first is on "
                  "line 11)"}),
    [](const ::testing::TestParamInfo<ErrorCase>& p) { return std::string(p.param.name); });

TEST(MatpowerCase, CollectsEveryError) {
  std::string text = replaced(kCase, "20 20 0 40", "21 20 0 40");
  text = replaced(text, "20 30 0.02", "20 31 0.02");
  EXPECT_EQ(errorsOf(text).size(), 2u);
}

TEST(MatpowerCase, UnreadableFileIsInputError) {
  EXPECT_THROW(readMatpowerCase("/nonexistent/case.m"), InputError);
}
// The Baran & Wu 33-bus, 12.66 kV radial feeder (tests/app/data/case33bw.m, typed in from
// MATPOWER's data/case33bw.m). Published base-case results: M. E. Baran and F. F. Wu, "Network
// reconfiguration in distribution systems for loss reduction and load balancing", IEEE Trans.
// Power Delivery 4(2) 1401-1407, 1989 (base case, tie switches open), as reproduced widely in the
// later literature on this feeder: total active losses 202.67 kW and the lowest voltage 0.9131 pu
// at bus 18, the end of the main feeder.
TEST(MatpowerCase, BaranWu33BusMatchesPublishedLossesAndMinimumVoltage) {
  const MatpowerCase c = readMatpowerCase(PARKTWIN_SOURCE_DIR "/tests/app/data/case33bw.m");
  ASSERT_EQ(c.network.buses.size(), 33u);
  ASSERT_EQ(c.network.branches.size(), 37u);  // 32 feeder sections + 5 open tie switches
  physics::PowerFlowSolver solver(c.network);
  const physics::PfResult r = solver.solve();
  ASSERT_TRUE(r.converged) << "mismatch " << r.max_mismatch << " after " << r.iterations;
  const double losses_kw = r.losses_p * c.network.base_mva * 1000.0;
  EXPECT_NEAR(losses_kw, 202.67, 0.1);
  size_t imin = 0;
  for (size_t i = 1; i < r.vm.size(); ++i) {
    if (r.vm[i] < r.vm[imin]) imin = i;
  }
  EXPECT_EQ(c.bus_i[imin], 18);
  EXPECT_NEAR(r.vm[imin], 0.9131, 0.0005);
  // Conservation: slack injection = demand + losses.
  double demand = 0.0;
  for (const physics::PfBus& b : c.network.buses) demand += b.pd;
  ASSERT_EQ(r.gen_p.size(), 1u);
  EXPECT_NEAR(r.gen_p[0], demand + r.losses_p, 1e-6);  // 33 buses x 1e-8 pu mismatch
}

// The radial sweep and Newton-Raphson solve the same equations to the same mismatch tolerance
// (1e-8 pu): on the Baran-Wu feeder, at its base load and at 1.5 x, they agree to 1e-7 pu in
// voltage and 1e-7 rad in angle (both errors are about the tolerance over the feeder's
// short-circuit admittance), and the sweep needs no Jacobian.
TEST(MatpowerCase, BaranWu33SweepMatchesNewton) {
  MatpowerCase c = readMatpowerCase(PARKTWIN_SOURCE_DIR "/tests/app/data/case33bw.m");
  for (const double scale : {1.0, 1.5}) {
    std::vector<double> pd, qd;
    for (const physics::PfBus& b : c.network.buses) {
      pd.push_back(scale * b.pd);
      qd.push_back(scale * b.qd);
    }
    physics::PowerFlowSolver sweep(c.network);
    physics::PowerFlowSolver newton(c.network, {.method = physics::PfMethod::kNewton});
    const physics::PfResult a = sweep.solve(pd, qd);
    const physics::PfResult b = newton.solve(pd, qd);
    ASSERT_TRUE(a.converged && b.converged);
    EXPECT_TRUE(a.swept);
    EXPECT_FALSE(b.swept);
    for (size_t i = 0; i < a.vm.size(); ++i) {
      EXPECT_NEAR(a.vm[i], b.vm[i], 1e-7) << "bus " << c.bus_i[i];
      EXPECT_NEAR(a.va[i], b.va[i], 1e-7) << "bus " << c.bus_i[i];
    }
    EXPECT_NEAR(a.losses_p, b.losses_p, 1e-8);
    EXPECT_NEAR(a.gen_p[0], b.gen_p[0], 1e-7);
  }
}

}  // namespace
}  // namespace twin
