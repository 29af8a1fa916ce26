// The `parktwin` command: parses flags with CLI11 and dispatches to the subcommands.
// Exit codes: 0 success, 2 bad input (park files, flags, results files), 1 internal failure,
// 130 interrupted.
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "twin/cli/commands.h"
#include "twin/error.h"
#include "twin/version.h"

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

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ParkTwin: an energy digital twin of an industrial park", "parktwin"};
  app.set_version_flag("--version", std::string(twin::kToolVersion));
  app.require_subcommand(1);
  int threads = static_cast<int>(tbb::info::default_concurrency());

  twin::cli::RunRequest run;
  CLI::App* run_cmd = app.add_subcommand("run", "Simulate a park file (baseline and scenarios)");
  run_cmd->add_option("park", run.park_path, "Park file (YAML)")->required();
  run_cmd->add_option("-o,--output", run.output, "Results file to write (HDF5)")->required();
  addPeriodFlags(*run_cmd, run.period);
  run_cmd->add_option("--threads", threads, "Worker threads")->check(CLI::Range(1, 1024));
  run_cmd->add_option("--scenario", run.scenarios, "Run only these scenarios (repeatable)");
  run_cmd->add_flag("--baseline-only", run.baseline_only, "Run the baseline only");

  std::string validate_path;
  CLI::App* validate_cmd = app.add_subcommand("validate", "Check a park file, report every error");
  validate_cmd->add_option("park", validate_path, "Park file (YAML)")->required();

  std::string info_path;
  bool info_json = false;
  CLI::App* info_cmd = app.add_subcommand("info", "Describe a park file or a results file");
  info_cmd->add_option("file", info_path, "Park file (YAML) or results file (HDF5)")->required();
  info_cmd->add_flag("--json", info_json, "Print JSON");

  std::string demo_dir = "parktwin-demo";
  twin::cli::PeriodFlags demo_period;
  CLI::App* demo_cmd = app.add_subcommand("demo", "Run the bundled demo park, print its KPIs");
  demo_cmd->add_option("-o,--output-dir", demo_dir, "Folder for park.yaml and results.h5");
  addPeriodFlags(*demo_cmd, demo_period);
  demo_cmd->add_option("--threads", threads, "Worker threads")->check(CLI::Range(1, 1024));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  const std::string command_line = joinArgs(argc, argv);
  try {
    const tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                                    static_cast<size_t>(threads));
    if (*run_cmd) {
      run.command_line = command_line;
      return twin::cli::runCommand(run);
    }
    if (*validate_cmd) return twin::cli::validateCommand(validate_path);
    if (*info_cmd) return twin::cli::infoCommand(info_path, info_json);
    return twin::cli::demoCommand(demo_dir, demo_period, command_line);
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
