// Meter readings in CSV, long format: one row per reading (docs/diagnosis.md). Columns, found by
// header name (order free, unknown columns ignored): `time` (ISO 8601 with a UTC offset: the start
// of the interval the reading covers), `id` (a park id or `grid`), and any of `voltage_v` (line to
// line) or `v_ab_v`, `v_bc_v`, `v_ca_v`; `current_a` or `i_a_a`, `i_b_a`, `i_c_a`; `power_kw`,
// `power_w` or `power_mw`; `energy_kwh` (over the interval); `power_factor`; `speed_rpm`.
// Read robustly: a UTF-8 byte-order mark, CRLF, quoted fields, unsorted rows; an empty cell is
// "not measured"; a row that cannot be read is skipped and reported with its line and reason;
// duplicates (same id and time) are counted and the first kept; unknown ids are reported once.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twin {

// One reading, SI. Absent optionals were not measured (empty cell or no column).
struct MeterReading {
  int64_t time = 0;               // UTC Unix seconds at the start of the interval
  int line = 0;                   // 1-based line of the row in the file
  std::optional<double> voltage;  // V line-to-line (mean of the three if given)
  std::optional<std::array<double, 3>> line_voltages;  // V: ab, bc, ca
  std::optional<double> current;                       // A (mean of the phases if given per phase)
  std::optional<double> power;                         // W active
  std::optional<double> energy;                        // J over the interval
  std::optional<double> power_factor;                  // 0..1
  std::optional<double> speed;                         // rad/s
};

// The readings of one id, sorted by time, with the interval each covers.
struct MeterSeries {
  std::string id;
  std::vector<MeterReading> readings;  // sorted by time, one per time
  int interval_s = 0;  // the id's usual interval: the most common step between readings
  // Seconds each reading covers: the step to the next reading, or interval_s across a gap and for
  // the last reading.
  std::vector<int> durations;
};

struct SkippedRow {
  int line = 0;
  std::string reason;  // "time: expected ISO 8601 with a UTC offset, got \"2025-03-01 00:00\""
};

// A gap: no reading of `id` from `from` to `to` (UTC Unix s), longer than 1.5 intervals.
struct MeterGap {
  std::string id;
  int64_t from = 0;  // end of the last reading before the gap
  int64_t to = 0;    // start of the first reading after it
};

struct MeterData {
  std::string file;
  int utc_offset = 0;                    // s, of the first readable row (for writing times back)
  long rows = 0;                         // data rows in the file (the header not counted)
  std::vector<SkippedRow> skipped;       // in line order
  long duplicates = 0;                   // rows with an id and time already read (first kept)
  std::vector<std::string> unknown_ids;  // ids `known` refused, once each, in order of appearance
  std::vector<int> unknown_id_lines;     // the first line of each unknown id
  std::vector<MeterSeries> meters;       // known ids, in order of first appearance
  std::vector<MeterGap> gaps;            // per id in meter order, then by time
  std::vector<std::string> columns;      // the measured columns the header has, as written
};

// Reads CSV text (file: for messages). known(id) says whether an id belongs to the park. Throws
// InputError (twin/base/error.h) when nothing useful can be read: text that is not CSV, no
// header with `time` and `id`, or no measured column; each message names the file, line and
// column and what was expected. Rows with a bad value are skipped and listed instead.
MeterData readMeterCsv(std::string_view text, const std::string& file,
                       const std::function<bool(std::string_view)>& known);

}  // namespace twin
