// Quantities with units: conversion to SI and the dimension check.
#include "twin/parkfile/quantity.h"

#include <gtest/gtest.h>

namespace twin {
namespace {

double si(const char* text, Dimension d) {
  const QuantityResult r = parseQuantity(text, d);
  EXPECT_TRUE(std::holds_alternative<double>(r)) << text << ": " << std::get<std::string>(r);
  return std::holds_alternative<double>(r) ? std::get<double>(r) : -1.0;
}

std::string error(const char* text, Dimension d) {
  const QuantityResult r = parseQuantity(text, d);
  return std::holds_alternative<std::string>(r) ? std::get<std::string>(r) : "";
}

TEST(Quantity, ConvertsToSi) {
  EXPECT_DOUBLE_EQ(si("75 kW", Dimension::kPower), 75e3);
  EXPECT_DOUBLE_EQ(si("1.5 MW", Dimension::kPower), 1.5e6);
  EXPECT_DOUBLE_EQ(si("1250 kVA", Dimension::kApparentPower), 1.25e6);
  EXPECT_DOUBLE_EQ(si("10 kV", Dimension::kVoltage), 1e4);
  EXPECT_DOUBLE_EQ(si("15min", Dimension::kDuration), 900);
  EXPECT_DOUBLE_EQ(si("1 h", Dimension::kDuration), 3600);
  EXPECT_DOUBLE_EQ(si("2 kWh", Dimension::kEnergy), 7.2e6);
  EXPECT_DOUBLE_EQ(si("75 %", Dimension::kFraction), 0.75);
  EXPECT_DOUBLE_EQ(si("0.75", Dimension::kFraction), 0.75);
  EXPECT_DOUBLE_EQ(si("0.125 ohm/km", Dimension::kResistancePerLength), 0.125e-3);
  EXPECT_DOUBLE_EQ(si("-3e2 W", Dimension::kPower), -300);
  // 0.42 kg/kWh = 4.2 t per 10^4 kWh, Shanghai's factor (沪环气〔2022〕34号), in kg/J.
  EXPECT_DOUBLE_EQ(si("0.42 kg/kWh", Dimension::kEmissionFactor), 0.42 / 3.6e6);
  EXPECT_DOUBLE_EQ(si("420 g/kWh", Dimension::kEmissionFactor), 0.42 / 3.6e6);
  EXPECT_DOUBLE_EQ(si("0.42 t/MWh", Dimension::kEmissionFactor), 0.42 / 3.6e6);
  EXPECT_DOUBLE_EQ(si("40 CNY/kW/month", Dimension::kDemandPrice), 0.04);
}

TEST(Quantity, VolumeFlowAndPressure) {
  EXPECT_DOUBLE_EQ(si("3600 m3/h", Dimension::kVolumeFlow), 1.0);
  EXPECT_DOUBLE_EQ(si("100m3/h", Dimension::kVolumeFlow), 100.0 / 3600);
  EXPECT_DOUBLE_EQ(si("20 m3/min", Dimension::kVolumeFlow), 20.0 / 60);
  EXPECT_DOUBLE_EQ(si("0.5 m3/s", Dimension::kVolumeFlow), 0.5);
  EXPECT_DOUBLE_EQ(si("25 L/s", Dimension::kVolumeFlow), 0.025);
  EXPECT_DOUBLE_EQ(si("1200Pa", Dimension::kPressure), 1200);
  EXPECT_DOUBLE_EQ(si("1.2 kPa", Dimension::kPressure), 1200);
  EXPECT_DOUBLE_EQ(si("1013.25 hPa", Dimension::kPressure), 101325);
  EXPECT_DOUBLE_EQ(si("0.7MPa", Dimension::kPressure), 7e5);
  EXPECT_DOUBLE_EQ(si("7 bar", Dimension::kPressure), 7e5);
  EXPECT_EQ(error("100 m3/h", Dimension::kPressure),
            "expected a pressure (e.g. \"1200 Pa\"), got \"100 m3/h\" (a volume flow)");
  EXPECT_EQ(error("0.7 MPa", Dimension::kVolumeFlow),
            "expected a volume flow (e.g. \"100 m3/h\"), got \"0.7 MPa\" (a pressure)");
  EXPECT_EQ(error("12 m", Dimension::kPressure),
            "expected a pressure (e.g. \"1200 Pa\"), got \"12 m\" (a length)");
}

TEST(Quantity, RejectsWrongDimensionNamingBoth) {
  EXPECT_EQ(error("15 kWh", Dimension::kPower),
            "expected a power (e.g. \"15 kW\"), got \"15 kWh\" (an energy)");
  EXPECT_EQ(error("10 kVA", Dimension::kPower),
            "expected a power (e.g. \"15 kW\"), got \"10 kVA\" (an apparent power)");
}

TEST(Quantity, RejectsMalformedText) {
  EXPECT_EQ(error("kW", Dimension::kPower), "expected a power (e.g. \"15 kW\"), got \"kW\"");
  EXPECT_EQ(error("15", Dimension::kPower),
            "expected a power (e.g. \"15 kW\"), got \"15\" (no unit)");
  EXPECT_EQ(error("1.2", Dimension::kFraction),
            "expected a fraction (e.g. \"75 %\"), got \"1.2\" (a plain number must lie in 0..1; "
            "use \"%\")");
  EXPECT_EQ(error("15 kw", Dimension::kPower),
            "expected a power (e.g. \"15 kW\"), got \"15 kw\" (unknown unit \"kw\")");
  EXPECT_FALSE(error("1..2 kW", Dimension::kPower).empty());
  EXPECT_FALSE(error("", Dimension::kPower).empty());
}

}  // namespace
}  // namespace twin
