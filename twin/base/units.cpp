#include "twin/base/units.h"

#include <array>
#include <stdexcept>
#include <string>

#include "physics/units.h"

namespace twin {
namespace {

namespace u = physics::units;

constexpr std::array kUnits = {
    UnitEntry{"%", Dimension::kFraction, u::pct},
    UnitEntry{"W", Dimension::kPower, u::W},
    UnitEntry{"kW", Dimension::kPower, u::kW},
    UnitEntry{"MW", Dimension::kPower, u::MW},
    UnitEntry{"VA", Dimension::kApparentPower, u::VA},
    UnitEntry{"kVA", Dimension::kApparentPower, u::kVA},
    UnitEntry{"MVA", Dimension::kApparentPower, u::MVA},
    UnitEntry{"Wh", Dimension::kEnergy, u::Wh},
    UnitEntry{"kWh", Dimension::kEnergy, u::kWh},
    UnitEntry{"MWh", Dimension::kEnergy, u::MWh},
    UnitEntry{"J", Dimension::kEnergy, u::J},
    UnitEntry{"kJ", Dimension::kEnergy, u::kJ},
    UnitEntry{"MJ", Dimension::kEnergy, u::MJ},
    UnitEntry{"GJ", Dimension::kEnergy, u::GJ},
    UnitEntry{"V", Dimension::kVoltage, u::V},
    UnitEntry{"kV", Dimension::kVoltage, u::kV},
    UnitEntry{"A", Dimension::kCurrent, u::A},
    UnitEntry{"kA", Dimension::kCurrent, u::kA},
    UnitEntry{"mm", Dimension::kLength, u::mm},
    UnitEntry{"m", Dimension::kLength, u::m},
    UnitEntry{"km", Dimension::kLength, u::km},
    UnitEntry{"s", Dimension::kDuration, u::s},
    UnitEntry{"min", Dimension::kDuration, u::minute},
    UnitEntry{"h", Dimension::kDuration, u::hour},
    UnitEntry{"d", Dimension::kDuration, u::day},
    UnitEntry{"a", Dimension::kDuration, u::year},
    UnitEntry{"ohm/km", Dimension::kResistancePerLength, u::ohm / u::km},
    UnitEntry{"ohm/m", Dimension::kResistancePerLength, u::ohm / u::m},
    UnitEntry{"kg/kWh", Dimension::kEmissionFactor, u::kg / u::kWh},
    UnitEntry{"g/kWh", Dimension::kEmissionFactor, u::g / u::kWh},
    UnitEntry{"t/MWh", Dimension::kEmissionFactor, u::t / u::MWh},
    UnitEntry{"CNY/kWh", Dimension::kEnergyPrice, 1.0 / u::kWh},
    UnitEntry{"CNY/MWh", Dimension::kEnergyPrice, 1.0 / u::MWh},
    UnitEntry{"CNY/kW/month", Dimension::kDemandPrice, 1.0 / u::kW},
    // PV rated (peak, STC) power is a power; "kWp" reads as kW.
    UnitEntry{"Wp", Dimension::kPower, u::W},
    UnitEntry{"kWp", Dimension::kPower, u::kWp},
    UnitEntry{"MWp", Dimension::kPower, 1e3 * u::kWp},
    UnitEntry{"deg", Dimension::kAngle, u::deg},
    UnitEntry{"rad", Dimension::kAngle, u::rad},
    UnitEntry{"m2", Dimension::kArea, u::m2},
    UnitEntry{"%/K", Dimension::kTemperatureCoefficient, u::pct / u::K},
    UnitEntry{"%/C", Dimension::kTemperatureCoefficient, u::pct / u::K},
    UnitEntry{"m3/s", Dimension::kVolumeFlow, 1.0},
    UnitEntry{"m3/min", Dimension::kVolumeFlow, 1.0 / u::minute},
    UnitEntry{"m3/h", Dimension::kVolumeFlow, 1.0 / u::hour},
    UnitEntry{"L/s", Dimension::kVolumeFlow, 1e-3},
    UnitEntry{"var", Dimension::kReactivePower, u::var},
    UnitEntry{"kvar", Dimension::kReactivePower, u::kvar},
    UnitEntry{"Mvar", Dimension::kReactivePower, 1e6 * u::var},
    UnitEntry{"pu", Dimension::kDimensionless, 1.0},
    UnitEntry{"CNY", Dimension::kMoney, 1.0},
    UnitEntry{"CNY/W", Dimension::kPowerCost, 1.0 / u::W},
    UnitEntry{"CNY/kW", Dimension::kPowerCost, 1.0 / u::kW},
    UnitEntry{"CNY/Wp", Dimension::kPowerCost, 1.0 / u::W},
    UnitEntry{"CNY/kWp", Dimension::kPowerCost, 1.0 / u::kWp},
    UnitEntry{"CNY/kVA", Dimension::kApparentPowerCost, 1.0 / u::kVA},
    UnitEntry{"rpm", Dimension::kRotationalSpeed, u::rpm},
    UnitEntry{"1/min", Dimension::kRotationalSpeed, u::rpm},
    UnitEntry{"r/min", Dimension::kRotationalSpeed, u::rpm},
    UnitEntry{"rad/s", Dimension::kRotationalSpeed, 1.0},
    UnitEntry{"kg", Dimension::kMass, u::kg},
    UnitEntry{"t", Dimension::kMass, u::t},
    UnitEntry{"1", Dimension::kDimensionless, 1.0},
    UnitEntry{"K", Dimension::kTemperature, u::K},
    UnitEntry{"degC", Dimension::kTemperature, u::K, 273.15},
    UnitEntry{"W/m2", Dimension::kIrradiance, u::W / u::m2},
    UnitEntry{"kWh/m2", Dimension::kIrradiation, u::kWh / u::m2},
    UnitEntry{"m/s", Dimension::kSpeed, u::m / u::s},
    UnitEntry{"Pa", Dimension::kPressure, u::Pa},
    UnitEntry{"hPa", Dimension::kPressure, u::hPa},
    UnitEntry{"kPa", Dimension::kPressure, u::kPa},
    UnitEntry{"MPa", Dimension::kPressure, 1e6 * u::Pa},
    UnitEntry{"bar", Dimension::kPressure, 1e5 * u::Pa},
};

const UnitEntry& knownUnit(std::string_view symbol) {
  for (const UnitEntry& e : kUnits) {
    if (e.symbol == symbol) return e;
  }
  throw std::logic_error("no unit \"" + std::string(symbol) + "\" in twin/base/units.cpp");
}

}  // namespace

std::optional<UnitEntry> findUnit(std::string_view symbol) {
  for (const UnitEntry& e : kUnits) {
    if (e.symbol == symbol) return e;
  }
  return std::nullopt;
}

double fromSi(double si, std::string_view symbol) { return fromSi(si, knownUnit(symbol)); }
double toSi(double value, std::string_view symbol) { return toSi(value, knownUnit(symbol)); }

}  // namespace twin
