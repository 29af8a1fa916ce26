// The `parktwin` command: parses flags with CLI11 and dispatches to the subcommands.
// Exit codes: 0 success, 2 bad input (park files, flags, results files), 1 internal failure,
// 130 interrupted.
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "app/commands.h"
#include "app/version.h"
#include "twin/base/error.h"
#include "viewer/viewer_commands.h"

namespace {

std::string joinArgs(int argc, char** argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.find(' ') != std::string::npos) arg = "'" + arg + "'";
    line += (i ? " " : "") + arg;
  }
  return line;
}

void addPeriodFlags(CLI::App& cmd, twin::cli::PeriodFlags& period) {
  cmd.add_option("--start", period.start, "First local date simulated, YYYY-MM-DD");
  cmd.add_option("--end", period.end, "Local date the simulation stops before, YYYY-MM-DD");
  cmd.add_option("--step", period.step, "Time step, 1min to 1h dividing an hour (e.g. 15min)");
}

void addPvFlags(CLI::App& cmd, twin::cli::PvRequest& pv) {
  cmd.add_option("--weather", pv.weather, "EPW file, or \"synthetic\" (needs --lat --lon)")
      ->required();
  cmd.add_option("--lat", pv.latitude, "Latitude, degrees north (synthetic weather)")
      ->check(CLI::Range(-90.0, 90.0));
  cmd.add_option("--lon", pv.longitude, "Longitude, degrees east (synthetic weather)")
      ->check(CLI::Range(-180.0, 180.0));
  cmd.add_option("--elevation", pv.elevation, "Site elevation, m (synthetic weather)");
  cmd.add_option("--utc-offset", pv.utc_offset_h, "Hours from UTC (synthetic; default lon/15)")
      ->check(CLI::Range(-12.0, 14.0));
  cmd.add_option("--year", pv.year, "Year of the synthetic weather")->check(CLI::Range(1901, 2199));
  cmd.add_option("--seed", pv.seed, "Seed of the synthetic weather");
  cmd.add_option("--tilt", pv.tilt, "Tilt from horizontal, deg")->check(CLI::Range(0.0, 90.0));
  cmd.add_option("--azimuth", pv.azimuth, "Azimuth clockwise from north, deg (180 = south)")
      ->check(CLI::Range(0.0, 360.0));
  cmd.add_option("--dc-kw", pv.dc_kw, "DC rating at STC, kW")->check(CLI::PositiveNumber);
  cmd.add_option("--losses", pv.losses_pct, "System losses, %")->check(CLI::Range(0.0, 99.0));
  cmd.add_option("--dc-ac-ratio", pv.dc_ac_ratio, "DC/AC ratio")->check(CLI::Range(0.5, 3.0));
  cmd.add_option("--inverter-efficiency", pv.inverter_efficiency, "Nominal inverter efficiency")
      ->check(CLI::Range(0.5, 1.0));
  cmd.add_option("--gamma", pv.gamma_pct, "Power temperature coefficient, %/K")
      ->check(CLI::Range(-2.0, 0.0));
  cmd.add_option("--albedo", pv.albedo, "Ground reflectance")->check(CLI::Range(0.0, 1.0));
  cmd.add_option("--transposition", pv.transposition, "Sky diffuse model")
      ->check(CLI::IsMember({"perez", "haydavies", "isotropic"}));
  cmd.add_option("--temperature-model", pv.temperature_model, "Cell temperature model")
      ->check(CLI::IsMember({"sapm-open-rack-glass-polymer", "faiman"}));
  cmd.add_option("--iam", pv.iam, "Incidence-angle modifier on the beam")
      ->check(CLI::IsMember({"physical", "ashrae", "none"}));
  cmd.add_option("--hourly", pv.hourly, "Write the hourly results to this CSV file");
  cmd.add_flag("--json", pv.json, "Print JSON");
}

