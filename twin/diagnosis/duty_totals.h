// Sums over one motor's readings: the metered duty (energy in and out, loads, unbalance) and what
// a better-class motor or a drive would have drawn for the same duty, priced at the park's tariff.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "twin/diagnosis/reading_estimate.h"

namespace twin::diagnosis {

struct DutyModels {
  const MotorContext* motor = nullptr;
  std::optional<physics::MotorModel> declared;  // the declared class's rated efficiency
  std::optional<physics::MotorModel> target;    // the replacement's class
};

struct SavingTotals {
  double energy = 0.0;  // J saved over the readings
  double money = 0.0;   // CNY
};

struct DutyTotals {
  long energised = 0;
  long estimated = 0;            // energised readings with an estimate
  unsigned methods = 0;          // bits of kEstimationMethodNames
  double seconds = 0.0;          // covered by all readings
  double input = 0.0;            // J over all readings (measured, else estimated)
  double input_estimated = 0.0;  // J over the estimated readings
  double shaft = 0.0;            // J
  double class_input = 0.0;      // J the declared class would draw for the same shaft energy
  double load_sum = 0.0, load_uncertainty_sum = 0.0;
  double efficiency_uncertainty_energy = 0.0;  // sum of u_eta x input energy
  std::vector<double> loads;                   // per estimated reading
  long unbalance_count = 0;
  double unbalance_sum = 0.0, unbalance_max = 0.0;
  double unbalance_losses = 0.0;  // J: extra load losses the unbalance causes (NEMA MG 1 14.35.1)
  SavingTotals replacement;
  SavingTotals drive;
  bool drive_possible = false;  // a pump or fan with throttled flow

  // Load exceeded by (1 - p) of the estimated readings (nearest rank).
  double loadPercentile(double p) const;
};

DutyTotals totalDuty(const DutyModels& models, const ParkModel& park, const MeterSeries& series,
                     std::set<std::pair<std::string, std::string>>& skipped);

// The energy price (CNY per J) of the park's tariff at a UTC instant, in the site's local time.
double priceAt(const Tariff& tariff, int64_t unix_time, int utc_offset_s);

}  // namespace twin::diagnosis
