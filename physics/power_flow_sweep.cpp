// The radial sweep of the power-flow solver (power_flow_impl.h): its plan over the tree of
// branches and the backward/forward sweep.
#include <algorithm>
#include <cmath>
#include <vector>

#include "physics/power_flow_impl.h"

namespace physics {

using namespace power_flow_detail;  // the solver's own types

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

}  // namespace physics
