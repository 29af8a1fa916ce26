// The `parktwin` command: parses flags with CLI11 and dispatches to the subcommands.
// Exit codes: 0 success, 2 bad input (park files, flags, results files), 1 internal failure,
// 130 interrupted.
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "app/calculator_flags.h"
#include "app/commands.h"
#include "app/planning_flags.h"
#include "app/progress.h"
#include "app/version.h"
#include "app/viewer_flags.h"
#include "twin/base/error.h"

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
  twin::cli::SweepRequest sweep;
  CLI::App* sweep_cmd = nullptr;
  twin::cli::SizeRequest size;
  CLI::App* size_cmd = nullptr;
  twin::cli::DrCostRequest dr_cost;
  CLI::App* dr_cost_cmd = nullptr;
  twin::cli::CompareRequest compare;
  CLI::App* compare_cmd = nullptr;
  twin::cli::ReportRequest report;
  CLI::App* report_cmd = nullptr;
  twin::cli::DiagnoseRequest diagnose;
  CLI::App* diagnose_cmd = nullptr;
  twin::cli::CalibrateRequest calibrate;
  CLI::App* calibrate_cmd = nullptr;
  twin::cli::ShadingRequest shading;
  CLI::App* shading_cmd = nullptr;
  viewer::SnapshotRequest snapshot;
  CLI::App* snapshot_cmd = nullptr;
  viewer::ViewRequest view;
  CLI::App* view_cmd = nullptr;
  viewer::VideoRequest video;
  CLI::App* video_cmd = nullptr;
};

// run, validate, info and demo: the commands on park files.
void addParkCommands(CLI::App& app, Commands& c) {
  c.run_cmd = app.add_subcommand("run", "Simulate a park file (baseline and scenarios)");
  c.run_cmd->add_option("park", c.run.park_path, "Park file (YAML)")->required();
  c.run_cmd->add_option("-o,--output", c.run.output, "Results file to write (HDF5)")->required();
  twin::cli::addPeriodFlags(*c.run_cmd, c.run.period);
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

  c.shading_cmd = app.add_subcommand(
      "shading", "PV modules shaded by the park's buildings, obstacles and modules at given times");
  c.shading_cmd->add_option("park", c.shading.park_path, "Park file (YAML)")->required();
  c.shading_cmd->add_option("--time", c.shading.times, "ISO 8601 time with offset (repeatable)")
      ->required();
  c.shading_cmd->add_option("--scenario", c.shading.scenario,
                            "Scenario to shade (default baseline)");
  c.shading_cmd->add_flag("--json", c.shading.json, "Print JSON");
  c.shading_cmd->add_option("--threads", c.threads, "Worker threads")->check(CLI::Range(1, 1024));

  c.sweep_cmd = app.add_subcommand("sweep", "Run variants of one or many parks (grid of --vary)");
  c.sweep_cmd->add_option("park", c.sweep.park_path, "Park file (YAML)");
  c.sweep_cmd->add_option("--parks", c.sweep.parks, "More park files, each with its scenarios");
  c.sweep_cmd->add_option("--vary", c.sweep.vary, "SECTION.ID.FIELD=V1,V2,... (repeatable)");
  c.sweep_cmd->add_option("-o,--output", c.sweep.output, "Results file to write (HDF5)")
      ->required();
  twin::cli::addPeriodFlags(*c.sweep_cmd, c.sweep.period);
  c.sweep_cmd->add_option("--threads", c.threads, "Worker threads")->check(CLI::Range(1, 1024));
  c.sweep_cmd->add_option("--store", c.sweep.store,
                          "park (park series of all), full, none, or variants: v03,v17");
  c.sweep_cmd
      ->add_option("--samples", c.sweep.samples,
                   "Monte Carlo samples of each park's uncertainty: section")
      ->check(CLI::Range(1, 1000000));
  c.sweep_cmd->add_option("--seed", c.sweep.seed, "Seed of the samples (same seed, same draws)");
  c.sweep_cmd->add_flag("--resume", c.sweep.resume,
                        "Run only the variants the journal beside the output lacks");

  c.size_cmd =
      app.add_subcommand("size", "A scenario's battery energy and power by NPV, payback or CO2");
  twin::cli::addSizeFlags(*c.size_cmd, c.size, c.threads);
  c.dr_cost_cmd = app.add_subcommand(
      "dr-cost", "What a demand-response event of a given size and time would cost the park");
  twin::cli::addDrCostFlags(*c.dr_cost_cmd, c.dr_cost, c.threads);

  CLI::App* demo_cmd = app.add_subcommand("demo", "Run the bundled demo park, print its KPIs");
  demo_cmd->add_option("-o,--output-dir", c.demo_dir, "Folder for park.yaml and results.h5");
  twin::cli::addPeriodFlags(*demo_cmd, c.demo_period);
  demo_cmd->add_option("--threads", c.threads, "Worker threads")->check(CLI::Range(1, 1024));
}

