// Instants written in ISO 8601 extended format with an explicit UTC offset (ISO 8601-1:2019
// §5.4.2 and §4.3.13; the profile of RFC 3339 §5.6), e.g. 2025-06-21T12:00:00+08:00 or
// 2025-06-21T04:00Z, as the CLI and its CSV inputs accept them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace twin {

struct IsoInstant {
  double unix_time = 0.0;  // s since 1970-01-01T00:00:00Z; fractional seconds kept
  int utc_offset = 0;      // s, local time minus UTC as written (+08:00 -> 28800)
};

struct IsoTimeParse {
  std::optional<IsoInstant> instant;
  // When there is no instant: what was expected, worded for "expected ..., got ..." messages.
  std::string expected;
};

// Accepts YYYY-MM-DD, then T (or a space), hh:mm, optional :ss with optional fraction (.s...),
// then Z or an offset +hh:mm, +hhmm or +hh (- for west), within -12:00..+14:00. Dates must exist
// (2025-02-30 is rejected), hh is 00..23, ss 00..59 (no leap seconds). A local time without an
// offset is rejected: it names no instant.
IsoTimeParse parseIsoTime(std::string_view text);

// An instant as the CLI's time flags take it: parseIsoTime's form (a space may stand for the T), or
// the same without an offset, then read in site time (utc_offset, s). Unix seconds; nullopt when
// neither.
std::optional<double> parseSiteTime(std::string_view text, int utc_offset);

// Local time with its offset, whole seconds: formatIsoTime(1735660800, 28800) ->
// "2025-01-01T00:00:00+08:00". unix_time: s since 1970-01-01T00:00:00Z; utc_offset: s.
std::string formatIsoTime(int64_t unix_time, int utc_offset);
// The offset as ISO 8601 writes it after a time: 28800 -> "+08:00", -12600 -> "-03:30", 0 ->
// "+00:00". utc_offset: s; seconds within the minute are dropped.
std::string formatUtcOffset(int utc_offset);
// UTC with Z: formatIsoTimeUtc(0) -> "1970-01-01T00:00:00Z".
std::string formatIsoTimeUtc(int64_t unix_time);

}  // namespace twin
