#include "twin/parkfile/quantity.h"

#include <array>
#include <charconv>
#include <optional>

#include "twin/base/text.h"

namespace twin {
namespace {

std::string expectation(Dimension d, std::string_view text) {
  return "expected " + std::string(dimensionName(d)) + " (e.g. \"" +
         std::string(dimensionExample(d)) + "\"), got " + quote(std::string(text));
}

}  // namespace

std::string_view dimensionName(Dimension d) {
  switch (d) {
    case Dimension::kDimensionless:
      return "a plain number";
    case Dimension::kFraction:
      return "a fraction";
    case Dimension::kPower:
      return "a power";
    case Dimension::kApparentPower:
      return "an apparent power";
    case Dimension::kEnergy:
      return "an energy";
    case Dimension::kVoltage:
      return "a voltage";
    case Dimension::kCurrent:
      return "a current";
    case Dimension::kLength:
      return "a length";
    case Dimension::kDuration:
      return "a duration";
    case Dimension::kResistancePerLength:
      return "a resistance per length";
    case Dimension::kEmissionFactor:
      return "an emission factor";
    case Dimension::kEnergyPrice:
      return "an energy price";
    case Dimension::kDemandPrice:
      return "a demand price";
    case Dimension::kAngle:
      return "an angle";
    case Dimension::kArea:
      return "an area";
    case Dimension::kTemperatureCoefficient:
      return "a temperature coefficient";
    case Dimension::kVolumeFlow:
      return "a volume flow";
    case Dimension::kPressure:
      return "a pressure";
    case Dimension::kReactivePower:
      return "a reactive power";
    case Dimension::kTemperature:
      return "a temperature";
    case Dimension::kIrradiance:
      return "an irradiance";
    case Dimension::kIrradiation:
      return "an irradiation";
    case Dimension::kSpeed:
      return "a speed";
    case Dimension::kMoney:
      return "an amount of money";
    case Dimension::kMass:
      return "a mass";
    case Dimension::kPowerCost:
      return "a cost per power";
    case Dimension::kApparentPowerCost:
      return "a cost per apparent power";
    case Dimension::kRotationalSpeed:
      return "a rotational speed";
  }
  return "a quantity";
}

std::string_view dimensionExample(Dimension d) {
  switch (d) {
    case Dimension::kDimensionless:
      return "0.85";
    case Dimension::kFraction:
      return "75 %";
    case Dimension::kPower:
      return "15 kW";
    case Dimension::kApparentPower:
      return "1250 kVA";
    case Dimension::kEnergy:
      return "120 kWh";
    case Dimension::kVoltage:
      return "10 kV";
    case Dimension::kCurrent:
      return "390 A";
    case Dimension::kLength:
      return "350 m";
    case Dimension::kDuration:
      return "15min";
    case Dimension::kResistancePerLength:
      return "0.125 ohm/km";
    case Dimension::kEmissionFactor:
      return "0.42 kg/kWh";
    case Dimension::kEnergyPrice:
      return "0.65 CNY/kWh";
    case Dimension::kDemandPrice:
      return "40 CNY/kW/month";
    case Dimension::kAngle:
      return "22 deg";
    case Dimension::kArea:
      return "800 m2";
    case Dimension::kTemperatureCoefficient:
      return "-0.37 %/K";
    case Dimension::kVolumeFlow:
      return "100 m3/h";
    case Dimension::kPressure:
      return "1200 Pa";
    case Dimension::kReactivePower:
      return "50 kvar";
    case Dimension::kTemperature:
      return "25 degC";
    case Dimension::kIrradiance:
      return "1000 W/m2";
    case Dimension::kIrradiation:
      return "1350 kWh/m2";
    case Dimension::kSpeed:
      return "3 m/s";
    case Dimension::kMoney:
      return "1200000 CNY";
    case Dimension::kMass:
      return "120 t";
    case Dimension::kPowerCost:
      return "400 CNY/kW";
    case Dimension::kApparentPowerCost:
      return "175 CNY/kVA";
    case Dimension::kRotationalSpeed:
      return "1475 rpm";
  }
  return "";
}

bool parseNumber(std::string_view text, double& value) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return false;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  return ec == std::errc() && ptr == end;
}

QuantityResult parseQuantity(std::string_view raw, Dimension expected) {
  const std::string_view text = trim(raw);
  // The number is the longest prefix that parses; the rest is the unit.
  size_t split = 0;
  while (split < text.size() &&
         std::string_view("+-.0123456789eE").find(text[split]) != std::string_view::npos) {
    ++split;
  }
  // An exponent marker with nothing after it belongs to the unit, not the number.
  while (split > 0 && (text[split - 1] == 'e' || text[split - 1] == 'E')) --split;
  double number = 0.0;
  if (!parseNumber(text.substr(0, split), number)) return expectation(expected, raw);
  const std::string_view symbol = trim(text.substr(split));
  if (symbol.empty()) {
    if (expected == Dimension::kDimensionless) return number;
    if (expected == Dimension::kFraction) {
      if (number < 0.0 || number > 1.0) {
        return expectation(expected, raw) + " (a plain number must lie in 0..1; use \"%\")";
      }
      return number;
    }
    return expectation(expected, raw) + " (no unit)";
  }
  const std::optional<UnitEntry> unit = findUnit(symbol);
  if (!unit) return expectation(expected, raw) + " (unknown unit \"" + std::string(symbol) + "\")";
  if (unit->dimension != expected) {
    return expectation(expected, raw) + " (" + std::string(dimensionName(unit->dimension)) + ")";
  }
  return toSi(number, *unit);
}

}  // namespace twin
