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

  twin::cli::PvRequest pv;
  CLI::App* pv_cmd =
      app.add_subcommand("pv", "One PV system over a weather year (PVWatts v5 chain)");
  addPvFlags(*pv_cmd, pv);

  twin::cli::SolarRequest solar;
  CLI::App* solar_cmd =
      app.add_subcommand("solar", "Sun position (NREL SPA) at one time, or for a CSV of times");
  addSolarFlags(*solar_cmd, solar);

  twin::cli::MotorRequest motor;
  CLI::App* motor_cmd =
      app.add_subcommand("motor", "Induction motor efficiency by class and load (IEC / GB)");
  addMotorFlags(*motor_cmd, motor);
  twin::cli::TransformerRequest transformer;
  CLI::App* transformer_cmd =
      app.add_subcommand("transformer", "Distribution transformer losses by GB 20052 grade");
  addTransformerFlags(*transformer_cmd, transformer);

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
    if (*pv_cmd) return twin::cli::pvCommand(pv);
    if (*motor_cmd) return twin::cli::motorCommand(motor);
    if (*transformer_cmd) return twin::cli::transformerCommand(transformer);
    if (*solar_cmd) return twin::cli::solarCommand(solar);
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
