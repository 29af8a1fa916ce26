#include "twin/parkfile/meter_columns.h"

#include <array>
#include <cctype>
#include <cmath>
#include <limits>
#include <optional>

#include "twin/base/error.h"
#include "twin/base/text.h"
#include "twin/parkfile/quantity.h"

namespace twin::meter {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// A measured quantity: the name its columns begin with, the kind of unit after it, the range of
// its numbers (unit-free bounds: 0, -1, 1 or none) and a plausibility limit on the magnitude in
// SI (what no meter of a park reads: a value past it is a unit or export error).
struct QuantitySpec {
  std::string_view name;
  Dimension dimension;
  double min;
  double max;
  double si_limit;
  std::string_view limit_text;
};

constexpr std::array<QuantitySpec, kQuantities> kSpecs = {{
    {"voltage", Dimension::kVoltage, 0.0, kInf, 1e6, "1000 kV"},
    {"v_ab", Dimension::kVoltage, 0.0, kInf, 1e6, "1000 kV"},
    {"v_bc", Dimension::kVoltage, 0.0, kInf, 1e6, "1000 kV"},
    {"v_ca", Dimension::kVoltage, 0.0, kInf, 1e6, "1000 kV"},
    {"current", Dimension::kCurrent, 0.0, kInf, 1e6, "1000 kA"},
    {"i_a", Dimension::kCurrent, 0.0, kInf, 1e6, "1000 kA"},
    {"i_b", Dimension::kCurrent, 0.0, kInf, 1e6, "1000 kA"},
    {"i_c", Dimension::kCurrent, 0.0, kInf, 1e6, "1000 kA"},
    {"power", Dimension::kPower, -kInf, kInf, 1e10, "10 GW"},
    {"energy", Dimension::kEnergy, -kInf, kInf, 3.6e13, "10 GWh"},
    {"power_factor", Dimension::kDimensionless, -1.0, 1.0, 1.0, "1"},
    {"speed", Dimension::kRotationalSpeed, 0.0, kInf, 1e4, "95,000 rpm"},
}};

constexpr std::string_view kAccepted =
    "voltage_v, v_ab_v, v_bc_v, v_ca_v, current_a, i_a_a, i_b_a, i_c_a, power_kw, energy_kwh, "
    "power_factor or speed_rpm (any unit of the kind: power_w, power_mw, energy_wh, voltage_kv...)";

char lowerChar(char ch) { return static_cast<char>(std::tolower(static_cast<unsigned char>(ch))); }
char upperChar(char ch) { return static_cast<char>(std::toupper(static_cast<unsigned char>(ch))); }

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& ch : out) ch = lowerChar(ch);
  return out;
}

// The unit of `dimension` written `symbol`, its case ignored ("kw" -> kW, "mw" -> MW): the symbol
// as written first, then each spelling of its letters in lower or upper case.
std::optional<UnitEntry> unitOf(std::string_view symbol, Dimension dimension) {
  const auto fits = [dimension](std::string_view s) -> std::optional<UnitEntry> {
    const std::optional<UnitEntry> unit = findUnit(s);
    return unit && unit->dimension == dimension ? unit : std::nullopt;
  };
  if (std::optional<UnitEntry> unit = fits(symbol)) return unit;
  constexpr size_t kMaxSize = 8;  // 256 spellings; the table's symbols are shorter
  if (symbol.size() > kMaxSize) return std::nullopt;
  std::string spelling(symbol);
  for (unsigned mask = 0; mask < (1u << spelling.size()); ++mask) {
    for (size_t i = 0; i < spelling.size(); ++i) {
      spelling[i] = (mask >> i & 1u) != 0 ? upperChar(spelling[i]) : lowerChar(spelling[i]);
    }
    if (std::optional<UnitEntry> unit = fits(spelling)) return unit;
  }
  return std::nullopt;
}

// The measured column a header name (trimmed) names, if any.
std::optional<MeasuredColumn> measuredColumn(std::string_view name, size_t index) {
  const std::string key = lower(name);
  if (key == kSpecs[kPowerFactor].name) {
    return MeasuredColumn{kPowerFactor, index, std::string(name), *findUnit("1")};
  }
  const size_t split = key.rfind('_');
  if (split == std::string::npos) return std::nullopt;
  for (size_t q = 0; q < kQuantities; ++q) {
    if (q == kPowerFactor || kSpecs[q].name != std::string_view(key).substr(0, split)) continue;
    const std::optional<UnitEntry> unit = unitOf(name.substr(split + 1), kSpecs[q].dimension);
    if (!unit) return std::nullopt;
    return MeasuredColumn{static_cast<Quantity>(q), index, std::string(name), *unit};
  }
  return std::nullopt;
}

[[noreturn]] void fail(SourceLoc loc, std::string path, std::string message) {
  throw InputError({Diagnostic{std::move(loc), std::move(path), std::move(message)}});
}

// Sets `slot` (where the column of one kind is) to field `index` of the header; a second column
// of the kind is an error.
void place(std::optional<size_t>& slot, size_t index, const CsvRow& header,
           const std::string& file) {
  const std::string_view name = trim(header.fields[index]);
  if (slot) {
    fail(header.at(file, index), std::string(name),
         "expected one column of this kind, got a second (the first is " +
             quote(trim(header.fields[*slot])) + ")");
  }
  slot = index;
}

}  // namespace

MeterColumns readMeterHeader(const CsvRow& header, const std::string& file) {
  MeterColumns columns;
  columns.count = header.fields.size();
  std::optional<size_t> time;
  std::optional<size_t> id;
  std::array<std::optional<size_t>, kQuantities> seen{};
  for (size_t i = 0; i < header.fields.size(); ++i) {
    const std::string_view name = trim(header.fields[i]);
    const std::string key = lower(name);
    if (key == "time" || key == "id") {
      place(key == "time" ? time : id, i, header, file);
    } else if (std::optional<MeasuredColumn> column = measuredColumn(name, i)) {
      place(seen[column->quantity], i, header, file);
      columns.measured.push_back(std::move(*column));
    }
  }
  const SourceLoc start{file, header.line, 1};
  if (!time || !id) {
    fail(start, "",
         "expected a header row of meter readings with columns time and id, got " +
             quote(header.text));
  }
  if (columns.measured.empty()) {
    fail(start, "",
         "expected a measured column: " + std::string(kAccepted) + ", got " + quote(header.text));
  }
  columns.time = *time;
  columns.id = *id;
  return columns;
}

bool readCell(const MeasuredColumn& column, std::string_view cell, double& value,
              std::string& reason) {
  const QuantitySpec& spec = kSpecs[column.quantity];
  std::string expected;
  if (!parseNumber(cell, value)) {
    expected = "a number";
  } else if (!std::isfinite(value)) {
    expected = "a finite number";
  } else if (value < spec.min || value > spec.max) {
    expected = spec.max < kInf
                   ? "a number from " + formatNumber(spec.min) + " to " + formatNumber(spec.max)
                   : "a number >= " + formatNumber(spec.min);
  } else if (std::abs(toSi(value, column.unit)) > spec.si_limit) {
    expected = "a magnitude of at most " + std::string(spec.limit_text) + " (a plausibility limit)";
  } else {
    value = toSi(value, column.unit);
    return true;
  }
  reason = column.name + ": expected " + expected + ", got " + quote(cell);
  return false;
}

}  // namespace twin::meter
