// The network stage: the step's AC power flow of the park network, and what it means for each
// bus, cable and transformer.
#include <cmath>
#include <limits>
#include <vector>

#include "twin/engine/stages.h"
#include "twin/model/park_network.h"

namespace twin {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A step whose power flow did not converge: network values unknown (NaN), import the lossless
// balance (demand - PV - battery discharge), so that energy KPIs stay finite; the step is flagged
// and counted.
void storeFailedStep(const Network& net, int k, BlockResult& block) {
  const size_t nb = net.buses.size();
  const size_t nc = net.cables.size();
  const size_t nt = net.transformers.size();
  for (size_t b = 0; b < nb; ++b) block.at(kBusVoltage, k, b, nb) = kNaN;
  for (size_t i = 0; i < nc; ++i) {
    block.at(kCablePower, k, i, nc) = kNaN;
    block.at(kCableCurrent, k, i, nc) = kNaN;
    block.at(kCableLoading, k, i, nc) = kNaN;
    block.at(kCableLosses, k, i, nc) = kNaN;
  }
  for (size_t i = 0; i < nt; ++i) {
    block.at(kTransformerHvPower, k, i, nt) = kNaN;
    block.at(kTransformerLoading, k, i, nt) = kNaN;
    block.at(kTransformerLosses, k, i, nt) = kNaN;
  }
  block.at(kParkNetworkLosses, k, 0, 1) = 0.0;
  block.at(kParkGridImport, k, 0, 1) = block.at(kParkDemand, k, 0, 1) -
                                       block.at(kParkPvPower, k, 0, 1) -
                                       block.at(kParkStoragePower, k, 0, 1);
}

}  // namespace

void networkStage(const RunPlan& plan, BlockResult& block) {
  const Network& net = plan.model.network;
  const size_t nb = net.buses.size();
  const size_t nc = net.cables.size();
  const size_t nt = net.transformers.size();
  const double base = kPowerFlowBase;
  physics::PowerFlowSolver solver(plan.power_flow, {.tolerance = kParkPowerFlowTolerance});
  std::vector<double> pd(nb), qd(nb);
  physics::PfResult r;
  for (int k = 0; k < block.steps; ++k) {
    double demand = 0.0;
    for (size_t b = 0; b < nb; ++b) {
      const double load = block.at(kBusLoadPower, k, b, nb);
      demand += load;
      pd[b] =
          (load - block.at(kBusPvPower, k, b, nb) - block.at(kBusStoragePower, k, b, nb)) / base;
      qd[b] = block.at(kBusLoadReactivePower, k, b, nb) / base;
    }
    block.at(kParkDemand, k, 0, 1) = demand;
    solver.solve(pd, qd, r);
    block.at(kParkPowerFlowConverged, k, 0, 1) = r.converged ? 1.0 : 0.0;
    block.at(kParkPowerFlowIterations, k, 0, 1) = r.iterations;
    block.at(kParkPowerFlowMismatch, k, 0, 1) = r.max_mismatch * base;
    if (!r.converged) {
      storeFailedStep(net, k, block);
      continue;
    }
    for (size_t b = 0; b < nb; ++b) block.at(kBusVoltage, k, b, nb) = r.vm[b];
    double losses = 0.0;
    for (size_t i = 0; i < nc; ++i) {
      const Cable& c = net.cables[i];
      const physics::BranchFlow& f = r.flows[i];
      const double v = r.vm[static_cast<size_t>(c.from)] *
                       net.buses[static_cast<size_t>(c.from)].nominal_voltage;
      const double current = std::hypot(f.pf, f.qf) * base / (std::sqrt(3.0) * v);
      const double loss = (f.pf + f.pt) * base;
      block.at(kCablePower, k, i, nc) = f.pf * base;
      block.at(kCableCurrent, k, i, nc) = current;
      block.at(kCableLoading, k, i, nc) = current / c.ampacity;
      block.at(kCableLosses, k, i, nc) = loss;
      losses += loss;
    }
    for (size_t i = 0; i < nt; ++i) {
      const Transformer& t = net.transformers[i];
      const physics::BranchFlow& f = r.flows[nc + i];
      const double v_hv = r.vm[static_cast<size_t>(t.from)];
      const double no_load = t.rating.no_load_loss * v_hv * v_hv;
      const double loss = (f.pf + f.pt) * base + no_load;
      block.at(kTransformerHvPower, k, i, nt) = f.pf * base + no_load;
      block.at(kTransformerLoading, k, i, nt) =
          std::hypot(f.pt, f.qt) * base / (r.vm[static_cast<size_t>(t.to)] * t.rating.rated_power);
      block.at(kTransformerLosses, k, i, nt) = loss;
      losses += loss;
    }
    block.at(kParkGridImport, k, 0, 1) = r.gen_p[0] * base;
    block.at(kParkNetworkLosses, k, 0, 1) = losses;
  }
}

}  // namespace twin
