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

  // Radial sweep: buses root (slack) first. Each later bus c has a parent branch from bus p,
  // oriented [Ip; Ic] = [ypp ypc; ycp ycc] [Vp; Vc]. With Ic = -J (J: the current c's subtree
  // draws), Vc = -(J + ycp Vp) / ycc and Ip = (ypp - ypc ycp / ycc) Vp - (ypc / ycc) J.
  bool radial = false;
  std::vector<int> sweep_order;
  std::vector<int> parent;
  std::vector<Complex> ycp, inv_ycc;    // per bus (child), unused at the root
  std::vector<Complex> shunt_p, carry;  // ypp - ypc ycp / ycc and -ypc / ycc
  CVector cur;                          // per bus: current drawn by its subtree
  std::vector<Complex> bus_shunt;       // per bus: gs + j bs

  // Warm start.
  CVector v_last;
  bool have_last = false;

  // Work buffers (per-solve state kept between solves to spare allocations).
  CVector v, v_start, ibus, sbus_work;
  std::vector<BusType> types_work;
  std::vector<char> q_fixed_work;
  std::vector<double> gen_qfix_work;
  RVector f, dx;

  void build(const PfNetwork& network, const PfOptions& options);
  void analyze(const std::vector<BusType>& types);
  void planSweep();
  bool sweep(const CVector& sbus, int& iterations, double& max_mis);
  bool newton(const CVector& sbus, int& iterations, double& max_mis);
  void fillJacobian(const CVector& vv);
  double mismatch(const CVector& vv, const CVector& sbus);
  PfResult solveWith(const std::vector<double>& pd, const std::vector<double>& qd);
  bool fixQLimits(const std::vector<double>& qd);
  void pfsoln(const std::vector<double>& pd, const std::vector<double>& qd, PfResult& res);
};

}  // namespace physics
