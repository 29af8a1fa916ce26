// ISO 8601 instants with a UTC offset. Reference Unix times: the SPA paper's example instant
// 2003-10-17 12:30:30 at UTC-7 (Reda and Andreas 2004, Table A4.1) is 19:30:30 UTC = 1066419030 s,
// as `date -u -d 2003-10-17T19:30:30Z +%s` prints; 2025-06-21T04:00:00Z = 1750478400 s likewise.
#include "twin/base/iso_time.h"

#include <gtest/gtest.h>

namespace twin {
namespace {

double unixTime(std::string_view text) {
  const IsoTimeParse p = parseIsoTime(text);
  EXPECT_TRUE(p.instant.has_value()) << text << ": expected " << p.expected;
  return p.instant ? p.instant->unix_time : -1.0;
}

std::string expected(std::string_view text) {
  const IsoTimeParse p = parseIsoTime(text);
  EXPECT_FALSE(p.instant.has_value()) << text;
  return p.expected;
}

TEST(IsoTime, ParsesOffsetsAndSeconds) {
  EXPECT_EQ(unixTime("2003-10-17T12:30:30-07:00"), 1066419030.0);
  EXPECT_EQ(parseIsoTime("2003-10-17T12:30:30-07:00").instant->utc_offset, -7 * 3600);
  EXPECT_EQ(unixTime("2025-06-21T12:00:00+08:00"), 1750478400.0);
  EXPECT_EQ(unixTime("2025-06-21T04:00:00Z"), 1750478400.0);
  EXPECT_EQ(unixTime("2025-06-21T04:00Z"), 1750478400.0);          // seconds optional
  EXPECT_EQ(unixTime("2025-06-21 12:00:00+0800"), 1750478400.0);   // RFC 3339 space, basic offset
  EXPECT_EQ(unixTime("2025-06-21T09:30:00+05:30"), 1750478400.0);  // half-hour zone
  EXPECT_EQ(unixTime("2025-06-21T12:00:00+08"), 1750478400.0);     // hours-only offset
  EXPECT_DOUBLE_EQ(unixTime("2025-06-21T04:00:00.25Z"), 1750478400.25);  // fraction kept
  EXPECT_EQ(unixTime("1970-01-01T00:00:00Z"), 0.0);
  EXPECT_EQ(unixTime("1969-12-31T23:59:59Z"), -1.0);
  EXPECT_EQ(unixTime("2024-02-29T00:00:00Z"), 1709164800.0);  // leap day exists in 2024
}

TEST(IsoTime, RejectsInvalidDatesAndTimes) {
  EXPECT_EQ(expected("2025-02-30T12:00:00+08:00"), "a date that exists (2025-02 has 28 days)");
  EXPECT_EQ(expected("2025-02-29T12:00:00+08:00"), "a date that exists (2025-02 has 28 days)");
  EXPECT_EQ(expected("2025-04-31T12:00:00+08:00"), "a date that exists (2025-04 has 30 days)");
  EXPECT_EQ(expected("2025-13-01T12:00:00+08:00"),
            "a month 01 to 12 (as in 2025-06-21T12:00:00+08:00)");
  EXPECT_EQ(expected("2025-06-21T24:00:00+08:00"),
            "a time of day from 00:00:00 to 23:59:59 (as in 2025-06-21T12:00:00+08:00)");
  EXPECT_EQ(expected("2025-06-21T23:59:60Z"),
            "a time of day from 00:00:00 to 23:59:59 (as in 2025-06-21T12:00:00+08:00)");
  EXPECT_EQ(expected("2025-06-21T12:00:00+15:00"),
            "a UTC offset from -12:00 to +14:00 (as in 2025-06-21T12:00:00+08:00)");
}

TEST(IsoTime, RequiresAnOffset) {
  EXPECT_EQ(expected("2025-06-21T12:00:00"),
            "a UTC offset after the time (Z or +hh:mm, e.g. 2025-06-21T12:00:00+08:00): a local "
            "time alone names no instant");
}

TEST(IsoTime, RejectsMalformedText) {
  const std::string form = "an ISO 8601 time with a UTC offset, e.g. 2025-06-21T12:00:00+08:00";
  for (const char* bad :
       {"", "2025-06-21", "2025/06/21T12:00Z", "25-06-21T12:00Z", "2025-06-21T12Z",
        "2025-06-21T12:00:0Z", "2025-06-21T12:00:00.Z", "2025-06-21T12:00:00+8",
        "2025-06-21T12:00:00+08:0", "2025-06-21T12:00:00Zx", "2025-06-21T12:00:00 +08:00", "now"}) {
    EXPECT_EQ(expected(bad), form) << bad;
  }
}

TEST(IsoTime, FormatsWithOffset) {
  EXPECT_EQ(formatIsoTime(1066419030, -7 * 3600), "2003-10-17T12:30:30-07:00");
  EXPECT_EQ(formatIsoTime(1750478400, 8 * 3600), "2025-06-21T12:00:00+08:00");
  EXPECT_EQ(formatIsoTime(1750478400, 5 * 3600 + 1800), "2025-06-21T09:30:00+05:30");
  EXPECT_EQ(formatIsoTime(1750478400, -(3 * 3600 + 1800)), "2025-06-21T00:30:00-03:30");
  EXPECT_EQ(formatIsoTime(-1, 0), "1969-12-31T23:59:59+00:00");
  EXPECT_EQ(formatUtcOffset(0), "+00:00");
  EXPECT_EQ(formatUtcOffset(-12600), "-03:30");
  EXPECT_EQ(formatUtcOffset(14 * 3600), "+14:00");
  EXPECT_EQ(formatIsoTimeUtc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(formatIsoTimeUtc(1750478400), "2025-06-21T04:00:00Z");
  for (const char* text : {"2003-10-17T12:30:30-07:00", "1969-07-20T20:17:40+00:00"}) {
    const IsoInstant t = *parseIsoTime(text).instant;
    EXPECT_EQ(formatIsoTime(static_cast<int64_t>(t.unix_time), t.utc_offset), text);
  }
}

}  // namespace
}  // namespace twin
