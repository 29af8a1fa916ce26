#include "twin/base/iso_time.h"

#include <date/date.h>
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>

#include "twin/base/text.h"

namespace twin {
namespace {

constexpr std::string_view kForm =
    "an ISO 8601 time with a UTC offset, e.g. 2025-06-21T12:00:00+08:00";
constexpr std::string_view kExample = "2025-06-21T12:00:00+08:00";

// The value of text[pos, pos + n) when it is n decimal digits.
std::optional<int> digits(std::string_view text, size_t pos, size_t n) {
  return pos + n <= text.size() ? parseDigits(text.substr(pos, n)) : std::nullopt;
}

IsoTimeParse failure(std::string expected) {
  return IsoTimeParse{std::nullopt, std::move(expected)};
}

}  // namespace

// A hand parser rather than date::parse("%FT%T%Ez"): measured with date 3.0.1, that format
// rejects forms the CLI accepts (2025-06-21T12:00+08:00 without seconds, Z) and, for
// 2025-02-30T12:00:00+08:00 or an hour 25, only sets failbit; the messages here say what is wrong.
IsoTimeParse parseIsoTime(std::string_view text) {
  // Date and time of day: YYYY-MM-DDThh:mm
  const std::optional<int> y = digits(text, 0, 4);
  const std::optional<int> mo = digits(text, 5, 2);
  const std::optional<int> d = digits(text, 8, 2);
  const std::optional<int> h = digits(text, 11, 2);
  const std::optional<int> mi = digits(text, 14, 2);
  if (!y || !mo || !d || !h || !mi || text[4] != '-' || text[7] != '-' ||
      (text[10] != 'T' && text[10] != ' ') || text[13] != ':') {
    return failure(std::string(kForm));
  }
  using namespace std::chrono;
  const year_month_day date{year{*y}, month{unsigned(*mo)}, day{unsigned(*d)}};
  if (!date.ok()) {
    if (*mo < 1 || *mo > 12)
      return failure("a month 01 to 12 (as in " + std::string(kExample) + ")");
    const year_month_day_last month_end{date.year() / date.month() / std::chrono::last};
    return failure("a date that exists (" + std::string(text.substr(0, 7)) + " has " +
                   std::to_string(unsigned(month_end.day())) + " days)");
  }
  size_t pos = 16;
  int second = 0;
  double fraction = 0.0;
  if (pos < text.size() && text[pos] == ':') {
    const std::optional<int> s = digits(text, pos + 1, 2);
    if (!s) return failure(std::string(kForm));
    second = *s;
    pos += 3;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      double scale = 0.1;
      size_t end = pos + 1;
      for (; end < text.size() && text[end] >= '0' && text[end] <= '9'; ++end, scale *= 0.1) {
        fraction += (text[end] - '0') * scale;
      }
      if (end == pos + 1) return failure(std::string(kForm));
      pos = end;
    }
  }
  if (*h > 23 || *mi > 59 || second > 59) {
    return failure("a time of day from 00:00:00 to 23:59:59 (as in " + std::string(kExample) + ")");
  }

  // UTC offset: Z, +hh:mm, +hhmm or +hh.
  if (pos == text.size()) {
    return failure(
        "a UTC offset after the time (Z or +hh:mm, e.g. 2025-06-21T12:00:00+08:00): a local "
        "time alone names no instant");
  }
  int offset = 0;
  if (text[pos] == 'Z' && pos + 1 == text.size()) {
    offset = 0;
  } else if (text[pos] == '+' || text[pos] == '-') {
    const std::string_view zone = text.substr(pos + 1);
    std::optional<int> oh = digits(zone, 0, 2);
    std::optional<int> om = 0;
    if (zone.size() == 5 && zone[2] == ':') {
      om = digits(zone, 3, 2);
    } else if (zone.size() == 4) {
      om = digits(zone, 2, 2);
    } else if (zone.size() != 2) {
      oh.reset();
    }
    if (!oh || !om || *om > 59) return failure(std::string(kForm));
    offset = (text[pos] == '-' ? -1 : 1) * (*oh * 3600 + *om * 60);
    if (offset < -12 * 3600 || offset > 14 * 3600) {
      return failure("a UTC offset from -12:00 to +14:00 (as in " + std::string(kExample) + ")");
    }
  } else {
    return failure(std::string(kForm));
  }

  const double days = sys_days{date}.time_since_epoch().count();
  const double local = days * 86400.0 + *h * 3600 + *mi * 60 + second;
  return IsoTimeParse{IsoInstant{local - offset + fraction, offset}, {}};
}

std::string formatUtcOffset(int utc_offset) {
  const int minutes = std::abs(utc_offset) / 60;
  return fmt::format("{}{:02}:{:02}", utc_offset < 0 ? '-' : '+', minutes / 60, minutes % 60);
}

std::string formatIsoTime(int64_t unix_time, int utc_offset) {
  const date::sys_seconds local{std::chrono::seconds{unix_time + utc_offset}};
  return date::format("%FT%T", local) + formatUtcOffset(utc_offset);
}

std::string formatIsoTimeUtc(int64_t unix_time) {
  return date::format("%FT%TZ", date::sys_seconds{std::chrono::seconds{unix_time}});
}

std::optional<double> parseSiteTime(std::string_view text, int utc_offset) {
  std::string iso(text);
  if (iso.size() > 10 && iso[10] == ' ') iso[10] = 'T';
  IsoTimeParse parsed = parseIsoTime(iso);
  if (!parsed.instant) parsed = parseIsoTime(iso + formatUtcOffset(utc_offset));
  if (!parsed.instant) return std::nullopt;
  return parsed.instant->unix_time;
}

}  // namespace twin
