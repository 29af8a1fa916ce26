// Newton-Raphson AC power flow in polar form; see power_flow.h. The admittance matrix follows
// MATPOWER's makeYbus (branch pi model with the tap on the from side), the Jacobian MATPOWER's
// dSbus_dV, the iteration MATPOWER's newtonpf, the post-processing MATPOWER's pfsoln and the
// reactive-limit loop MATPOWER's runpf with pf.enforce_q_lims = 1 (all violating PV buses at once).
#include "physics/power_flow.h"

#include <Eigen/Sparse>
#include <Eigen/SparseLU>
#include <algorithm>
#include <cmath>
#include <complex>
#include <cstring>
#include <limits>
#include <utility>
#include <vector>

#include "physics/power_flow_impl.h"

namespace physics {

using namespace power_flow_detail;  // the solver's own types

void PowerFlowSolver::Impl::build(const PfNetwork& network, const PfOptions& options) {
  net = network;
  opt = options;
  n = static_cast<int>(net.buses.size());

  // Ybus: branch 2x2 blocks plus bus shunts; every diagonal is a structural nonzero.
  std::vector<Eigen::Triplet<Complex>> trip;
  trip.reserve(static_cast<size_t>(n) + 4 * net.branches.size());
  for (int i = 0; i < n; ++i) {
    trip.emplace_back(i, i, Complex(net.buses[i].gs, net.buses[i].bs));
  }
  branch_y.assign(net.branches.size(), BranchAdmittance{});
  branch_plain.assign(net.branches.size(), 0);
  for (size_t l = 0; l < net.branches.size(); ++l) {
    const PfBranch& br = net.branches[l];
    if (!usableBranch(br, n)) continue;
    const BranchAdmittance y = branchAdmittance(br);
    branch_y[l] = y;
    branch_plain[l] = plainLine(br) ? 1 : 0;
    trip.emplace_back(br.from, br.from, y.yff);
    trip.emplace_back(br.from, br.to, y.yft);
    trip.emplace_back(br.to, br.from, y.ytf);
    trip.emplace_back(br.to, br.to, y.ytt);
  }
  ybus.resize(n, n);
  ybus.setFromTriplets(trip.begin(), trip.end());
  ybus.makeCompressed();

  ybus_row.clear();
  ybus_col.clear();
  for (int k = 0; k < ybus.outerSize(); ++k) {
    for (int p = ybus.outerIndexPtr()[k]; p < ybus.outerIndexPtr()[k + 1]; ++p) {
      const int i = ybus.innerIndexPtr()[p];
      ybus_row.push_back(i);
      ybus_col.push_back(k);
    }
  }

  gens_at_bus.assign(static_cast<size_t>(n), {});
  for (size_t g = 0; g < net.gens.size(); ++g) {
    const PfGen& gen = net.gens[g];
    if (gen.in_service && gen.bus >= 0 && gen.bus < n) {
      gens_at_bus[static_cast<size_t>(gen.bus)].push_back(static_cast<int>(g));
    }
  }
  base_types.resize(static_cast<size_t>(n));
  vset.assign(static_cast<size_t>(n), 0.0);
  for (int i = 0; i < n; ++i) {
    BusType t = net.buses[i].type;
    const auto& gl = gens_at_bus[static_cast<size_t>(i)];
    if (t == BusType::kPV && gl.empty()) t = BusType::kPQ;
    base_types[static_cast<size_t>(i)] = t;
    vset[static_cast<size_t>(i)] = gl.empty() ? net.buses[i].vm : net.gens[gl.front()].vg;
  }

  v.resize(n);
  ibus.resize(n);
  ibus_valid = false;
  analyze(base_types);
  radial =
      opt.method == PfMethod::kAuto && radial_sweep.plan(net, branch_y, branch_plain, base_types);
}

// MATPOWER's newtonpf from the present voltages.
bool PowerFlowSolver::Impl::newton(const CVector& sbus, int& iterations, double& max_mis) {
  max_mis = mismatch(v, sbus);
  bool converged = max_mis < opt.tolerance;
  iterations = 0;
  while (!converged && iterations < opt.max_iterations) {
    ++iterations;
    fillJacobian(v);
    lu.factorize(jac);
    if (lu.info() != Eigen::Success) break;
    dx = lu.solve(f);
    if (lu.info() != Eigen::Success) break;
    const int npvpq = static_cast<int>(pvpq.size());
    for (int j = 0; j < npvpq; ++j) {
      const int i = pvpq[static_cast<size_t>(j)];
      v[i] = std::polar(std::abs(v[i]), std::arg(v[i]) - dx[j]);
    }
    for (size_t j = 0; j < pq.size(); ++j) {
      const int i = pq[j];
      v[i] = std::polar(std::abs(v[i]) - dx[npvpq + static_cast<int>(j)], std::arg(v[i]));
    }
    max_mis = mismatch(v, sbus);
    if (!std::isfinite(max_mis)) break;
    converged = max_mis < opt.tolerance;
  }
  return converged;
}

void PowerFlowSolver::Impl::analyze(const std::vector<BusType>& types) {
  pattern_types = types;
  pvpq.clear();
  pq.clear();
  for (int i = 0; i < n; ++i) {
    if (types[static_cast<size_t>(i)] == BusType::kPV) pvpq.push_back(i);
  }
  for (int i = 0; i < n; ++i) {
    if (types[static_cast<size_t>(i)] == BusType::kPQ) {
      pvpq.push_back(i);
      pq.push_back(i);
    }
  }
  const int npvpq = static_cast<int>(pvpq.size());
  const int dim = npvpq + static_cast<int>(pq.size());
  row_p.assign(static_cast<size_t>(n), -1);
  row_q.assign(static_cast<size_t>(n), -1);
  for (int j = 0; j < npvpq; ++j) row_p[static_cast<size_t>(pvpq[static_cast<size_t>(j)])] = j;
  for (size_t j = 0; j < pq.size(); ++j) row_q[static_cast<size_t>(pq[j])] = npvpq + int(j);
  // Columns use the same numbering: Va of bus k at row_p[k], Vm of bus k at row_q[k].

  std::vector<Eigen::Triplet<double>> trip;
  trip.reserve(4 * ybus_row.size());
  for (size_t z = 0; z < ybus_row.size(); ++z) {
    const int rp = row_p[static_cast<size_t>(ybus_row[z])];
    const int rq = row_q[static_cast<size_t>(ybus_row[z])];
    const int ca = row_p[static_cast<size_t>(ybus_col[z])];
    const int cm = row_q[static_cast<size_t>(ybus_col[z])];
    if (rp >= 0 && ca >= 0) trip.emplace_back(rp, ca, 1.0);
    if (rp >= 0 && cm >= 0) trip.emplace_back(rp, cm, 1.0);
    if (rq >= 0 && ca >= 0) trip.emplace_back(rq, ca, 1.0);
    if (rq >= 0 && cm >= 0) trip.emplace_back(rq, cm, 1.0);
  }
  jac.resize(dim, dim);
  jac.setFromTriplets(trip.begin(), trip.end());
  jac.makeCompressed();

  const auto find = [&](int r, int c) -> int {
    if (r < 0 || c < 0) return -1;
    const int* begin = jac.innerIndexPtr() + jac.outerIndexPtr()[c];
    const int* end = jac.innerIndexPtr() + jac.outerIndexPtr()[c + 1];
    const int* it = std::lower_bound(begin, end, r);
    return (it != end && *it == r) ? static_cast<int>(it - jac.innerIndexPtr()) : -1;
  };
  jpos.assign(4 * ybus_row.size(), -1);
  for (size_t z = 0; z < ybus_row.size(); ++z) {
    const int rp = row_p[static_cast<size_t>(ybus_row[z])];
    const int rq = row_q[static_cast<size_t>(ybus_row[z])];
    const int ca = row_p[static_cast<size_t>(ybus_col[z])];
    const int cm = row_q[static_cast<size_t>(ybus_col[z])];
    jpos[4 * z + 0] = find(rp, ca);
    jpos[4 * z + 1] = find(rp, cm);
    jpos[4 * z + 2] = find(rq, ca);
    jpos[4 * z + 3] = find(rq, cm);
  }
  f.resize(dim);
  dx.resize(dim);
  if (dim > 0) lu.analyzePattern(jac);
  pattern_ok = true;
}

// J = [dP/dVa dP/dVm; dQ/dVa dQ/dVm] from MATPOWER's dSbus_dV (polar):
//   dS/dVa = j diag(V) conj(diag(I) - Ybus diag(V)),  dS/dVm = diag(V) conj(Ybus diag(V/|V|))
//            + conj(diag(I)) diag(V/|V|),  I = Ybus V.
void PowerFlowSolver::Impl::fillJacobian(const CVector& vv) {
  double* val = jac.valuePtr();
  std::fill(val, val + jac.nonZeros(), 0.0);
  const Complex* y = ybus.valuePtr();
  const Complex j1(0.0, 1.0);
  for (size_t z = 0; z < ybus_row.size(); ++z) {
    const int i = ybus_row[z];
    const int k = ybus_col[z];
    const Complex vi = vv[i];
    const Complex yv = y[z] * vv[k];
    Complex dva = -j1 * vi * std::conj(yv);
    const double mk = std::abs(vv[k]);
    Complex dvm = mk > 0.0 ? vi * std::conj(yv / mk) : Complex(0.0, 0.0);
    if (i == k) {
      dva += j1 * vi * std::conj(ibus[i]);
      const double mi = std::abs(vi);
      if (mi > 0.0) dvm += std::conj(ibus[i]) * vi / mi;
    }
    const int* p = &jpos[4 * z];
    if (p[0] >= 0) val[p[0]] = dva.real();
    if (p[1] >= 0) val[p[1]] = dvm.real();
    if (p[2] >= 0) val[p[2]] = dva.imag();
    if (p[3] >= 0) val[p[3]] = dvm.imag();
  }
}

// Ybus V into ibus, unless ibus already holds it for these very voltages (compared bit for bit):
// pfsoln and the reactive-limit check follow a mismatch at the same voltages, and Newton-Raphson
// after a failed sweep starts from the last solve's, whose currents the sweep left (summed branch
// by branch, so equal to Ybus V up to rounding).
void PowerFlowSolver::Impl::busCurrents(const CVector& vv) {
  const size_t bytes = static_cast<size_t>(n) * sizeof(Complex);
  if (ibus_valid && std::memcmp(ibus_at.data(), vv.data(), bytes) == 0) return;
  ibus.noalias() = ybus * vv;
  ibus_at = vv;
  ibus_valid = true;
}

// F = [Re(mis(pvpq)); Im(mis(pq))], mis = V conj(Ybus V) - Sbus. Also leaves Ybus V in ibus.
double PowerFlowSolver::Impl::mismatch(const CVector& vv, const CVector& sbus) {
  busCurrents(vv);
  const auto mis = [&](int i) { return vv[i] * std::conj(ibus[i]) - sbus[i]; };
  double m = 0.0;
  bool nan = false;
  const auto take = [&](int row, double x) {
    f[row] = x;
    m = std::max(m, std::abs(x));
    nan = nan || std::isnan(x);
  };
  const int npvpq = static_cast<int>(pvpq.size());
  for (int j = 0; j < npvpq; ++j) take(j, mis(pvpq[static_cast<size_t>(j)]).real());
  for (size_t j = 0; j < pq.size(); ++j) take(npvpq + static_cast<int>(j), mis(pq[j]).imag());
  return nan ? std::numeric_limits<double>::quiet_NaN() : m;
}

PowerFlowSolver::PowerFlowSolver(const PfNetwork& network, const PfOptions& options)
    : impl_(std::make_unique<Impl>()) {
  impl_->build(network, options);
}

PowerFlowSolver::~PowerFlowSolver() = default;
PowerFlowSolver::PowerFlowSolver(PowerFlowSolver&&) noexcept = default;
PowerFlowSolver& PowerFlowSolver::operator=(PowerFlowSolver&&) noexcept = default;

PfResult PowerFlowSolver::solve() {
  std::vector<double> pd(impl_->net.buses.size()), qd(impl_->net.buses.size());
  for (size_t i = 0; i < pd.size(); ++i) {
    pd[i] = impl_->net.buses[i].pd;
    qd[i] = impl_->net.buses[i].qd;
  }
  PfResult res;
  impl_->solveWith(pd, qd, res);
  return res;
}

PfResult PowerFlowSolver::solve(const std::vector<double>& pd, const std::vector<double>& qd) {
  PfResult res;
  solve(pd, qd, res);
  return res;
}

void PowerFlowSolver::solve(const std::vector<double>& pd, const std::vector<double>& qd,
                            PfResult& result) {
  if (pd.size() != impl_->net.buses.size() || qd.size() != impl_->net.buses.size()) {
    // A wrong-sized demand vector is a caller error; report it as a failed solve, never throw.
    result = PfResult{};
    result.max_mismatch = std::numeric_limits<double>::infinity();
    return;
  }
  impl_->solveWith(pd, qd, result);
}

}  // namespace physics
