// One motor's readings, one at a time: which estimation methods the columns and the nameplate
// allow, and what they say together (physics/motor_estimation.h).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <utility>

#include "physics/motor_estimation.h"
#include "twin/model/model.h"
#include "twin/parkfile/meter_csv.h"

namespace twin::diagnosis {

// A motor as the estimation methods need it; build with makeMotorContext.
struct MotorContext {
  const Motor* motor = nullptr;
  physics::MotorModel model;
  std::optional<physics::EquivalentCircuit> circuit;  // with a rated speed only
  double reference_current = 0.0;  // A: the nameplate's, else P_in / (sqrt 3 V pf) at rating
};

MotorContext makeMotorContext(const Motor& motor, const std::vector<Bus>& buses);

struct ReadingEstimate {
  bool energised = false;    // drawing current (or power, or turning)
  double input_power = 0.0;  // W: measured, else the estimate's; 0 when stopped
  bool power_measured = false;
  std::optional<physics::MethodEstimate> combined;  // none: stopped, or nothing applicable
  unsigned methods = 0;                             // bit i: kEstimationMethodNames[i] was used
  std::optional<double> unbalance;                  // NEMA, fraction, with three line voltages
  double voltage = 0.0;                             // V: measured, else the rated
};

// duration_s: what the reading covers (energy_kwh is spread over it). Methods the reading could
// use but the nameplate does not allow go into `skipped` as (method, reason), once each.
ReadingEstimate estimateReading(const MotorContext& c, const MeterReading& r, int duration_s,
                                std::set<std::pair<std::string, std::string>>& skipped);

}  // namespace twin::diagnosis
