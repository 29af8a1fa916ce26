// Meter readings in CSV: what spreadsheets and loggers write (BOM, CRLF, quotes, unsorted rows),
// units from the header names, per-phase columns, and every row skipped or dropped with its line
// and reason. Reference time: 2025-03-01T00:00:00+08:00 = 1740758400 s (`date -d
// 2025-03-01T00:00+08:00 +%s`).
#include "twin/parkfile/meter_csv.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "twin/base/error.h"
#include "twin/error_cases.h"

namespace twin {
namespace {

constexpr int64_t kT0 = 1740758400;  // 2025-03-01T00:00:00+08:00
constexpr double kPi = 3.14159265358979323846;

// Ids beginning with "m" and `grid` belong to the park.
bool known(std::string_view id) { return id == "grid" || id.starts_with("m"); }

MeterData read(const std::string& text) { return readMeterCsv(text, "m.csv", known); }

// The one message of the InputError reading text throws, or "no error".
std::string errorOf(const std::string& text) {
  const std::vector<std::string> messages = test::messagesOf([&] { read(text); });
  return messages.empty() ? "no error" : messages.front();
}

// "2025-03-01T00:MM+08:00" for `minutes` after kT0 (under a day).
std::string at(int minutes) {
  char text[32];
  std::snprintf(text, sizeof text, "2025-03-01T%02d:%02d+08:00", minutes / 60, minutes % 60);
  return text;
}

std::vector<int64_t> timesOf(const MeterSeries& s) {
  std::vector<int64_t> out;
  for (const MeterReading& r : s.readings) out.push_back(r.time - kT0);
  return out;
}

std::vector<int> linesOf(const MeterSeries& s) {
  std::vector<int> out;
  for (const MeterReading& r : s.readings) out.push_back(r.line);
  return out;
}

TEST(MeterCsv, ReadsBomCrLfAndQuotedFields) {
  const MeterData d = read(
      "\xEF\xBB\xBF"
      "Time , note,ID,Power_kW\r\n" +
      at(0) + ",\"pump, east\",\"m1\",12.5\r\n" + at(15) + ",\"said \"\"ok\"\"\", m1 ,\"-3\"\r\n");
  EXPECT_EQ(d.file, "m.csv");
  EXPECT_EQ(d.rows, 2);
  EXPECT_TRUE(d.skipped.empty());
  EXPECT_EQ(d.columns, std::vector<std::string>{"Power_kW"});
  EXPECT_EQ(d.utc_offset, 8 * 3600);
  ASSERT_EQ(d.meters.size(), 1u);
  const MeterSeries& m1 = d.meters[0];
  EXPECT_EQ(m1.id, "m1");
  EXPECT_EQ(timesOf(m1), (std::vector<int64_t>{0, 900}));
  EXPECT_EQ(linesOf(m1), (std::vector<int>{2, 3}));
  EXPECT_EQ(m1.readings[0].power, 12500.0);
  EXPECT_EQ(m1.readings[1].power, -3000.0);  // export on a meter: negative power is kept
  EXPECT_FALSE(m1.readings[0].voltage.has_value());
}

TEST(MeterCsv, SortsRowsByTimePerIdAndKeepsIdsInOrderOfAppearance) {
  const MeterData d = read("time,id,power_kw\n" + at(30) + ",m2,1\n" + at(30) + ",m1,2\n" + at(0) +
                           ",m2,3\n" + at(15) + ",m2,4\n");
  ASSERT_EQ(d.meters.size(), 2u);
  EXPECT_EQ(d.meters[0].id, "m2");
  EXPECT_EQ(timesOf(d.meters[0]), (std::vector<int64_t>{0, 900, 1800}));
  EXPECT_EQ(linesOf(d.meters[0]), (std::vector<int>{4, 5, 2}));
  EXPECT_EQ(d.meters[1].id, "m1");
  EXPECT_EQ(d.duplicates, 0);
}

TEST(MeterCsv, CountsDuplicatesAndKeepsTheFirstByLine) {
  // 40 times written newest first, each twice: the copy on the later line must go, however the
  // sort moves the rows.
  std::string text = "time,id,power_w\n";
  for (int i = 39; i >= 0; --i) text += at(15 * i) + ",m1," + std::to_string(i) + "\n";
  for (int i = 39; i >= 0; --i) text += at(15 * i) + ",m1,-1\n";
  text += at(0) + ",m2,5\n" + at(0) + ",m2,6\n";
  const MeterData d = read(text);
  EXPECT_EQ(d.rows, 82);
  EXPECT_EQ(d.duplicates, 41);
  ASSERT_EQ(d.meters.size(), 2u);
  const std::vector<MeterReading>& r = d.meters[0].readings;
  ASSERT_EQ(r.size(), 40u);
  for (int i = 0; i < 40; ++i) {
    EXPECT_EQ(r[i].time, kT0 + 900 * i);
    EXPECT_EQ(r[i].power, i) << "reading " << i;
    EXPECT_EQ(r[i].line, 41 - i);
  }
  ASSERT_EQ(d.meters[1].readings.size(), 1u);
  EXPECT_EQ(d.meters[1].readings[0].power, 5.0);
}

TEST(MeterCsv, ReportsGapsAndSetsDurations) {
  // Every 15 min, then 22.5 min (1.5 intervals: no gap), then 60 min (a gap), then 15 min.
  const MeterData d =
      read("time,id,energy_kwh\n" + at(0) + ",m1,1\n" + at(15) + ",m1,1\n" + at(30) + ",m1,1\n" +
           "2025-03-01T00:52:30+08:00,m1,1\n" + at(112) + ",m1,1\n" + at(127) + ",m1,1\n" + at(0) +
           ",grid,1\n" + at(60) + ",grid,1\n" + at(180) + ",grid,1\n");
  ASSERT_EQ(d.meters.size(), 2u);
  const MeterSeries& m1 = d.meters[0];
  EXPECT_EQ(m1.interval_s, 900);
  EXPECT_EQ(m1.durations, (std::vector<int>{900, 900, 1350, 900, 900, 900}));
  // grid: steps of 60 and 120 min, one each; the tie goes to the smaller.
  EXPECT_EQ(d.meters[1].interval_s, 3600);
  EXPECT_EQ(d.meters[1].durations, (std::vector<int>{3600, 3600, 3600}));
  ASSERT_EQ(d.gaps.size(), 2u);
  EXPECT_EQ(d.gaps[0].id, "m1");
  EXPECT_EQ(d.gaps[0].from, kT0 + 3150 + 900);
  EXPECT_EQ(d.gaps[0].to, kT0 + 112 * 60);
  EXPECT_EQ(d.gaps[1].id, "grid");
  EXPECT_EQ(d.gaps[1].from, kT0 + 7200);
  EXPECT_EQ(d.gaps[1].to, kT0 + 10800);
}

TEST(MeterCsv, MostCommonStepIsTheInterval) {
  const MeterData d = read("time,id,power_kw\n" + at(0) + ",m1,1\n" + at(10) + ",m1,1\n" + at(20) +
                           ",m1,1\n" + at(35) + ",m1,1\n" + at(45) + ",m1,1\n");
  ASSERT_EQ(d.meters.size(), 1u);
  EXPECT_EQ(d.meters[0].interval_s, 600);
  EXPECT_EQ(d.meters[0].durations, (std::vector<int>{600, 600, 900, 600, 600}));
  EXPECT_TRUE(d.gaps.empty());
}

TEST(MeterCsv, OneReadingHasNoInterval) {
  const MeterData d = read("time,id,power_kw\n" + at(0) + ",m1,1\n");
  ASSERT_EQ(d.meters.size(), 1u);
  EXPECT_EQ(d.meters[0].interval_s, 0);
  EXPECT_EQ(d.meters[0].durations, std::vector<int>{0});
}

TEST(MeterCsv, SkipsBadRowsWithLineAndReason) {
  const MeterData d = read("time,id,voltage_v,current_a,power_kw,power_factor\n" +  // 1
                           at(0) + ",m1,400,10,5,0.9\n" +                           // 2 good
                           at(15) + ",m1,400,10,abc,0.9\n" +                        // 3
                           "2025-03-01 00:30,m1,400,10,5,0.9\n" +                   // 4
                           at(45) + ",m1,400,10,5\n" +                              // 5
                           at(60) + ",m1,400,10,NaN,0.9\n" +                        // 6
                           at(75) + ",m1,400,-1,5,0.9\n" +                          // 7
                           at(90) + ",m1,400,10,5,1.2\n" +                          // 8
                           at(105) + ",,400,10,5,0.9\n" +                           // 9
                           at(120) + ",m1,400,10,5 kW,0.9\n" +                      // 10
                           at(135) + ",m1,400,10,inf,0.9\n" +                       // 11
                           "2025-03-01T02:60+08:00,m1,400,10,5,0.9\n" +             // 12
                           at(165) + ",m1,400,10,5,-0.8\n" +                        // 13 good
                           at(165) + ",m2,400,10,5,2\n" +                           // 14
                           at(180) + ",m1,400,10,1e308,0.9\n");                     // 15
  ASSERT_EQ(d.skipped.size(), 12u);
  const std::vector<std::pair<int, std::string>> expected = {
      {3, "power_kw: expected a number, got \"abc\""},
      {4,
       "time: expected a UTC offset after the time (Z or +hh:mm, e.g. 2025-06-21T12:00:00+08:00): "
       "a local time alone names no instant, got \"2025-03-01 00:30\""},
      {5, "expected 6 fields as the header has, got 5"},
      {6, "power_kw: expected a finite number, got \"NaN\""},
      {7, "current_a: expected a number >= 0, got \"-1\""},
      {8, "power_factor: expected a number from -1 to 1, got \"1.2\""},
      {9, "id: expected a meter id, got \"\""},
      {10, "power_kw: expected a number, got \"5 kW\""},
      {11, "power_kw: expected a finite number, got \"inf\""},
      {12,
       "time: expected a time of day from 00:00:00 to 23:59:59 (as in "
       "2025-06-21T12:00:00+08:00), got \"2025-03-01T02:60+08:00\""},
      {14, "power_factor: expected a number from -1 to 1, got \"2\""},
      {15, "power_kw: expected a magnitude of at most 10 GW (a plausibility limit), got \"1e308\""},
  };
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(d.skipped[i].line, expected[i].first);
    EXPECT_EQ(d.skipped[i].reason, expected[i].second);
  }
  EXPECT_EQ(d.rows, 14);
  ASSERT_EQ(d.meters.size(), 1u);  // m2 has no row left: no series
  EXPECT_EQ(linesOf(d.meters[0]), (std::vector<int>{2, 13}));
  EXPECT_EQ(d.meters[0].readings[1].power_factor, 0.8);  // stored as its absolute value
}

TEST(MeterCsv, ReportsUnknownIdsOnceAndDropsTheirRows) {
  int asked = 0;
  const MeterData d =
      readMeterCsv("time,id,power_kw\n" + at(0) + ",m1,1\n" + at(0) + ",pump9,1\n" + at(0) +
                       ",x,bad\n" + at(15) + ",pump9,1\n" + at(15) + ",m1,1\n" + at(30) + ",x,1\n",
                   "m.csv", [&](std::string_view id) {
                     ++asked;
                     return known(id);
                   });
  EXPECT_EQ(asked, 3);
  EXPECT_EQ(d.unknown_ids, (std::vector<std::string>{"pump9", "x"}));
  EXPECT_EQ(d.unknown_id_lines, (std::vector<int>{3, 4}));
  EXPECT_TRUE(d.skipped.empty());  // x's bad number does not count: its rows are dropped
  EXPECT_EQ(d.duplicates, 0);
  ASSERT_EQ(d.meters.size(), 1u);
  EXPECT_EQ(linesOf(d.meters[0]), (std::vector<int>{2, 6}));
}

TEST(MeterCsv, ReadsUnitsFromTheHeader) {
  const auto power = [](const std::string& column) {
    const MeterData d = read("time,id," + column + "\n" + at(0) + ",m1,1.5\n");
    return d.meters.at(0).readings.at(0).power.value();
  };
  EXPECT_DOUBLE_EQ(power("power_w"), 1.5);
  EXPECT_DOUBLE_EQ(power("power_kw"), 1500.0);
  EXPECT_DOUBLE_EQ(power("power_mw"), 1.5e6);
  EXPECT_DOUBLE_EQ(power("POWER_MW"), 1.5e6);

  const MeterData d = read("time,id,energy_kwh,speed_rpm,voltage_kv,current_ka,temp_c,power_kva\n" +
                           at(0) + ",m1,2,60,10,0.5,20,7\n");
  EXPECT_EQ(d.columns,
            (std::vector<std::string>{"energy_kwh", "speed_rpm", "voltage_kv", "current_ka"}));
  const MeterReading& r = d.meters.at(0).readings.at(0);
  EXPECT_DOUBLE_EQ(r.energy.value(), 7.2e6);   // J
  EXPECT_DOUBLE_EQ(r.speed.value(), 2 * kPi);  // rad/s
  EXPECT_DOUBLE_EQ(r.voltage.value(), 10e3);
  EXPECT_DOUBLE_EQ(r.current.value(), 500.0);
  EXPECT_FALSE(r.power.has_value());  // power_kva is an apparent power: not a power column
}

TEST(MeterCsv, PerPhaseColumnsGiveLineVoltagesAndMeans) {
  const MeterData d = read("time,id,v_ab_v,v_bc_v,v_ca_v,voltage_v,i_a_a,i_b_a,i_c_a,current_a\n" +
                           at(0) + ",m1,400,410,420,,10,11,15,\n" +        // means
                           at(15) + ",m1,400,410,420,405,10,11,15,20\n" +  // the total columns win
                           at(30) + ",m1,400,,420,,10,,15,\n");  // partial phases: nothing derived
  ASSERT_EQ(d.meters.size(), 1u);
  const std::vector<MeterReading>& r = d.meters[0].readings;
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].line_voltages, (std::array<double, 3>{400, 410, 420}));
  EXPECT_DOUBLE_EQ(r[0].voltage.value(), 410.0);
  EXPECT_DOUBLE_EQ(r[0].current.value(), 12.0);
  EXPECT_EQ(r[1].line_voltages, (std::array<double, 3>{400, 410, 420}));
  EXPECT_EQ(r[1].voltage.value(), 405.0);
  EXPECT_EQ(r[1].current.value(), 20.0);
  EXPECT_FALSE(r[2].line_voltages.has_value());
  EXPECT_FALSE(r[2].voltage.has_value());
  EXPECT_FALSE(r[2].current.has_value());
}

