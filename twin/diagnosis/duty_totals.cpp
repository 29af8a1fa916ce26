#include "twin/diagnosis/duty_totals.h"

#include <algorithm>
#include <cmath>

#include "twin/base/calendar.h"
#include "twin/model/motor_duty.h"

namespace twin::diagnosis {
namespace {

// The flow fraction at which a throttled machine draws shaft fraction f of its design shaft
// power (the throttled curve rises with flow); bisection, 60 halvings.
double throttledFlowAt(const Motor& m, double f) {
  double lo = 0.0, hi = 1.0;
  if (flowControlledShaftFraction(m, FlowControl::kThrottle, hi) <= f) return hi;
  for (int i = 0; i < 60; ++i) {
    const double mid = 0.5 * (lo + hi);
    (flowControlledShaftFraction(m, FlowControl::kThrottle, mid) < f ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

// Input power with a drive for the duty a throttled pump or fan meets at shaft load `load`: the
// same flow at reduced speed (physics/pump_fan.h), through the motor model and a drive of
// kTypicalDriveEfficiency.
double driveInputPower(const MotorContext& c, double load, double voltage) {
  const Motor& m = *c.motor;
  if (m.duty_load <= 0) return physics::motorAtLoad(c.model, load, voltage).input_power;
  const double q = throttledFlowAt(m, load / m.duty_load);
  const double new_load = m.duty_load * flowControlledShaftFraction(m, FlowControl::kSpeed, q);
  return physics::motorAtLoad(c.model, new_load, voltage).input_power / kTypicalDriveEfficiency;
}

void addUnbalance(DutyTotals& t, const ReadingEstimate& e) {
  if (!e.unbalance) return;
  ++t.unbalance_count;
  t.unbalance_sum += *e.unbalance;
  t.unbalance_max = std::max(t.unbalance_max, *e.unbalance);
}

void addEstimate(DutyTotals& t, const DutyModels& models, const ReadingEstimate& e, double dt,
                 double price) {
  const physics::MethodEstimate& x = *e.combined;
  ++t.estimated;
  t.methods |= e.methods;
  t.loads.push_back(x.load);
  t.load_sum += x.load;
  t.load_uncertainty_sum += x.load_uncertainty;
  const double in = e.input_power * dt;
  const double shaft = x.efficiency * in;
  t.input_estimated += in;
  t.shaft += shaft;
  t.efficiency_uncertainty_energy += x.efficiency_uncertainty * in;
  const double unbalance = e.unbalance.value_or(0.0);
  const physics::MotorModel& own = models.motor->model;
  t.unbalance_losses += (physics::motorAtLoad(own, x.load, e.voltage, unbalance).losses -
                         physics::motorAtLoad(own, x.load, e.voltage).losses) *
                        dt;
  if (models.declared) {
    t.class_input +=
        physics::motorAtLoad(*models.declared, x.load, e.voltage, unbalance).input_power * dt;
  }
  if (models.target) {
    const double saved =
        in - physics::motorAtLoad(*models.target, x.load, e.voltage, unbalance).input_power * dt;
    t.replacement.energy += saved;
    t.replacement.money += saved * price;
  }
  if (t.drive_possible) {
    const double saved = in - driveInputPower(*models.motor, x.load, e.voltage) * dt;
    t.drive.energy += saved;
    t.drive.money += saved * price;
  }
}

}  // namespace

double DutyTotals::loadPercentile(double p) const {
  if (loads.empty()) return 0.0;
  std::vector<double> sorted = loads;
  std::sort(sorted.begin(), sorted.end());
  const auto rank = static_cast<size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

double priceAt(const Tariff& tariff, int64_t unix_time, int utc_offset_s) {
  if (tariff.seasons.empty()) return 0.0;
  const int minute = secondsIntoLocalDay(unix_time, utc_offset_s) / 60;
  const YearMonth ym = yearMonthOf(localDayOf(unix_time, utc_offset_s));
  const TariffSeason& season =
      tariff.seasons[static_cast<size_t>(tariff.season_of_month[ym.month - 1])];
  return season.periods[static_cast<size_t>(season.period_of_minute[minute])].price;
}

DutyTotals totalDuty(const DutyModels& models, const ParkModel& park, const MeterSeries& series,
                     std::set<std::pair<std::string, std::string>>& skipped) {
  DutyTotals t;
  const Motor& m = *models.motor->motor;
  t.drive_possible = (m.driven == DrivenKind::kPump || m.driven == DrivenKind::kFan) &&
                     m.flow_control == FlowControl::kThrottle;
  for (size_t i = 0; i < series.readings.size(); ++i) {
    const MeterReading& r = series.readings[i];
    const double dt = series.durations[i];
    const ReadingEstimate e = estimateReading(*models.motor, r, series.durations[i], skipped);
    t.seconds += dt;
    addUnbalance(t, e);
    if (!e.energised) continue;
    ++t.energised;
    t.input += e.input_power * dt;
    if (e.combined)
      addEstimate(t, models, e, dt, priceAt(park.tariff, r.time, park.site.utc_offset_s));
  }
  return t;
}

}  // namespace twin::diagnosis
