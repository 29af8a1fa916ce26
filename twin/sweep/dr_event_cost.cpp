#include "twin/sweep/dr_event_cost.h"

#include <algorithm>

#include "twin/base/calendar.h"
#include "twin/base/error.h"
#include "twin/base/iso_time.h"
#include "twin/engine/engine.h"

namespace twin::sweep {
namespace {

std::string timeText(const ParkModel& model, int64_t unix_time) {
  return formatIsoTime(unix_time, model.site.utc_offset_s);
}

void checkEvent(const ParkModel& model, const DrEvent& e) {
  if (!(e.request > 0.0) || !(e.duration > 0.0)) {
    throw InputError("the event at " + timeText(model, e.start) +
                     " needs a request and a duration above 0");
  }
  const int64_t end = e.start + static_cast<int64_t>(e.duration);
  for (const DrEvent& own : model.demand_response.events) {
    const int64_t own_end = own.start + static_cast<int64_t>(own.duration);
    if (e.start < own_end && own.start < end) {
      throw InputError("the event at " + timeText(model, e.start) +
                       " overlaps the park's own event \"" + own.id + "\" (" +
                       timeText(model, own.start) + "); expected a time outside its events");
    }
  }
}

// The model with one more event, its events in time order.
ParkModel withEvent(const ParkModel& model, const DrEvent& e) {
  ParkModel out = model;
  std::vector<DrEvent>& events = out.demand_response.events;
  events.push_back(e);
  std::stable_sort(events.begin(), events.end(),
                   [](const DrEvent& a, const DrEvent& b) { return a.start < b.start; });
  return out;
}

size_t monthIndex(const Kpis& kpis, const YearMonth& month) {
  for (size_t i = 0; i < kpis.months.size(); ++i) {
    if (kpis.months[i].month == month) return i;
  }
  return 0;
}

}  // namespace

TimeGrid eventPeriod(const ParkModel& model, const DrEvent& event, int step_s) {
  const int offset = model.site.utc_offset_s;
  const long first = localDayOf(event.start, offset);
  const int64_t end = event.start + static_cast<int64_t>(event.duration);
  const long last = localDayOf(end + static_cast<int64_t>(model.demand_response.rebound), offset);
  const SimulationSettings& sim = model.simulation;
  if (first < sim.start_day || localDayOf(end - 1, offset) >= sim.end_day) {
    throw InputError("the event at " + timeText(model, event.start) +
                     " lies outside the park's period (from " + formatDate(sim.start_day) +
                     ", before " + formatDate(sim.end_day) +
                     ": simulation.start/end); expected a time in it");
  }
  const YearMonth start = yearMonthOf(first), end_month = yearMonthOf(last);
  const YearMonth after = end_month.month == 12 ? YearMonth{end_month.year + 1, 1}
                                                : YearMonth{end_month.year, end_month.month + 1};
  PeriodOverride period;
  period.start_day = std::max(sim.start_day, localDay({start.year, start.month, 1}));
  period.end_day = std::min(sim.end_day, localDay({after.year, after.month, 1}));
  period.step_s = step_s;
  return makeTimeGrid(model, period);
}

std::vector<DrEventCost> drEventCosts(const ParkModel& model, const std::vector<DrEvent>& events,
                                      int step_s) {
  std::vector<DrEventCost> out(events.size());
  std::vector<ParkModel> with;
  std::vector<TimeGrid> periods;  // distinct, each run once without the event
  std::vector<size_t> period_of;
  for (size_t i = 0; i < events.size(); ++i) {
    checkEvent(model, events[i]);
    out[i].event = events[i];
    out[i].grid = eventPeriod(model, events[i], step_s);
    with.push_back(withEvent(model, events[i]));
    const auto same = [&](const TimeGrid& g) {
      return g.start_day == out[i].grid.start_day && g.end_day == out[i].grid.end_day;
    };
    const auto found = std::find_if(periods.begin(), periods.end(), same);
    period_of.push_back(static_cast<size_t>(found - periods.begin()));
    if (found == periods.end()) periods.push_back(out[i].grid);
  }
  std::vector<Kpis> without(periods.size());
  runJobs(periods.size() + events.size(), [&](size_t job) {
    if (job < periods.size()) {
      without[job] = runSimulation(model, periods[job], nullptr);
    } else {
      DrEventCost& c = out[job - periods.size()];
      c.with = runSimulation(with[job - periods.size()], c.grid, nullptr);
    }
  });
  for (size_t i = 0; i < out.size(); ++i) out[i].without = without[period_of[i]];
  for (DrEventCost& c : out) {
    c.month = monthIndex(c.with, yearMonthOf(localDayOf(c.event.start, model.site.utc_offset_s)));
  }
  return out;
}

}  // namespace twin::sweep
