// `parktwin solar`: the sun's position by NREL's SPA (physics/solar_position.h) at one instant
// (--time), or for every row of a CSV of times and sites (--csv), added as columns after the
// input's own. Angles in degrees at this edge; elevation_deg = 90 - zenith (unrefracted, as pvlib's
// solar_position "elevation").

#include <fmt/format.h>

#include <array>
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "app/commands.h"
#include "physics/solar_position.h"
#include "physics/units.h"
#include "twin/base/csv.h"
#include "twin/base/error.h"
#include "twin/base/iso_time.h"
#include "twin/base/text.h"
#include "twin/parkfile/quantity.h"
#include "twin/parkfile/source_tree.h"
#include "twin/results/output_file.h"

namespace twin::cli {
namespace {

namespace units = physics::units;

// One computation: the inputs in command-line units.
struct SolarInput {
  double unix_time = 0.0;
  double latitude = 0.0;     // deg
  double longitude = 0.0;    // deg
  double elevation = 0.0;    // m
  double pressure = 0.0;     // hPa
  double temperature = 0.0;  // C
  double delta_t = 0.0;      // s
};

// A numeric input: its CSV column, its flag, its valid range and the value of an absent optional
// column. Pressure, temperature and elevation ranges are those found on Earth's surface, so that a
// value in the wrong unit (101325 for hPa) is caught; the delta_t range is the one NREL's
// reference implementation spa.c accepts.
struct NumericInput {
  std::string_view column;
  std::string_view flag;
  std::string_view what;
  double min;
  double max;
  double fallback;
  double SolarInput::*member;
};

constexpr std::array<NumericInput, 6> kNumeric = {{
    {"latitude", "--lat", "a latitude in deg (north positive)", -90, 90, 0, &SolarInput::latitude},
    {"longitude", "--lon", "a longitude in deg (east positive)", -180, 180, 0,
     &SolarInput::longitude},
    {"elevation_m", "--elevation", "an elevation in m", -500, 9000, 0, &SolarInput::elevation},
    {"pressure_hpa", "--pressure", "a pressure in hPa", 100, 1100, 1013.25, &SolarInput::pressure},
    {"temperature_c", "--temperature", "a temperature in C", -90, 60, 12, &SolarInput::temperature},
    {"delta_t_s", "--delta-t", "TT - UT in s", -8000, 8000, 67, &SolarInput::delta_t},
}};
constexpr size_t kRequiredNumeric = 3;  // latitude, longitude and elevation_m are required columns
constexpr std::string_view kAdded = "zenith_deg,apparent_zenith_deg,azimuth_deg,elevation_deg";
constexpr size_t kMaxErrors = 20;

// The last instant the SPA is valid for: the end of the year 6000.
constexpr double kLastSpaTime =
    std::chrono::sys_days{std::chrono::year{6001} / 1 / 1}.time_since_epoch().count() * 86400.0;

std::string rangeText(const NumericInput& in) {
  return std::string(in.what) + " from " + formatNumber(in.min) + " to " + formatNumber(in.max);
}

// The instant of an ISO 8601 text, or what was expected of it.
std::optional<double> parseTime(std::string_view text, std::string& expected) {
  const IsoTimeParse parsed = parseIsoTime(text);
  if (!parsed.instant) {
    expected = parsed.expected;
    return std::nullopt;
  }
  if (parsed.instant->unix_time >= kLastSpaTime) {
    expected = "a time before the year 6001 (the SPA's range)";
    return std::nullopt;
  }
  return parsed.instant->unix_time;
}

physics::SolarPosition sunAt(const SolarInput& in) {
  const physics::SiteLocation site{in.latitude * units::deg, in.longitude * units::deg,
                                   in.elevation * units::m};
  const physics::RefractionAir air{in.pressure * units::hPa, in.temperature + units::kZeroCelsius};
  return physics::computeSolarPosition(in.unix_time, in.delta_t, site, air);
}

// --time: one instant, printed as text or JSON.
int solarAtTime(const SolarRequest& r) {
  std::vector<std::string> problems;
  if (!r.latitude) problems.push_back("--lat: expected a latitude with --time, got none");
  if (!r.longitude) problems.push_back("--lon: expected a longitude with --time, got none");
  std::string expected;
  const std::optional<double> time = parseTime(r.time, expected);
  if (!time) problems.push_back("--time: expected " + expected + ", got " + quote(r.time));
  SolarInput in;
  const std::array<double, 6> given = {r.latitude.value_or(0.0),
                                       r.longitude.value_or(0.0),
                                       r.elevation,
                                       r.pressure,
                                       r.temperature,
                                       r.delta_t};
  for (size_t i = 0; i < kNumeric.size(); ++i) {
    const NumericInput& n = kNumeric[i];
    if (!(given[i] >= n.min && given[i] <= n.max)) {
      problems.push_back(std::string(n.flag) + ": expected " + rangeText(n) + ", got " +
                         formatNumber(given[i]));
    }
    in.*n.member = given[i];
  }
  if (!problems.empty()) throw InputError(join(problems, "\n"));
  in.unix_time = *time;
  const physics::SolarPosition sun = sunAt(in);
  const double zenith = sun.zenith / units::deg;
  const double apparent_zenith = sun.apparent_zenith / units::deg;
  const double azimuth = sun.azimuth / units::deg;
  const double elevation = sun.elevation() / units::deg;
  if (r.json) {
    nlohmann::ordered_json j;
    j["time"] = r.time;
    j["unix_time"] = in.unix_time;
    j["latitude_deg"] = in.latitude;
    j["longitude_deg"] = in.longitude;
    j["elevation_m"] = in.elevation;
    j["pressure_hpa"] = in.pressure;
    j["temperature_c"] = in.temperature;
    j["delta_t_s"] = in.delta_t;
    j["zenith_deg"] = zenith;
    j["apparent_zenith_deg"] = apparent_zenith;
    j["azimuth_deg"] = azimuth;
    j["elevation_deg"] = elevation;
    std::cout << j.dump(2) << '\n';
    return 0;
  }
  std::cout << fmt::format(
      "sun at {}, {:.6f} N {:.6f} E, {:g} m (SPA, delta T {:g} s)\n"
      "  zenith           {:11.6f} deg\n"
      "  apparent zenith  {:11.6f} deg (refraction at {:g} hPa, {:g} C)\n"
      "  azimuth          {:11.6f} deg (clockwise from north)\n"
      "  elevation        {:11.6f} deg (90 - zenith)\n",
      r.time, in.latitude, in.longitude, in.elevation, in.delta_t, zenith, apparent_zenith,
      in.pressure, in.temperature, azimuth, elevation);
  return 0;
}

// The rows of a --csv input, as given, and what they ask for.
struct CsvInput {
  std::string header;              // the header line
  std::vector<std::string> rows;   // the data lines
  std::vector<SolarInput> inputs;  // one per row
};

// Which field of a row holds which input; -1 where a column is absent.
struct CsvLayout {
  int time = -1;
  std::array<int, kNumeric.size()> numeric;
};

std::string columnNames() {
  std::string names = "time";
  for (const NumericInput& n : kNumeric) names += ", " + std::string(n.column);
  return names;
}

CsvLayout readHeader(const CsvRow& head, const std::string& file, Diagnostics& diag) {
  CsvLayout layout;
  layout.numeric.fill(-1);
  for (size_t k = 0; k < head.fields.size(); ++k) {
    const std::string& name = head.fields[k];
    int* slot = name == "time" ? &layout.time : nullptr;
    for (size_t i = 0; i < kNumeric.size(); ++i) {
      if (name == kNumeric[i].column) slot = &layout.numeric[i];
    }
    const SourceLoc loc = head.at(file, k);
    if (!slot) {
      diag.error(loc, "column " + std::string(name),
                 "expected one of " + columnNames() + ", got " + quote(std::string(name)));
    } else if (*slot >= 0) {
      diag.error(loc, "column " + std::string(name),
                 "expected each column once, got " + quote(name) + " again");
    } else {
      *slot = static_cast<int>(k);
    }
  }
  const auto missing = [&](std::string_view name) {
    diag.error(
        {file, 1, 1}, "column " + std::string(name),
        "expected a column named " + std::string(name) + " in the header, got " + quote(head.text));
  };
  if (layout.time < 0) missing("time");
  for (size_t i = 0; i < kRequiredNumeric; ++i) {
    if (layout.numeric[i] < 0) missing(kNumeric[i].column);
  }
  return layout;
}

// Reads one data row into `in`, or reports what is wrong with it.
void readRow(const CsvRow& f, const CsvLayout& layout, const std::string& file, Diagnostics& diag,
             SolarInput& in) {
  std::string expected;
  const std::string& time_text = f.fields[layout.time];
  const std::optional<double> time = parseTime(time_text, expected);
  if (!time) {
    diag.error(f.at(file, layout.time), "column time",
               "expected " + expected + ", got " + quote(time_text));
  }
  in.unix_time = time.value_or(0.0);
  for (size_t i = 0; i < kNumeric.size(); ++i) {
    const NumericInput& n = kNumeric[i];
    double value = n.fallback;
    const int k = layout.numeric[i];
    if (k >= 0 && (!parseNumber(f.fields[k], value) || !(value >= n.min && value <= n.max))) {
      diag.error(f.at(file, k), "column " + std::string(n.column),
                 "expected " + rangeText(n) + ", got " + quote(f.fields[k]));
    }
    in.*n.member = value;
  }
}

// Every error is collected (up to kMaxErrors) before any is thrown.
CsvInput readSolarCsv(std::string_view text, const std::string& file) {
  if (text.empty()) {
    throw InputError(file + ": expected a header line naming the columns (" + columnNames() +
                     "), got an empty file");
  }
  const std::vector<CsvRow> rows = parseCsv(text, file);
  Diagnostics diag;
  if (rows.empty() || rows[0].line != 1) {
    diag.error(
        {file, 1, 1}, "header",
        "expected a header line naming the columns (" + columnNames() + "), got an empty line");
  }
  diag.throwIfAny();
  const CsvLayout layout = readHeader(rows[0], file, diag);
  diag.throwIfAny();
  const size_t columns = rows[0].fields.size();
  CsvInput csv;
  csv.header = rows[0].text;
  for (size_t l = 1; l < rows.size() && diag.list().size() < kMaxErrors; ++l) {
    const CsvRow& row = rows[l];
    if (row.fields.size() != columns) {
      diag.error({file, row.line, 1}, "row",
                 "expected " + std::to_string(columns) +
                     " comma-separated fields as in the header, got " +
                     std::to_string(row.fields.size()));
      continue;
    }
    csv.rows.push_back(row.text);
    readRow(row, layout, file, diag, csv.inputs.emplace_back());
  }
  if (diag.list().size() >= kMaxErrors) {
    diag.error({file, 0, 0}, "", "stopped reading after " + std::to_string(kMaxErrors) + " errors");
  }
  diag.throwIfAny();
  return csv;
}

void writeCsv(std::ostream& out, const CsvInput& csv) {
  out << csv.header << ',' << kAdded << '\n';
  for (size_t i = 0; i < csv.rows.size(); ++i) {
    const physics::SolarPosition sun = sunAt(csv.inputs[i]);
    out << csv.rows[i]
        << fmt::format(",{:.6f},{:.6f},{:.6f},{:.6f}\n", sun.zenith / units::deg,
                       sun.apparent_zenith / units::deg, sun.azimuth / units::deg,
                       sun.elevation() / units::deg);
  }
}

// --csv: every row's sun position; -o is written to a temporary file renamed when complete.
int solarForCsv(const SolarRequest& r) {
  const std::string text = readTextFile(r.csv);
  const CsvInput csv = readSolarCsv(text, r.csv);
  if (r.output.empty()) {
    writeCsv(std::cout, csv);
    return 0;
  }
  OutputFile out(r.output);
  writeCsv(out.stream(), csv);
  out.commit();
  return 0;
}

}  // namespace

int solarCommand(const SolarRequest& request) {
  if (!request.csv.empty()) return solarForCsv(request);
  if (request.time.empty()) {
    throw InputError("solar: expected --time (with --lat and --lon) or --csv FILE, got neither");
  }
  return solarAtTime(request);
}

}  // namespace twin::cli
