// Text helpers. formatNumber must write what printf's "%g" writes (C11 7.21.6.1: 6 significant
// digits, exponent form when the exponent is below -4 or at least 6, trailing zeros removed).
#include "twin/base/text.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>

namespace twin {
namespace {

TEST(Text, TrimRemovesBlanksAtBothEndsOnly) {
  EXPECT_EQ(trim("  15 kW\t\r\n"), "15 kW");
  EXPECT_EQ(trim("a  b"), "a  b");
  EXPECT_EQ(trim(" \t\r\n "), "");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("x"), "x");
}

TEST(Text, FormatNumberWritesWhatPrintfGWrites) {
  EXPECT_EQ(formatNumber(0.5), "0.5");
  EXPECT_EQ(formatNumber(101325), "101325");
  EXPECT_EQ(formatNumber(1e6), "1e+06");
  EXPECT_EQ(formatNumber(1234567), "1.23457e+06");
  EXPECT_EQ(formatNumber(0.0001), "0.0001");
  EXPECT_EQ(formatNumber(1e-5), "1e-05");
  EXPECT_EQ(formatNumber(-90), "-90");
  EXPECT_EQ(formatNumber(1013.25), "1013.25");
  EXPECT_EQ(formatNumber(std::numeric_limits<double>::infinity()), "inf");
  for (double v : {0.1, 2.0 / 3.0, 123456.5, 9999995.0, 1e300, 5e-324, -2.5e-7, 0.0}) {
    char expected[32];
    std::snprintf(expected, sizeof expected, "%g", v);
    EXPECT_EQ(formatNumber(v), expected) << v;
  }
}

TEST(Text, ParseDigitsAcceptsDigitsOnly) {
  EXPECT_EQ(parseDigits("007"), 7);
  EXPECT_EQ(parseDigits("2025"), 2025);
  EXPECT_FALSE(parseDigits(""));
  EXPECT_FALSE(parseDigits("-1"));
  EXPECT_FALSE(parseDigits("+1"));
  EXPECT_FALSE(parseDigits("1a"));
  EXPECT_FALSE(parseDigits(" 1"));
  EXPECT_FALSE(parseDigits("1234567890"));  // past what an int surely holds
}

TEST(Text, JoinAndQuote) {
  EXPECT_EQ(join({"time", "latitude", "longitude"}, ", "), "time, latitude, longitude");
  EXPECT_EQ(join({"one"}, ", "), "one");
  EXPECT_EQ(join({}, ", "), "");
  EXPECT_EQ(quote("15 kWh"), "\"15 kWh\"");
}

TEST(Text, FormatGroupedSeparatesThousands) {
  EXPECT_EQ(formatGrouped(1234567.891, 1), "1,234,567.9");
  EXPECT_EQ(formatGrouped(-1234.4, 0), "-1,234");
  EXPECT_EQ(formatGrouped(999.96, 1), "1,000.0");
  EXPECT_EQ(formatGrouped(-123.0, 2), "-123.00");
  EXPECT_EQ(formatGrouped(12, 0), "12");
  EXPECT_EQ(formatGrouped(-0.04, 1), "0.0");  // no sign on what rounds to zero
  EXPECT_EQ(formatGrouped(std::nan(""), 1), "-");
}

}  // namespace
}  // namespace twin
