#include "twin/engine_stages.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <cmath>

#include "physics/branch_losses.h"
#include "physics/hvac_lighting.h"
#include "physics/motor_efficiency.h"
#include "physics/units.h"

namespace twin {
namespace {

// Outdoor temperature below which the park's buildings need no cooling (a typical balance point
// of internally loaded buildings; the design point is the units' 35 C rating, close to Shanghai's
// 0.4 % cooling design dry-bulb of 36.1 C, ASHRAE 2021 via the Hongqiao TMYx header).
constexpr double kCoolingBalancePoint = 18.0 + physics::units::kZeroCelsius;

}  // namespace

void motorStage(const RunPlan& plan, DayType day_type, BlockResult& block) {
  const auto& motors = plan.model.motors;
  const size_t n = motors.size();
  tbb::parallel_for(tbb::blocked_range<size_t>(0, n, 16), [&](const tbb::blocked_range<size_t>& r) {
    for (size_t i = r.begin(); i != r.end(); ++i) {
      const Motor& m = motors[i];
      const std::vector<double>& loads = plan.motor_load_steps[i][static_cast<int>(day_type)];
      const physics::MotorModel& model = plan.motor_models[i];
      // A variable-speed drive: its losses add to the motor's; its diode front end draws no
      // reactive power (displacement power factor taken as 1), the motor's comes from the drive.
      const bool vsd =
          m.flow_control == FlowControl::kSpeed ||
          (m.compressor && m.compressor_control == physics::CompressorControl::kVariableSpeed);
      for (int k = 0; k < block.steps; ++k) {
        const double load = loads[k];
        // Zero load is a stopped motor (no iron or magnetising draw), not one idling uncoupled.
        const physics::MotorPowers op =
            load > 0.0 ? physics::motorPowersAtLoad(model, load) : physics::MotorPowers{};
        const double shaft = load * model.rated_power;
        const double input = op.input_power / m.drive_efficiency;
        block.at(kMotorShaftPower, k, i, n) = shaft;
        block.at(kMotorInputPower, k, i, n) = input;
        block.at(kMotorReactivePower, k, i, n) = vsd ? 0.0 : op.reactive_power;
        block.at(kMotorLosses, k, i, n) = input - shaft;
        block.at(kMotorLoad, k, i, n) = load;
        block.at(kMotorEfficiency, k, i, n) = load > 0.0 ? shaft / input : 0.0;
      }
    }
  });
}

void loadStage(const RunPlan& plan, DayType day_type, BlockResult& block) {
  const auto& loads = plan.model.loads;
  const size_t n = loads.size();
  for (size_t i = 0; i < n; ++i) {
    const Load& l = loads[i];
    const std::vector<double>& schedule =
        plan.schedule_steps[l.schedule][static_cast<int>(day_type)];
    for (int k = 0; k < block.steps; ++k) {
      double p = l.rated_power * schedule[k];
      if (l.cooling) {
        const double outdoor = block.at(kWeatherTempAir, k, 0, 1);
        const double demand = l.cooling_capacity * schedule[k] *
                              physics::coolingLoadFraction(outdoor, kCoolingBalancePoint,
                                                           physics::kSplitAcRatedOutdoor);
        p = physics::splitAcOperatingPoint(plan.cooling_units[i], demand,
                                           physics::kSplitAcRatedIndoorWetBulb, outdoor)
                .electric_power;
      }
      block.at(kLoadPower, k, i, n) = p;
      block.at(kLoadReactivePower, k, i, n) = p * plan.load_reactive_ratio[i];
    }
  }
}

void busStage(const RunPlan& plan, BlockResult& block) {
  const size_t nb = plan.model.network.buses.size();
  const size_t nm = plan.model.motors.size();
  const size_t nl = plan.model.loads.size();
  const size_t npv = plan.model.pv.size();
  for (int k = 0; k < block.steps; ++k) {
    double pv_total = 0.0;
    for (size_t b = 0; b < nb; ++b) {
      double p = 0.0;
      double q = 0.0;
      double pv = 0.0;
      for (int i : plan.motors_on_bus[b]) {
        p += block.at(kMotorInputPower, k, static_cast<size_t>(i), nm);
        q += block.at(kMotorReactivePower, k, static_cast<size_t>(i), nm);
      }
      for (int i : plan.loads_on_bus[b]) {
        p += block.at(kLoadPower, k, static_cast<size_t>(i), nl);
        q += block.at(kLoadReactivePower, k, static_cast<size_t>(i), nl);
      }
      for (int i : plan.pv_on_bus[b]) pv += block.at(kPvAcPower, k, static_cast<size_t>(i), npv);
      block.at(kBusLoadPower, k, b, nb) = p;
      block.at(kBusLoadReactivePower, k, b, nb) = q;
      block.at(kBusPvPower, k, b, nb) = pv;
      pv_total += pv;
    }
    block.at(kParkPvPower, k, 0, 1) = pv_total;
  }
}

void networkStage(const RunPlan& plan, BlockResult& block) {
  const Network& net = plan.model.network;
  const size_t nb = net.buses.size();
  const size_t nc = net.cables.size();
  const size_t nt = net.transformers.size();
  std::vector<double> p(nb);
  std::vector<double> q(nb);
  for (int k = 0; k < block.steps; ++k) {
    for (size_t b = 0; b < nb; ++b) {
      p[b] = block.at(kBusLoadPower, k, b, nb) - block.at(kBusPvPower, k, b, nb);
      q[b] = block.at(kBusLoadReactivePower, k, b, nb);
    }
    double losses = 0.0;
    for (int b : net.sweep_order) {
      const Feeder& f = net.feeders[b];
      if (f.kind == Feeder::Kind::kGrid) continue;
      const double s = std::hypot(p[b], q[b]);
      const auto branch = static_cast<size_t>(f.branch);
      double loss_p = 0.0;
      double loss_q = 0.0;
      if (f.kind == Feeder::Kind::kCable) {
        const Cable& c = net.cables[branch];
        const physics::CableFlow flow =
            physics::cableFlowAtNominalVoltage({net.buses[b].nominal_voltage, c.resistance}, s);
        loss_p = flow.losses;
        loss_q = 3.0 * flow.current * flow.current * c.reactance;
        block.at(kCableCurrent, k, branch, nc) = flow.current;
        block.at(kCableLoading, k, branch, nc) = flow.current / c.ampacity;
        block.at(kCableLosses, k, branch, nc) = flow.losses;
      } else {
        const Transformer& t = net.transformers[branch];
        const physics::TransformerLosses tl = physics::transformerLosses(t.rating, s);
        loss_p = tl.losses;
        block.at(kTransformerLoading, k, branch, nt) = tl.loading;
        block.at(kTransformerLosses, k, branch, nt) = tl.losses;
        block.at(kTransformerHvPower, k, branch, nt) = p[b] + tl.losses;
      }
      losses += loss_p;
      p[f.parent] += p[b] + loss_p;
      q[f.parent] += q[b] + loss_q;
    }
    double demand = 0.0;
    for (size_t b = 0; b < nb; ++b) demand += block.at(kBusLoadPower, k, b, nb);
    block.at(kParkGridImport, k, 0, 1) = p[net.grid_bus];
    block.at(kParkDemand, k, 0, 1) = demand;
    block.at(kParkNetworkLosses, k, 0, 1) = losses;
  }
}

}  // namespace twin
