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

bool hasSeries(const std::vector<twin::SeriesListing>& stored, const std::string& kind,
               const std::string& field) {
  return std::any_of(stored.begin(), stored.end(), [&](const twin::SeriesListing& l) {
    return l.kind == kind && l.field == field;
  });
}

// Reads kind/field and reorders its columns to `ids` (the model's objects of that kind).
Series readAligned(const ResultsData& r, const std::string& kind, const std::string& field,
                   const std::vector<std::string>& ids, twin::RowRange rows) {
  Series out;
  if (!hasSeries(r.stored_series, kind, field)) return out;
  const twin::SeriesData data = twin::readSeries(r.path, r.scenario, kind, field, rows);
  const std::optional<twin::UnitEntry> unit = twin::findUnit(data.units);
  if (!unit) {
    throw twin::InputError(r.path + ": series " + kind + "/" + field + ": unknown units \"" +
                           data.units + "\" (expected a unit such as kW, %, pu or A)");
  }
  std::unordered_map<std::string, size_t> column;
  for (size_t c = 0; c < data.ids.size(); ++c) column[data.ids[c]] = c;
  out.first_row = data.first_row;
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
  if (row < first_row || row - first_row >= rows || column >= columns) return kNaN;
  return values[(row - first_row) * columns + column];
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

ResultsData loadResults(const std::string& path, const std::string& scenario, twin::RowRange rows) {
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
  r.stored_series = listing->series;
  alignMeasured(r, twin::readMeasuredMotors(path));
  // Shares over the whole period, whatever rows the series hold (PV series are small).
  const std::vector<std::string> pv_ids = twin::columnIds(r.model, twin::ColumnKind::kPv);
  r.pv_shading_loss = shadingLossShares(readAligned(r, "pv", "ac_power_kW", pv_ids, {}),
                                        readAligned(r, "pv", "shading_loss_kW", pv_ids, {}));
  for (twin::shading::ModuleShading& m : twin::readStoredModuleShading(path, r.scenario, r.model))
    r.pv_module_shading_loss.push_back(std::move(m.loss));
  loadSeries(r, rows);
  return r;
}

void loadSeries(ResultsData& r, twin::RowRange rows) {
  using K = twin::ColumnKind;
  auto read = [&](const char* kind, const char* field, K column_kind) {
    return readAligned(r, kind, field, twin::columnIds(r.model, column_kind), rows);
  };
  r.pv_ac_power = read("pv", "ac_power_kW", K::kPv);
  r.motor_efficiency = read("motor", "efficiency_pct", K::kMotor);
  r.motor_load = read("motor", "load_pct", K::kMotor);
  r.motor_input_power = read("motor", "input_power_kW", K::kMotor);
  r.load_power = read("load", "power_kW", K::kLoad);
  r.transformer_loading = read("transformer", "loading_pct", K::kTransformer);
  r.bus_voltage = read("bus", "voltage_pu", K::kBus);
  r.bus_net_power = difference(read("bus", "load_kW", K::kBus), read("bus", "pv_kW", K::kBus));
  r.cable_current = read("cable", "current_A", K::kCable);
  r.cable_loading = read("cable", "loading_pct", K::kCable);
  r.cable_power = read("cable", "power_kW", K::kCable);
  r.grid_import = read("park", "grid_import_kW", K::kPark);
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
