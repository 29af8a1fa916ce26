// The power-flow solver's state, shared by its files: power_flow.cpp (Ybus, the Jacobian,
// Newton-Raphson, the mismatch), power_flow_sweep.cpp (the radial sweep) and
// power_flow_solve.cpp (a solve with its reactive-limit loop and MATPOWER's pfsoln). Private to
// physics/.
#pragma once

#include <Eigen/Sparse>
#include <Eigen/SparseLU>
#include <complex>
#include <vector>

#include "physics/power_flow.h"

namespace physics::power_flow_detail {

using Complex = std::complex<double>;
using CSparse = Eigen::SparseMatrix<Complex>;  // column-major
using RSparse = Eigen::SparseMatrix<double>;   // column-major
using CVector = Eigen::Matrix<Complex, Eigen::Dynamic, 1>;
using RVector = Eigen::VectorXd;

constexpr double kQLimitTolerance = 1e-9;  // pu, a Q limit counts as violated beyond this

// Admittances of one branch (MATPOWER makeYbus): [If; It] = [Yff Yft; Ytf Ytt] [Vf; Vt].
struct BranchAdmittance {
  Complex yff, yft, ytf, ytt;
};

inline BranchAdmittance branchAdmittance(const PfBranch& br) {
  const Complex ys = 1.0 / Complex(br.r, br.x);
  const double ratio = br.ratio == 0.0 ? 1.0 : br.ratio;
  const Complex tap = std::polar(ratio, br.shift);
  const Complex ytt = ys + Complex(0.0, br.b / 2.0);
  return {ytt / (ratio * ratio), -ys / std::conj(tap), -ys / tap, ytt};
}

// The backward/forward sweep over a radial network. Buses are held in sweep order (the slack
// first, each bus after its parent) as separate real and imaginary arrays, so that the per-bus
// currents vectorise. Each later bus c hangs from its parent p by a branch oriented
// [Ip; Ic] = [ypp ypc; ycp ycc] [Vp; Vc]. With J the current c's subtree draws (Ic = -J):
//   Vc = a Vp - m J,  a = -ycp / ycc,  m = 1 / ycc;
//   the parent draws Ip = s Vp + k J,  s = ypp - ypc ycp / ycc,  k = -ypc / ycc.
// A plain line (no charging, no tap, no shift) has a = k = 1, s = 0 and m = r + jx exactly, and
// a network of plain lines takes the classical sweep: J_p += J_c, Vc = Vp - z J_c.
class RadialSweep {
 public:
  // False (and no plan) unless the in-service branches form a tree over all buses rooted at the
  // only slack bus, no bus is PV and no branch has a zero ycc.
  bool plan(const PfNetwork& net, const std::vector<BranchAdmittance>& branch_y,
            const std::vector<char>& branch_plain, const std::vector<BusType>& types);
  // Voltages and injections (bus order) to start from.
  void load(const CVector& v, const CVector& sbus);
  // One backward and forward sweep: the largest squared change of a voltage, NaN when a
  // voltage is not finite.
  double sweep();
  // The largest |mismatch| of a bus's P or Q (the slack's excepted) at the present voltages,
  // NaN if one is NaN. Ybus V is summed branch by branch: what flows into a plain line is
  // ys (Vp - Vc) at either end, without the cancellation of Ybus's diagonal against its
  // off-diagonal terms; any other branch takes its pi model's products.
  double mismatch();
  // The voltages and Ybus V at them (as the last mismatch() summed it), in bus order.
  void store(CVector& v, CVector& ybus_v) const;

 private:
  template <bool kPlain>
  double sweepAs();
  void branchCurrents();

