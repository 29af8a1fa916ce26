#include "twin/base/calendar.h"

#include <chrono>

namespace twin {

YearMonth yearMonthOf(long day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
  return YearMonth{static_cast<int>(ymd.year()), static_cast<int>(unsigned(ymd.month()))};
}

int dayOfYear(long day) {
  using namespace std::chrono;
  const year_month_day ymd{sys_days{days{day}}};
  return static_cast<int>((sys_days{ymd} - sys_days{ymd.year() / January / 1}).count()) + 1;
}

}  // namespace twin
