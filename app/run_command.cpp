// `parktwin run`, `demo` and `validate`: compile the park, simulate the baseline and the
// scenarios into one results file (renamed into place only when complete), print the KPIs.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/commands.h"
#include "app/compare_output.h"
#include "app/json_output.h"
#include "app/progress.h"
#include "app/report_tally.h"
#include "app/summary_table.h"
#include "app/text_table.h"
#include "app/version.h"
#include "twin/base/calendar.h"
#include "twin/base/error.h"
#include "twin/base/iso_time.h"
#include "twin/base/text.h"
#include "twin/engine/engine.h"
#include "twin/model/compile_park.h"
#include "twin/parkfile/field_reader.h"
#include "twin/results/results_writer.h"

namespace twin {
extern const std::string_view kDemoParkYaml;
}

namespace twin::cli {
namespace {

std::atomic<bool> g_cancel{false};

extern "C" void onSignal(int) { g_cancel.store(true); }

// Cancels the run between blocks on SIGINT/SIGTERM so that the temporary file is removed.
class SignalGuard {
 public:
  SignalGuard() {
    previous_int_ = std::signal(SIGINT, onSignal);
    previous_term_ = std::signal(SIGTERM, onSignal);
  }
  ~SignalGuard() {
    std::signal(SIGINT, previous_int_);
    std::signal(SIGTERM, previous_term_);
  }

