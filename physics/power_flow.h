// Balanced positive-sequence AC power flow by Newton-Raphson in polar form (Tinney & Hart 1967;
// the formulation of MATPOWER's newtonpf, Zimmerman, Murillo-Sanchez & Thomas 2011), with Eigen
// sparse matrices. Buses are PQ, PV or slack; branches are pi models with off-nominal taps and
// phase shift (MATPOWER's branch model); shunts at buses. The symbolic LU factorisation of the
// Jacobian is computed once and reused; each solve warm-starts from the last solution.
// Radial networks with one slack bus and no PV bus are solved by a backward/forward sweep of
// branch currents (Shirmohammadi et al. 1988, generalised to the pi branch with taps): the same
// equations and the same mismatch tolerance, without a matrix factorisation; where the sweep
// does not converge the solve falls back to Newton-Raphson. Plain lines (no charging, tap or
// shift) take the classical sweep's exact coefficients, and their currents are ys (Vf - Vt).
// The angles of the results come from a vectorised atan2 (bus_angles.h, within 1.6e-15 rad).
// Non-convergence is a status (with the mismatch and iterations), never an exception.
// All quantities in per unit on base_mva except angles (rad).
#pragma once

#include <memory>
#include <vector>

namespace physics {

enum class BusType { kPQ = 1, kPV = 2, kSlack = 3 };

struct PfBus {
  BusType type = BusType::kPQ;
  double pd = 0.0, qd = 0.0;  // demand, pu
  double gs = 0.0, bs = 0.0;  // shunt conductance and susceptance at V = 1 pu, pu
  double vm = 1.0;            // initial magnitude, pu (PV and slack: overridden by the gen Vg)
  double va = 0.0;            // initial angle, rad (slack: the reference angle)
};

struct PfGen {
  int bus = 0;                     // index into buses
  double pg = 0.0, qg = 0.0;       // pu
  double qmax = 1e9, qmin = -1e9;  // pu
  double vg = 1.0;                 // voltage set point, pu
  bool in_service = true;
};

struct PfBranch {
  int from = 0, to = 0;              // bus indices
  double r = 0.0, x = 0.0, b = 0.0;  // pu; b is the total line charging
  double ratio = 0.0;                // off-nominal tap on the from side; 0 means 1 (a line)
  double shift = 0.0;                // phase shift, rad
  bool in_service = true;
};

struct PfNetwork {
  double base_mva = 100.0;
  std::vector<PfBus> buses;
  std::vector<PfGen> gens;
  std::vector<PfBranch> branches;
};

enum class PfMethod {
  kAuto,    // the radial sweep where it applies, else (or when it fails) Newton-Raphson
  kNewton,  // Newton-Raphson always
};

struct PfOptions {
  double tolerance = 1e-8;  // max |mismatch|, pu
  int max_iterations = 20;  // Newton iterations
  int max_sweeps = 100;     // backward/forward sweeps (linear convergence)
  PfMethod method = PfMethod::kAuto;
  bool enforce_q_limits = false;  // PV buses whose gens hit a Q limit become PQ (MATPOWER style)
};

struct BranchFlow {
  double pf = 0.0, qf = 0.0;  // into the branch at the from end, pu
  double pt = 0.0, qt = 0.0;  // into the branch at the to end, pu
};

struct PfResult {
  bool converged = false;
  int iterations = 0;                // Newton iterations plus sweeps
  bool swept = false;                // solved by the radial sweep
  double max_mismatch = 0.0;         // pu, at the last iteration
  std::vector<double> vm, va;        // per bus, pu and rad
  std::vector<BranchFlow> flows;     // per branch (zero when out of service)
  std::vector<double> gen_p, gen_q;  // per gen, pu (slack P and PV Q from the solution)
  double losses_p = 0.0;             // sum of branch active losses, pu
  double losses_q = 0.0;  // sum of qf + qt: series reactive losses less line charging, pu
};

// Builds Ybus and the Jacobian pattern once for a network; solve() may be called many times with
// new demands (series), warm-starting from the previous solution.
class PowerFlowSolver {
 public:
  explicit PowerFlowSolver(const PfNetwork& network, const PfOptions& options = {});
  ~PowerFlowSolver();
  PowerFlowSolver(PowerFlowSolver&&) noexcept;
  PowerFlowSolver& operator=(PowerFlowSolver&&) noexcept;

  // Solves with the network's demands.
  PfResult solve();
  // Solves with these bus demands (pu, one per bus), warm-starting from the last solution.
  PfResult solve(const std::vector<double>& pd, const std::vector<double>& qd);
  // The same into result, reusing its vectors' storage (a series of swept solves allocates
  // nothing; Newton-Raphson's factorisation still does).
  void solve(const std::vector<double>& pd, const std::vector<double>& qd, PfResult& result);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace physics
