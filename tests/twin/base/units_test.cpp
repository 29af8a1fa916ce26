// The table of edge units (twin/base/units.h): SI values by definition (SI Brochure, 9th ed.,
// 2019: 1 kWh = 3.6 MJ, 0 degC = 273.15 K, 1 deg = pi/180 rad), round trips, unknown symbols.
#include "twin/base/units.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace twin {
namespace {

TEST(Units, SiValuesByDefinition) {
  EXPECT_DOUBLE_EQ(toSi(1.0, "kWh"), 3.6e6);
  EXPECT_DOUBLE_EQ(toSi(25.0, "degC"), 298.15);
  EXPECT_DOUBLE_EQ(fromSi(273.15, "degC"), 0.0);
  EXPECT_DOUBLE_EQ(toSi(180.0, "deg"), 3.14159265358979323846);
  EXPECT_DOUBLE_EQ(fromSi(0.07, "%"), 7.0);
  EXPECT_DOUBLE_EQ(fromSi(1250e3, "kVA"), 1250.0);
  EXPECT_DOUBLE_EQ(toSi(0.98, "pu"), 0.98);
  EXPECT_DOUBLE_EQ(toSi(1.0, "kvar"), 1e3);
  EXPECT_EQ(findUnit("kW")->dimension, Dimension::kPower);
  EXPECT_EQ(findUnit("kvar")->dimension, Dimension::kReactivePower);
}

TEST(Units, RoundTripsEveryKnownSymbol) {
  for (const char* symbol : {"W", "kW", "MWh", "V", "kV", "A", "%", "degC", "W/m2", "m/s", "h"}) {
    const UnitEntry u = *findUnit(symbol);
    EXPECT_NEAR(fromSi(toSi(123.456, u), u), 123.456, 1e-9) << symbol;
  }
}

TEST(Units, UnknownSymbols) {
  EXPECT_FALSE(findUnit("kWh/yr"));
  EXPECT_FALSE(findUnit("KW"));  // symbols are case-sensitive: K is kelvin
  EXPECT_THROW(fromSi(1.0, "furlong"), std::logic_error);
}

}  // namespace
}  // namespace twin
