// `parktwin shading PARK.yaml --time ISO [--time ISO ...] [--scenario NAME] [--json]`: how much
// of each laid-out PV module the park's own geometry shades at given instants, and how much of
// the sky it sees (twin/shading/, docs/shading.md).
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "app/text_table.h"
#include "physics/solar_position.h"
#include "physics/units.h"
#include "twin/base/calendar.h"
#include "twin/base/error.h"
#include "twin/base/iso_time.h"
#include "twin/base/text.h"
#include "twin/engine/engine.h"
#include "twin/model/compile_park.h"
#include "twin/model/park_sun.h"
#include "twin/shading/array_shading.h"

namespace twin::cli {
namespace {

namespace u = physics::units;
using Json = nlohmann::ordered_json;

struct SunAt {
  IsoInstant instant;
  double zenith = 0.0;   // rad, apparent (refracted)
  double azimuth = 0.0;  // rad clockwise from north
};

SunAt sunAt(const std::string& text, const ParkModel& model) {
  const IsoTimeParse parsed = parseIsoTime(text);
  if (!parsed.instant)
    throw InputError("--time: expected " + parsed.expected + ", got " + quote(text));
  const physics::SolarPosition p = sunAtInstant(model, parsed.instant->unix_time);
  return {*parsed.instant, p.apparent_zenith, p.azimuth};
}

const ParkModel& chosenModel(const CompiledPark& park, const std::string& scenario) {
  if (scenario.empty() || scenario == "baseline") return park.baseline;
  std::string names = "baseline";
  for (const ParkModel& s : park.scenarios) {
    if (s.scenario == scenario) return s;
    names += ", " + s.scenario;
  }
  throw InputError("--scenario: no scenario " + quote(scenario) + " (the park has: " + names + ")");
}

Json optionalJson(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

Json arrayJson(const PvArray& a, const shading::ArrayModules& am, const shading::ArrayFigures& f) {
  Json modules = Json::array();
  for (size_t m = 0; m < am.modules.size(); ++m) {
    Json corners = Json::array();
    for (const Eigen::Vector3d& c : am.modules[m].corners) corners.push_back({c.x(), c.y(), c.z()});
    Json beam = Json::array();
    for (const auto& b : f.modules[m].beam) beam.push_back(optionalJson(b));
    modules.push_back({{"corners", corners},
                       {"beam_shaded_fraction", beam},
                       {"diffuse_view_fraction", f.modules[m].view},
                       {"ground_view_fraction", f.modules[m].ground}});
  }
  Json beam = Json::array();
  for (const auto& b : f.beam) beam.push_back(optionalJson(b));
  Json j = {{"id", a.id},
            {"modules", modules},
            {"beam_shaded_fraction", beam},
            {"diffuse_view_fraction", optionalJson(f.view)},
            {"ground_view_fraction", optionalJson(f.ground)}};
  if (!am.unshaded.empty()) j["unshaded"] = am.unshaded;
  return j;
}

// Each array's AC energy and shading loss over the park's simulated period.
class AnnualSink : public BlockSink {
 public:
  explicit AnnualSink(size_t arrays) : energy(arrays, 0.0), loss(arrays, 0.0) {}
  void consume(const BlockResult& b) override {
    const size_t n = energy.size();
    for (size_t k = 0; k < static_cast<size_t>(b.steps); ++k) {
      for (size_t i = 0; i < n; ++i) {
        energy[i] += b.values[kPvAcPower][k * n + i] * step_s;
        loss[i] += b.values[kPvShadingLoss][k * n + i] * step_s;
      }
    }
  }
  std::vector<double> energy, loss;  // J
  double step_s = 900;
};

void printSummary(const ParkModel& model, const std::vector<SunAt>& suns,
                  const shading::ParkShading& park,
                  const std::vector<shading::ArrayFigures>& figures) {
  for (const SunAt& s : suns) {
    std::cout << fmt::format("{}: sun zenith {:.2f} deg, azimuth {:.2f} deg\n",
                             formatIsoTime(int64_t(s.instant.unix_time), s.instant.utc_offset),
                             s.zenith / u::deg, s.azimuth / u::deg);
  }
  const TimeGrid grid = makeTimeGrid(model, {});
  AnnualSink annual(model.pv.size());
  annual.step_s = grid.step_s;
  runSimulation(model, grid, &annual);
  TextTable t;
  t.corner = "array";
  t.columns = {{"modules", ""}, {"sky view", "%"}, {"ground view", "%"}};
  for (size_t k = 0; k < suns.size(); ++k) {
    t.columns.push_back({"beam shaded " + std::to_string(k + 1), "%"});
  }
  t.columns.insert(t.columns.end(), {{"energy", "MWh"}, {"shading loss", "MWh"}, {"loss", "%"}});
  for (size_t i = 0; i < model.pv.size(); ++i) {
    const auto& f = figures[i];
    std::vector<std::string> row = {model.pv[i].id, std::to_string(park.arrays[i].modules.size()),
                                    f.view ? fmt::format("{:.1f}", *f.view * 100) : "-",
                                    f.ground ? fmt::format("{:.1f}", *f.ground * 100) : "-"};
    for (const auto& b : f.beam) row.push_back(b ? fmt::format("{:.1f}", *b * 100) : "-");
    const double unshaded = annual.energy[i] + annual.loss[i];
    row.push_back(formatGrouped(annual.energy[i] / u::MWh, 1));
    row.push_back(formatGrouped(annual.loss[i] / u::MWh, 1));
    row.push_back(unshaded > 0 ? fmt::format("{:.1f}", 100 * annual.loss[i] / unshaded) : "-");
    t.rows.push_back(std::move(row));
  }
  printTable(std::cout, t, terminalWidth());
  std::cout << fmt::format("energy and shading loss over the simulated period ({} to {})\n",
                           formatDate(grid.start_day), formatDate(grid.end_day - 1));
  for (const auto& am : park.arrays) {
    if (!am.unshaded.empty()) {
      std::cout << "  " << model.pv[am.array].id << ": " << am.unshaded << '\n';
    }
  }
}

}  // namespace

int shadingCommand(const ShadingRequest& request) {
  const CompiledPark park = compilePark(loadParkSource(request.park_path));
  const ParkModel& model = chosenModel(park, request.scenario);
  std::vector<SunAt> suns;
  std::vector<Eigen::Vector3d> vectors;
  const TimeGrid period = makeTimeGrid(model, {});
  for (const std::string& text : request.times) {
    suns.push_back(sunAt(text, model));
    const double t = suns.back().instant.unix_time;
    if (t < static_cast<double>(period.unixTime(0)) ||
        t >= static_cast<double>(period.unixTime(period.steps()))) {
      std::cerr << "warning: --time " << text << " is outside the park's simulated period ("
                << formatDate(period.start_day) << " to " << formatDate(period.end_day - 1)
                << "): the sun is taken at that instant all the same\n";
    }
    vectors.push_back(sunDirection(suns.back().zenith, suns.back().azimuth));
  }
  const shading::ParkShading scene = shading::parkShading(model);
  const std::vector<shading::ArrayFigures> figures = shading::shadeArrays(scene, vectors);
  if (!request.json) {
    printSummary(model, suns, scene, figures);
    return 0;
  }
  Json times = Json::array();
  for (const SunAt& s : suns) {
    times.push_back({{"time", formatIsoTime(int64_t(s.instant.unix_time), s.instant.utc_offset)},
                     {"sun_zenith_deg", s.zenith / u::deg},
                     {"sun_azimuth_deg", s.azimuth / u::deg}});
  }
  Json arrays = Json::array();
  for (size_t i = 0; i < model.pv.size(); ++i) {
    arrays.push_back(arrayJson(model.pv[i], scene.arrays[i], figures[i]));
  }
  std::cout << Json{{"times", times}, {"arrays", arrays}}.dump(2) << '\n';
  return 0;
}

}  // namespace twin::cli
