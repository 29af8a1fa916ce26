#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <cmath>

#include "physics/hvac_lighting.h"
#include "physics/motor_efficiency.h"
#include "physics/units.h"
#include "twin/engine/stages.h"

namespace twin {
namespace {

// Outdoor temperature below which the park's buildings need no cooling (a typical balance point
// of internally loaded buildings; the design point is the air conditioners' 35 C rating, close to
// Shanghai's 0.4 % cooling design dry-bulb of 36.1 C, ASHRAE 2021 via the Hongqiao TMYx header).
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
        p = physics::splitAcOperatingPoint(plan.air_conditioners[i], demand,
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
  const size_t ne = plan.model.ev_chargers.size();
  const size_t ns = plan.model.storage.size();
  const size_t npv = plan.model.pv.size();
  for (int k = 0; k < block.steps; ++k) {
    double pv_total = 0.0;
    for (size_t b = 0; b < nb; ++b) {
      double p = 0.0;
      double q = 0.0;
      double pv = 0.0;
      double storage = 0.0;
      for (int i : plan.motors_on_bus[b]) {
        p += block.at(kMotorInputPower, k, static_cast<size_t>(i), nm);
        q += block.at(kMotorReactivePower, k, static_cast<size_t>(i), nm);
      }
      for (int i : plan.loads_on_bus[b]) {
        p += block.at(kLoadPower, k, static_cast<size_t>(i), nl);
        q += block.at(kLoadReactivePower, k, static_cast<size_t>(i), nl);
      }
      // Chargers and batteries at unity power factor.
      for (int i : plan.ev_on_bus[b]) p += block.at(kEvPower, k, static_cast<size_t>(i), ne);
      for (int i : plan.storage_on_bus[b]) {
        storage += block.at(kStoragePower, k, static_cast<size_t>(i), ns);
      }
      for (int i : plan.pv_on_bus[b]) pv += block.at(kPvAcPower, k, static_cast<size_t>(i), npv);
      block.at(kBusLoadPower, k, b, nb) = p;
      block.at(kBusLoadReactivePower, k, b, nb) = q;
      block.at(kBusPvPower, k, b, nb) = pv;
      block.at(kBusStoragePower, k, b, nb) = storage;
      pv_total += pv;
    }
    block.at(kParkPvPower, k, 0, 1) = pv_total;
  }
}

}  // namespace twin
