#include "app/report_data.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "physics/motor_efficiency.h"
#include "twin/results/kpi_records.h"

namespace twin::cli {

double storedKpi(const std::vector<KpiValue>& kpis, const std::string& name) {
  for (const KpiValue& k : kpis) {
    if (k.name == name) return k.value;
  }
  return std::nan("");
}

const ScenarioResults& runListing(const ResultsSummary& summary, const std::string& name) {
  for (const ScenarioResults& s : summary.scenarios) {
    if (s.name == name) return s;
  }
  return summary.scenarios.front();
}

Json monthlyJson(const ScenarioResults& run) {
  Json j = {{"scenario", run.name}, {"months", run.months}};
  for (const auto& [key, kpi] : {std::pair{"grid_import_kwh", "grid_import_kWh"},
                                 {"pv_kwh", "pv_kWh"},
                                 {"demand_kwh", "demand_kWh"},
                                 {"cost_cny", "cost_CNY"}}) {
    Json values = Json::array();
    for (const auto& month : run.monthly) values.push_back(storedKpi(month, kpi));
    j[key] = values;
  }
  return j;
}

Json loadDurationJson(SeriesSums& sums, const std::string& scenario, double step_h, size_t points) {
  std::vector<double> values = sums.series(scenario, "park", "grid_import_kW").values;
  std::sort(values.begin(), values.end(), std::greater<>());
  Json hours = Json::array(), kw = Json::array();
  const size_t n = values.size();
  for (size_t i = 0; n > 0 && i < points; ++i) {
    const size_t k = points > 1 ? i * (n - 1) / (points - 1) : 0;
    hours.push_back(static_cast<double>(k + 1) * step_h);
    kw.push_back(values[k]);
  }
  return {{"scenario", scenario}, {"hours", hours}, {"grid_import_kw", kw}};
}

Json motorsJson(SeriesSums& sums, const ReportRun& baseline, bool zh) {
  const ParkModel& m = baseline.model;
  const std::vector<double> shaft = sums.columns(baseline.name, "motor", "shaft_power_kW");
  const std::vector<double> input = sums.columns(baseline.name, "motor", "input_power_kW");
  Json rows = Json::array();
  std::vector<double> gaps;
  for (size_t i = 0; i < m.motors.size() && i < input.size(); ++i) {
    const Motor& motor = m.motors[i];
    const auto cls = physics::motorClassFromName(
        kEfficiencyClassNames[static_cast<size_t>(motor.efficiency_class)]);
    const std::optional<double> minimum =
        cls ? physics::ratedEfficiency(*cls, motor.nameplate.rated_power, motor.poles)
            : std::nullopt;
    if (!minimum || !(input[i] > 0)) continue;
    const double efficiency = shaft[i] / input[i], gap = 100 * (efficiency - *minimum);
    gaps.push_back(gap);
    rows.push_back({{"id", motor.id},
                    {"name", shownName(motor.name, motor.name_zh, zh)},
                    {"building", m.buildings[static_cast<size_t>(motor.building)].id},
                    {"rated_kw", motor.nameplate.rated_power / 1000},
                    {"efficiency_pct", 100 * efficiency},
                    {"class", kEfficiencyClassNames[static_cast<size_t>(motor.efficiency_class)]},
                    {"class_min_pct", 100 * *minimum},
                    {"gap_pts", gap}});
  }
  std::sort(rows.begin(), rows.end(),
            [](const Json& a, const Json& b) { return a["gap_pts"] < b["gap_pts"]; });
  if (rows.size() > 10) rows.erase(rows.begin() + 10, rows.end());
  Json edges = Json::array(), counts = Json::array();
  for (int e = -20; e <= 6; e += 2) edges.push_back(e);
  for (size_t b = 0; b + 1 < edges.size(); ++b) {
    const double lo = edges[b], hi = edges[b + 1];
    const bool first = b == 0, last = b + 2 == edges.size();
    counts.push_back(std::count_if(gaps.begin(), gaps.end(), [&](double g) {
      return (first || g >= lo) && (last || g < hi);
    }));
  }
  return {{"histogram",
           {{"edges_pct", edges},
            {"counts", counts},
            {"label", "operating efficiency minus class minimum, points"}}},
          {"worst", rows}};
}

Json limitsJson(const std::string& path, const std::vector<ReportRun>& runs) {
  Json out = Json::array();
  for (const ReportRun& run : runs) {
    for (const LimitCrossing& c : readLimitCrossings(path, run.name)) {
      out.push_back({{"scenario", run.name},
                     {"kind", c.kind},
                     {"id", c.id},
                     {"worst", c.worst},
                     {"unit", c.units},
                     {"steps", c.steps}});
    }
  }
  return out;
}

Json drEventsJson(const std::string& path, const std::vector<ReportRun>& runs) {
  Json out = Json::array();
  for (const ReportRun& run : runs) {
    for (const DrEventRecord& e : readDrEventRecords(path, run.name)) {
      out.push_back({{"scenario", run.name},
                     {"id", e.id},
                     {"requested_kwh", e.requested_kwh},
                     {"delivered_kwh", e.delivered_kwh},
                     {"lowest_reduction_kw", e.lowest_reduction_kw}});
    }
  }
  return out;
}

}  // namespace twin::cli
