#include "twin/parkfile/epw_reader.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>

#include "physics/units.h"
#include "twin/base/error.h"
#include "twin/base/text.h"
#include "twin/parkfile/epw_hours.h"
#include "twin/parkfile/quantity.h"
#include "twin/parkfile/source_tree.h"

namespace twin {
namespace {

namespace units = physics::units;
using epw::describe;
using epw::expectedAfter;
using epw::follows;
using epw::kMaxMonthDays;
using epw::Stamp;

constexpr int kHeaderLines = 8;
constexpr int kRecordFields = 35;
constexpr size_t kMaxErrors = 20;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

constexpr std::array<std::string_view, kHeaderLines> kHeaderKeywords = {"LOCATION",
                                                                        "DESIGN CONDITIONS",
                                                                        "TYPICAL/EXTREME PERIODS",
                                                                        "GROUND TEMPERATURES",
                                                                        "HOLIDAYS/DAYLIGHT SAVINGS",
                                                                        "COMMENTS 1",
                                                                        "COMMENTS 2",
                                                                        "DATA PERIODS"};

// A numeric field of a data record with its valid range and missing-value code, in file units.
// Ranges follow the EPW definition where it gives one (temperature, pressure, wind speed).
struct FieldSpec {
  int number;  // 1-based field number in the EPW definition
  std::string_view name;
  std::string_view unit;  // "" for dimensionless
  double min;
  double max;
  double missing;
};

constexpr FieldSpec kDryBulb{7, "dry bulb temperature", "C", -70, 70, 99.9};
constexpr FieldSpec kPressure{10, "atmospheric station pressure", "Pa", 31000, 120000, 999999};
// Hourly means above the solar constant (1361 W/m2) plus a margin for cloud enhancement cannot be.
constexpr FieldSpec kGhi{14, "global horizontal radiation", "Wh/m2", 0, 1500, 9999};
constexpr FieldSpec kDni{15, "direct normal radiation", "Wh/m2", 0, 1500, 9999};
constexpr FieldSpec kDhi{16, "diffuse horizontal radiation", "Wh/m2", 0, 1500, 9999};
constexpr FieldSpec kWind{22, "wind speed", "m/s", 0, 40, 999};
constexpr FieldSpec kAlbedo{33, "albedo", "", 0, 1, 999};
// The largest rainfall recorded in one hour is about 305 mm.
constexpr FieldSpec kPrecipitation{34, "liquid precipitation depth", "mm", 0, 400, 999};

// Standard station pressure at an elevation (ASHRAE Handbook of Fundamentals 2001, ch. 6 eq. 3),
// what EnergyPlus substitutes for a missing pressure.
double standardPressure(double elevation) {
  return 101325.0 * std::pow(1.0 - 2.25577e-5 * elevation, 5.2559);
}

std::optional<double> toNumber(std::string_view s) {
  double value = 0.0;
  if (!parseNumber(s, value) || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<int> toInt(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  int value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

// The comma-separated fields of one line with their 1-based columns; counts every field but keeps
// the first N.
template <int N>
struct Fields {
  std::array<std::string_view, N> text{};
  std::array<int, N> column{};
  int count = 0;

  explicit Fields(std::string_view line) {
    size_t start = 0;
    while (true) {
      const size_t comma = line.find(',', start);
      const size_t end = comma == std::string_view::npos ? line.size() : comma;
      if (count < N) {
        text[count] = line.substr(start, end - start);
        column[count] = static_cast<int>(start) + 1;
      }
      ++count;
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
  }
};

class EpwParser {
 public:
  EpwParser(std::string_view text, const std::string& file) : text_(text), file_(file) {}

  physics::HourlyWeather parse() {
    physics::HourlyWeather w;
    if (readHeader(w)) readRecords(w);
    diag_.throwIfAny();
    return w;
  }

 private:
  // The next line without its line break; false at the end of the text.
  bool nextLine(std::string_view& line) {
    if (pos_ >= text_.size()) return false;
    const size_t newline = text_.find('\n', pos_);
    terminated_ = newline != std::string_view::npos;
    const size_t end = terminated_ ? newline : text_.size();
    line = text_.substr(pos_, end - pos_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos_ = terminated_ ? newline + 1 : text_.size();
    ++line_;
    return true;
  }

  // Records an error; at the limit, adds a note that reading stopped (full() turns true).
  void error(int line, int column, std::string path, std::string message) {
    if (full()) return;
    diag_.error(SourceLoc{file_, line, column}, std::move(path), std::move(message));
    if (full()) {
      diag_.error(SourceLoc{file_, 0, 0}, "",
                  "stopped reading at line " + std::to_string(line) + " after " +
                      std::to_string(kMaxErrors) + " errors");
    }
  }
  bool full() const { return diag_.list().size() >= kMaxErrors; }

  bool readHeader(physics::HourlyWeather& w) {
    std::string_view line;
    for (int i = 0; i < kHeaderLines; ++i) {
      if (!nextLine(line)) {
        error(
            line_ + 1, 1, "header",
            "expected 8 header lines (LOCATION to DATA PERIODS) and hourly records, got " +
                (line_ == 0 ? std::string("an empty file")
                            : "only " + std::to_string(line_) + (line_ == 1 ? " line" : " lines")));
        return false;
      }
      const std::string_view keyword = kHeaderKeywords[i];
      if (!line.starts_with(keyword) ||
          (line.size() > keyword.size() && line[keyword.size()] != ',')) {
        error(line_, 1, "header",
              "expected line " + std::to_string(line_) + " of an EPW file to start with " +
                  std::string(keyword) + ", got " + quote(line));
        if (i == 0) return false;  // not an EPW file: nothing else is worth reporting
        continue;
      }
      if (i == 0) readLocation(line, w);
      if (i == kHeaderLines - 1) readDataPeriods(line);
    }
    return true;
  }

  void readLocation(std::string_view line, physics::HourlyWeather& w) {
    const Fields<10> f(line);
    if (f.count < 10) {
      error(line_, static_cast<int>(line.size()) + 1, "LOCATION",
            "expected 10 fields (LOCATION, city, state, country, source, WMO, latitude, "
            "longitude, time zone, elevation), got " +
                std::to_string(f.count));
      return;
    }
    const auto value = [&](int number, std::string_view name, double min, double max,
                           std::string_view unit) {
      const std::string_view text = f.text[number - 1];
      const std::optional<double> v = toNumber(text);
      if (v && *v >= min && *v <= max) return *v;
      error(line_, f.column[number - 1],
            "LOCATION field " + std::to_string(number) + " (" + std::string(name) + ")",
            "expected " + formatNumber(min) + " to " + formatNumber(max) + " " + std::string(unit) +
                ", got " + quote(text));
      return 0.0;
    };
    w.latitude = value(7, "latitude", -90, 90, "deg") * units::deg;
    w.longitude = value(8, "longitude", -180, 180, "deg") * units::deg;
    // The EPW definition says -12 to +12; real zones reach +14 (Line Islands).
    w.utc_offset = value(9, "time zone", -12, 14, "h") * units::hour;
    w.elevation = value(10, "elevation", -1000, 9999.9, "m") * units::m;
    w.source = "EPW " + file_ + " (" + std::string(trim(f.text[1])) + ", " +
               std::string(trim(f.text[3])) + ", WMO " + std::string(trim(f.text[5])) + ")";
  }

  void readDataPeriods(std::string_view line) {
    const Fields<3> f(line);
    const auto one = [&](int number, std::string_view name, std::string_view meaning) {
      const std::string_view text = number <= f.count ? f.text[number - 1] : std::string_view();
      if (toInt(text) == 1) return;
      error(line_, number <= f.count ? f.column[number - 1] : static_cast<int>(line.size()) + 1,
            "DATA PERIODS field " + std::to_string(number) + " (" + std::string(name) + ")",
            "expected 1 (" + std::string(meaning) + "), got " + quote(text));
    };
    one(2, "number of data periods", "one period of one year");
    one(3, "records per hour", "this reader takes hourly data");
  }

  void readRecords(physics::HourlyWeather& w) {
    for (auto* v : {&w.year, &w.month, &w.day, &w.hour}) v->reserve(8784);
    for (auto* v : {&w.ghi, &w.dni, &w.dhi, &w.temp_air, &w.wind_speed, &w.pressure, &w.albedo,
                    &w.precipitation}) {
      v->reserve(8784);
    }
    std::string_view line;
    while (!full() && nextLine(line)) {
      if (trim(line).empty()) continue;
      readRecord(line, w);
    }
    if (full()) return;
    const int end_line = line_ + (terminated_ ? 1 : 0);
    const size_t n = records_;
    if (n == 0) {
      error(end_line, 1, "records",
            "expected 8760 or 8784 hourly records after the 8 header lines, got none");
    } else if (!reached_end_) {
      error(end_line, 1, "records",
            "expected hourly records up to month 12, day 31, hour 24, got " + std::to_string(n) +
                " records" + (has_last_ ? ", the last at " + describe(last_) : "") +
                " (truncated file?)");
    } else if (n != 8760 && n != 8784) {
      error(end_line, 1, "records",
            "expected 8760 or 8784 hourly records (one year), got " + std::to_string(n));
    }
  }

  void readRecord(std::string_view line, physics::HourlyWeather& w) {
    ++records_;
    const Fields<kRecordFields> f(line);
    if (f.count != kRecordFields) {
      const bool cut = !terminated_ && f.count < kRecordFields;
      error(line_, static_cast<int>(line.size()) + 1, "record",
            "expected " + std::to_string(kRecordFields) + " comma-separated fields, got " +
                std::to_string(f.count) + (cut ? " (the file ends mid-line)" : ""));
      return;
    }
    const std::optional<int> year = integer(f, 1, "year");
    const std::optional<int> month = integer(f, 2, "month");
    const std::optional<int> day = integer(f, 3, "day");
    const std::optional<int> hr = integer(f, 4, "hour");
    bool ok = year && month && day && hr;
    if (month && (*month < 1 || *month > 12)) {
      error(line_, f.column[1], "field 2 (month)", "expected 1 to 12, got " + quote(f.text[1]));
      ok = false;
    }
    if (ok && (*day < 1 || *day > kMaxMonthDays[*month])) {
      error(line_, f.column[2], "field 3 (day)",
            "expected 1 to " + std::to_string(kMaxMonthDays[*month]) + " for month " +
                std::to_string(*month) + ", got " + quote(f.text[2]));
      ok = false;
    }
    if (hr && (*hr < 1 || *hr > 24)) {
      error(line_, f.column[3], "field 4 (hour)",
            "expected 1 to 24 (the hour ending at the timestamp), got " + quote(f.text[3]));
      ok = false;
    }
    if (ok) checkSequence(f, Stamp{*month, *day, *hr});
    has_last_ = ok;
    if (ok) last_ = Stamp{*month, *day, *hr};
    reached_end_ = reached_end_ || (ok && last_ == Stamp{12, 31, 24});

    const double temp = value(f, kDryBulb, true);
    double pressure = value(f, kPressure, false);
    if (std::isnan(pressure)) pressure = standardPressure(w.elevation);
    const double ghi = value(f, kGhi, true);
    const double dni = value(f, kDni, true);
    const double dhi = value(f, kDhi, true);
    const double wind = value(f, kWind, true);
    const double albedo = value(f, kAlbedo, false);
    const double precipitation = value(f, kPrecipitation, false);
    if (!diag_.empty()) return;  // the result is discarded: skip filling it
    w.year.push_back(*year);
    w.month.push_back(*month);
    w.day.push_back(*day);
    w.hour.push_back(*hr);
    w.temp_air.push_back(temp + units::kZeroCelsius);
    w.pressure.push_back(pressure * units::Pa);
    w.ghi.push_back(ghi * units::Wh / units::hour);  // energy over the hour -> mean power
    w.dni.push_back(dni * units::Wh / units::hour);
    w.dhi.push_back(dhi * units::Wh / units::hour);
    w.wind_speed.push_back(wind);
    w.albedo.push_back(albedo);
    w.precipitation.push_back(precipitation * units::mm);
  }

  void checkSequence(const Fields<kRecordFields>& f, const Stamp& now) {
    if (records_ == 1 && !(now == Stamp{1, 1, 1})) {
      error(line_, f.column[1], "fields 2-4 (month, day, hour)",
            "expected the first record at month 1, day 1, hour 1 (an EPW year starts on January "
            "1), got " +
                describe(now));
    } else if (has_last_ && last_ == Stamp{12, 31, 24}) {
      error(line_, f.column[1], "fields 2-4 (month, day, hour)",
            "expected no record after month 12, day 31, hour 24 (one year per file), got " +
                describe(now));
    } else if (has_last_ && !follows(last_, now)) {
      error(line_, f.column[1], "fields 2-4 (month, day, hour)",
            "expected " + expectedAfter(last_) + " (records are consecutive hours), got " +
                describe(now));
    }
  }

  std::optional<int> integer(const Fields<kRecordFields>& f, int number, std::string_view name) {
    const std::optional<int> v = toInt(f.text[number - 1]);
    if (!v) {
      error(line_, f.column[number - 1],
            "field " + std::to_string(number) + " (" + std::string(name) + ")",
            "expected a whole number, got " + quote(f.text[number - 1]));
    }
    return v;
  }

  // The field's value in file units; NaN for the missing-value code of an optional field or after
  // an error.
  double value(const Fields<kRecordFields>& f, const FieldSpec& spec, bool required) {
    const std::string_view text = f.text[spec.number - 1];
    const std::optional<double> v = toNumber(text);
    if (v && *v >= spec.min && *v <= spec.max) return *v;
    if (v && *v == spec.missing && !required) return kNaN;
    // An error: only now are messages built, so that good records allocate nothing.
    const std::string unit = spec.unit.empty() ? "" : " " + std::string(spec.unit);
    std::string message;
    if (!v) {
      message = "expected a number" + (unit.empty() ? "" : " in" + unit) + ", got ";
    } else if (*v == spec.missing) {
      message = "expected a measured value, got the EPW missing-value code ";
    } else {
      message =
          "expected " + formatNumber(spec.min) + " to " + formatNumber(spec.max) + unit + ", got ";
    }
    error(line_, f.column[spec.number - 1],
          "field " + std::to_string(spec.number) + " (" + std::string(spec.name) + ")",
          message + quote(text));
    return kNaN;
  }

  std::string_view text_;
  const std::string& file_;
  Diagnostics diag_;
  size_t pos_ = 0;
  int line_ = 0;              // number of the line last read
  bool terminated_ = true;    // whether the line last read ended with a line break
  Stamp last_;                // date and hour of the previous record
  bool has_last_ = false;     // whether last_ is valid
  bool reached_end_ = false;  // whether a record at December 31 hour 24 was read
  size_t records_ = 0;        // data lines read
};

}  // namespace

physics::HourlyWeather parseEpw(std::string_view text, const std::string& file_name) {
  return EpwParser(text, file_name).parse();
}

physics::HourlyWeather readEpwFile(const std::string& path) {
  return parseEpw(readTextFile(path), path);
}

}  // namespace twin
