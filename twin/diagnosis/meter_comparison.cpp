#include "twin/diagnosis/meter_comparison.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "twin/base/calendar.h"
#include "twin/base/error.h"
#include "twin/base/iso_time.h"
#include "twin/engine/engine.h"

namespace twin::diagnosis {
namespace {

constexpr int64_t kHour = 3600;

int64_t floorDiv(int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// The columns of `kind` whose id (or, for equipment and loads, whose entry) is `id`.
template <typename Items>
std::vector<size_t> matching(const Items& items, const std::string& id) {
  std::vector<size_t> out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].id == id) return {i};
    if constexpr (requires { items[i].entry; }) {
      if (items[i].entry == id) out.push_back(i);
    }
  }
  return out;
}

std::optional<MeterTarget> targetOf(const ParkModel& m, const std::string& id) {
  if (id == "grid") return MeterTarget{id, 0, kParkGridImport, {0}};
  const std::pair<SeriesId, std::vector<size_t>> candidates[] = {
      {kMotorInputPower, matching(m.motors, id)},
      {kLoadPower, matching(m.loads, id)},
      {kEvPower, matching(m.ev_chargers, id)},
      {kStoragePower, matching(m.storage, id)},
      {kPvAcPower, matching(m.pv, id)},
      {kTransformerHvPower, matching(m.network.transformers, id)},
      {kBusLoadPower, matching(m.network.buses, id)}};
  for (const auto& [series, columns] : candidates) {
    if (!columns.empty()) return MeterTarget{id, 0, series, columns};
  }
  return std::nullopt;
}

// Sums each block's steps into hours of each target.
class HourSink : public BlockSink {
 public:
  HourSink(std::vector<MeterTarget> targets, std::vector<size_t> widths, const TimeGrid& grid)
      : targets_(std::move(targets)), grid_(grid), widths_(std::move(widths)) {
    out_.first_hour = floorDiv(grid.unixTime(0), kHour);
    const int64_t last = floorDiv(grid.unixTime(grid.steps()) - 1, kHour);
    out_.energy.assign(targets_.size(),
                       std::vector<double>(static_cast<size_t>(last - out_.first_hour + 1), 0.0));
  }
  // A step's energy goes to the UTC hours it overlaps, in proportion (a step may straddle an
  // hour boundary when the site's offset is not a whole number of hours).
  void consume(const BlockResult& b) override {
    for (size_t t = 0; t < targets_.size(); ++t) {
      const std::vector<double>& v = b.values[targets_[t].series];
      for (int k = 0; k < b.steps; ++k) {
        double power = 0.0;
        for (size_t c : targets_[t].columns) power += v[static_cast<size_t>(k) * widths_[t] + c];
        const int64_t start = grid_.unixTime(b.first_step + k);
        for (int64_t at = start; at < start + grid_.step_s;) {
          const int64_t hour = floorDiv(at, kHour);
          const int64_t end = std::min((hour + 1) * kHour, start + grid_.step_s);
          out_.energy[t][static_cast<size_t>(hour - out_.first_hour)] +=
              power * static_cast<double>(end - at);
          at = end;
        }
      }
    }
  }
  SimulatedHours take() { return std::move(out_); }

 private:
  std::vector<MeterTarget> targets_;
  TimeGrid grid_;
  std::vector<size_t> widths_;
  SimulatedHours out_;
};

}  // namespace

FitStatistics g14Statistics(const std::vector<double>& measured,
                            const std::vector<double>& simulated, double cv_limit,
                            double nmbe_limit) {
  FitStatistics s;
  s.n = static_cast<long>(measured.size());
  if (s.n < 2) return s;
  double sum_m = 0.0, sum_d = 0.0, sum_d2 = 0.0;
  for (size_t i = 0; i < measured.size(); ++i) {
    const double d = measured[i] - simulated[i];
    sum_m += measured[i];
    sum_d += d;
    sum_d2 += d * d;
  }
  const double mean = sum_m / static_cast<double>(s.n);
  if (mean == 0.0) return s;
  const double dof = static_cast<double>(s.n - 1);  // n - p, p = 1
  s.cv_rmse = std::sqrt(sum_d2 / dof) / mean;
  s.nmbe = sum_d / (dof * mean);
  s.meets = *s.cv_rmse <= cv_limit && std::abs(*s.nmbe) <= nmbe_limit;
  return s;
}

std::vector<MeterTarget> meterTargets(const ParkModel& model, const MeterData& meters) {
  std::vector<MeterTarget> out;
  for (size_t m = 0; m < meters.meters.size(); ++m) {
    const MeterSeries& s = meters.meters[m];
    const bool has_energy = std::any_of(s.readings.begin(), s.readings.end(), [](const auto& r) {
      return r.power.has_value() || r.energy.has_value();
    });
    if (!has_energy) continue;
    if (std::optional<MeterTarget> t = targetOf(model, s.id)) {
      t->meter = m;
      out.push_back(std::move(*t));
    }
  }
  return out;
}

