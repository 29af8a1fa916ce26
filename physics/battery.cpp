#include "physics/battery.h"

#include <algorithm>
#include <cmath>

#include "physics/units.h"

namespace physics {
namespace {

// Naumann et al. (2018), calendar capacity loss (see battery.h).
constexpr double kCalendarRateRef = 1.2571e-5;            // s^-0.5, at 298.15 K
constexpr double kCalendarActivationEnergy = 17126.0;     // J/mol
constexpr double kCalendarReferenceTemperature = 298.15;  // K
constexpr double kCalendarSocCubic = 2.8575;
constexpr double kCalendarSocOffset = 0.60225;
constexpr double kGasConstant = 8.314462618;  // J/(mol K), CODATA 2018 (exact)

// Datasheet end of life: cycle_life is counted to 80 % of the initial capacity.
constexpr double kEndOfLifeFade = 0.2;

}  // namespace

const char* batteryRatingError(const BatteryRating& r) {
  if (!(r.energy_capacity > 0.0)) return "energy capacity must be > 0";
  if (!(r.charge_power > 0.0) || !(r.discharge_power > 0.0)) return "power limits must be > 0";
  if (!(r.charge_efficiency > 0.0 && r.charge_efficiency <= 1.0) ||
      !(r.discharge_efficiency > 0.0 && r.discharge_efficiency <= 1.0)) {
    return "efficiencies must be in (0, 1]";
  }
  if (!(r.soc_min >= 0.0 && r.soc_min < r.soc_max && r.soc_max <= 1.0)) {
    return "SOC limits must satisfy 0 <= soc_min < soc_max <= 1";
  }
  if (!(r.self_discharge >= 0.0 && r.self_discharge < 1.0)) {
    return "self-discharge must be in [0, 1) per day";
  }
  if (!(r.cycle_life > 0.0)) return "cycle life must be > 0";
  if (!(r.cell_temperature > 0.0)) return "cell temperature must be > 0 K";
  return "";
}

BatteryState initialState(const BatteryRating& rating, double soc) {
  BatteryState s;
  s.capacity = rating.energy_capacity;
  s.stored = std::clamp(soc, rating.soc_min, rating.soc_max) * s.capacity;
  return s;
}

double equivalentFullCycles(const BatteryState& state, const BatteryRating& rating) {
  return (state.charged + state.discharged) / (2.0 * rating.energy_capacity);
}

double capacityFade(const BatteryRating& rating, const BatteryState& state) {
  const double cycle = kEndOfLifeFade * equivalentFullCycles(state, rating) / rating.cycle_life;
  return std::min(state.calendar_fade + cycle, 1.0);
}

double calendarFadeRate(double cell_temperature, double soc) {
  const double k_t =
      kCalendarRateRef * std::exp(-kCalendarActivationEnergy / kGasConstant *
                                  (1.0 / cell_temperature - 1.0 / kCalendarReferenceTemperature));
  const double x = soc - 0.5;
  return k_t * (kCalendarSocCubic * x * x * x + kCalendarSocOffset);
}

BatteryStep stepBattery(const BatteryRating& rating, BatteryState& state, double requested_ac_power,
                        double dt) {
  BatteryStep out;
  if (!(dt > 0.0)) {
    out.stored = state.stored;
    out.soc = state.capacity > 0.0 ? state.stored / state.capacity : 0.0;
    return out;
  }
  state.capacity = rating.energy_capacity * (1.0 - capacityFade(rating, state));
  const double upper = rating.soc_max * state.capacity;
  const double lower = rating.soc_min * state.capacity;

  double spilled = 0.0;
  if (state.stored > upper) {
    spilled = state.stored - upper;
    state.stored = upper;
  }
  const double start = state.stored;
  const double self_discharge =
      start * (1.0 - std::pow(1.0 - rating.self_discharge, dt / units::day));
  double e = start - self_discharge;

  const double eta_c = rating.charge_efficiency;
  const double eta_d = rating.discharge_efficiency;
  double p = requested_ac_power;
  double conversion_loss = 0.0;  // J
  if (p > 0.0) {
    p = std::min(p, rating.discharge_power);
    const double room = e - lower;  // J the cells may still give
    if (room <= 0.0) {
      p = 0.0;
    } else if (p / eta_d * dt >= room) {
      p = std::min(p, room * eta_d / dt);
      state.discharged += room;
      conversion_loss = room - p * dt;
      e = lower;
    } else {
      const double cells = p / eta_d * dt;
      state.discharged += cells;
      conversion_loss = cells - p * dt;
      e = std::max(e - cells, lower);  // max: rounding never crosses the limit
    }
  } else if (p < 0.0) {
    p = std::max(p, -rating.charge_power);
    const double room = upper - e;  // J the cells may still take
    if (room <= 0.0) {
      p = 0.0;
    } else if (-p * eta_c * dt >= room) {
      p = std::max(p, -room / (eta_c * dt));
      state.charged += room;
      conversion_loss = -p * dt - room;
      e = upper;
    } else {
      const double cells = -p * eta_c * dt;
      state.charged += cells;
      conversion_loss = -p * dt - cells;
      e = std::min(e + cells, upper);
    }
  } else {
    p = 0.0;  // zero, -0.0 or NaN: idle
  }

  if (state.capacity > 0.0) {
    const double soc_mean = 0.5 * (start + e) / state.capacity;
    const double rate = calendarFadeRate(rating.cell_temperature, soc_mean);
    const double virtual_time = (state.calendar_fade / rate) * (state.calendar_fade / rate);
    state.calendar_fade = rate * std::sqrt(virtual_time + dt);
  }
  state.stored = e;
  state.self_discharged += self_discharge;
  state.fade_spilled += spilled;
  state.elapsed += dt;

  out.ac_power = p;
  out.stored = e;
  out.soc = state.capacity > 0.0 ? e / state.capacity : 0.0;
  out.losses = (conversion_loss + self_discharge + spilled) / dt;
  return out;
}

double selfConsumptionPower(double net_load) { return net_load; }

double peakShavingPower(double net_load, double threshold, double recharge_margin) {
  if (net_load > threshold) return net_load - threshold;
  return -std::max(threshold - recharge_margin - net_load, 0.0);
}

double touArbitragePower(const BatteryRating& rating, double price, double charge_below,
                         double discharge_above, double net_load) {
  if (price <= charge_below) return -rating.charge_power;
  if (price >= discharge_above) return std::max(net_load, 0.0);
  return 0.0;
}

double dispatchRequest(DispatchPolicy policy, const DispatchParams& params,
                       const BatteryRating& rating, double net_load, double price) {
  switch (policy) {
    case DispatchPolicy::kSelfConsumption:
    case DispatchPolicy::kOptimal:
      return selfConsumptionPower(net_load);
    case DispatchPolicy::kPeakShaving:
      return peakShavingPower(net_load, params.peak_threshold, params.recharge_margin);
    case DispatchPolicy::kTouArbitrage: {
      const double request =
          touArbitragePower(rating, price, params.charge_below, params.discharge_above, net_load);
      // With a threshold, the import net_load - request stays at or below it where the battery
      // can: charging is capped, and a load above it is shaved whatever the price.
      return params.peak_threshold > 0.0 ? std::max(request, net_load - params.peak_threshold)
                                         : request;
    }
  }
  return 0.0;
}

}  // namespace physics