void addSolarFlags(CLI::App& cmd, twin::cli::SolarRequest& solar) {
  CLI::Option* time = cmd.add_option("--time", solar.time,
                                     "Instant, ISO 8601 with offset (2025-06-21T12:00:00+08:00)");
  CLI::Option* lat = cmd.add_option("--lat", solar.latitude, "Latitude, degrees north");
  CLI::Option* lon = cmd.add_option("--lon", solar.longitude, "Longitude, degrees east");
  CLI::Option* elevation =
      cmd.add_option("--elevation", solar.elevation, "Elevation, m")->capture_default_str();
  CLI::Option* pressure =
      cmd.add_option("--pressure", solar.pressure, "Air pressure for refraction, hPa")
          ->capture_default_str();
  CLI::Option* temperature =
      cmd.add_option("--temperature", solar.temperature, "Air temperature for refraction, C")
          ->capture_default_str();
  CLI::Option* delta_t =
      cmd.add_option("--delta-t", solar.delta_t, "TT - UT, s")->capture_default_str();
  CLI::Option* json = cmd.add_flag("--json", solar.json, "Print JSON (with --time)");
  CLI::Option* csv = cmd.add_option(
      "--csv", solar.csv,
      "CSV with columns time, latitude, longitude, elevation_m [, pressure_hpa, temperature_c, "
      "delta_t_s]");
  cmd.add_option("-o,--output", solar.output, "CSV to write (with --csv; default stdout)")
      ->needs(csv);
  for (CLI::Option* o : {time, lat, lon, elevation, pressure, temperature, delta_t, json}) {
    csv->excludes(o);
  }
}

void addMotorFlags(CLI::App& cmd, twin::cli::MotorRequest& m) {
  cmd.add_option("--rated-power", m.rated_power, "Rated shaft power, e.g. 15kW")->required();
  cmd.add_option("--poles", m.poles, "Poles")->check(CLI::IsMember({2, 4, 6, 8}));
  cmd.add_option("--class", m.motor_class, "IE1..IE5 (IEC 60034-30-1) or GB1..GB3 (GB 18613)")
      ->required();
  cmd.add_option("--load", m.load, "Shaft load, fraction or % of rating (0-125 %)");
  cmd.add_option("--voltage-unbalance", m.voltage_unbalance, "Voltage unbalance, e.g. 2%");
  cmd.add_option("--voltage", m.voltage, "Supply voltage, line-to-line (default 400 V)");
  cmd.add_flag("--json", m.json, "Print JSON");
}

void addTransformerFlags(CLI::App& cmd, twin::cli::TransformerRequest& t) {
  cmd.add_option("--rated-power", t.rated_power, "Rated power, e.g. 1000kVA")->required();
  cmd.add_option("--type", t.type, "oil or dry")->check(CLI::IsMember({"oil", "dry"}));
  cmd.add_option("--grade", t.grade, "GB 20052-2024 grade 1, 2 or 3")->check(CLI::Range(1, 3));
  cmd.add_option("--core", t.core, "steel or amorphous")
      ->check(CLI::IsMember({"steel", "amorphous"}));
  cmd.add_option("--load", t.load, "Loading S/Sr, fraction or %");
  cmd.add_option("--power-factor", t.power_factor, "Load power factor (default 1)")
      ->check(CLI::Range(0.01, 1.0));
  cmd.add_flag("--json", t.json, "Print JSON");
}

void addFlowMachineCostFlags(CLI::App& cmd, twin::cli::FlowMachineRequest& r) {
  cmd.add_option("--shutoff-ratio", r.shutoff_ratio,
                 "Shut-off / BEP pressure of the quadratic machine curve (default 1.25)")
      ->check(CLI::Range(1.01, 3.0));
  cmd.add_option("--motor-efficiency", r.motor_efficiency,
                 "Motor efficiency, e.g. 92% (adds input power; drive losses not included)");
  cmd.add_option("--hours", r.hours, "Running hours a year at the duty, e.g. 4000h");
  cmd.add_option("--price", r.price, "Energy price, e.g. 0.7CNY/kWh (with --hours)");
  cmd.add_flag("--json", r.json, "Print JSON");
}

