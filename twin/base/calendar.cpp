#include "twin/base/calendar.h"

#include <date/date.h>

#include "twin/base/text.h"

namespace twin {
namespace {

date::sys_days sysDays(long day) { return date::sys_days{date::days{day}}; }

// Exactly `width` decimal digits.
std::optional<int> fixedDigits(std::string_view text, size_t width) {
  return text.size() == width ? parseDigits(text) : std::nullopt;
}

}  // namespace

long localDay(const CivilDate& d) {
  const date::year_month_day ymd{date::year{d.year}, date::month{unsigned(d.month)},
                                 date::day{unsigned(d.day)}};
  return date::sys_days{ymd}.time_since_epoch().count();
}

CivilDate civilDate(long day) {
  const date::year_month_day ymd{sysDays(day)};
  return CivilDate{int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
}

YearMonth yearMonthOf(long day) {
  const CivilDate d = civilDate(day);
  return YearMonth{d.year, d.month};
}

int dayOfYear(long day) {
  return static_cast<int>(day - localDay({civilDate(day).year, 1, 1})) + 1;
}

// date::parse("%F") would accept "2025-1-01" and five-digit years; the park file's dates have
// exactly this form, so the digits are checked here and the calendar by date::year_month_day.
std::optional<long> parseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const std::optional<int> y = fixedDigits(text.substr(0, 4), 4);
  const std::optional<int> mo = fixedDigits(text.substr(5, 2), 2);
  const std::optional<int> d = fixedDigits(text.substr(8, 2), 2);
  if (!y || !mo || !d) return std::nullopt;
  const date::year_month_day ymd{date::year{*y}, date::month{unsigned(*mo)},
                                 date::day{unsigned(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return date::sys_days{ymd}.time_since_epoch().count();
}

std::optional<int> parseClock(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  const std::optional<int> h = fixedDigits(text.substr(0, 2), 2);
  const std::optional<int> m = fixedDigits(text.substr(3, 2), 2);
  if (!h || !m || *h > 24 || *m > 59 || (*h == 24 && *m != 0)) return std::nullopt;
  return *h * 60 + *m;
}

std::string formatDate(long day) { return date::format("%F", sysDays(day)); }

long localDayOf(int64_t unix_time, int utc_offset) {
  const date::sys_seconds local{std::chrono::seconds{unix_time + utc_offset}};
  return static_cast<long>(date::floor<date::days>(local).time_since_epoch().count());
}

int secondsIntoLocalDay(int64_t unix_time, int utc_offset) {
  return static_cast<int>(unix_time + utc_offset -
                          int64_t{localDayOf(unix_time, utc_offset)} * 86400);
}

std::string formatLocalTime(int64_t unix_time, int utc_offset) {
  const date::sys_seconds local{std::chrono::seconds{unix_time + utc_offset}};
  return date::format("%F %R", local);
}

}  // namespace twin
