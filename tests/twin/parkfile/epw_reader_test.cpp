// The EPW reader: the real Shanghai TMYx file against the figures of its README, unit conversion
// and missing-value rules on a synthetic year, and every input error with its message pinned.
#include "twin/parkfile/epw_reader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <numeric>
#include <string>
#include <vector>

#include "twin/base/error.h"
#include "twin/error_cases.h"

namespace twin {
namespace {

constexpr double kDeg = 3.14159265358979323846 / 180.0;

// One data record of a synthetic EPW file; fields not listed are fixed.
struct Rec {
  int year = 2025, month = 1, day = 1, hour = 1;
  std::string temp = "10.5", pressure = "101325", ghi = "0", dni = "0", dhi = "0", wind = "2.5",
              albedo = "0.2", precip = "0.5";
};

std::string line(const Rec& r) {
  return std::to_string(r.year) + "," + std::to_string(r.month) + "," + std::to_string(r.day) +
         "," + std::to_string(r.hour) + ",60,?9?9?9?9E0?9?9?9?9*9?9?9?9?9?9?9?9?9*9*9?9*9," +
         r.temp + ",5.0,70," + r.pressure + ",0,0,300," + r.ghi + "," + r.dni + "," + r.dhi +
         ",0,0,0,0,180," + r.wind + ",5,5,20.0,77777,9,999999999,10,0.1,0,88," + r.albedo + "," +
         r.precip + ",1";
}

// A full year of records; daytime hours (8..17) have GHI 400, DNI 500, DHI 100 Wh/m2.
std::vector<Rec> year(bool leap) {
  const int days[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  std::vector<Rec> recs;
  for (int mo = 1; mo <= 12; ++mo) {
    for (int d = 1; d <= days[mo - 1]; ++d) {
      for (int h = 1; h <= 24; ++h) {
        Rec r;
        r.year = leap ? 2024 : 2025;
        r.month = mo;
        r.day = d;
        r.hour = h;
        if (h >= 8 && h <= 17) r.ghi = "400", r.dni = "500", r.dhi = "100";
        recs.push_back(r);
      }
    }
  }
  return recs;
}

const std::string kHeader =
    "LOCATION,Testville,SH,CHN,SRC-TEST,123456,31.5,-121.25,-8.0,1000.0\n"
    "DESIGN CONDITIONS,0\n"
    "TYPICAL/EXTREME PERIODS,0\n"
    "GROUND TEMPERATURES,0\n"
    "HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0\n"
    "COMMENTS 1,\"synthetic\"\n"
    "COMMENTS 2,\"test\"\n"
    "DATA PERIODS,1,1,Data,Wednesday, 1/ 1,12/31\n";

std::string epw(const std::vector<Rec>& recs, const std::string& header = kHeader) {
  std::string text = header;
  for (const Rec& r : recs) text += line(r) + "\n";
  return text;
}

// Every message of the InputError thrown for text, or {"no error"}.
std::vector<std::string> errors(const std::string& text) {
  std::vector<std::string> out = test::messagesOf([&] { parseEpw(text, "t.epw"); });
  if (out.empty()) out.push_back("no error");
  return out;
}

// Data line n (0-based record index) is file line n + 9.
TEST(EpwReader, ReadsTheShanghaiTmyxFile) {
  const std::string path = std::string(PARKTWIN_SOURCE_DIR) +
                           "/../shared/datasets/weather/"
                           "CHN_SH_Shanghai-Hongqiao.Intl.AP.583670_TMYx.1956-2023_fromCEA.epw";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "missing " << path;
  const physics::HourlyWeather w = readEpwFile(path);
  ASSERT_EQ(w.size(), 8760u);
  // LOCATION line: 31.198 N, 121.336 E, UTC+8, 3 m (shared/datasets/weather/README.md).
  EXPECT_NEAR(w.latitude, 31.198 * kDeg, 1e-12);
  EXPECT_NEAR(w.longitude, 121.336 * kDeg, 1e-12);
  EXPECT_EQ(w.utc_offset, 8 * 3600.0);
  EXPECT_EQ(w.elevation, 3.0);
  // Annual sums, README "Sanity figures": GHI 1470.8, DNI 1348.1, DHI 595.0 kWh/m2 (given to
  // 0.1, so tolerance 0.05 + rounding = 0.1). Each W/m2 mean lasts one hour.
  const auto kwh = [](const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0) * 3600.0 / 3.6e6;
  };
  EXPECT_NEAR(kwh(w.ghi), 1470.8, 0.1);
  EXPECT_NEAR(kwh(w.dni), 1348.1, 0.1);
  EXPECT_NEAR(kwh(w.dhi), 595.0, 0.1);
  // README: mean dry bulb 17.0 C (min -3.0, max 38.0), mean wind 3.4 m/s; tolerance 0.05.
  const double mean_t = std::accumulate(w.temp_air.begin(), w.temp_air.end(), 0.0) / 8760;
  EXPECT_NEAR(mean_t - 273.15, 17.0, 0.05);
  EXPECT_NEAR(*std::min_element(w.temp_air.begin(), w.temp_air.end()) - 273.15, -3.0, 1e-9);
  EXPECT_NEAR(*std::max_element(w.temp_air.begin(), w.temp_air.end()) - 273.15, 38.0, 1e-9);
  EXPECT_NEAR(std::accumulate(w.wind_speed.begin(), w.wind_speed.end(), 0.0) / 8760, 3.4, 0.05);
  // First record of the file: 2013-01-01 hour 1, 0.70 C, 101287 Pa, albedo 0.280, 0.0 mm.
  EXPECT_EQ(w.year[0], 2013);
  EXPECT_EQ(w.hour[0], 1);
  EXPECT_NEAR(w.temp_air[0], 273.85, 1e-9);
  EXPECT_EQ(w.pressure[0], 101287.0);
  EXPECT_EQ(w.albedo[0], 0.28);
  EXPECT_EQ(w.precipitation[0], 0.0);
  // Last record: 1978-12-31 hour 24 (TMY months come from different years).
  EXPECT_EQ(w.year.back(), 1978);
  EXPECT_EQ(w.month.back(), 12);
  EXPECT_EQ(w.day.back(), 31);
  EXPECT_EQ(w.hour.back(), 24);
}

TEST(EpwReader, ConvertsToSi) {
  std::vector<Rec> recs = year(false);
  recs[0].temp = "-5.5";
  recs[0].precip = "2.5";
  recs[0].wind = "7";
  const physics::HourlyWeather w = parseEpw(epw(recs), "t.epw");
  ASSERT_EQ(w.size(), 8760u);
  EXPECT_EQ(w.source, "EPW t.epw (Testville, CHN, WMO 123456)");
  EXPECT_NEAR(w.latitude, 31.5 * kDeg, 1e-15);
  EXPECT_NEAR(w.longitude, -121.25 * kDeg, 1e-15);  // EPW: west negative
  EXPECT_EQ(w.utc_offset, -8 * 3600.0);
  EXPECT_EQ(w.elevation, 1000.0);
  EXPECT_DOUBLE_EQ(w.temp_air[0], 267.65);       // -5.5 C
  EXPECT_DOUBLE_EQ(w.precipitation[0], 2.5e-3);  // 2.5 mm
  EXPECT_EQ(w.wind_speed[0], 7.0);
  EXPECT_EQ(w.pressure[0], 101325.0);
  EXPECT_EQ(w.albedo[0], 0.2);
  // 365 days x 10 daytime hours x 400 Wh/m2 = 1460 kWh/m2; hour 8 is index 7.
  EXPECT_EQ(std::accumulate(w.ghi.begin(), w.ghi.end(), 0.0), 365 * 10 * 400.0);
  EXPECT_EQ(w.ghi[7], 400.0);
  EXPECT_EQ(w.dni[7], 500.0);
  EXPECT_EQ(w.dhi[7], 100.0);
  EXPECT_EQ(w.ghi[6], 0.0);
  EXPECT_EQ(w.month[8759], 12);
  EXPECT_EQ(w.day[8759], 31);
  EXPECT_EQ(w.hour[8759], 24);
}

TEST(EpwReader, ReadsALeapYearAndWindowsLineEnds) {
  std::string text = epw(year(true));
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const physics::HourlyWeather w = parseEpw(crlf, "t.epw");
  ASSERT_EQ(w.size(), 8784u);
  EXPECT_EQ(w.month[59 * 24], 2);  // day 60 of 2024 is February 29
  EXPECT_EQ(w.day[59 * 24], 29);
  EXPECT_EQ(w.hour.back(), 24);
}

TEST(EpwReader, MissingCodesOfOptionalFields) {
  std::vector<Rec> recs = year(false);
  recs[0].albedo = "999";
  recs[0].precip = "999";
  recs[0].pressure = "999999";
  const physics::HourlyWeather w = parseEpw(epw(recs), "t.epw");
  EXPECT_TRUE(std::isnan(w.albedo[0]));
  EXPECT_TRUE(std::isnan(w.precipitation[0]));
  // Standard pressure at 1000 m: 89.875 kPa (ASHRAE Handbook of Fundamentals 2009, ch. 1,
  // Table 1); tolerance 5 Pa.
  EXPECT_NEAR(w.pressure[0], 89875.0, 5.0);
  EXPECT_EQ(w.pressure[1], 101325.0);
}

TEST(EpwReader, ReportsBadNumbersRangesAndMissingCodes) {
  std::vector<Rec> recs = year(false);
  recs[0].ghi = "abc";
  recs[1].temp = "85.0";
  recs[2].temp = "99.9";
  recs[3].ghi = "9999";
  recs[4].dni = "9999";
  recs[5].dhi = "9999";
  recs[6].wind = "999";
  recs[7].pressure = "25000";
  recs[8].albedo = "1.5";
  recs[9].ghi = "-3";
  // Line 9 reads 2025,1,1,1,60,<44 flag characters>,10.5,5.0,70,101325,0,0,300,abc,...: the
  // temperature (field 7) starts at column 60, the pressure (10) at 72, the GHI (14) at 87. Lines
  // 16-18 are daytime hours whose radiation fields are 3 characters wide; from hour 10 on (line
  // 18) the hour field is 2 characters wide.
  EXPECT_EQ(
      errors(epw(recs)),
      (std::vector<std::string>{
          "t.epw:9:87: field 14 (global horizontal radiation): expected a number in Wh/m2, got "
          "\"abc\"",
          "t.epw:10:60: field 7 (dry bulb temperature): expected -70 to 70 C, got \"85.0\"",
          "t.epw:11:60: field 7 (dry bulb temperature): expected a measured value, got the EPW "
          "missing-value code \"99.9\"",
          "t.epw:12:87: field 14 (global horizontal radiation): expected a measured value, got "
          "the EPW missing-value code \"9999\"",
          "t.epw:13:89: field 15 (direct normal radiation): expected a measured value, got the "
          "EPW missing-value code \"9999\"",
          "t.epw:14:91: field 16 (diffuse horizontal radiation): expected a measured value, got "
          "the EPW missing-value code \"9999\"",
          "t.epw:15:105: field 22 (wind speed): expected a measured value, got the EPW "
          "missing-value code \"999\"",
          "t.epw:16:72: field 10 (atmospheric station pressure): expected 31000 to 120000 Pa, "
          "got \"25000\"",
          "t.epw:17:154: field 33 (albedo): expected 0 to 1, got \"1.5\"",
          "t.epw:18:88: field 14 (global horizontal radiation): expected 0 to 1500 Wh/m2, got "
          "\"-3\"",
      }));
}

TEST(EpwReader, ReportsDatesOutOfRange) {
  std::vector<Rec> recs = year(false);
  recs[0].month = 13;
  recs[1].day = 32;
  recs[2].hour = 0;
  recs[1392].day = 30;  // record 1392 = 58 days x 24 h is February 28 hour 1, on line 1401
  // Month, day and hour are fields 2, 3, 4 at columns 6, 8, 10. A record with a bad date is not
  // checked for being the hour after its predecessor, nor is the next one.
  EXPECT_EQ(errors(epw(recs)),
            (std::vector<std::string>{
                "t.epw:9:6: field 2 (month): expected 1 to 12, got \"13\"",
                "t.epw:10:8: field 3 (day): expected 1 to 31 for month 1, got \"32\"",
                "t.epw:11:10: field 4 (hour): expected 1 to 24 (the hour ending at the "
                "timestamp), got \"0\"",
                "t.epw:1401:8: field 3 (day): expected 1 to 29 for month 2, got \"30\"",
            }));
}

TEST(EpwReader, ReportsRecordsThatAreNotConsecutiveHours) {
  std::vector<Rec> recs = year(false);
  recs.erase(recs.begin() + 100);  // January 5 hour 5 is missing
  recs[0].hour = 2;
  EXPECT_EQ(errors(epw(recs)),
            (std::vector<std::string>{
                "t.epw:9:6: fields 2-4 (month, day, hour): expected the first record at month 1, "
                "day 1, hour 1 (an EPW year starts on January 1), got month 1, day 1, hour 2",
                "t.epw:10:6: fields 2-4 (month, day, hour): expected month 1, day 1, hour 3 "
                "(records are consecutive hours), got month 1, day 1, hour 2",
                "t.epw:109:6: fields 2-4 (month, day, hour): expected month 1, day 5, hour 5 "
                "(records are consecutive hours), got month 1, day 5, hour 6",
                "t.epw:8768:1: records: expected 8760 or 8784 hourly records (one year), got "
                "8759",
            }));
}

TEST(EpwReader, ReportsARecordAfterTheEndOfTheYear) {
  std::vector<Rec> recs = year(false);
  recs.push_back(recs.back());
  recs.back().year = 2026;
  recs.back().month = recs.back().day = recs.back().hour = 1;
  EXPECT_EQ(errors(epw(recs)),
            (std::vector<std::string>{
                "t.epw:8769:6: fields 2-4 (month, day, hour): expected no record after month 12, "
                "day 31, hour 24 (one year per file), got month 1, day 1, hour 1",
                "t.epw:8770:1: records: expected 8760 or 8784 hourly records (one year), got 8761",
            }));
}

TEST(EpwReader, ReportsATruncatedFile) {
  std::vector<Rec> recs = year(false);
  recs.resize(4344);  // January to June
  EXPECT_EQ(errors(epw(recs)),
            (std::vector<std::string>{
                "t.epw:4353:1: records: expected hourly records up to month 12, day 31, hour 24, "
                "got 4344 records, the last at month 6, day 30, hour 24 (truncated file?)",
            }));
  // Cut in the middle of a line: the last line has too few fields.
  const std::string text = epw(year(false));
  const std::string cut = text.substr(0, text.size() - 40);
  const std::vector<std::string> got = errors(cut);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].substr(0, 10), "t.epw:8768");
  EXPECT_NE(got[0].find(": record: expected 35 comma-separated fields, got "), std::string::npos);
  EXPECT_NE(got[0].find(" (the file ends mid-line)"), std::string::npos);
  // The too-short last line is not a valid record, so the year ends at December 31 hour 23.
  EXPECT_EQ(got[1],
            "t.epw:8768:1: records: expected hourly records up to month 12, day 31, hour 24, got "
            "8760 records, the last at month 12, day 31, hour 23 (truncated file?)");
}

