// The `parktwin` subcommands. Each returns the process exit code; bad input is thrown as
// twin::InputError and turned into exit code 2 by main.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "twin/diagnosis/motor_diagnosis.h"
#include "twin/model/time_grid.h"
#include "twin/parkfile/meter_csv.h"

namespace twin::economics {
struct Comparison;
}

namespace twin::cli {

class ReportTally;

struct PeriodFlags {
  std::string start;  // YYYY-MM-DD, "" = the park file's
  std::string end;
  std::string step;  // e.g. 15min
};

struct RunRequest {
  std::string park_path;
  std::string output;
  PeriodFlags period;
  std::vector<std::string> scenarios;  // empty: every scenario of the park file
  bool baseline_only = false;
  bool each_measure = false;  // also run each measure of a multi-measure scenario alone
  std::string command_line;
};

int runCommand(const RunRequest& request);
// Refuses an output path in a missing folder or equal to the park file (InputError).
void checkOutputPath(const std::string& output, const std::string& park_path);

// `parktwin sweep`: the grid of --vary values, each combination a scenario (twin/model/sweep.h).
struct SweepRequest {
  std::string park_path;           // "" with --parks only
  std::vector<std::string> parks;  // --parks: more park files, each with its scenarios
  std::string output;
  std::vector<std::string> vary;  // SECTION.ID.FIELD=V1,V2,...
  PeriodFlags period;
  // park: KPIs, /model, park-level series of every variant; full: every series; none: the
  // summary table only; "v03,v17": park-level series of those variants
  std::string store = "park";
  bool resume = false;  // run only the variants the journal beside the output lacks
  int samples = 0;      // Monte Carlo samples of each park's `uncertainty:` (0: none)
  uint64_t seed = 1;
  std::string command_line;
};
int sweepCommand(const SweepRequest& request);

// `parktwin size`: a scenario's battery sized over simulated years (twin/sweep/battery_sizing.h).
struct SizeRequest {
  std::string park_path;
  std::string scenario;           // "": the only scenario whose measures add a battery
  std::string battery;            // id; "": the only battery the scenario's measures add
  std::string energy;             // "MIN..MAX", e.g. "0 kWh..3000 kWh"
  std::string power;              // "0 kW..1500 kW"
  std::string pv;                 // ids of new PV arrays the search may leave out, or "all"
  std::string objective = "npv";  // npv | payback | co2
  PeriodFlags period;
  bool json = false;
  std::string output;        // -o: the sizes tried as a results file ("": none)
  std::string command_line;  // stored in the results file
};
int sizeCommand(const SizeRequest& request);

// `parktwin dr-cost`: what a demand-response event would cost the park (docs/dispatch.md).
struct DrCostRequest {
  std::string park_path;
  std::vector<std::string> at;  // event starts: site time YYYY-MM-DDTHH:MM, or ISO with offset
  std::string request;          // the reduction asked, e.g. "400 kW"
  std::string duration = "1 h";
  std::string scenario;  // "" = the baseline
  std::string payment;   // what the programme pays per kWh delivered, e.g. "3 CNY/kWh"; "" none
  std::string step;      // --step, "" = the park file's
  bool json = false;
};
int drCostCommand(const DrCostRequest& request);
// Writes DIR/park.yaml (the embedded demo park) and runs it into DIR/results.h5.
int demoCommand(const std::string& dir, const PeriodFlags& period, const std::string& command_line);
int validateCommand(const std::string& park_path);
int infoCommand(const std::string& path, bool json);

// `parktwin compare`: the scenarios of a results file against its baseline (or a named run).
struct CompareRequest {
  std::string path;
  std::string baseline;  // "" = the baseline
  bool json = false;
  std::string csv_dir;          // "" = no CSV
  std::string xlsx;             // "" = no workbook
  std::string language = "en";  // of the workbook: en or zh
};
int compareCommand(const CompareRequest& request);

// `parktwin report`: one self-contained HTML report of a results file (docs/presenting.md).
struct ReportRequest {
  std::string results;
  std::string output;           // .html
  std::string language = "en";  // en or zh
  std::string scenarios;        // comma-separated; "" = every scenario
};
// How a report has its file's comparison against the baseline: `parktwin demo` computes and
// prints it while the report's snapshots are drawn; empty: the report computes it.
using ComparisonSource = std::function<economics::Comparison()>;
// `tally`: the file's series sums where the caller took them while writing it (`parktwin demo`);
// else they are read from the file.
int reportCommand(const ReportRequest& request, const ReportTally* tally = nullptr,
                  const ComparisonSource& comparison = {});

// `parktwin diagnose`: motors diagnosed from meter readings (docs/diagnosis.md).
struct DiagnoseRequest {
  std::string meters;     // meter CSV
  std::string park_path;  // park file (nameplates, tariff, emission factor)
  bool json = false;
  std::string csv;   // "" = none
  std::string xlsx;  // "" = none
  std::string to_class = "IE4";
  std::string language = "en";
  std::string results;  // a results file to add the findings to (/diagnosis), "" = none
};
int diagnoseCommand(const DiagnoseRequest& request);
// `parktwin calibrate`: the twin against its meters, and fitted to them.
struct CalibrateRequest {
  std::string park_path;
  std::string meters;
  std::vector<std::string> adjust;  // PATH,PATH,... (repeatable)
  bool json = false;
  std::string output;  // calibrated park file, "" = none
};
int calibrateCommand(const CalibrateRequest& request);
// A meter CSV read against a park's ids (diagnose, calibrate); its skipped rows and unknown ids
// printed as warnings on standard error.
MeterData readParkMeters(const std::string& path, const ParkModel& model,
                         const std::string& park_path);

// `parktwin shading`: PV modules shaded by the park's own geometry at given instants.
struct ShadingRequest {
  std::string park_path;
  std::vector<std::string> times;  // ISO 8601 with an offset
  std::string scenario;            // "" = the baseline
  bool json = false;
};
int shadingCommand(const ShadingRequest& request);

PeriodOverride parsePeriodFlags(const PeriodFlags& flags);

// `parktwin pv`: one PV system over a weather year. Angles in degrees, as on the command line.
struct PvRequest {
  std::string weather;                                      // an .epw file or "synthetic"
  std::optional<double> latitude, longitude, utc_offset_h;  // synthetic only
  double elevation = 0.0;                                   // m, synthetic only
  int year = 2025;                                          // synthetic only
  uint64_t seed = 1;                                        // synthetic only
  double tilt = 22.0;
  double azimuth = 180.0;
  double dc_kw = 1.0;
  double losses_pct = 14.08;
  double dc_ac_ratio = 1.2;
  double inverter_efficiency = 0.96;
  double gamma_pct = -0.37;  // %/K
  double albedo = 0.2;
  std::string transposition = "perez";
  std::string temperature_model = "sapm-open-rack-glass-polymer";
  std::string iam = "physical";
  std::string hourly;  // CSV path, "" for none
  bool json = false;
};
int pvCommand(const PvRequest& request);

// `parktwin motor`: quantities as text with units ("15kW", "2%"), parsed like park-file values.
struct MotorRequest {
  std::string rated_power;
  int poles = 4;
  std::string motor_class;
  std::string load;               // "" for the curve 0-125 %
  std::string voltage_unbalance;  // "" for none
  std::string voltage = "400 V";
  bool json = false;
};
int motorCommand(const MotorRequest& request);

// `parktwin transformer`: GB 20052-2024 grades.
struct TransformerRequest {
  std::string rated_power;  // "1000kVA"
  std::string type = "oil";
  int grade = 1;
  std::string core = "steel";
  std::string load;  // "" for none
  double power_factor = 1.0;
  bool json = false;
};
int transformerCommand(const TransformerRequest& request);

// `parktwin pump` and `parktwin fan`: a centrifugal machine whose best-efficiency point (BEP) is
// the design point, a system curve through it with a static part, and a reduced duty flow met by
// throttling at full speed or by speed control. Quantities as text with units.
struct FlowMachineRequest {
  std::string flow;              // design (BEP) flow, e.g. "100m3/h"
  std::string pressure;          // pump: head "32m"; fan: pressure rise "1200Pa"
  std::string efficiency;        // machine efficiency at the BEP, e.g. "78%"
  std::string static_pressure;   // pump: static head "12m"; fan: static pressure "300Pa"; "" = 0
  std::string duty_flow;         // a fraction of the design flow ("70%") or a flow ("70m3/h")
  double shutoff_ratio = 1.25;   // shut-off / BEP pressure
  double density = 998.2;        // kg/m3, pump only (head to pressure)
  std::string motor_efficiency;  // "" = report shaft power only
  std::string hours;             // running hours per year at the duty, "" = none
  std::string price;             // energy price, e.g. "0.7CNY/kWh", "" = none
  bool json = false;
};
int pumpCommand(const FlowMachineRequest& request);
int fanCommand(const FlowMachineRequest& request);

// `parktwin compressor`: power at a demand by control mode, specific power, leaks, the effect of
// 0.1 MPa lower discharge pressure and the GB 19153-2019 grade where the partial table covers it.
struct CompressorRequest {
  std::string rated_flow;       // free air delivery at full load, e.g. "20m3/min"
  std::string power;            // package input power at full load, e.g. "110kW"
  std::string pressure;         // rated discharge pressure, gauge, e.g. "0.7MPa"
  std::string control;          // load-unload, modulation or vsd
  std::string demand;           // a flow ("12m3/min") or a fraction of the rated flow ("60%")
  std::string leak;             // share of the demand that leaks ("25%") or a flow; "" = none
  std::string motor_power;      // motor rated power for GB 19153, "" = --power
  std::string cooling = "air";  // air or liquid (GB 19153)
  int stages = 1;               // intercooled stages for the pressure effect
  std::string hours;            // "" = none
  std::string price;            // "" = none
  bool json = false;
};
int compressorCommand(const CompressorRequest& request);

// `parktwin solar`: the sun's position by NREL's SPA at one instant (--time with --lat --lon) or
// for every row of a CSV file (--csv). Units as on the command line.
struct SolarRequest {
  std::string time;  // ISO 8601 with a UTC offset, e.g. 2003-10-17T12:30:30-07:00
  std::optional<double> latitude, longitude;  // deg, north and east positive
  double elevation = 0.0;                     // m
  double pressure = 1013.25;                  // hPa, for refraction
  double temperature = 12.0;                  // C, for refraction
  double delta_t = 67.0;                      // s, TT - UT
  bool json = false;
  std::string csv;     // input CSV path, "" for --time
  std::string output;  // output CSV path, "" for stdout
};
int solarCommand(const SolarRequest& request);

// `parktwin powerflow`: AC power flow of a MATPOWER case (twin/parkfile/matpower_case.h), one solve
// or a time series of bus demands.
struct PowerflowRequest {
  std::string case_path;
  bool json = false;
  std::string output;  // CSV of bus voltages (one solve) or HDF5 (with --series); "" = none
  bool enforce_q_limits = false;
  std::string series;  // CSV with time, p_mw_<BUS_I>, q_mvar_<BUS_I>; "" = one solve
};
int powerflowCommand(const PowerflowRequest& request);

}  // namespace twin::cli
