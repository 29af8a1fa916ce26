// `parktwin calibrate PARK.yaml METER.csv [--adjust PATH,...] [--json] [-o CALIBRATED.yaml]`:
// the twin against its meters by ASHRAE Guideline 14-2014, and fitted to them
// (twin/diagnosis/calibration.h, docs/diagnosis.md).
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "app/text_table.h"
#include "twin/base/error.h"
#include "twin/base/iso_time.h"
#include "twin/base/text.h"
#include "twin/diagnosis/calibration.h"
#include "twin/model/compile_park.h"
#include "twin/results/output_file.h"

namespace twin::cli {
namespace {

using diagnosis::FitStatistics;
using diagnosis::MeterComparison;
using Json = nlohmann::ordered_json;

Json pct(std::optional<double> v) { return v ? Json(*v * 100) : Json(nullptr); }

Json statisticsJson(const FitStatistics& s) {
  return {{"cv_rmse_pct", pct(s.cv_rmse)},
          {"nmbe_pct", pct(s.nmbe)},
          {"n", s.n},
          {"meets", s.meets ? Json(*s.meets) : Json(nullptr)}};
}

Json metersJson(const std::vector<MeterComparison>& meters) {
  Json out = Json::array();
  for (const MeterComparison& m : meters) {
    out.push_back({{"id", m.id},
                   {"hourly", statisticsJson(m.hourly)},
                   {"monthly", statisticsJson(m.monthly)},
                   {"measured_kwh", m.measured / 3.6e6},
                   {"simulated_kwh", m.simulated / 3.6e6}});
  }
  return out;
}

Json calibrationJson(const diagnosis::Calibration& c, int utc_offset) {
  Json adjusted = Json::array();
  for (const auto& a : c.adjusted) {
    adjusted.push_back({{"path", a.path}, {"before", a.before}, {"after", a.after}});
  }
  Json j = {{"period",
             {{"from", formatIsoTime(c.grid.unixTime(0), utc_offset)},
              {"to", formatIsoTime(c.grid.unixTime(c.grid.steps()), utc_offset)}}},
            {"meters", metersJson(c.after.empty() ? c.before : c.after)},
            {"adjusted", adjusted}};
  if (!c.after.empty()) j["meters_before"] = metersJson(c.before);
  j["runs"] = c.runs;
  return j;
}

std::string statCell(std::optional<double> v) { return v ? fmt::format("{:.1f}", *v * 100) : "-"; }

std::string meetsCell(const FitStatistics& s) { return s.meets ? (*s.meets ? "yes" : "no") : "-"; }

void printMeters(std::ostream& out, const std::string& title,
                 const std::vector<MeterComparison>& meters) {
  TextTable t;
  t.corner = "meter";
  t.columns = {{"hours", ""},      {"CV(RMSE)", "%"},   {"NMBE", "%"}, {"meets", "30/10"},
               {"months", ""},     {"CV(RMSE)", "%"},   {"NMBE", "%"}, {"meets", "15/5"},
               {"metered", "MWh"}, {"simulated", "MWh"}};
  for (const MeterComparison& m : meters) {
    t.rows.push_back({m.id, std::to_string(m.hourly.n), statCell(m.hourly.cv_rmse),
                      statCell(m.hourly.nmbe), meetsCell(m.hourly), std::to_string(m.monthly.n),
                      statCell(m.monthly.cv_rmse), statCell(m.monthly.nmbe), meetsCell(m.monthly),
                      formatGrouped(m.measured / 3.6e9, 2), formatGrouped(m.simulated / 3.6e9, 2)});
  }
  out << title << '\n';
  printTable(out, t, terminalWidth());
}

std::vector<std::string> adjustPaths(const std::vector<std::string>& flags) {
  std::vector<std::string> paths;
  for (const std::string& flag : flags) {
    for (std::string& path : split(flag, ',')) {
      if (path.empty()) throw InputError("--adjust " + quote(flag) + ": expected PATH,PATH,...");
      paths.push_back(std::move(path));
    }
  }
  return paths;
}

}  // namespace

int calibrateCommand(const CalibrateRequest& request) {
  const std::vector<std::string> paths = adjustPaths(request.adjust);
  if (!request.output.empty()) {
    if (paths.empty()) throw InputError("-o: expected --adjust (nothing to write otherwise)");
    checkOutputPath(request.output, request.park_path);
  }
  const ParkSource source = loadParkSource(request.park_path);
  const CompiledPark park = compilePark(source);
  for (const std::string& w : park.warnings) std::cerr << "warning: " << w << '\n';
  const MeterData meters = readParkMeters(request.meters, park.baseline, request.park_path);
  const diagnosis::Calibration c = diagnosis::calibrate(source, meters, paths);
  if (!request.output.empty()) {
    OutputFile out(request.output);
    out.stream() << diagnosis::calibratedText(source, c.adjusted);
    out.commit();
  }
  if (request.json) {
    std::cout << calibrationJson(c, park.baseline.site.utc_offset_s).dump(2) << '\n';
    return 0;
  }
  printMeters(
      std::cout,
      c.after.empty() ? "Twin against meters (ASHRAE Guideline 14-2014)" : "Before calibration",
      c.before);
  if (c.after.empty()) return 0;
  printMeters(std::cout, "After calibration", c.after);
  for (const auto& a : c.adjusted) {
    std::cout << "  " << a.path << ": " << a.before << " -> " << a.after << '\n';
  }
  std::cout << c.runs << " simulations, " << c.iterations << " iterations\n";
  if (!request.output.empty()) std::cout << "calibrated park file: " << request.output << '\n';
  return 0;
}

}  // namespace twin::cli