TEST(EpwReader, ReportsTooFewFields) {
  std::vector<Rec> recs = year(false);
  std::string text = epw(recs);
  const std::string first = line(recs[0]);
  text.replace(text.find(first), first.size(), "2025,1,1,1,60,x,10.5");
  EXPECT_EQ(errors(text), (std::vector<std::string>{
                              "t.epw:9:21: record: expected 35 comma-separated fields, got 7",
                          }));
}

TEST(EpwReader, ReportsAGarbledHeader) {
  EXPECT_EQ(errors("Date,Time,GHI\n1,2,3\n"),
            (std::vector<std::string>{
                "t.epw:1:1: header: expected line 1 of an EPW file to start with LOCATION, got "
                "\"Date,Time,GHI\"",
            }));
  EXPECT_EQ(errors(""), (std::vector<std::string>{
                            "t.epw:1:1: header: expected 8 header lines (LOCATION to DATA "
                            "PERIODS) and hourly records, got an empty file",
                        }));
  std::string header = kHeader;
  header.replace(header.find("31.5"), 4, "91.5");
  header.replace(header.find("GROUND"), 6, "GRUND");
  header.replace(header.find("DATA PERIODS,1,1"), 16, "DATA PERIODS,1,4");
  EXPECT_EQ(
      errors(epw(year(false), header)),
      (std::vector<std::string>{
          "t.epw:1:43: LOCATION field 7 (latitude): expected -90 to 90 deg, got \"91.5\"",
          "t.epw:4:1: header: expected line 4 of an EPW file to start with GROUND TEMPERATURES, "
          "got \"GRUND TEMPERATURES,0\"",
          "t.epw:8:16: DATA PERIODS field 3 (records per hour): expected 1 (this reader takes "
          "hourly data), got \"4\"",
      }));
  EXPECT_EQ(errors(kHeader.substr(0, kHeader.find("COMMENTS 2"))),
            (std::vector<std::string>{
                "t.epw:7:1: header: expected 8 header lines (LOCATION to DATA PERIODS) and hourly "
                "records, got only 6 lines",
            }));
  EXPECT_EQ(errors("LOCATION,Testville,SH,CHN\n"),
            (std::vector<std::string>{
                "t.epw:1:26: LOCATION: expected 10 fields (LOCATION, city, state, country, "
                "source, WMO, latitude, longitude, time zone, elevation), got 4",
                "t.epw:2:1: header: expected 8 header lines (LOCATION to DATA PERIODS) and "
                "hourly records, got only 1 line",
            }));
}

TEST(EpwReader, StopsAfterTwentyErrors) {
  std::vector<Rec> recs = year(false);
  for (int i = 0; i < 30; ++i) recs[i].wind = "-1";
  const std::vector<std::string> got = errors(epw(recs));
  ASSERT_EQ(got.size(), 21u);
  EXPECT_EQ(got[19], "t.epw:28:106: field 22 (wind speed): expected 0 to 40 m/s, got \"-1\"");
  EXPECT_EQ(got[20], "t.epw: stopped reading at line 28 after 20 errors");
}

TEST(EpwReader, ReportsAnUnreadableFile) {
  try {
    readEpwFile("/nonexistent/x.epw");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "/nonexistent/x.epw: cannot open file for reading");
  }
}

}  // namespace
}  // namespace twin