TEST(MeterCsv, EmptyCellsAreNotMeasured) {
  const MeterData d = read("time,id,power_kw,energy_kwh,power_factor\n" + at(0) + ",m1,,0.25,\n" +
                           at(15) + ",m1,  ,,\n" + at(30) + ",m1,\" \",,\n");
  EXPECT_TRUE(d.skipped.empty());
  ASSERT_EQ(d.meters.size(), 1u);
  const std::vector<MeterReading>& r = d.meters[0].readings;
  ASSERT_EQ(r.size(), 3u);
  EXPECT_FALSE(r[0].power.has_value());
  EXPECT_DOUBLE_EQ(r[0].energy.value(), 0.9e6);
  EXPECT_FALSE(r[0].power_factor.has_value());
  // A row with nothing measured is still a reading.
  EXPECT_FALSE(r[1].power.has_value() || r[1].energy.has_value() || r[1].power_factor.has_value());
  EXPECT_FALSE(r[2].power.has_value());  // blanks in quotes, which parseCsv keeps, are empty too
}

TEST(MeterCsv, QuotedLineBreaksKeepLaterLineNumbers) {
  const MeterData d = read("time,note,id,power_kw\n" + at(0) + ",\"two\nlines\",m1,1\n" + at(15) +
                           ",,m1,x\n" + at(30) + ",\"a\r\nb\r\nc\",m1,2\n" + at(45) + ",,m1,y\n");
  ASSERT_EQ(d.skipped.size(), 2u);
  EXPECT_EQ(d.skipped[0].line, 4);
  EXPECT_EQ(d.skipped[1].line, 8);
  EXPECT_EQ(linesOf(d.meters.at(0)), (std::vector<int>{2, 5}));
}

