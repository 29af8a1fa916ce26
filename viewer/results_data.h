// One scenario of a results file, as the viewer needs it: the park model stored under its /model,
// the time axis, the KPIs and the series that drive colours and flows,
// with columns in the model's order. Read once; a time step is then a row lookup.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "twin/model/model.h"
#include "twin/results/measured_motors.h"
#include "twin/results/results_reader.h"

namespace viewer {

// A [time x column] series in SI (W, A, pu, a fraction for %), converted from the dataset's
// `units` through twin/base/units.h, with its columns in the model's order (NaN where the file
// has none).
struct Series {
  size_t first_row = 0;  // the step of the first row held
  size_t rows = 0;       // rows held
  size_t columns = 0;
  std::vector<double> values;  // rows x columns, row-major
  bool present() const { return rows > 0; }
  // The value at step `row` (not the row held), NaN outside the rows held.
  double at(size_t row, size_t column) const;
};

struct ResultsData {
  std::string path;
  std::string scenario;                     // "baseline" or a scenario name
  std::vector<std::string> scenario_names;  // every scenario in the file, baseline first
  twin::ParkModel model;
  std::vector<int64_t> times;  // Unix s (UTC), start of each step
  int step_s = 900;
  int utc_offset_s = 0;
  std::vector<twin::KpiValue> kpis;
  std::vector<twin::SeriesListing> stored_series;  // what the scenario's /series holds
  Series pv_ac_power;                              // W, per PV array
  Series motor_efficiency;                         // fraction, per motor
  Series motor_load;                               // fraction of rating, per motor
  Series motor_input_power;                        // W, per motor
  Series load_power;                               // W, per load
  Series transformer_loading;                      // fraction of rating, per transformer
  Series bus_voltage;                              // pu, per bus
  Series bus_net_power;  // W, per bus: loads minus PV (positive: drawn from the grid)
  Series cable_current;  // A, per cable
  Series cable_loading;  // fraction of ampacity, per cable
  Series cable_power;    // W, per cable, into it from the grid side (absent in older files)
  Series grid_import;    // W, one column: the park's import (negative: export)
  // per PV array: the share of its energy its shading cost over the file's period (loss / (energy
  // + loss)); empty in files without pv/shading_loss_kW, NaN for an array without energy
  std::vector<double> pv_shading_loss;
  // per PV array, per laid-out module (layout order): its share of the run's light lost to shade
  // (/model/pv/module_shading_loss_pct); empty for arrays not shaded and in older files
  std::vector<std::vector<double>> pv_module_shading_loss;
  // Findings from meter data (/diagnosis, `parktwin diagnose --results`), one per motor in the
  // model's order; id empty where the motor was not metered. Empty when the file has none.
  std::vector<twin::MeasuredMotor> measured;
  std::string measured_source;    // the meter file they come from
  std::string measured_to_class;  // the replacement class of their saving
};

// Throws twin::InputError for an unreadable file or an unknown scenario. The series hold the
// steps of `rows` (all by default; RowRange{0, 0}: none, to read them later with loadSeries).
ResultsData loadResults(const std::string& path, const std::string& scenario,
                        twin::RowRange rows = {});
// Reads r's series again for the steps of `rows` only: a snapshot reads the step it shows, a
// video its period, instead of the year. Shares over the whole period (PV shading) stay so.
void loadSeries(ResultsData& r, twin::RowRange rows);

// Step of `unix_time` (clamped into the file's period).
size_t stepAt(const ResultsData& r, double unix_time);
// "2025-06-21 12:00" in the site's local time.
std::string localTimeText(const ResultsData& r, size_t step);

}  // namespace viewer
