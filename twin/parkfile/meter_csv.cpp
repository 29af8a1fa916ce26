// Rules the header leaves open, as decided here:
// - A row is checked in this order: its field count, its id (an unknown id drops the row before
//   anything else is read), its time, then each measured cell; the first fault skips it.
// - A time with fractional seconds is rounded to the nearest second.
// - A power factor is stored as its absolute value: meters sign it for leading or exported power
//   by differing conventions.
// - line_voltages needs all three of v_ab_v, v_bc_v, v_ca_v in the row, and voltage is their mean
//   when voltage_v is empty; current is the mean of i_a_a, i_b_a, i_c_a when all three are there
//   and current_a is empty.
// - An id whose every row was skipped gets no MeterSeries. An id with one reading has
//   interval_s 0 and duration 0: it shows no interval.
// - utc_offset is that of the first row kept as a reading of a known id.
#include "twin/parkfile/meter_csv.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "twin/base/csv.h"
#include "twin/base/error.h"
#include "twin/base/iso_time.h"
#include "twin/base/text.h"
#include "twin/parkfile/meter_columns.h"

namespace twin {
namespace {

using meter::MeasuredColumn;
using Values = std::array<std::optional<double>, meter::kQuantities>;

constexpr int kUnknown = -1;

struct IdHash {
  using is_transparent = void;
  size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
};

std::optional<double> meanOfThree(const Values& v, meter::Quantity first) {
  if (!v[first] || !v[first + 1] || !v[first + 2]) return std::nullopt;
  return (*v[first] + *v[first + 1] + *v[first + 2]) / 3.0;
}

// The reading's quantities from the values of its cells (SI; absent: not measured).
void setQuantities(const Values& v, MeterReading& reading) {
  reading.voltage = v[meter::kVoltage];
  if (const std::optional<double> mean = meanOfThree(v, meter::kVoltageAb)) {
    reading.line_voltages = {*v[meter::kVoltageAb], *v[meter::kVoltageBc], *v[meter::kVoltageCa]};
    if (!reading.voltage) reading.voltage = mean;
  }
  reading.current = v[meter::kCurrent];
  if (!reading.current) reading.current = meanOfThree(v, meter::kCurrentA);
  reading.power = v[meter::kPower];
  reading.energy = v[meter::kEnergy];
  if (v[meter::kPowerFactor]) reading.power_factor = std::abs(*v[meter::kPowerFactor]);
  reading.speed = v[meter::kSpeed];
}

// Seconds as an int, capped (steps of decades would overflow).
int toInt(int64_t seconds) {
  return static_cast<int>(std::min<int64_t>(seconds, std::numeric_limits<int>::max()));
}

// The most common step between consecutive times (sorted, distinct), the smaller on a tie; 0 for
// fewer than two readings.
int64_t usualStep(const std::vector<MeterReading>& readings) {
  std::vector<int64_t> steps;
  steps.reserve(readings.size());
  for (size_t i = 1; i < readings.size(); ++i) {
    steps.push_back(readings[i].time - readings[i - 1].time);
  }
  std::sort(steps.begin(), steps.end());
  int64_t best = 0;
  size_t best_count = 0;
  for (size_t i = 0; i < steps.size();) {
    size_t j = i;
    while (j < steps.size() && steps[j] == steps[i]) ++j;
    if (j - i > best_count) {
      best = steps[i];
      best_count = j - i;
    }
    i = j;
  }
  return best;
}

class MeterReader {
 public:
  MeterReader(const std::string& file, const std::function<bool(std::string_view)>& known)
      : file_(file), known_(known) {}

  MeterData read(std::string_view text) {
    data_.file = file_;
    bool header = true;
    forEachCsvRow(text, file_, [&](const CsvRow& row) {
      if (header) {
        columns_ = meter::readMeterHeader(row, file_);
        for (const MeasuredColumn& column : columns_.measured) data_.columns.push_back(column.name);
        header = false;
        return;
      }
      ++data_.rows;
      readRow(row);
    });
    if (header) {
      throw InputError({Diagnostic{SourceLoc{file_, 1, 1}, "",
                                   "expected a header row of meter readings (time,id,...), got an "
                                   "empty file"}});
    }
    std::erase_if(data_.meters, [](const MeterSeries& s) { return s.readings.empty(); });
    for (MeterSeries& series : data_.meters) finish(series);
    return std::move(data_);
  }