void addPumpFlags(CLI::App& cmd, twin::cli::FlowMachineRequest& r) {
  cmd.add_option("--flow", r.flow, "Design (BEP) flow, e.g. 100m3/h (m3/h, m3/min, m3/s, L/s)")
      ->required();
  cmd.add_option("--head", r.pressure, "Head at the design point, e.g. 32m")->required();
  cmd.add_option("--efficiency", r.efficiency, "Pump efficiency at the design point, e.g. 78%")
      ->required();
  cmd.add_option("--static-head", r.static_pressure,
                 "Static head of the system curve H = Hs + k Q^2, e.g. 12m (default 0)");
  cmd.add_option("--duty-flow", r.duty_flow,
                 "Reduced duty: % of the design flow (70%) or a flow (70m3/h)")
      ->required();
  cmd.add_option("--density", r.density, "Liquid density, kg/m3 (default 998.2, water 20 C)")
      ->check(CLI::Range(1.0, 20000.0));
  addFlowMachineCostFlags(cmd, r);
}

void addFanFlags(CLI::App& cmd, twin::cli::FlowMachineRequest& r) {
  cmd.add_option("--flow", r.flow, "Design (BEP) flow, e.g. 20000m3/h (m3/h, m3/min, m3/s, L/s)")
      ->required();
  cmd.add_option("--pressure", r.pressure,
                 "Fan total pressure rise at the design point, e.g. 1200Pa (Pa, kPa)")
      ->required();
  cmd.add_option("--efficiency", r.efficiency, "Fan efficiency at the design point, e.g. 70%")
      ->required();
  cmd.add_option("--static-pressure", r.static_pressure,
                 "Static part of the system curve p = ps + k Q^2, e.g. 300Pa (default 0)");
  cmd.add_option("--duty-flow", r.duty_flow,
                 "Reduced duty: % of the design flow (60%) or a flow (12000m3/h)")
      ->required();
  addFlowMachineCostFlags(cmd, r);
}

void addCompressorFlags(CLI::App& cmd, twin::cli::CompressorRequest& r) {
  cmd.add_option("--rated-flow", r.rated_flow, "Free air delivery at full load, e.g. 20m3/min")
      ->required();
  cmd.add_option("--power", r.power, "Package input power at full load, e.g. 110kW")->required();
  cmd.add_option("--pressure", r.pressure, "Rated discharge pressure, GAUGE, e.g. 0.7MPa or 7bar")
      ->required();
  cmd.add_option("--control", r.control, "load-unload, modulation or vsd")->required();
  cmd.add_option("--demand", r.demand,
                 "Average air demand: a flow (12m3/min) or % of the rated flow (60%)")
      ->required();
  cmd.add_option("--leak", r.leak, "Leaks as a share of the demand (25%) or a flow (3m3/min)");
  cmd.add_option("--motor-power", r.motor_power,
                 "Motor rated power for the GB 19153 table (default: --power)");
  cmd.add_option("--cooling", r.cooling, "air or liquid (GB 19153 table; default air)")
      ->check(CLI::IsMember({"air", "liquid"}));
  cmd.add_option("--stages", r.stages, "Intercooled compression stages (1 or 2), pressure effect")
      ->check(CLI::Range(1, 2));
  cmd.add_option("--hours", r.hours, "Running hours a year, e.g. 4000h");
  cmd.add_option("--price", r.price, "Energy price, e.g. 0.7CNY/kWh (with --hours)");
  cmd.add_flag("--json", r.json, "Print JSON");
}

