// `parktwin report OUT.h5 -o report.html [--language en|zh] [--scenarios A,B,...]`: one
// self-contained HTML report of a results file (docs/presenting.md). Written beside the target and
// renamed onto it: an error leaves no half-written report.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <optional>
#include <sstream>

#include "app/commands.h"
#include "app/compare_output.h"
#include "app/report_data.h"
#include "app/report_html.h"
#include "app/version.h"
#include "twin/base/calendar.h"
#include "twin/base/error.h"
#include "twin/base/iso_time.h"
#include "twin/base/text.h"
#include "twin/economics/comparison.h"
#include "twin/results/output_file.h"
#include "viewer/ui_text.h"
#include "viewer/viewer_commands.h"

namespace twin::cli {
namespace {

namespace fs = std::filesystem;

constexpr size_t kSnapshots = 3;  // the baseline's, and two scenarios' for before and after

// The runs to show: the baseline, then the named scenarios (all when none are named).
std::vector<std::string> chosenRuns(const ResultsSummary& summary, const std::string& results,
                                    const std::string& names) {
  std::vector<std::string> all, out = {"baseline"};
  for (const ScenarioResults& s : summary.scenarios) {
    if (s.name != "baseline") all.push_back(s.name);
  }
  if (names.empty()) {
    out.insert(out.end(), all.begin(), all.end());
    return out;
  }
  for (const std::string& name : split(names, ',')) {
    if (std::find(all.begin(), all.end(), name) == all.end()) {
      throw InputError("--scenarios: no scenario " + quote(name) + " in " + results +
                       " (it has: " + join(all, ", ") + ")");
    }
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

// A snapshot of one run as a PNG data: URI, at noon on 21 June of the results' year when the run
// covers it; null when it cannot be rendered (no EGL), with a warning.
Json snapshotUri(viewer::SnapshotDrawer& drawer, const std::string& results, const std::string& run,
                 const ResultsSummary& summary, bool zh) {
  const long first = localDayOf(summary.first_time, summary.utc_offset_s);
  const long last = first + summary.steps * summary.step_s / 86400;
  const long midsummer = localDay({civilDate(first).year, 6, 21});
  viewer::SnapshotRequest request;
  request.results = results;
  request.scenario = run == "baseline" ? "" : run;
  request.time = midsummer >= first && midsummer < last ? formatDate(midsummer) + "T12:00" : "";
  request.size = "1280x720";
  request.language = zh ? "zh" : "en";
  request.output = (fs::temp_directory_path() /
                    ("parktwin-report-" + std::to_string(::getpid()) + "-snapshot.png"))
                       .string();
  request.announce = false;
  try {
    drawer.draw(request);
  } catch (const std::exception& e) {
    std::cerr << "warning: report: no 3D snapshot of " << run << " (" << e.what() << ")\n";
    return nullptr;
  }
  std::ifstream in(request.output, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::error_code ignored;
  fs::remove(request.output, ignored);
  return dataUri(bytes.str(), "image/png");
}

Json parkJson(const ParkModel& m, const ScenarioResults& baseline, Json snapshot) {
  double pv_kwp = 0.0;
  for (const PvArray& a : m.pv) pv_kwp += a.dc_capacity / 1000;
  auto kpi = [&](const char* name) { return storedKpi(baseline.total, name); };
  return {{"buildings", m.buildings.size()},
          {"motors", m.motors.size()},
          {"loads", m.loads.size()},
          {"transformers", m.network.transformers.size()},
          {"pv_arrays", m.pv.size()},
          {"pv_kwp", pv_kwp},
          {"demand_kwh", kpi("demand_kWh")},
          {"cost_cny", kpi("cost_CNY")},
          {"snapshot_png", std::move(snapshot)}};
}

Json metaJson(const std::string& results, const ResultsSummary& summary, const ParkModel& m,
              const std::vector<std::string>& runs, bool zh) {
  const long first = localDayOf(summary.first_time, summary.utc_offset_s);
  const long last =
      localDayOf(summary.first_time + summary.steps * summary.step_s - 1, summary.utc_offset_s);
  return {{"park", shownName(m.site.name, m.site.name_zh, zh)},
          {"language", zh ? "zh" : "en"},
          {"results_file", fs::path(results).filename().string()},
          {"generated", summary.created_utc},
          {"version", std::string(kToolVersion)},
          {"period",
           {{"start", formatDate(first)},
            {"end", formatDate(last)},
            {"step_min", summary.step_s / 60}}},
          {"scenarios", runs}};
}

// The 3D snapshots, PNG data: URIs (null where one cannot be drawn): the baseline's, then the
// first two scenarios' for before and after. They are drawn on a thread of their own while the
// report's figures are summed: they read little of the file and spend their time drawing, in one
// context with the glyphs of the three parks' names. HDF5 is built thread-safe, and the file's
// structure has been walked already (by readResultsSummary), so no probe forks while the thread
// runs.
std::future<std::vector<Json>> drawSnapshots(const std::string& results,
                                             const std::vector<ReportRun>& runs,
                                             const ResultsSummary& summary, bool zh) {
  std::vector<std::string> names;
  std::string glyphs;
  for (size_t i = 0; i < runs.size() && i < kSnapshots; ++i) {
    names.push_back(runs[i].name);
    glyphs += viewer::namesText(runs[i].model);
  }
  return std::async(std::launch::async, [results, names, glyphs, &summary, zh] {
    viewer::SnapshotDrawer drawer(glyphs);
    std::vector<Json> out;
    for (const std::string& name : names)
      out.push_back(snapshotUri(drawer, results, name, summary, zh));
    return out;
  });
}

// `compare --json` of the chosen scenarios (from `source` where given); null for a file with the
// baseline only.
Json compareJson(const std::string& results, const ResultsSummary& summary,
                 const std::vector<std::string>& names, const ComparisonSource& source) {
  std::optional<economics::Comparison> comparison;
  if (source) comparison = source();
  if (summary.scenarios.size() < 2) return nullptr;
  if (!comparison) comparison = economics::compareResults(results, "");
  std::erase_if(comparison->scenarios, [&](const economics::ScenarioComparison& s) {
    return std::find(names.begin(), names.end(), s.name) == names.end();
  });
  return comparisonJson(*comparison);
}

}  // namespace

int reportCommand(const ReportRequest& request, const ReportTally* tally,
                  const ComparisonSource& comparison) {
  const std::string& out = request.output;
  if (out.size() < 6 || out.substr(out.size() - 5) != ".html") {
    throw InputError("-o: expected an .html file, got " + quote(out));
  }
  const bool zh = request.language == "zh";
  const ResultsSummary summary = readResultsSummary(request.results);
  const std::vector<std::string> names = chosenRuns(summary, request.results, request.scenarios);
  // The snapshots' runs first, to start drawing them as soon as their names' glyphs are known.
  std::vector<ReportRun> runs;
  for (const std::string& n : names) {
    runs.push_back({n, readStoredModel(request.results, n)});
    if (runs.size() == kSnapshots || runs.size() == names.size()) break;
  }
  std::future<std::vector<Json>> snapshots = drawSnapshots(request.results, runs, summary, zh);
  for (size_t i = runs.size(); i < names.size(); ++i)
    runs.push_back({names[i], readStoredModel(request.results, names[i])});
  const double step_h = summary.step_s / 3600.0;
  Json data;
  data["meta"] = metaJson(request.results, summary, runs[0].model, names, zh);
  data["park"] = parkJson(runs[0].model, summary.scenarios.front(), nullptr);
  data["compare"] = compareJson(request.results, summary, names, comparison);
  for (const char* key : {"monthly", "load_duration", "profiles", "sankey", "snapshots"})
    data[key] = Json::array();
  SeriesSums sums(request.results, step_h, tally);
  for (const ReportRun& run : runs) {
    data["monthly"].push_back(monthlyJson(runListing(summary, run.name)));
    data["load_duration"].push_back(loadDurationJson(sums, run.name, step_h));
    for (Json& p : profilesJson(sums, run, summary, zh)) data["profiles"].push_back(p);
    data["sankey"].push_back(sankeyJson(sums, run, summary, zh));
  }
  data["motors"] = motorsJson(sums, runs[0], zh);
  data["limits"] = limitsJson(request.results, runs);
  data["dr_events"] = drEventsJson(request.results, runs);
  data["variants"] = variantsJson(request.results);
  std::vector<Json> pngs = snapshots.get();
  data["park"]["snapshot_png"] = pngs.front();
  for (size_t i = 1; i < pngs.size(); ++i) {
    if (!pngs[i].is_null())
      data["snapshots"].push_back({{"scenario", runs[i].name}, {"png", pngs[i]}});
  }
  if (!data["park"]["snapshot_png"].is_null() && !data["snapshots"].empty()) {
    // One object (an initializer list given to insert would insert its pairs one by one).
    const Json before = {{"scenario", "baseline"}, {"png", data["park"]["snapshot_png"]}};
    data["snapshots"].insert(data["snapshots"].begin(), before);
  }
  OutputFile file(out);
  const std::string html =
      reportHtml(data,
                 shownName(runs[0].model.site.name, runs[0].model.site.name_zh, zh) +
                     (zh ? " - 能源数字孪生报告" : " - ParkTwin report"),
                 zh);
  file.stream() << html;
  file.commit();
  std::cout << "report: " << out << " (" << runs.size() - 1 << " scenario(s), "
            << html.size() / 1024 << " KiB)\n";
  return 0;
}

}  // namespace twin::cli
