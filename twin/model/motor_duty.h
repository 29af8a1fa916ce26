// A motor of the park as the physics sees it: its part-load model and the shaft power of a pump or
// fan under its flow control. Used by the engine (simulated duty) and by the diagnosis (measured
// duty), so that both read the nameplate the same way.
#pragma once

#include <vector>

#include "physics/motor_efficiency.h"
#include "twin/model/model.h"

namespace twin {

// The motor's part-load model, at its rated voltage or else its bus's nominal voltage.
physics::MotorModel motorModelOf(const Motor& m, const std::vector<Bus>& buses);

// Shaft power of a pump or fan at flow fraction q (>= 0, capped at 1) of its design
// (best-efficiency) point under `control` (kThrottle or kSpeed), relative to the design shaft
// power (physics/pump_fan.h, normalised machine, the motor's static share).
double flowControlledShaftFraction(const Motor& m, FlowControl control, double q);

}  // namespace twin