void addSnapshotFlags(CLI::App& cmd, viewer::SnapshotRequest& r) {
  cmd.add_option("results", r.results, "Results file (HDF5)")->required();
  cmd.add_option("--time", r.time,
                 "Step to show: YYYY-MM-DDTHH:MM in site time, or with an offset (default: 12:00 "
                 "on the first day)");
  cmd.add_option("--scenario", r.scenario, "Scenario of the results file (default: baseline)");
  cmd.add_option("--view", r.view, "Camera preset: iso, top, south or east")->capture_default_str();
  cmd.add_option("--camera", r.camera, "Frame this object (building, equipment, bus or cable id)");
  cmd.add_option("--size", r.size, "Image size WIDTHxHEIGHT")->capture_default_str();
  cmd.add_option("--layers", r.layers, "Layers shown, comma-separated")->capture_default_str();
  cmd.add_option("--color-map", r.color_map, "viridis, turbo or traffic")->capture_default_str();
  cmd.add_option("--language", r.language, "Legend language: en or zh")->capture_default_str();
  cmd.add_flag("!--no-legend", r.legend, "Leave out the title and legend overlays");
  cmd.add_option("-o,--output", r.output, "PNG file to write")->required();
}

void addViewFlags(CLI::App& cmd, viewer::ViewRequest& r) {
  cmd.add_option("results", r.results, "Results file (HDF5)")->required();
  cmd.add_option("--compare", r.compare, "A second results file, shown side by side (A/B)");
  cmd.add_option("--scenario", r.scenario, "Scenario shown (default: baseline)");
  cmd.add_option("--compare-scenario", r.compare_scenario,
                 "Scenario of the right view (of --compare's file, or of the same file)");
  cmd.add_option("--time", r.time, "Step shown first (as snapshot --time)");
  cmd.add_option("--size", r.size, "Window size WIDTHxHEIGHT")->capture_default_str();
  cmd.add_option("--language", r.language, "Panel language: en or zh")->capture_default_str();
  cmd.add_option("--msaa", r.msaa, "Multisampling: 0, 2, 4 or 8 samples (software GL: 0)")
      ->check(CLI::IsMember({0, 2, 4, 8}));
  cmd.add_option("--frames", r.frames, "Quit after this many frames (scripted runs)")
      ->check(CLI::NonNegativeNumber);
  cmd.add_option("--screenshot", r.screenshot,
                 "Write the window's last frame, panels included, to this PNG file on exit");
}

// Every subcommand's request, filled by the parser, and its CLI11 handle.
struct Commands {
  int threads = static_cast<int>(tbb::info::default_concurrency());
  twin::cli::RunRequest run;
  CLI::App* run_cmd = nullptr;
  std::string validate_path;
  CLI::App* validate_cmd = nullptr;
  std::string info_path;
  bool info_json = false;
  CLI::App* info_cmd = nullptr;
  std::string demo_dir = "parktwin-demo";
  twin::cli::PeriodFlags demo_period;
  twin::cli::PvRequest pv;
  CLI::App* pv_cmd = nullptr;
  twin::cli::SolarRequest solar;
  CLI::App* solar_cmd = nullptr;
  twin::cli::MotorRequest motor;
  CLI::App* motor_cmd = nullptr;
  twin::cli::TransformerRequest transformer;
  CLI::App* transformer_cmd = nullptr;
  twin::cli::FlowMachineRequest pump;
  CLI::App* pump_cmd = nullptr;
  twin::cli::FlowMachineRequest fan;
  CLI::App* fan_cmd = nullptr;
  twin::cli::CompressorRequest compressor;
  CLI::App* compressor_cmd = nullptr;
  twin::cli::PowerflowRequest powerflow;
  CLI::App* powerflow_cmd = nullptr;
  twin::cli::CompareRequest compare;
  CLI::App* compare_cmd = nullptr;
  viewer::SnapshotRequest snapshot;
  CLI::App* snapshot_cmd = nullptr;
  viewer::ViewRequest view;
  CLI::App* view_cmd = nullptr;
};