 private:
  void (*previous_int_)(int);
  void (*previous_term_)(int);
};

std::string describeModel(const ParkModel& m) {
  return std::to_string(m.buildings.size()) + " buildings, " +
         std::to_string(m.network.buses.size()) + " buses, " +
         std::to_string(m.network.transformers.size()) + " transformers, " +
         std::to_string(m.motors.size()) + " motors, " + std::to_string(m.loads.size()) +
         " other loads";
}

// Warnings for the network limits a run crossed, the steps its power flow could not solve and the
// days its optimal dispatch left to the rule fallback.
void warnLimits(const std::string& run, const ParkModel& model, const TimeGrid& grid,
                const Kpis& kpis) {
  const NetworkLimits& limits = kpis.limits;
  const Network& net = model.network;
  const auto at = [&](int64_t step) {
    return formatIsoTime(grid.unixTime(step), grid.utc_offset_s);
  };
  for (size_t b = 0; b < limits.bus_voltage.size(); ++b) {
    const LimitRecord& r = limits.bus_voltage[b];
    if (r.steps == 0) continue;
    std::cerr << "warning: " << run << ": bus \"" << net.buses[b].id << "\": "
              << fmt::format("voltage outside {:.3f}-{:.3f} pu in {} steps (worst {:.4f} pu at {})",
                             1.0 - net.voltage_tolerance, 1.0 + net.voltage_tolerance, r.steps,
                             r.worst, at(r.worst_step))
              << '\n';
  }
  const auto overloads = [&](const char* what, const auto& items,
                             const std::vector<LimitRecord>& records) {
    for (size_t i = 0; i < records.size(); ++i) {
      if (records[i].steps == 0) continue;
      std::cerr << "warning: " << run << ": " << what << " \"" << items[i].id << "\": "
                << fmt::format("loaded above 100 % in {} steps (worst {:.1f} % at {})",
                               records[i].steps, 100.0 * records[i].worst,
                               at(records[i].worst_step))
                << '\n';
    }
  };
  overloads("transformer", net.transformers, limits.transformer);
  overloads("cable", net.cables, limits.cable);
  if (limits.power_flow_failures > 0) {
    std::cerr
        << "warning: " << run << ": the power flow did not converge in "
        << limits.power_flow_failures << " steps (first at " << at(limits.first_failure)
        << "); their network values are NaN and flagged in /series/park/power_flow_converged\n";
  }
  const DispatchRecord& d = kpis.dispatch;
  if (d.fallback_steps > 0) {
    std::cerr << "warning: " << run << ": the optimal dispatch could not keep " << d.reason
              << " (first at " << at(d.first_fallback) << "); " << d.fallback_steps
              << " steps were dispatched by the rule fallback (self-consumption)\n";
  }
}

// How each demand-response event went: one row per event, the energy each run delivered.
void printDrEvents(std::ostream& out, const ParkModel& model,
                   const std::vector<std::pair<std::string, Kpis>>& results) {
  const std::vector<DrEventResult>& first = results.front().second.events;
  if (first.empty()) return;
  out << "demand response: energy delivered [kWh] (lowest step [kW]) of what each event asked\n";
  for (size_t e = 0; e < first.size(); ++e) {
    const DrEvent& event = model.demand_response.events[static_cast<size_t>(first[e].event)];
    std::string line = fmt::format("{:<14} {:>5.0f} kWh", event.id, first[e].requested / 3.6e6);
    line.resize(26, ' ');
    for (const auto& run : results) {
      const DrEventResult& r = run.second.events[e];
      line += fmt::format(" {:>15.0f} ({:>6.0f})", r.delivered / 3.6e6, r.shortest / 1e3);
    }
    out << line << '\n';
  }
}

// `tally`: where the report's sums of the series are taken as they are written (nullptr: none).
int simulate(const ParkSource& source, const RunRequest& request, ReportTally* tally = nullptr) {
  checkOutputPath(request.output, source.path);
  CompiledPark park = compilePark(source, {.each_measure = request.each_measure});
  for (const std::string& w : park.warnings) std::cerr << "warning: " << w << '\n';
  const TimeGrid grid = makeTimeGrid(park.baseline, parsePeriodFlags(request.period));
  std::vector<const ParkModel*> models{&park.baseline};
  std::vector<std::string> descriptions{"the park as described"};
  for (const std::string& wanted : request.scenarios) {
    auto it = std::find_if(park.scenarios.begin(), park.scenarios.end(),
                           [&](const ParkModel& m) { return m.scenario == wanted; });
    if (it == park.scenarios.end()) {
      throw InputError("--scenario: unknown scenario \"" + wanted + "\" in " + source.path);
    }
  }
  for (size_t i = 0; i < park.scenarios.size() && !request.baseline_only; ++i) {
    const auto named = [&](const std::string& name) {
      return std::count(request.scenarios.begin(), request.scenarios.end(), name) > 0;
    };
    const bool listed = request.scenarios.empty() || named(park.scenarios[i].scenario) ||
                        named(park.specs[i].measure_of);
    if (!listed) continue;
    models.push_back(&park.scenarios[i]);
    descriptions.push_back(park.specs[i].description);
  }
  std::cerr << source.path << ": " << describeModel(park.baseline) << "; " << grid.steps()
            << " steps of " << grid.step_s / 60 << " min; " << models.size() - 1
            << " scenario(s)\n";
  const RunMeta meta{source.text, source.sha256, kToolVersion, request.command_line, utcNowIso()};
  SignalGuard signals;
  ResultsWriter writer(request.output, meta, grid);
  std::vector<std::pair<std::string, Kpis>> results;
  for (size_t i = 0; i < models.size(); ++i) {
    const ParkModel& model = *models[i];
    const std::string name = model.scenario.empty() ? "baseline" : model.scenario;
    ProgressBar bar(name);
    BlockSink* sink = &writer.beginScenario(model, descriptions[i]);
    if (tally) sink = &tally->tee(*sink, name, model, grid);
    RunControl control{[&](long done, long total) { bar.update(done, total); }, &g_cancel};
    Kpis kpis = runSimulation(model, grid, sink, control);
    writer.endScenario(kpis);
    warnLimits(name, model, grid, kpis);
    results.emplace_back(name, std::move(kpis));
  }
  writer.commit();
  printKpiTable(std::cout, results);
  printDrEvents(std::cout, park.baseline, results);
  std::cout << "results: " << request.output << '\n';
  return 0;
}

}  // namespace

// The output must be a file path in an existing folder, and not the park file itself.
void checkOutputPath(const std::string& output, const std::string& park_path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path out(output);
  if (output.empty() || output.back() == '/' || fs::is_directory(out, ec)) {
    throw InputError("-o: \"" + output + "\" is a folder; expected the path of a results file");
  }
  const fs::path folder = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  if (!fs::is_directory(folder, ec)) {
    throw InputError("-o: the folder \"" + folder.string() + "\" does not exist");
  }
  if (fs::exists(out, ec) && fs::equivalent(out, fs::path(park_path), ec)) {
    throw InputError("-o: \"" + output + "\" is the park file itself");
  }
}

PeriodOverride parsePeriodFlags(const PeriodFlags& flags) {
  PeriodOverride out;
  auto date = [](const std::string& text, const char* flag) {
    std::optional<long> d = parseDate(text);
    if (!d)
      throw InputError(std::string(flag) + ": expected a date YYYY-MM-DD, got " + quote(text));
    return *d;
  };
  if (!flags.start.empty()) out.start_day = date(flags.start, "--start");
  if (!flags.end.empty()) out.end_day = date(flags.end, "--end");
  if (!flags.step.empty()) {
    const QuantityResult step = parseQuantity(flags.step, Dimension::kDuration);
    if (const std::string* message = std::get_if<std::string>(&step)) {
      throw InputError("--step: " + *message);
    }
    const double seconds = std::get<double>(step);
    if (!isValidStep(seconds)) {
      throw InputError("--step: expected " + std::string(kStepRule) + ", got " + quote(flags.step));
    }
    out.step_s = static_cast<int>(seconds);
  }
  return out;
}

int runCommand(const RunRequest& request) {
  return simulate(loadParkSource(request.park_path), request);
}

int demoCommand(const std::string& dir, const PeriodFlags& period,
                const std::string& command_line) {
  std::filesystem::create_directories(dir);
  const std::string park_path = (std::filesystem::path(dir) / "park.yaml").string();
  {
    std::ofstream out(park_path, std::ios::binary);
    out << kDemoParkYaml;
    if (!out) throw InputError(park_path + ": cannot write the demo park file");
  }
  RunRequest request;
  request.park_path = park_path;
  request.output = (std::filesystem::path(dir) / "results.h5").string();
  request.period = period;
  request.command_line = command_line;
  ReportTally tally;
  const int rc =
      simulate(parkSourceFromText(std::string(kDemoParkYaml), park_path), request, &tally);
  if (rc == 0) {
    ReportRequest report;
    report.results = request.output;
    report.output = (std::filesystem::path(dir) / "report.html").string();
    // The economics printed while the report draws its snapshots, then handed to the report.
    return reportCommand(report, &tally, [&] {
      std::cout << "\n";
      economics::Comparison comparison = economics::compareResults(request.output, "");
      printEconomics(std::cout, comparison, terminalWidth());
      std::cout << "(parktwin compare " << request.output << " for every KPI, --json, --csv)\n";
      return comparison;
    });
  }
  return rc;
}

int validateCommand(const std::string& park_path) {
  const CompiledPark park = compilePark(loadParkSource(park_path));
  for (const std::string& w : park.warnings) std::cerr << "warning: " << w << '\n';
  std::cout << park_path << ": valid: " << describeModel(park.baseline) << "; "
            << park.scenarios.size() << " scenario(s)\n";
  return 0;
}

}  // namespace twin::cli
