// Findings per motor from meter readings (`parktwin diagnose`, docs/diagnosis.md): load and
// efficiency by the methods of physics/motor_estimation.h, voltage unbalance, flags, and the case
// for a replacement by a better class (and for pumps and fans, a drive), ranked by CNY saved.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "physics/motor_efficiency.h"
#include "twin/model/model.h"
#include "twin/parkfile/meter_csv.h"

namespace twin::diagnosis {

enum class Flag { kUnderloaded, kOversized, kVoltageUnbalance, kBelowClass, kDataGap };
inline constexpr std::array<std::string_view, 5> kFlagNames = {
    "underloaded", "oversized", "voltage_unbalance", "below_class", "data_gap"};

// The thresholds behind the flags (docs/diagnosis.md says what each means for the engineer).
inline constexpr double kUnderloadedBelow = 0.40;  // mean load, of rating
inline constexpr double kOversizedBelow = 0.60;    // 95th-percentile load, of rating
inline constexpr double kUnbalanceAbove = 0.01;    // mean voltage unbalance (NEMA MG 1)

// What a flag means for the engineer, one sentence, in English or Chinese.
std::string_view flagMeaning(Flag flag, bool chinese);

// The case for replacing a motor (to a class) or adding a drive, per year of the metered duty.
struct Replacement {
  std::string to;                 // "IE4", "IE5" or "drive"
  double energy = 0.0;            // J a year saved (negative: the new unit uses more)
  double money = 0.0;             // CNY a year saved at the park's tariff at the reading times
  double co2 = 0.0;               // kg a year avoided (the park's grid emission factor)
  double investment = 0.0;        // CNY (the retrofit measures' cost defaults)
  std::optional<double> payback;  // years, investment / money; none unless money > 0
};

struct MethodSkipped {
  std::string method;  // kEstimationMethodNames
  std::string reason;  // "rated_speed missing from the nameplate"
};

struct MotorFinding {
  std::string id;
  std::string name;
  std::string kind;              // kDrivenKindNames
  double rated_power = 0.0;      // W
  std::string efficiency_class;  // as declared, "unknown" when not
  long readings = 0;
  long energised = 0;                // readings drawing current (or power)
  double hours = 0.0;                // covered by the readings
  std::vector<std::string> methods;  // used on at least one reading, kEstimationMethodNames order
  std::vector<MethodSkipped> skipped_methods;
  // Over energised readings; none when no reading was energised or none could be estimated.
  std::optional<double> mean_load, load_uncertainty;         // of rating
  std::optional<double> efficiency, efficiency_uncertainty;  // energy-weighted, fraction
  std::optional<double> class_efficiency;  // the declared class's curve over the same duty
  std::optional<double> load_p95;          // 95th-percentile load, of rating
  double energy_per_year = 0.0;            // J input: measured energy x 8760 h / hours covered
  std::optional<double> unbalance_mean, unbalance_max;  // fraction, where per-phase voltages exist
  std::optional<double> unbalance_derating;             // NEMA MG 1 derating at unbalance_max
  std::optional<double> unbalance_loss_per_year;  // J of extra losses a year from the unbalance
  std::vector<Flag> flags;
  std::optional<Replacement> replacement;  // to the target class
  std::optional<Replacement> drive;        // pumps and fans with throttled flow only
  int rank = 0;                            // 1 = most CNY saved by the replacement
};

struct Diagnosis {
  std::vector<MotorFinding> motors;  // by rank
  std::string to_class;              // the replacement target
  std::vector<std::string> notes;    // meters that are not single motors, etc.
};

// Diagnoses every motor of `model` that has a meter in `meters`; target: IE4 or IE5.
Diagnosis diagnoseMotors(const ParkModel& model, const MeterData& meters,
                         physics::MotorClass target);

// True when a meter id names something in the park (equipment, load, bus, transformer or
// `grid`), units of a group and the group alike.
bool isParkMeterId(const ParkModel& model, std::string_view id);

}  // namespace twin::diagnosis