// run, validate, info and demo: the commands on park files.
void addParkCommands(CLI::App& app, Commands& c) {
  c.run_cmd = app.add_subcommand("run", "Simulate a park file (baseline and scenarios)");
  c.run_cmd->add_option("park", c.run.park_path, "Park file (YAML)")->required();
  c.run_cmd->add_option("-o,--output", c.run.output, "Results file to write (HDF5)")->required();
  addPeriodFlags(*c.run_cmd, c.run.period);
  c.run_cmd->add_option("--threads", c.threads, "Worker threads")->check(CLI::Range(1, 1024));
  c.run_cmd->add_option("--scenario", c.run.scenarios, "Run only these scenarios (repeatable)");
  c.run_cmd->add_flag("--baseline-only", c.run.baseline_only, "Run the baseline only");
  c.run_cmd->add_flag("--each-measure", c.run.each_measure,
                      "Also run each measure of a scenario with several measures alone");

  c.validate_cmd = app.add_subcommand("validate", "Check a park file, report every error");
  c.validate_cmd->add_option("park", c.validate_path, "Park file (YAML)")->required();

  c.info_cmd = app.add_subcommand("info", "Describe a park file or a results file");
  c.info_cmd->add_option("file", c.info_path, "Park file (YAML) or results file (HDF5)")
      ->required();
  c.info_cmd->add_flag("--json", c.info_json, "Print JSON");

  CLI::App* demo_cmd = app.add_subcommand("demo", "Run the bundled demo park, print its KPIs");
  demo_cmd->add_option("-o,--output-dir", c.demo_dir, "Folder for park.yaml and results.h5");
  addPeriodFlags(*demo_cmd, c.demo_period);
  demo_cmd->add_option("--threads", c.threads, "Worker threads")->check(CLI::Range(1, 1024));
}

// pv, solar, motor, transformer, pump, fan, compressor and powerflow: the calculators.
void addCalculatorCommands(CLI::App& app, Commands& c) {
  c.pv_cmd = app.add_subcommand("pv", "One PV system over a weather year (PVWatts v5 chain)");
  addPvFlags(*c.pv_cmd, c.pv);
  c.solar_cmd =
      app.add_subcommand("solar", "Sun position (NREL SPA) at one time, or for a CSV of times");
  addSolarFlags(*c.solar_cmd, c.solar);
  c.motor_cmd =
      app.add_subcommand("motor", "Induction motor efficiency by class and load (IEC / GB)");
  addMotorFlags(*c.motor_cmd, c.motor);
  c.transformer_cmd =
      app.add_subcommand("transformer", "Distribution transformer losses by GB 20052 grade");
  addTransformerFlags(*c.transformer_cmd, c.transformer);
  c.pump_cmd =
      app.add_subcommand("pump", "Centrifugal pump: throttling vs speed control at a reduced duty");
  addPumpFlags(*c.pump_cmd, c.pump);
  c.fan_cmd =
      app.add_subcommand("fan", "Centrifugal fan: damper throttling vs speed control at a duty");
  addFanFlags(*c.fan_cmd, c.fan);
  c.compressor_cmd = app.add_subcommand(
      "compressor", "Air compressor: power, specific power, leak cost, GB 19153 grade");
  addCompressorFlags(*c.compressor_cmd, c.compressor);

  twin::cli::PowerflowRequest& pf = c.powerflow;
  c.powerflow_cmd = app.add_subcommand(
      "powerflow", "AC power flow (Newton-Raphson) of a MATPOWER case file, or a time series");
  c.powerflow_cmd->add_option("case", pf.case_path, "MATPOWER case file (.m, version 2)")
      ->required();
  c.powerflow_cmd->add_flag("--json", pf.json, "Print JSON");
  c.powerflow_cmd->add_option("-o,--output", pf.output,
                              "CSV of bus_i,vm_pu,va_deg; with --series the HDF5 results file");
  c.powerflow_cmd->add_flag("--enforce-q-limits", pf.enforce_q_limits,
                            "Enforce generator reactive limits (PV buses at a limit become PQ)");
  c.powerflow_cmd->add_option("--series", pf.series,
                              "CSV with time and p_mw_<BUS_I>, q_mvar_<BUS_I> demands per step");
}