// pv, solar, motor, transformer, pump, fan, compressor and powerflow: the calculators.
void addCalculatorCommands(CLI::App& app, Commands& c) {
  c.pv_cmd = app.add_subcommand("pv", "One PV system over a weather year (PVWatts v5 chain)");
  twin::cli::addPvFlags(*c.pv_cmd, c.pv);
  c.solar_cmd =
      app.add_subcommand("solar", "Sun position (NREL SPA) at one time, or for a CSV of times");
  twin::cli::addSolarFlags(*c.solar_cmd, c.solar);
  c.motor_cmd =
      app.add_subcommand("motor", "Induction motor efficiency by class and load (IEC / GB)");
  twin::cli::addMotorFlags(*c.motor_cmd, c.motor);
  c.transformer_cmd =
      app.add_subcommand("transformer", "Distribution transformer losses by GB 20052 grade");
  twin::cli::addTransformerFlags(*c.transformer_cmd, c.transformer);
  c.pump_cmd =
      app.add_subcommand("pump", "Centrifugal pump: throttling vs speed control at a reduced duty");
  twin::cli::addPumpFlags(*c.pump_cmd, c.pump);
  c.fan_cmd =
      app.add_subcommand("fan", "Centrifugal fan: damper throttling vs speed control at a duty");
  twin::cli::addFanFlags(*c.fan_cmd, c.fan);
  c.compressor_cmd = app.add_subcommand(
      "compressor", "Air compressor: power, specific power, leak cost, GB 19153 grade");
  twin::cli::addCompressorFlags(*c.compressor_cmd, c.compressor);

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
  c.report_cmd = app.add_subcommand(
      "report", "One self-contained HTML report of a results file, for laptops and projectors");
  c.report_cmd->add_option("results", c.report.results, "Results file (HDF5)")->required();
  c.report_cmd->add_option("-o,--output", c.report.output, "The report, .html")->required();
  c.report_cmd->add_option("--language", c.report.language, "en or zh")
      ->check(CLI::IsMember({"en", "zh"}));
  c.report_cmd->add_option("--scenarios", c.report.scenarios,
                           "Scenarios to show, comma-separated (default: all)");
  c.snapshot_cmd = app.add_subcommand(
      "snapshot", "Render a results step of the park in 3D to a PNG file, without a display");
  twin::cli::addSnapshotFlags(*c.snapshot_cmd, c.snapshot);
  c.view_cmd = app.add_subcommand(
      "view", "Open the 3D viewer on a results file (time slider, KPIs, picking, A/B compare)");
  twin::cli::addViewFlags(*c.view_cmd, c.view);
  c.video_cmd = app.add_subcommand(
      "video", "Render a period of the results to an H.264 MP4 video, without a display");
  twin::cli::addVideoFlags(*c.video_cmd, c.video);
}