 private:
  void skip(int line, std::string reason) {
    data_.skipped.push_back(SkippedRow{line, std::move(reason)});
  }

  // The index in data_.meters of `id`'s series, or kUnknown; asks `known` once per id.
  int seriesOf(std::string_view id, int line) {
    if (const auto it = ids_.find(id); it != ids_.end()) return it->second;
    int index = kUnknown;
    if (known_(id)) {
      index = static_cast<int>(data_.meters.size());
      data_.meters.push_back(MeterSeries{std::string(id), {}, 0, {}});
    } else {
      data_.unknown_ids.emplace_back(id);
      data_.unknown_id_lines.push_back(line);
    }
    ids_.emplace(std::string(id), index);
    return index;
  }

  void readRow(const CsvRow& row) {
    if (row.fields.size() != columns_.count) {
      skip(row.line, "expected " + std::to_string(columns_.count) +
                         " fields as the header has, got " + std::to_string(row.fields.size()));
      return;
    }
    const std::string_view id = trim(row.fields[columns_.id]);
    if (id.empty()) {
      skip(row.line, "id: expected a meter id, got \"\"");
      return;
    }
    const int series = seriesOf(id, row.line);
    if (series == kUnknown) return;
    const std::string& time_text = row.fields[columns_.time];
    const IsoTimeParse time = parseIsoTime(trim(time_text));
    if (!time.instant) {
      skip(row.line, "time: expected " + time.expected + ", got " + quote(time_text));
      return;
    }
    Values values{};
    for (const MeasuredColumn& column : columns_.measured) {
      const std::string& cell = row.fields[column.index];
      if (trim(cell).empty()) continue;
      double value = 0.0;
      std::string reason;
      if (!meter::readCell(column, cell, value, reason)) {
        skip(row.line, std::move(reason));
        return;
      }
      values[column.quantity] = value;
    }
    MeterReading reading;
    reading.time = static_cast<int64_t>(std::llround(time.instant->unix_time));
    reading.line = row.line;
    setQuantities(values, reading);
    if (!offset_read_) {
      data_.utc_offset = time.instant->utc_offset;
      offset_read_ = true;
    }
    data_.meters[static_cast<size_t>(series)].readings.push_back(reading);
  }

  // Sorts the series by time (stably: of readings at one time, the first by line is kept),
  // counts and drops duplicates, and sets the interval, the durations and the gaps.
  void finish(MeterSeries& series) {
    std::vector<MeterReading>& r = series.readings;
    const auto by_time = [](const MeterReading& a, const MeterReading& b) {
      return a.time < b.time;
    };
    if (!std::is_sorted(r.begin(), r.end(), by_time)) std::stable_sort(r.begin(), r.end(), by_time);
    const auto last = std::unique(r.begin(), r.end(),
                                  [](const auto& a, const auto& b) { return a.time == b.time; });
    data_.duplicates += static_cast<long>(r.end() - last);
    r.erase(last, r.end());
    const int64_t interval = usualStep(r);
    series.interval_s = toInt(interval);
    series.durations.resize(r.size(), series.interval_s);
    for (size_t i = 0; i + 1 < r.size(); ++i) {
      const int64_t step = r[i + 1].time - r[i].time;
      if (2 * step > 3 * interval) {
        data_.gaps.push_back(MeterGap{series.id, r[i].time + interval, r[i + 1].time});
      } else {
        series.durations[i] = toInt(step);
      }
    }
  }

  const std::string& file_;
  const std::function<bool(std::string_view)>& known_;
  meter::MeterColumns columns_;
  MeterData data_;
  std::unordered_map<std::string, int, IdHash, std::equal_to<>> ids_;
  bool offset_read_ = false;
};

}  // namespace

MeterData readMeterCsv(std::string_view text, const std::string& file,
                       const std::function<bool(std::string_view)>& known) {
  return MeterReader(file, known).read(text);
}

}  // namespace twin
