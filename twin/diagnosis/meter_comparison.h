// The twin against its meters: simulated and metered energy per complete hour and per month, and
// the ASHRAE Guideline 14-2014 statistics of their agreement (`parktwin calibrate`,
// docs/diagnosis.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "twin/engine/series.h"
#include "twin/model/model.h"
#include "twin/model/time_grid.h"
#include "twin/parkfile/meter_csv.h"

namespace twin::diagnosis {

// ASHRAE Guideline 14-2014 §4.3.2.4 (calibration criteria for whole-building simulation):
// monthly CV(RMSE) <= 15 % and |NMBE| <= 5 %; hourly CV(RMSE) <= 30 % and |NMBE| <= 10 %.
inline constexpr double kMonthlyCvLimit = 0.15;
inline constexpr double kMonthlyNmbeLimit = 0.05;
inline constexpr double kHourlyCvLimit = 0.30;
inline constexpr double kHourlyNmbeLimit = 0.10;

struct FitStatistics {
  long n = 0;                     // intervals compared
  std::optional<double> cv_rmse;  // fraction; none when n < 2 or the measured mean is 0
  std::optional<double> nmbe;     // fraction
  std::optional<bool> meets;      // both within the limits
};

// CV(RMSE) = sqrt(sum (m - s)^2 / (n - p)) / mean(m) and NMBE = sum (m - s) / ((n - p) mean(m))
// with p = 1, m measured, s simulated (same length).
FitStatistics g14Statistics(const std::vector<double>& measured,
                            const std::vector<double>& simulated, double cv_limit,
                            double nmbe_limit);

// What a meter id is compared with: the sum of some columns of one simulated power series.
struct MeterTarget {
  std::string id;
  size_t meter = 0;  // its series in MeterData::meters
  SeriesId series = kParkGridImport;
  std::vector<size_t> columns;
};

// The target of every meter of `meters` the twin simulates (grid: grid import; equipment: motor
// input power; loads, EV groups, storage, PV, transformers (HV side), buses (their load)); a
// meter with no energy reading is left out.
std::vector<MeterTarget> meterTargets(const ParkModel& model, const MeterData& meters);

// The metered energy of one meter per complete hour (an hour the readings cover fully), J.
struct MeteredHours {
  std::vector<int64_t> hours;  // UTC hour index (unix time / 3600), increasing
  std::vector<double> energy;  // J, measured
};
MeteredHours meteredHours(const MeterSeries& series);

// The longest metered period calibrate simulates: ten years (the park file's calendar, holidays
// and tariff describe years, and a longer span is a file of mixed periods more likely than one).
inline constexpr long kMaxMeteredDays = 3653;

// Whole local days of the park's calendar covering every reading; InputError when the park
// cannot simulate them or the span is longer than kMaxMeteredDays (naming the meter file and
// the span).
TimeGrid meteredGrid(const ParkModel& model, const MeterData& meters);

// Simulated energy (J) of each meter target in each hour of the grid: [target][hour - first].
struct SimulatedHours {
  int64_t first_hour = 0;
  std::vector<std::vector<double>> energy;
};

// Runs each model over the grid (TBB over the models, twin::runEach) and sums its simulated power
// into hours for its own meter targets (meterTargets(model, meters)).
std::vector<SimulatedHours> simulateHours(const std::vector<const ParkModel*>& models,
                                          const MeterData& meters, const TimeGrid& grid);

struct MeterComparison {
  std::string id;
  FitStatistics hourly;
  FitStatistics monthly;
  double measured = 0.0;   // J over the hours compared
  double simulated = 0.0;  // J over the same hours
};

// Hourly and monthly (local months, over the complete hours only) statistics of one meter.
MeterComparison compareMeter(const std::string& id, const MeteredHours& metered,
                             const SimulatedHours& sim, size_t target, int utc_offset_s);

}  // namespace twin::diagnosis
