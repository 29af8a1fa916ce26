// Calibrating the twin against its meters (`parktwin calibrate`, docs/diagnosis.md): the park
// simulated over the metered period and compared per meter (ASHRAE Guideline 14-2014), and with
// parameters to adjust, a bounded least-squares fit of those parameters to the hourly meter data.
#pragma once

#include <string>
#include <vector>

#include "twin/diagnosis/meter_comparison.h"
#include "twin/parkfile/park_source.h"

namespace twin::diagnosis {

// Each adjusted parameter is a multiple of its park-file value within these bounds (a simplified,
// named choice: a factor of five either way covers mis-stated duties and ratings; a value the
// park file refuses, such as a load above 125 %, also ends a step).
inline constexpr double kFactorMin = 0.2;
inline constexpr double kFactorMax = 5.0;

struct Adjustment {
  std::string path;    // SECTION.ID.FIELD, as --adjust names it
  std::string before;  // as the park file writes it: "45 %"
  std::string after;   // the fitted value, same unit: "61.2 %"
  double factor = 1.0;
};

struct Calibration {
  TimeGrid grid;
  std::vector<MeterComparison> before;  // the park file as it is
  std::vector<MeterComparison> after;   // with the adjustments (empty without --adjust)
  std::vector<Adjustment> adjusted;
  int runs = 0;        // simulations made
  int iterations = 0;  // of the fit
};

// Compares the park file's baseline with the meters; with `paths`, fits them (Levenberg-Marquardt
// on forward-difference Jacobians, deterministic; each meter's hourly residuals weighted by
// 1 / (mean x sqrt n) so that every meter counts alike). Throws InputError for a path that names
// no numeric field, or readings the park cannot be compared with.
Calibration calibrate(const ParkSource& source, const MeterData& meters,
                      const std::vector<std::string>& paths);

// The park file's text with each adjusted field's value replaced where it is written (comments and
// layout kept).
std::string calibratedText(const ParkSource& source, const std::vector<Adjustment>& adjusted);

}  // namespace twin::diagnosis