// compare, snapshot and view: the commands on results files.
void addViewerCommands(CLI::App& app, Commands& c) {
  c.compare_cmd = app.add_subcommand(
      "compare", "Scenarios of a results file against the baseline: KPIs, NPV, IRR, payback");
  c.compare_cmd->add_option("results", c.compare.path, "Results file (HDF5)")->required();
  c.compare_cmd->add_option("--baseline", c.compare.baseline,
                            "Run to compare against (default: the baseline)");
  c.compare_cmd->add_flag("--json", c.compare.json, "Print JSON");
  c.compare_cmd->add_option("--csv", c.compare.csv_dir,
                            "Folder for kpis.csv, economics.csv, cash_flows.csv, monthly.csv");
  c.compare_cmd->add_option("--xlsx", c.compare.xlsx,
                            "Excel workbook: summary, economics, cash flows, monthly, abatement");
  c.compare_cmd->add_option("--language", c.compare.language, "Language of the workbook")
      ->check(CLI::IsMember({"en", "zh"}));
  c.snapshot_cmd = app.add_subcommand(
      "snapshot", "Render a results step of the park in 3D to a PNG file, without a display");
  addSnapshotFlags(*c.snapshot_cmd, c.snapshot);
  c.view_cmd = app.add_subcommand(
      "view", "Open the 3D viewer on a results file (time slider, KPIs, picking, A/B compare)");
  addViewFlags(*c.view_cmd, c.view);
}

// Runs the subcommand that was parsed, with the worker threads limited.
int runParsed(Commands& c, const std::string& command_line) {
  const tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                                  static_cast<size_t>(c.threads));
  if (*c.run_cmd) {
    c.run.command_line = command_line;
    return twin::cli::runCommand(c.run);
  }
  if (*c.validate_cmd) return twin::cli::validateCommand(c.validate_path);
  if (*c.info_cmd) return twin::cli::infoCommand(c.info_path, c.info_json);
  if (*c.pv_cmd) return twin::cli::pvCommand(c.pv);
  if (*c.motor_cmd) return twin::cli::motorCommand(c.motor);
  if (*c.transformer_cmd) return twin::cli::transformerCommand(c.transformer);
  if (*c.pump_cmd) return twin::cli::pumpCommand(c.pump);
  if (*c.fan_cmd) return twin::cli::fanCommand(c.fan);
  if (*c.compressor_cmd) return twin::cli::compressorCommand(c.compressor);
  if (*c.solar_cmd) return twin::cli::solarCommand(c.solar);
  if (*c.powerflow_cmd) return twin::cli::powerflowCommand(c.powerflow);
  if (*c.compare_cmd) return twin::cli::compareCommand(c.compare);
  if (*c.snapshot_cmd) return viewer::snapshotCommand(c.snapshot);
  if (*c.view_cmd) return viewer::viewCommand(c.view);
  return twin::cli::demoCommand(c.demo_dir, c.demo_period, command_line);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ParkTwin: an energy digital twin of an industrial park", "parktwin"};
  app.set_version_flag("--version", std::string(twin::kToolVersion));
  app.require_subcommand(1);
  Commands commands;
  addParkCommands(app, commands);
  addCalculatorCommands(app, commands);
  addViewerCommands(app, commands);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  const std::string command_line = joinArgs(argc, argv);
  try {
    return runParsed(commands, command_line);
  } catch (const twin::InputError& e) {
    std::cerr << e.what() << '\n';
    const size_t n = e.diagnostics().size();
    if (n > 1) std::cerr << n << " errors\n";
    return 2;
  } catch (const twin::Interrupted&) {
    std::cerr << "\ninterrupted: no results file was written\n";
    return 130;
  } catch (const std::exception& e) {
    std::cerr << "internal error: " << e.what() << '\n';
    return 1;
  } catch (...) {
    std::cerr << "internal error: unknown exception\n";
    return 1;
  }
}