// diagnose and calibrate: the engineers' commands on meter data.
void addMeterCommands(CLI::App& app, Commands& c) {
  twin::cli::DiagnoseRequest& d = c.diagnose;
  c.diagnose_cmd = app.add_subcommand(
      "diagnose", "Motors from meter readings: load, efficiency, flags, replacement ranking");
  c.diagnose_cmd->add_option("meters", d.meters, "Meter readings (CSV, long format)")->required();
  c.diagnose_cmd->add_option("--park", d.park_path, "Park file (YAML) with the nameplates")
      ->required();
  c.diagnose_cmd->add_flag("--json", d.json, "Print JSON");
  c.diagnose_cmd->add_option("--csv", d.csv, "CSV file of the findings, one row per motor");
  c.diagnose_cmd->add_option("--xlsx", d.xlsx, "Excel workbook of the findings");
  c.diagnose_cmd->add_option("--to-class", d.to_class, "Class of the replacement (IE4 or IE5)")
      ->check(CLI::IsMember({"IE4", "IE5"}));
  c.diagnose_cmd->add_option("--results", d.results,
                             "Results file (HDF5) to add the findings to, for the viewer");
  c.diagnose_cmd->add_option("--language", d.language, "Language of the table and workbook")
      ->check(CLI::IsMember({"en", "zh"}));

  twin::cli::CalibrateRequest& k = c.calibrate;
  c.calibrate_cmd = app.add_subcommand(
      "calibrate", "The twin against its meters (ASHRAE Guideline 14), and fitted to them");
  c.calibrate_cmd->add_option("park", k.park_path, "Park file (YAML)")->required();
  c.calibrate_cmd->add_option("meters", k.meters, "Meter readings (CSV, long format)")->required();
  c.calibrate_cmd->add_option("--adjust", k.adjust,
                              "Fields to fit, SECTION.ID.FIELD[,...] as in sweep (repeatable)");
  c.calibrate_cmd->add_flag("--json", k.json, "Print JSON");
  c.calibrate_cmd->add_option("-o,--output", k.output, "Write the calibrated park file (YAML)");
  c.calibrate_cmd->add_option("--threads", c.threads, "Worker threads")->check(CLI::Range(1, 1024));
}

// Runs the subcommand that was parsed, with the worker threads limited.
int runParsed(Commands& c, const std::string& command_line) {
  const tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                                  static_cast<size_t>(c.threads));
  if (*c.run_cmd) {
    c.run.command_line = command_line;
    return twin::cli::runCommand(c.run);
  }
  if (*c.sweep_cmd) {
    c.sweep.command_line = command_line;
    return twin::cli::sweepCommand(c.sweep);
  }
  if (*c.size_cmd) {
    c.size.command_line = command_line;
    return twin::cli::sizeCommand(c.size);
  }
  if (*c.dr_cost_cmd) return twin::cli::drCostCommand(c.dr_cost);
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
  if (*c.report_cmd) return twin::cli::reportCommand(c.report);
  if (*c.diagnose_cmd) return twin::cli::diagnoseCommand(c.diagnose);
  if (*c.calibrate_cmd) return twin::cli::calibrateCommand(c.calibrate);
  if (*c.shading_cmd) return twin::cli::shadingCommand(c.shading);
  if (*c.snapshot_cmd) return viewer::snapshotCommand(c.snapshot);
  if (*c.view_cmd) return viewer::viewCommand(c.view);
  if (*c.video_cmd) {
    twin::cli::ProgressBar bar("video");
    return viewer::videoCommand(c.video, [&](long done, long total) { bar.update(done, total); });
  }
  return twin::cli::demoCommand(c.demo_dir, c.demo_period, command_line);
}

}  // namespace

int main(int argc, char** argv) {
  // Past a file-size limit a write fails with EFBIG (reported, exit 1) instead of a signal.
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{"ParkTwin: an energy digital twin of an industrial park", "parktwin"};
  app.set_version_flag("--version", std::string(twin::kToolVersion));
  app.require_subcommand(1);
  Commands commands;
  addParkCommands(app, commands);
  addCalculatorCommands(app, commands);
  addViewerCommands(app, commands);
  addMeterCommands(app, commands);

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
  } catch (const twin::WriteError& e) {
    std::cerr << e.what() << std::endl;
    std::cout.flush();
    // The temporary is already removed. HDF5 1.10 would close the file whose close failed once
    // more at exit, and crash there: leave without the library's exit handlers.
    std::_Exit(1);
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