MeteredHours meteredHours(const MeterSeries& series) {
  std::map<int64_t, std::pair<double, double>> bins;  // hour -> (J, seconds covered)
  for (size_t i = 0; i < series.readings.size(); ++i) {
    const MeterReading& r = series.readings[i];
    const int d = series.durations[i];
    if (d <= 0 || (!r.power && !r.energy)) continue;
    const double power = r.energy ? *r.energy / d : *r.power;
    for (int64_t t = r.time; t < r.time + d;) {
      const int64_t hour = floorDiv(t, kHour);
      const int64_t end = std::min<int64_t>((hour + 1) * kHour, r.time + d);
      bins[hour].first += power * static_cast<double>(end - t);
      bins[hour].second += static_cast<double>(end - t);
      t = end;
    }
  }
  MeteredHours out;
  for (const auto& [hour, bin] : bins) {
    if (bin.second < kHour - 0.5) continue;  // an hour the readings do not cover fully
    out.hours.push_back(hour);
    out.energy.push_back(bin.first);
  }
  return out;
}

TimeGrid meteredGrid(const ParkModel& model, const MeterData& meters) {
  int64_t first = INT64_MAX, last = INT64_MIN;
  for (const MeterSeries& s : meters.meters) {
    for (size_t i = 0; i < s.readings.size(); ++i) {
      first = std::min(first, s.readings[i].time);
      last = std::max(last, s.readings[i].time + std::max(s.durations[i], 1));
    }
  }
  if (first > last) throw InputError(meters.file + ": no reading of an id of the park");
  const int offset = model.site.utc_offset_s;
  PeriodOverride period;
  period.start_day = localDayOf(first, offset);
  period.end_day = localDayOf(last - 1, offset) + 1;
  const std::string span = formatIsoTime(first, offset) + " to " + formatIsoTime(last, offset);
  if (*period.end_day - *period.start_day > kMaxMeteredDays) {
    throw InputError(meters.file + ": the readings span " + span + ", more than " +
                     std::to_string(kMaxMeteredDays) + " days: calibrate one period at a time");
  }
  try {
    return makeTimeGrid(model, period);
  } catch (const InputError& e) {
    throw InputError(meters.file + ": the readings span " + span +
                     ", which the park cannot simulate: " + e.what());
  }
}

std::vector<SimulatedHours> simulateHours(const std::vector<const ParkModel*>& models,
                                          const MeterData& meters, const TimeGrid& grid) {
  std::vector<std::unique_ptr<HourSink>> sinks;
  std::vector<BlockSink*> raw;
  for (const ParkModel* m : models) {
    std::vector<MeterTarget> targets = meterTargets(*m, meters);
    std::vector<size_t> widths;
    for (const MeterTarget& t : targets) {
      widths.push_back(columnCount(*m, kSeries[t.series].column_kind));
    }
    sinks.push_back(std::make_unique<HourSink>(std::move(targets), std::move(widths), grid));
    raw.push_back(sinks.back().get());
  }
  runEach(models, grid, raw);
  std::vector<SimulatedHours> out;
  for (auto& s : sinks) out.push_back(s->take());
  return out;
}

MeterComparison compareMeter(const std::string& id, const MeteredHours& metered,
                             const SimulatedHours& sim, size_t target, int utc_offset_s) {
  MeterComparison c;
  c.id = id;
  std::vector<double> m, s, mm, sm;
  long month = -1;
  for (size_t i = 0; i < metered.hours.size(); ++i) {
    const int64_t k = metered.hours[i] - sim.first_hour;
    if (k < 0 || k >= static_cast<int64_t>(sim.energy[target].size())) continue;
    m.push_back(metered.energy[i]);
    s.push_back(sim.energy[target][static_cast<size_t>(k)]);
    const YearMonth ym = yearMonthOf(localDayOf(metered.hours[i] * kHour, utc_offset_s));
    const long this_month = ym.year * 12L + ym.month;
    if (this_month != month) {
      mm.push_back(0.0);
      sm.push_back(0.0);
      month = this_month;
    }
    mm.back() += m.back();
    sm.back() += s.back();
    c.measured += m.back();
    c.simulated += s.back();
  }
  c.hourly = g14Statistics(m, s, kHourlyCvLimit, kHourlyNmbeLimit);
  c.monthly = g14Statistics(mm, sm, kMonthlyCvLimit, kMonthlyNmbeLimit);
  return c;
}

}  // namespace twin::diagnosis
