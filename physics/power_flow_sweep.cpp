// The radial sweep of the power-flow solver (power_flow_impl.h): its plan over the tree of
// branches, the backward/forward sweep and the solver's loop around it.
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "physics/power_flow_impl.h"

namespace physics {

using namespace power_flow_detail;  // the solver's own types

namespace power_flow_detail {
namespace {

// The buses in breadth-first order from root over the in-service branches, with the branch
// each later bus hangs from; empty unless they form a tree over all n buses.
struct Tree {
  std::vector<int> order;  // buses, root first
  std::vector<int> via;    // per bus: the branch to its parent (-1 at the root)
};

Tree treeFrom(const PfNetwork& net, int root) {
  const size_t n = net.buses.size();
  std::vector<std::vector<int>> adjacent(n);
  size_t in_service = 0;
  for (size_t l = 0; l < net.branches.size(); ++l) {
    const PfBranch& br = net.branches[l];
    if (!usableBranch(br, static_cast<int>(n))) continue;
    ++in_service;
    adjacent[static_cast<size_t>(br.from)].push_back(static_cast<int>(l));
    adjacent[static_cast<size_t>(br.to)].push_back(static_cast<int>(l));
  }
  Tree t;
  if (in_service + 1 != n) return t;
  t.via.assign(n, -1);
  std::vector<char> seen(n, 0);
  t.order.assign(1, root);
  seen[static_cast<size_t>(root)] = 1;
  for (size_t head = 0; head < t.order.size(); ++head) {
    const int p = t.order[head];
    for (int l : adjacent[static_cast<size_t>(p)]) {
      const PfBranch& br = net.branches[static_cast<size_t>(l)];
      const int c = br.from == p ? br.to : br.from;
      if (seen[static_cast<size_t>(c)]) continue;
      seen[static_cast<size_t>(c)] = 1;
      t.via[static_cast<size_t>(c)] = l;
      t.order.push_back(c);
    }
  }
  if (t.order.size() != n) t.order.clear();
  return t;
}

// What each bus draws: conj(-S / V) = -conj(S) V / |V|^2 for its injection S = p + jq, and
// (gs + j bs) V for its shunt.
void drawnCurrents(size_t n, const double* __restrict vr, const double* __restrict vi,
                   const double* __restrict p, const double* __restrict q,
                   const double* __restrict gs, const double* __restrict bs, double* __restrict jr,
                   double* __restrict ji) {
  for (size_t k = 0; k < n; ++k) {
    const double inv = 1.0 / (vr[k] * vr[k] + vi[k] * vi[k]);
    jr[k] = (-p[k] * vr[k] - q[k] * vi[k]) * inv + (gs[k] * vr[k] - bs[k] * vi[k]);
    ji[k] = (q[k] * vr[k] - p[k] * vi[k]) * inv + (gs[k] * vi[k] + bs[k] * vr[k]);
  }
}

}  // namespace

bool RadialSweep::plan(const PfNetwork& net, const std::vector<BranchAdmittance>& branch_y,
                       const std::vector<char>& branch_plain, const std::vector<BusType>& types) {
  const size_t n = net.buses.size();
  int root = -1;
  for (size_t i = 0; i < n; ++i) {
    if (types[i] == BusType::kPV) return false;
    if (types[i] != BusType::kSlack) continue;
    if (root >= 0) return false;
    root = static_cast<int>(i);
  }
  if (root < 0) return false;
  const Tree tree = treeFrom(net, root);
  if (tree.order.empty()) return false;
  for (auto* a : {&ar_, &ai_, &mr_, &mi_, &sr_, &si_, &kr_, &ki_, &gr_, &gi_, &vr_, &vi_, &jr_,
                  &ji_, &pr_, &pi_}) {
    a->assign(n, 0.0);
  }
  ybus_v_.assign(n, Complex{});
  branch_.assign(n, BranchAdmittance{});
  plain_at_.assign(n, 0);
  bus_ = tree.order;
  up_.assign(n, 0);
  std::vector<int> position(n, 0);
  plain_ = true;
  for (size_t k = 0; k < n; ++k) {
    const int c = bus_[k];
    position[static_cast<size_t>(c)] = static_cast<int>(k);
    gr_[k] = net.buses[static_cast<size_t>(c)].gs;
    gi_[k] = net.buses[static_cast<size_t>(c)].bs;
    if (k == 0) continue;
    const int l = tree.via[static_cast<size_t>(c)];
    const PfBranch& br = net.branches[static_cast<size_t>(l)];
    const bool forward = br.to == c;
    const BranchAdmittance& y = branch_y[static_cast<size_t>(l)];
    branch_[k] = forward ? y : BranchAdmittance{y.ytt, y.ytf, y.yft, y.yff};
    const Complex ypp = branch_[k].yff, ypc = branch_[k].yft;
    const Complex ycp = branch_[k].ytf, ycc = branch_[k].ytt;
    if (ycc == Complex{}) return false;
    up_[k] = position[static_cast<size_t>(forward ? br.from : br.to)];
    const bool plain = branch_plain[static_cast<size_t>(l)] != 0;
    plain_ = plain_ && plain;
    plain_at_[k] = plain ? 1 : 0;
    const Complex m = plain ? Complex(br.r, br.x) : 1.0 / ycc;
    const Complex a = plain ? Complex(1.0) : -ycp * m;
    const Complex s = plain ? Complex{} : ypp + ypc * a;
    const Complex kc = plain ? Complex(1.0) : -ypc * m;
    ar_[k] = a.real(), ai_[k] = a.imag(), mr_[k] = m.real(), mi_[k] = m.imag();
    sr_[k] = s.real(), si_[k] = s.imag(), kr_[k] = kc.real(), ki_[k] = kc.imag();
  }
  return true;
}

void RadialSweep::load(const CVector& v, const CVector& sbus) {
  for (size_t k = 0; k < bus_.size(); ++k) {
    const int b = bus_[k];
    vr_[k] = v[b].real(), vi_[k] = v[b].imag();
    pr_[k] = sbus[b].real(), pi_[k] = sbus[b].imag();
  }
}

void RadialSweep::store(CVector& v, CVector& ybus_v) const {
  for (size_t k = 0; k < bus_.size(); ++k) {
    v[bus_[k]] = Complex(vr_[k], vi_[k]);
    ybus_v[bus_[k]] = ybus_v_[k];
  }
}

void RadialSweep::branchCurrents() {
  const size_t n = bus_.size();
  for (size_t k = 0; k < n; ++k) ybus_v_[k] = Complex(gr_[k], gi_[k]) * Complex(vr_[k], vi_[k]);
  for (size_t k = 1; k < n; ++k) {
    const auto p = static_cast<size_t>(up_[k]);
    const Complex vp(vr_[p], vi_[p]), vc(vr_[k], vi_[k]);
    // Each case on its own, so that the plain one is not computed with the pi model's products.
    const EndCurrents into = plain_at_[k] ? endCurrents(branch_[k], true, vp, vc)
                                          : endCurrents(branch_[k], false, vp, vc);
    ybus_v_[p] += into.from;
    ybus_v_[k] += into.to;
  }
}

double RadialSweep::mismatch() {
  branchCurrents();
  double m = 0.0;
  bool nan = false;
  for (size_t k = 1; k < bus_.size(); ++k) {
    const Complex s = Complex(vr_[k], vi_[k]) * std::conj(ybus_v_[k]) - Complex(pr_[k], pi_[k]);
    m = std::max(m, std::max(std::abs(s.real()), std::abs(s.imag())));
    nan = nan || std::isnan(s.real()) || std::isnan(s.imag());
  }
  return nan ? std::numeric_limits<double>::quiet_NaN() : m;
}

double RadialSweep::sweep() { return plain_ ? sweepAs<true>() : sweepAs<false>(); }

template <bool kPlain>
double RadialSweep::sweepAs() {
  const size_t n = bus_.size();
  double* __restrict vr = vr_.data();
  double* __restrict vi = vi_.data();
  double* __restrict jr = jr_.data();
  double* __restrict ji = ji_.data();
  drawnCurrents(n, vr, vi, pr_.data(), pi_.data(), gr_.data(), gi_.data(), jr, ji);
  // Backward, from the leaves: each parent draws what its child branches draw at its end.
  for (size_t k = n - 1; k > 0; --k) {
    const auto p = static_cast<size_t>(up_[k]);
    if constexpr (kPlain) {
      jr[p] += jr[k];
      ji[p] += ji[k];
    } else {
      jr[p] += (sr_[k] * vr[p] - si_[k] * vi[p]) + (kr_[k] * jr[k] - ki_[k] * ji[k]);
      ji[p] += (sr_[k] * vi[p] + si_[k] * vr[p]) + (kr_[k] * ji[k] + ki_[k] * jr[k]);
    }
  }
  // Forward, from the slack outwards: each voltage from its parent's and its subtree's current.
  double step = 0.0, total = 0.0;
  for (size_t k = 1; k < n; ++k) {
    const auto p = static_cast<size_t>(up_[k]);
    const double dr = mr_[k] * jr[k] - mi_[k] * ji[k];
    const double di = mr_[k] * ji[k] + mi_[k] * jr[k];
    double nr = 0.0, ni = 0.0;
    if constexpr (kPlain) {
      nr = vr[p] - dr;
      ni = vi[p] - di;
    } else {
      nr = (ar_[k] * vr[p] - ai_[k] * vi[p]) - dr;
      ni = (ar_[k] * vi[p] + ai_[k] * vr[p]) - di;
    }
    const double change = (nr - vr[k]) * (nr - vr[k]) + (ni - vi[k]) * (ni - vi[k]);
    step = std::max(step, change);
    total += change;
    vr[k] = nr;
    vi[k] = ni;
  }
  return std::isfinite(total) ? step : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace power_flow_detail

// Sweeps until the voltages settle (no change beyond 1e-6 pu) and the mismatch is within the
// tolerance. The mismatch (Ybus V summed branch by branch) is checked once the voltages settle:
// while they still move by more than 1e-6 pu it cannot be below any useful tolerance.
bool PowerFlowSolver::Impl::sweep(const CVector& sbus, int& iterations, double& max_mis) {
  iterations = 0;
  radial_sweep.load(v, sbus);
  max_mis = radial_sweep.mismatch();
  while (!(max_mis < opt.tolerance)) {
    if (iterations == opt.max_sweeps || !std::isfinite(max_mis)) return false;
    ++iterations;
    const double step = radial_sweep.sweep();
    if (!std::isfinite(step)) return false;
    if (step <= 1e-12) max_mis = radial_sweep.mismatch();
  }
  radial_sweep.store(v, ibus);
  ibus_at = v;
  ibus_valid = true;
  return true;
}

}  // namespace physics
