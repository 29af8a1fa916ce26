// Line and field sizes: every reader copes with an 8 MB line (a file with its newlines lost, a
// runaway field) without a crash, and its message quotes at most kQuotedMax bytes of the field
// with its length, so the message stays a line. Lines after a long one keep their numbers.
#include <gtest/gtest.h>

#include <string>

#include "twin/base/error.h"
#include "twin/base/text.h"
#include "twin/parkfile/epw_reader.h"
#include "twin/parkfile/matpower_case.h"
#include "twin/parkfile/meter_csv.h"
#include "twin/test_park.h"

namespace twin {
namespace {

const std::string kLong(8u << 20, 'x');

template <class F>
std::string errorOf(F&& read) {
  try {
    read();
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

// The message names the place, quotes the field's start and gives its length; it is short.
void expectClipped(const std::string& message, const std::string& place) {
  EXPECT_NE(message.find(place), std::string::npos) << message.substr(0, 300);
  EXPECT_NE(message.find("xxxx...\" (8388608 bytes)"), std::string::npos) << message.substr(0, 300);
  EXPECT_LT(message.size(), 1000u);
}

TEST(LongLinesTest, QuoteCutsAtACharacterBoundary) {
  EXPECT_EQ(quote("15 kWh"), "\"15 kWh\"");
  EXPECT_EQ(quote("a\tb\x01"), "\"a?b?\"");
  // 59 ASCII bytes and a 3-byte character across the 60-byte cut: the character is left out.
  const std::string text = std::string(59, 'a') + "\xE5\x85\x89" + "b";
  EXPECT_EQ(quote(text), "\"" + std::string(59, 'a') + "...\" (63 bytes)");
}

TEST(LongLinesTest, ParkFileValueAndLineNumbersAfterALongComment) {
  const std::string park = test::smallParkYaml();
  expectClipped(
      errorOf([&] { test::compileText(test::replaced(park, "step: 15min", "step: " + kLong)); }),
      "test.yaml:11:9: simulation.step: expected a duration");
  const std::string after_comment =
      "# " + kLong + "\n" + test::replaced(park, "step: 15min", "step: 7min");
  const std::string e = errorOf([&] { test::compileText(after_comment); });
  EXPECT_NE(e.find("test.yaml:12:9: simulation.step:"), std::string::npos) << e.substr(0, 300);
}

TEST(LongLinesTest, MatpowerCommentLineIsSkipped) {
  const std::string text = "% " + kLong +
                           "\nfunction mpc = t\nmpc.version = '2';\nmpc.baseMVA = 100;\n"
                           "mpc.bus = [\n1 3 0 0 0 0 1 1 0 10 1 1.1 0.9;\n2 1 1 0.5 0 0 1 1 0 10 "
                           "1 1.1 0.9;\n];\nmpc.gen = [\n1 0 0 10 -10 1 100 1 10 0;\n];\n"
                           "mpc.branch = [\n1 2 0.01 0.02 0 0 0 0 0 0 1 -360 360;\n];\n";
  const MatpowerCase c = parseMatpowerCase(text, "long.m");
  EXPECT_EQ(c.bus_i.size(), 2u);
  const std::string bad =
      "% " + kLong + "\nfunction mpc = t\nmpc.version = '2';\nmpc.baseMVA = " + kLong + ";\n";
  const std::string e = errorOf([&] { parseMatpowerCase(bad, "long.m"); });
  EXPECT_NE(e.find("long.m:4:"), std::string::npos) << e.substr(0, 300);
  EXPECT_LT(e.size(), 1000u);
}

TEST(LongLinesTest, MeterCsvLongFieldSkipsTheRow) {
  const std::string text =
      "time,id,power_kw\n2025-01-01T00:00:00+08:00,M1,3.5\n"
      "2025-01-01T00:15:00+08:00,M1," +
      kLong + "\n2025-01-01T00:30:00+08:00,M1,3.6\n";
  const MeterData d = readMeterCsv(text, "m.csv", [](std::string_view) { return true; });
  ASSERT_EQ(d.skipped.size(), 1u);
  EXPECT_EQ(d.skipped[0].line, 3);
  expectClipped(d.skipped[0].reason, "power_kw: expected a number, got");
  ASSERT_EQ(d.meters.size(), 1u);
}

TEST(LongLinesTest, EpwLongHeaderIsALocatedError) {
  const std::string e = errorOf([&] { parseEpw("LOCATION," + kLong + "\n", "w.epw"); });
  EXPECT_NE(e.find("w.epw:"), std::string::npos) << e.substr(0, 300);
  EXPECT_LT(e.size(), 1000u);
}

}  // namespace
}  // namespace twin
