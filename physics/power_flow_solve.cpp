// One solve of the power-flow solver (power_flow_impl.h): the warm start, the sweep or
// Newton-Raphson, MATPOWER runpf's reactive-limit loop and pfsoln's outputs.
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "physics/bus_angles.h"
#include "physics/power_flow_impl.h"

namespace physics {

using namespace power_flow_detail;  // the solver's own types

namespace {

// A bus's reactive output qtot shared among its gens gl as pfsoln does: in proportion to their
// ranges, equally when the ranges are unbounded.
double sharedQ(const std::vector<PfGen>& gens, const std::vector<int>& gl, double qtot,
               const PfGen& gen) {
  double qmin_sum = 0.0, range_sum = 0.0;
  for (int g : gl) {
    qmin_sum += gens[static_cast<size_t>(g)].qmin;
    range_sum += gens[static_cast<size_t>(g)].qmax - gens[static_cast<size_t>(g)].qmin;
  }
  return range_sum > 0.0 && range_sum < 1e8
             ? gen.qmin + (qtot - qmin_sum) * (gen.qmax - gen.qmin) / range_sum
             : qtot / static_cast<double>(gl.size());
}

// A result of these sizes, all zero, in res's storage.
void clearResult(PfResult& res, size_t buses, size_t branches, size_t gens) {
  PfResult blank;
  blank.vm.swap(res.vm);
  blank.va.swap(res.va);
  blank.flows.swap(res.flows);
  blank.gen_p.swap(res.gen_p);
  blank.gen_q.swap(res.gen_q);
  blank.vm.assign(buses, 0.0);
  blank.va.assign(buses, 0.0);
  blank.flows.assign(branches, BranchFlow{});
  blank.gen_p.assign(gens, 0.0);
  blank.gen_q.assign(gens, 0.0);
  res = std::move(blank);
}

}  // namespace

void PowerFlowSolver::Impl::solveWith(const std::vector<double>& pd, const std::vector<double>& qd,
                                      PfResult& res) {
  clearResult(res, static_cast<size_t>(n), net.branches.size(), net.gens.size());
  if (n == 0) {
    res.converged = true;
    return;
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
    if (!converged || !opt.enforce_q_limits || !fixQLimits(qd)) break;
  }

  res.converged = converged;
  res.swept = swept;
  res.iterations = total_iterations;
  res.max_mismatch = max_mis;
  for (int i = 0; i < n; ++i) {
    res.vm[static_cast<size_t>(i)] = std::sqrt(std::norm(v[i]));  // |v| without hypot's care
  }
  busAngles(v.data(), static_cast<size_t>(n), res.va.data());
  if (!converged) return;
  v_last = v;
  have_last = true;

  pfsoln(pd, qd, res);
}

// runpf with enforce_q_lims: generators at PV buses beyond a Q limit are fixed at it and their
// buses become PQ; the slack bus is left alone. True when a bus changed (solve again).
bool PowerFlowSolver::Impl::fixQLimits(const std::vector<double>& qd) {
  // runpf with enforce_q_lims: generators at PV buses beyond a Q limit are fixed at it and
  // their buses become PQ; the slack bus is left alone. Re-solve until none is violated.
  busCurrents(v);
  bool changed = false;
  for (int i = 0; i < n; ++i) {
    if (types_work[static_cast<size_t>(i)] != BusType::kPV) continue;
    const auto& gl = gens_at_bus[static_cast<size_t>(i)];
    const double qtot = (v[i] * std::conj(ibus[i])).imag() + qd[static_cast<size_t>(i)];
    bool bus_violates = false;
    for (int g : gl) {
      const PfGen& gen = net.gens[static_cast<size_t>(g)];
      const double qg = sharedQ(net.gens, gl, qtot, gen);
      if (qg > gen.qmax + kQLimitTolerance) {
        q_fixed_work[static_cast<size_t>(g)] = 1;
        gen_qfix_work[static_cast<size_t>(g)] = gen.qmax;
        bus_violates = true;
      } else if (qg < gen.qmin - kQLimitTolerance) {
        q_fixed_work[static_cast<size_t>(g)] = 1;
        gen_qfix_work[static_cast<size_t>(g)] = gen.qmin;
        bus_violates = true;
      }
    }
    if (bus_violates) {
      // All gens of a converted bus hold fixed Q: those within limits keep their share.
      for (int g : gl) {
        if (!q_fixed_work[static_cast<size_t>(g)]) {
          q_fixed_work[static_cast<size_t>(g)] = 1;
          gen_qfix_work[static_cast<size_t>(g)] = std::clamp(qtot / static_cast<double>(gl.size()),
                                                             net.gens[static_cast<size_t>(g)].qmin,
                                                             net.gens[static_cast<size_t>(g)].qmax);
        }
      }
      types_work[static_cast<size_t>(i)] = BusType::kPQ;
      changed = true;
    }
  }
  return changed;
}

// pfsoln: generator outputs, branch flows, losses of a converged solution.
void PowerFlowSolver::Impl::pfsoln(const std::vector<double>& pd, const std::vector<double>& qd,
                                   PfResult& res) {
  busCurrents(v);
  for (size_t g = 0; g < net.gens.size(); ++g) {
    if (!net.gens[g].in_service) continue;
    res.gen_p[g] = net.gens[g].pg;
    res.gen_q[g] = q_fixed_work[g] ? gen_qfix_work[g] : net.gens[g].qg;
  }
  for (int i = 0; i < n; ++i) {
    const auto& gl = gens_at_bus[static_cast<size_t>(i)];
    if (gl.empty()) continue;
    const BusType t = types_work[static_cast<size_t>(i)];
    const Complex s = v[i] * std::conj(ibus[i]);
    if (t != BusType::kPQ) {
      // Q of the bus's gens: calculated injection plus demand, shared as pfsoln does.
      const double qtot = s.imag() + qd[static_cast<size_t>(i)];
      for (int g : gl) {
        res.gen_q[static_cast<size_t>(g)] =
            sharedQ(net.gens, gl, qtot, net.gens[static_cast<size_t>(g)]);
      }
    }
    if (t == BusType::kSlack) {
      // The first gen at the slack bus takes the balance.
      double others = 0.0;
      for (size_t j = 1; j < gl.size(); ++j) others += net.gens[static_cast<size_t>(gl[j])].pg;
      res.gen_p[static_cast<size_t>(gl.front())] = s.real() + pd[static_cast<size_t>(i)] - others;
    }
  }
  double losses_p = 0.0,
         losses_q = 0.0;  // in registers: res might alias the flows for the compiler
  for (size_t l = 0; l < net.branches.size(); ++l) {
    const PfBranch& br = net.branches[l];
    if (!usableBranch(br, n)) continue;
    const Complex vf = v[br.from];
    const Complex vt = v[br.to];
    const EndCurrents into = branch_plain[l] ? endCurrents(branch_y[l], true, vf, vt)
                                             : endCurrents(branch_y[l], false, vf, vt);
    const Complex sf = vf * std::conj(into.from);
    const Complex st = vt * std::conj(into.to);
    res.flows[l] = BranchFlow{sf.real(), sf.imag(), st.real(), st.imag()};
    losses_p += sf.real() + st.real();
    losses_q += sf.imag() + st.imag();
  }
  res.losses_p = losses_p;
  res.losses_q = losses_q;
}

}  // namespace physics