  bool plain_ = false;          // every branch of the tree is a plain line
  std::vector<char> plain_at_;  // per position: its branch is a plain line
  std::vector<int> bus_;        // per position: its bus
  std::vector<int> up_;         // per position: its parent's position (unused at 0)
  // Per position, real and imaginary parts: a, m, s, k above and the bus shunt gs + j bs.
  std::vector<double> ar_, ai_, mr_, mi_, sr_, si_, kr_, ki_, gr_, gi_;
  // Per position: the admittances of the branch to its parent, oriented from the parent.
  std::vector<BranchAdmittance> branch_;
  // Per position: voltage, current drawn by its subtree, injection.
  std::vector<double> vr_, vi_, jr_, ji_, pr_, pi_;
  std::vector<Complex> ybus_v_;  // per position: Ybus V at the last mismatch()
};

// A branch the network uses: in service, between two of its n buses.
inline bool usableBranch(const PfBranch& br, int n) {
  return br.in_service && br.from >= 0 && br.to >= 0 && br.from < n && br.to < n;
}

// A plain line: no charging, no tap, no phase shift. Its admittances are exactly yff = ytt = ys
// and yft = ytf = -ys, so what flows in at either end is ys times the voltage difference.
inline bool plainLine(const PfBranch& br) {
  return br.b == 0.0 && (br.ratio == 0.0 || br.ratio == 1.0) && br.shift == 0.0;
}

// What flows into a branch at its from and to ends at these end voltages. A plain line's is
// ys (vf - vt) and its negative: one product, without the cancellation of two large ones. Hot
// loops call it with a constant `plain` in each arm of their own test, so that the compiler
// does not compute both cases and select.
struct EndCurrents {
  Complex from, to;
};
inline EndCurrents endCurrents(const BranchAdmittance& y, bool plain, const Complex& vf,
                               const Complex& vt) {
  if (plain) {
    const Complex into = y.yff * (vf - vt);
    return {into, -into};
  }
  return {y.yff * vf + y.yft * vt, y.ytf * vf + y.ytt * vt};
}

}  // namespace physics::power_flow_detail

namespace physics {

struct PowerFlowSolver::Impl {
  using Complex = power_flow_detail::Complex;
  using CSparse = power_flow_detail::CSparse;
  using RSparse = power_flow_detail::RSparse;
  using CVector = power_flow_detail::CVector;
  using RVector = power_flow_detail::RVector;
  using BranchAdmittance = power_flow_detail::BranchAdmittance;

  PfNetwork net;
  PfOptions opt;
  int n = 0;

  CSparse ybus;
  std::vector<BranchAdmittance> branch_y;  // per branch (unused when out of service)
  std::vector<char> branch_plain;          // per branch: plainLine()

  // Generators in service, grouped by bus.
  std::vector<std::vector<int>> gens_at_bus;
  // Bus types as given (PV without an in-service gen becomes PQ).
  std::vector<BusType> base_types;
  // Voltage set points for buses with an in-service generator (first gen's Vg, as MATPOWER).
  std::vector<double> vset;

  // The Jacobian pattern currently analysed, for these bus types.
  std::vector<BusType> pattern_types;
  std::vector<int> pvpq, pq;
  std::vector<int> row_p, row_q;  // per bus: row of its P / Q equation, -1 if none
  std::vector<int> ybus_row;      // per Ybus nonzero: its row
  std::vector<int> ybus_col;      // per Ybus nonzero: its column
  std::vector<int> jpos;          // per Ybus nonzero, 4 slots: J value index (-1 if absent)
  RSparse jac;
  Eigen::SparseLU<RSparse, Eigen::COLAMDOrdering<int>> lu;
  bool pattern_ok = false;

  // The radial sweep (power_flow_sweep.cpp), planned where the network allows it.
  bool radial = false;
  power_flow_detail::RadialSweep radial_sweep;

  // Warm start.
  CVector v_last;
  bool have_last = false;

  // Work buffers (per-solve state kept between solves to spare allocations).
  CVector v, v_start, sbus_work;
  CVector ibus, ibus_at;  // Ybus V and the V it was computed at
  bool ibus_valid = false;
  std::vector<BusType> types_work;
  std::vector<char> q_fixed_work;
  std::vector<double> gen_qfix_work;
  RVector f, dx;

  void build(const PfNetwork& network, const PfOptions& options);
  void analyze(const std::vector<BusType>& types);
  bool sweep(const CVector& sbus, int& iterations, double& max_mis);
  bool newton(const CVector& sbus, int& iterations, double& max_mis);
  void fillJacobian(const CVector& vv);
  void busCurrents(const CVector& vv);
  double mismatch(const CVector& vv, const CVector& sbus);
  void solveWith(const std::vector<double>& pd, const std::vector<double>& qd, PfResult& res);
  bool fixQLimits(const std::vector<double>& qd);
  void pfsoln(const std::vector<double>& pd, const std::vector<double>& qd, PfResult& res);
};

}  // namespace physics
