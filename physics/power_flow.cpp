// Over 400 lines: one solver, Newton-Raphson and radial sweep sharing its Ybus and Q-limit loop.
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
#include <limits>
#include <utility>
#include <vector>

namespace physics {

namespace {

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

BranchAdmittance branchAdmittance(const PfBranch& br) {
  const Complex ys = 1.0 / Complex(br.r, br.x);
  const double ratio = br.ratio == 0.0 ? 1.0 : br.ratio;
  const Complex tap = std::polar(ratio, br.shift);
  const Complex ytt = ys + Complex(0.0, br.b / 2.0);
  return {ytt / (ratio * ratio), -ys / std::conj(tap), -ys / tap, ytt};
}

}  // namespace

struct PowerFlowSolver::Impl {
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
};

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
  for (size_t l = 0; l < net.branches.size(); ++l) {
    const PfBranch& br = net.branches[l];
    if (!br.in_service || br.from < 0 || br.to < 0 || br.from >= n || br.to >= n) continue;
    const BranchAdmittance y = branchAdmittance(br);
    branch_y[l] = y;
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
  analyze(base_types);
  planSweep();
}

// The sweep applies when the in-service branches form a tree over all buses rooted at the only
// slack bus and no bus regulates its voltage (PV).
void PowerFlowSolver::Impl::planSweep() {
  radial = false;
  if (opt.method != PfMethod::kAuto || n == 0) return;
  int root = -1;
  for (int i = 0; i < n; ++i) {
    const BusType t = base_types[static_cast<size_t>(i)];
    if (t == BusType::kPV) return;
    if (t == BusType::kSlack) {
      if (root >= 0) return;
      root = i;
    }
  }
  if (root < 0) return;
  std::vector<std::vector<int>> adjacent(static_cast<size_t>(n));
  int in_service = 0;
  for (size_t l = 0; l < net.branches.size(); ++l) {
    const PfBranch& br = net.branches[l];
    if (!br.in_service || br.from < 0 || br.to < 0 || br.from >= n || br.to >= n) continue;
    ++in_service;
    adjacent[static_cast<size_t>(br.from)].push_back(static_cast<int>(l));
    adjacent[static_cast<size_t>(br.to)].push_back(static_cast<int>(l));
  }
  if (in_service != n - 1) return;
  const size_t nb = static_cast<size_t>(n);
  parent.assign(nb, -1);
  ycp.assign(nb, Complex{});
  shunt_p.assign(nb, Complex{});
  carry.assign(nb, Complex{});
  inv_ycc.assign(nb, Complex{});
  std::vector<char> seen(nb, 0);
  sweep_order.assign(1, root);
  seen[static_cast<size_t>(root)] = 1;
  for (size_t head = 0; head < sweep_order.size(); ++head) {
    const int p = sweep_order[head];
    for (int l : adjacent[static_cast<size_t>(p)]) {
      const PfBranch& br = net.branches[static_cast<size_t>(l)];
      const bool forward = br.from == p;
      const int c = forward ? br.to : br.from;
      if (seen[static_cast<size_t>(c)]) continue;
      seen[static_cast<size_t>(c)] = 1;
      const BranchAdmittance& y = branch_y[static_cast<size_t>(l)];
      const Complex ycc = forward ? y.ytt : y.yff;
      if (ycc == Complex{}) return;
      const auto ci = static_cast<size_t>(c);
      parent[ci] = p;
      const Complex ypp = forward ? y.yff : y.ytt;
      const Complex ypc = forward ? y.yft : y.ytf;
      ycp[ci] = forward ? y.ytf : y.yft;
      inv_ycc[ci] = 1.0 / ycc;
      shunt_p[ci] = ypp - ypc * ycp[ci] * inv_ycc[ci];
      carry[ci] = -ypc * inv_ycc[ci];
      sweep_order.push_back(c);
    }
  }
  if (static_cast<int>(sweep_order.size()) != n) return;
  cur.resize(n);
  bus_shunt.resize(nb);
  for (size_t i = 0; i < nb; ++i) bus_shunt[i] = Complex(net.buses[i].gs, net.buses[i].bs);
  radial = true;
}

// One sweep: backward, from the leaves, the current each subtree draws (its buses' demand and
// shunt currents at the present voltages plus what its child branches draw at their parent
// ends); forward, from the slack outwards, each child voltage from its parent's and that current.
bool PowerFlowSolver::Impl::sweep(const CVector& sbus, int& iterations, double& max_mis) {
  iterations = 0;
  max_mis = mismatch(v, sbus);
  bool settled = true;
  while (!(settled && max_mis < opt.tolerance)) {
    if (iterations == opt.max_sweeps || !std::isfinite(max_mis)) return false;
    ++iterations;
    for (int i = 0; i < n; ++i) {
      // conj(-S / V) = -conj(S) V / |V|^2, without a complex division.
      cur[i] =
          -std::conj(sbus[i]) * v[i] / std::norm(v[i]) + bus_shunt[static_cast<size_t>(i)] * v[i];
    }
    for (size_t k = sweep_order.size() - 1; k > 0; --k) {
      const int c = sweep_order[k];
      const auto ci = static_cast<size_t>(c);
      cur[parent[ci]] += shunt_p[ci] * v[parent[ci]] + carry[ci] * cur[c];
    }
    double step = 0.0;
    for (size_t k = 1; k < sweep_order.size(); ++k) {
      const int c = sweep_order[k];
      const auto ci = static_cast<size_t>(c);
      const Complex updated = -(cur[c] + ycp[ci] * v[parent[ci]]) * inv_ycc[ci];
      step = std::max(step, std::norm(updated - v[c]));
      v[c] = updated;
    }
    // The mismatch (a product with Ybus) is checked once the voltages settle; while they still
    // move by more than 1e-6 pu it cannot be below any useful tolerance.
    if (!std::isfinite(step)) return false;
    settled = step <= 1e-12;
    if (settled) max_mis = mismatch(v, sbus);
  }
  return true;
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

// F = [Re(mis(pvpq)); Im(mis(pq))], mis = V conj(Ybus V) - Sbus. Also leaves Ybus V in ibus.
double PowerFlowSolver::Impl::mismatch(const CVector& vv, const CVector& sbus) {
  ibus.noalias() = ybus * vv;
  double m = 0.0;
  const int npvpq = static_cast<int>(pvpq.size());
  for (int j = 0; j < npvpq; ++j) {
    const int i = pvpq[static_cast<size_t>(j)];
    const Complex s = vv[i] * std::conj(ibus[i]) - sbus[i];
    f[j] = s.real();
    m = std::max(m, std::abs(f[j]));
    if (std::isnan(f[j])) m = std::numeric_limits<double>::quiet_NaN();
  }
  for (size_t j = 0; j < pq.size(); ++j) {
    const int i = pq[j];
    const Complex s = vv[i] * std::conj(ibus[i]) - sbus[i];
    f[npvpq + static_cast<int>(j)] = s.imag();
    m = std::max(m, std::abs(s.imag()));
    if (std::isnan(s.imag())) m = std::numeric_limits<double>::quiet_NaN();
  }
  return m;
}

PfResult PowerFlowSolver::Impl::solveWith(const std::vector<double>& pd,
                                          const std::vector<double>& qd) {
  PfResult res;
  const size_t nb = static_cast<size_t>(n);
  res.vm.assign(nb, 0.0);
  res.va.assign(nb, 0.0);
  res.flows.assign(net.branches.size(), BranchFlow{});
  res.gen_p.assign(net.gens.size(), 0.0);
  res.gen_q.assign(net.gens.size(), 0.0);
  if (n == 0) {
    res.converged = true;
    return res;
  }

  // Per-solve state: bus types and gens fixed at a Q limit (enforce_q_limits).
  std::vector<BusType>& types = types_work;
  types = base_types;
  std::vector<char>& q_fixed = q_fixed_work;
  q_fixed.assign(net.gens.size(), 0);
  std::vector<double>& gen_qfix = gen_qfix_work;
  gen_qfix.assign(net.gens.size(), 0.0);

  // Initial voltages: the last converged solution, else the case's; set points at gen buses.
  for (int i = 0; i < n; ++i) {
    v[i] = have_last ? v_last[i] : std::polar(net.buses[i].vm, net.buses[i].va);
    const bool regulated = types[static_cast<size_t>(i)] != BusType::kPQ &&
                           !gens_at_bus[static_cast<size_t>(i)].empty();
    if (regulated) v[i] = std::polar(vset[static_cast<size_t>(i)], std::arg(v[i]));
    if (types[static_cast<size_t>(i)] == BusType::kSlack) {
      v[i] = std::polar(std::abs(v[i]), net.buses[i].va);
    }
  }

  CVector& sbus = sbus_work;
  sbus.resize(n);
  int total_iterations = 0;
  bool converged = false;
  bool swept = false;
  double max_mis = 0.0;
  for (;;) {
    if (!pattern_ok || types != pattern_types) analyze(types);
    for (int i = 0; i < n; ++i) {
      Complex s(-pd[static_cast<size_t>(i)], -qd[static_cast<size_t>(i)]);
      for (int g : gens_at_bus[static_cast<size_t>(i)]) {
        const PfGen& gen = net.gens[static_cast<size_t>(g)];
        s += Complex(gen.pg,
                     q_fixed[static_cast<size_t>(g)] ? gen_qfix[static_cast<size_t>(g)] : gen.qg);
      }
      sbus[i] = s;
    }

    int it = 0;
    v_start = v;
    converged = radial && sweep(sbus, it, max_mis);
    swept = converged;
    if (!converged) {
      total_iterations += it;
      v = v_start;
      converged = newton(sbus, it, max_mis);
    }
    total_iterations += it;
    if (!converged || !opt.enforce_q_limits) break;

    // runpf with enforce_q_lims: generators at PV buses beyond a Q limit are fixed at it and
    // their buses become PQ; the slack bus is left alone. Re-solve until none is violated.
    ibus.noalias() = ybus * v;
    bool changed = false;
    for (int i = 0; i < n; ++i) {
      if (types[static_cast<size_t>(i)] != BusType::kPV) continue;
      const auto& gl = gens_at_bus[static_cast<size_t>(i)];
      const double qtot = (v[i] * std::conj(ibus[i])).imag() + qd[static_cast<size_t>(i)];
      // Share among the bus's gens as pfsoln does (equally when the ranges are unbounded).
      double qmin_sum = 0.0, range_sum = 0.0;
      for (int g : gl) {
        qmin_sum += net.gens[static_cast<size_t>(g)].qmin;
        range_sum += net.gens[static_cast<size_t>(g)].qmax - net.gens[static_cast<size_t>(g)].qmin;
      }
      bool bus_violates = false;
      for (int g : gl) {
        const PfGen& gen = net.gens[static_cast<size_t>(g)];
        const double qg = range_sum > 0.0 && range_sum < 1e8
                              ? gen.qmin + (qtot - qmin_sum) * (gen.qmax - gen.qmin) / range_sum
                              : qtot / static_cast<double>(gl.size());
        if (qg > gen.qmax + kQLimitTolerance) {
          q_fixed[static_cast<size_t>(g)] = 1;
          gen_qfix[static_cast<size_t>(g)] = gen.qmax;
          bus_violates = true;
        } else if (qg < gen.qmin - kQLimitTolerance) {
          q_fixed[static_cast<size_t>(g)] = 1;
          gen_qfix[static_cast<size_t>(g)] = gen.qmin;
          bus_violates = true;
        }
      }
      if (bus_violates) {
        // All gens of a converted bus hold fixed Q: those within limits keep their share.
        for (int g : gl) {
          if (!q_fixed[static_cast<size_t>(g)]) {
            q_fixed[static_cast<size_t>(g)] = 1;
            gen_qfix[static_cast<size_t>(g)] = std::clamp(qtot / static_cast<double>(gl.size()),
                                                          net.gens[static_cast<size_t>(g)].qmin,
                                                          net.gens[static_cast<size_t>(g)].qmax);
          }
        }
        types[static_cast<size_t>(i)] = BusType::kPQ;
        changed = true;
      }
    }
    if (!changed) break;
  }

  res.converged = converged;
  res.swept = swept;
  res.iterations = total_iterations;
  res.max_mismatch = max_mis;
  for (int i = 0; i < n; ++i) {
    res.vm[static_cast<size_t>(i)] = std::sqrt(std::norm(v[i]));  // |v| without hypot's care
    res.va[static_cast<size_t>(i)] = std::arg(v[i]);
  }
  if (!converged) return res;
  v_last = v;
  have_last = true;

  // pfsoln: generator outputs, branch flows, losses.
  ibus.noalias() = ybus * v;
  for (size_t g = 0; g < net.gens.size(); ++g) {
    if (!net.gens[g].in_service) continue;
    res.gen_p[g] = net.gens[g].pg;
    res.gen_q[g] = q_fixed[g] ? gen_qfix[g] : net.gens[g].qg;
  }
  for (int i = 0; i < n; ++i) {
    const auto& gl = gens_at_bus[static_cast<size_t>(i)];
    if (gl.empty()) continue;
    const BusType t = types[static_cast<size_t>(i)];
    const Complex s = v[i] * std::conj(ibus[i]);
    if (t != BusType::kPQ) {
      // Q of the bus's gens: calculated injection plus demand, shared as pfsoln does.
      const double qtot = s.imag() + qd[static_cast<size_t>(i)];
      double qmin_sum = 0.0, range_sum = 0.0;
      for (int g : gl) {
        qmin_sum += net.gens[static_cast<size_t>(g)].qmin;
        range_sum += net.gens[static_cast<size_t>(g)].qmax - net.gens[static_cast<size_t>(g)].qmin;
      }
      for (int g : gl) {
        const PfGen& gen = net.gens[static_cast<size_t>(g)];
        res.gen_q[static_cast<size_t>(g)] =
            range_sum > 0.0 && range_sum < 1e8
                ? gen.qmin + (qtot - qmin_sum) * (gen.qmax - gen.qmin) / range_sum
                : qtot / static_cast<double>(gl.size());
      }
    }
    if (t == BusType::kSlack) {
      // The first gen at the slack bus takes the balance.
      double others = 0.0;
      for (size_t j = 1; j < gl.size(); ++j) others += net.gens[static_cast<size_t>(gl[j])].pg;
      res.gen_p[static_cast<size_t>(gl.front())] = s.real() + pd[static_cast<size_t>(i)] - others;
    }
  }
  for (size_t l = 0; l < net.branches.size(); ++l) {
    const PfBranch& br = net.branches[l];
    if (!br.in_service || br.from < 0 || br.to < 0 || br.from >= n || br.to >= n) continue;
    const BranchAdmittance& y = branch_y[l];
    const Complex vf = v[br.from];
    const Complex vt = v[br.to];
    const Complex sf = vf * std::conj(y.yff * vf + y.yft * vt);
    const Complex st = vt * std::conj(y.ytf * vf + y.ytt * vt);
    res.flows[l] = BranchFlow{sf.real(), sf.imag(), st.real(), st.imag()};
    res.losses_p += sf.real() + st.real();
    res.losses_q += sf.imag() + st.imag();
  }
  return res;
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
  return impl_->solveWith(pd, qd);
}

PfResult PowerFlowSolver::solve(const std::vector<double>& pd, const std::vector<double>& qd) {
  if (pd.size() != impl_->net.buses.size() || qd.size() != impl_->net.buses.size()) {
    // A wrong-sized demand vector is a caller error; report it as a failed solve, never throw.
    PfResult res;
    res.max_mismatch = std::numeric_limits<double>::infinity();
    return res;
  }
  return impl_->solveWith(pd, qd);
}

}  // namespace physics
