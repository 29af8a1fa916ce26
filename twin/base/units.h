// The one table of units at the program's edges: the symbols park files, flags, CSV headers and
// results files' `units` attributes use, each with its dimension and SI value (ARCHITECTURE.md
// §3). Inside, everything is SI; a value crosses an edge through toSi/fromSi.
#pragma once

#include <optional>
#include <string_view>

namespace twin {

enum class Dimension {
  kDimensionless,
  kFraction,  // "%" or a plain number from 0 to 1
  kPower,
  kApparentPower,
  kEnergy,
  kVoltage,
  kCurrent,
  kLength,
  kDuration,
  kResistancePerLength,
  kEmissionFactor,          // kg CO2 per J of electricity
  kEnergyPrice,             // currency per J
  kDemandPrice,             // currency per W per month
  kAngle,                   // rad; "deg" or "rad"
  kArea,                    // m2
  kTemperatureCoefficient,  // per K; "%/K" or "%/C"
  kVolumeFlow,              // m3/s; "m3/s", "m3/min", "m3/h", "L/s"
  // Pa; "Pa", "hPa", "kPa", "MPa", "bar". Gauge or absolute is not part of the unit: each flag or
  // field says which it means (e.g. a compressor discharge pressure is gauge).
  kPressure,
  kReactivePower,      // var
  kTemperature,        // K; "degC" (offset 273.15) or "K"
  kIrradiance,         // W/m2
  kIrradiation,        // J/m2; "kWh/m2"
  kSpeed,              // m/s
  kMoney,              // CNY (the one currency tariffs take)
  kMass,               // kg; "kg" or "t" (CO2)
  kPowerCost,          // currency per W: "CNY/kW", "CNY/kWp" (retrofit unit costs)
  kApparentPowerCost,  // currency per VA: "CNY/kVA"
  kRotationalSpeed,    // rad/s; "rpm" (= "1/min", "r/min") or "rad/s"
};

struct UnitEntry {
  std::string_view symbol;
  Dimension dimension;
  double to_si;         // SI value of one unit
  double offset = 0.0;  // SI value of the unit's zero (degC: 273.15 K)
};

// The unit written `symbol` ("kW", "%", "degC", "pu"), or nothing when the table has none.
std::optional<UnitEntry> findUnit(std::string_view symbol);

// value in `unit` to SI, and back.
inline double toSi(double value, const UnitEntry& unit) { return value * unit.to_si + unit.offset; }
inline double fromSi(double si, const UnitEntry& unit) { return (si - unit.offset) / unit.to_si; }
// The same by symbol, for symbols the code itself names; throws std::logic_error for a symbol
// the table lacks (a programming error, not bad input).
double fromSi(double si, std::string_view symbol);
double toSi(double value, std::string_view symbol);

}  // namespace twin