TEST(MeterCsv, TextThatIsNotMeterCsvIsALocatedError) {
  EXPECT_EQ(errorOf("time,id,power_kw\n" + at(0) + ",m\"1,5\n"),
            "m.csv:2:25: expected a quote only around a whole field (\"\" inside one), got a quote "
            "inside an unquoted field");
  EXPECT_EQ(errorOf(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)),
            "m.csv:1:1: expected a header row of meter readings with columns time and id, got "
            "\"\x89PNG\"");
  // gzip: control bytes show as '?'.
  EXPECT_EQ(errorOf(std::string("\x1f\x8b\x08\0\x12\x34\x56\x78\0\x03", 10)),
            "m.csv:1:1: expected a header row of meter readings with columns time and id, got "
            "\"?\x8b"
            "???4Vx??\"");
  EXPECT_EQ(errorOf(""),
            "m.csv:1:1: expected a header row of meter readings (time,id,...), got an empty file");
  EXPECT_EQ(errorOf("\n\ntimestamp,id,power_kw\n"),
            "m.csv:3:1: expected a header row of meter readings with columns time and id, got "
            "\"timestamp,id,power_kw\"");
  EXPECT_EQ(errorOf("time,id,power_kw,Power_W\n"),
            "m.csv:1:18: Power_W: expected one column of this kind, got a second (the first is "
            "\"power_kw\")");
}

TEST(MeterCsv, HeaderWithoutMeasuredColumnsListsTheAcceptedNames) {
  EXPECT_EQ(
      errorOf("time,id,power_kvar,temp_c\n" + at(0) + ",m1,1,2\n"),
      "m.csv:1:1: expected a measured column: voltage_v, v_ab_v, v_bc_v, v_ca_v, current_a, "
      "i_a_a, i_b_a, i_c_a, power_kw, energy_kwh, power_factor or speed_rpm (any unit of the "
      "kind: power_w, power_mw, energy_wh, voltage_kv...), got \"time,id,power_kvar,temp_c\"");
}

}  // namespace
}  // namespace twin
