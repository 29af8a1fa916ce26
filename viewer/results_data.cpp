#include "viewer/results_data.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <unordered_map>

#include "twin/base/calendar.h"
#include "twin/base/error.h"
#include "twin/base/units.h"
#include "twin/engine/series.h"

namespace viewer {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool hasSeries(const twin::ScenarioResults& s, const std::string& kind, const std::string& field) {
  return std::any_of(s.series.begin(), s.series.end(), [&](const twin::SeriesListing& l) {
    return l.kind == kind && l.field == field;
  });
}

// Reads kind/field and reorders its columns to `ids` (the model's objects of that kind).
Series readAligned(const ResultsData& r, const twin::ScenarioResults& listing,
                   const std::string& kind, const std::string& field,
                   const std::vector<std::string>& ids) {
  Series out;
  if (!hasSeries(listing, kind, field)) return out;
  const twin::SeriesData data = twin::readSeries(r.path, r.scenario, kind, field);
  const std::optional<twin::UnitEntry> unit = twin::findUnit(data.units);
  if (!unit) {
    throw twin::InputError(r.path + ": series " + kind + "/" + field + ": unknown units \"" +
                           data.units + "\" (expected a unit such as kW, %, pu or A)");
  }
  std::unordered_map<std::string, size_t> column;
  for (size_t c = 0; c < data.ids.size(); ++c) column[data.ids[c]] = c;
  out.rows = data.rows;
  out.columns = ids.size();
  out.values.assign(out.rows * out.columns, kNaN);
  for (size_t j = 0; j < ids.size(); ++j) {
    auto it = column.find(ids[j]);
    if (it == column.end()) continue;
    for (size_t t = 0; t < out.rows; ++t) {
      out.values[t * out.columns + j] =
          twin::toSi(data.values[t * data.columns + it->second], *unit);
    }
  }
  return out;
}

Series difference(const Series& a, const Series& b) {
  Series out = a;
  if (!a.present() || !b.present()) return out;
  for (size_t i = 0; i < out.values.size(); ++i) out.values[i] -= b.values[i];
  return out;
}

}  // namespace

double Series::at(size_t row, size_t column) const {
  if (row >= rows || column >= columns) return kNaN;
  return values[row * columns + column];
}

namespace {

// Per array: lost / (energy + lost) over all rows; empty without the loss series.
std::vector<double> shadingLossShares(const Series& energy, const Series& lost) {
  std::vector<double> out;
  if (!lost.present()) return out;
  for (size_t c = 0; c < lost.columns; ++c) {
    double e = 0.0, l = 0.0;
    for (size_t t = 0; t < lost.rows; ++t) {
      e += std::isnan(energy.at(t, c)) ? 0.0 : energy.at(t, c);
      l += std::isnan(lost.at(t, c)) ? 0.0 : lost.at(t, c);
    }
    out.push_back(e + l > 0 ? l / (e + l) : kNaN);
  }
  return out;
}

// The findings of metered motors, placed at their motors' columns.
void alignMeasured(ResultsData& r, const twin::MeasuredMotors& found) {
  if (found.motors.empty()) return;
  r.measured_source = found.meter_file;
  r.measured_to_class = found.to_class;
  r.measured.assign(r.model.motors.size(), twin::MeasuredMotor{});
  for (const twin::MeasuredMotor& m : found.motors) {
    for (size_t i = 0; i < r.model.motors.size(); ++i) {
      if (r.model.motors[i].id == m.id) r.measured[i] = m;
    }
  }
}

}  // namespace

ResultsData loadResults(const std::string& path, const std::string& scenario) {
  ResultsData r;
  r.path = path;
  r.scenario = scenario.empty() ? "baseline" : scenario;
  const twin::ResultsSummary summary = twin::readResultsSummary(path);
  const twin::ScenarioResults* listing = nullptr;
  for (const twin::ScenarioResults& s : summary.scenarios) {
    r.scenario_names.push_back(s.name);
    if (s.name == r.scenario) listing = &s;
  }
  if (!listing) {
    std::string names;
    for (const std::string& n : r.scenario_names) names += (names.empty() ? "" : ", ") + n;
    throw twin::InputError("--scenario: no scenario \"" + r.scenario + "\" in " + path +
                           " (it has: " + names + ")");
  }
  r.model = twin::readStoredModel(path, r.scenario);
  r.times = twin::readTimes(path);
  r.step_s = summary.step_s;
  r.utc_offset_s = summary.utc_offset_s;
  r.kpis = listing->total;
  using K = twin::ColumnKind;
  auto ids = [&](K kind) { return twin::columnIds(r.model, kind); };
  r.pv_ac_power = readAligned(r, *listing, "pv", "ac_power_kW", ids(K::kPv));
  r.motor_efficiency = readAligned(r, *listing, "motor", "efficiency_pct", ids(K::kMotor));
  r.motor_load = readAligned(r, *listing, "motor", "load_pct", ids(K::kMotor));
  r.motor_input_power = readAligned(r, *listing, "motor", "input_power_kW", ids(K::kMotor));
  alignMeasured(r, twin::readMeasuredMotors(path));
  r.pv_shading_loss = shadingLossShares(
      r.pv_ac_power, readAligned(r, *listing, "pv", "shading_loss_kW", ids(K::kPv)));
  for (twin::shading::ModuleShading& m : twin::readStoredModuleShading(path, r.scenario, r.model))
    r.pv_module_shading_loss.push_back(std::move(m.loss));
  r.load_power = readAligned(r, *listing, "load", "power_kW", ids(K::kLoad));
  r.transformer_loading =
      readAligned(r, *listing, "transformer", "loading_pct", ids(K::kTransformer));
  r.bus_voltage = readAligned(r, *listing, "bus", "voltage_pu", ids(K::kBus));
  r.bus_net_power = difference(readAligned(r, *listing, "bus", "load_kW", ids(K::kBus)),
                               readAligned(r, *listing, "bus", "pv_kW", ids(K::kBus)));
  r.cable_current = readAligned(r, *listing, "cable", "current_A", ids(K::kCable));
  r.cable_loading = readAligned(r, *listing, "cable", "loading_pct", ids(K::kCable));
  r.cable_power = readAligned(r, *listing, "cable", "power_kW", ids(K::kCable));
  r.grid_import = readAligned(r, *listing, "park", "grid_import_kW", ids(K::kPark));
  return r;
}

size_t stepAt(const ResultsData& r, double unix_time) {
  if (r.times.empty()) return 0;
  const double k = std::floor((unix_time - double(r.times.front())) / r.step_s);
  return static_cast<size_t>(std::clamp(k, 0.0, double(r.times.size() - 1)));
}

std::string localTimeText(const ResultsData& r, size_t step) {
  if (step >= r.times.size()) return "-";
  return twin::formatLocalTime(r.times[step], r.utc_offset_s);
}

}  // namespace viewer
