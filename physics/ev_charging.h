// Workplace EV charging: stochastic daily sessions and the charging power of a group of identical
// AC chargers (one 0.4 kV bus) under three controls. A simplified model, named as such:
//  - sessions: a count per day ~ Poisson(mean), capped at the number of chargers (each charger
//    serves at most one drawn session a day); arrival, dwell and wanted energy independent normals,
//    clipped: arrival to [0, 24 h - minimum dwell], dwell to >= the minimum, energy to >= 0;
//    departure truncated at midnight (overnight sessions are not modelled). The normal model is
//    the single-cluster reduction of the Gaussian mixtures fitted to workplace sessions by Lee, Li
//    and Low, "ACN-Data: Analysis and Applications of an Open EV Charging Dataset", e-Energy '19,
//    doi:10.1145/3307772.3328313 (JPL, a workplace site of 6.6 kW level-2 chargers: arrivals
//    clustered in the morning, departures in the late afternoon); the default figures below are
//    named assumptions in that range, not a fit to the data;
//  - the car takes whatever power it is given up to the charger power (no battery taper near
//    full, no minimum current, no pause problems), AC -> battery with a constant efficiency;
//  - managed modes know each session's departure and energy in advance (perfect information,
//    as the ACN adaptive scheduler asks of its users) and schedule one session after another
//    (greedy, not a joint optimum).
// Units SI: s since local midnight, W, J. Deterministic: same inputs -> bit-identical outputs.
#pragma once

#include <cstdint>
#include <vector>

#include "physics/units.h"

namespace physics {

// AC -> battery efficiency of level-2 charging (on-board charger, cable, battery), a named
// assumption: 0.90. For scale: VEIC, "An Assessment of Level 1 and Level 2 Electric Vehicle
// Charging Efficiency" (1008 logged Chevrolet Volt charges) found level 2 about 3 % more
// efficient than level 1; ADAC measured 84 % for a BMW iX on a 22 kW AC wall box (105.2 kWh
// stored of 125.2 kWh drawn).
inline constexpr double kDefaultEvChargingEfficiency = 0.90;

struct EvSession {
  double arrival = 0.0;    // s since local midnight
  double departure = 0.0;  // s since local midnight, arrival <= departure <= 86400
  double energy = 0.0;     // J wanted into the car battery, >= 0
  int charger = 0;         // charger index in the group, 0-based
};

// Stochastic session model of one charger group for one day type. sessions_per_day is the mean
// of the day type at hand (workday, weekend or holiday): the caller sets it per day.
struct EvArrivalModel {
  double sessions_per_day = 0.0;            // mean number of sessions, >= 0
  double arrival_mean = 8.5 * units::hour;  // s since midnight (assumption: 08:30)
  double arrival_sd = 1.0 * units::hour;    // s (assumption)
  double dwell_mean = 8.5 * units::hour;    // s, a working day plus breaks (assumption)
  double dwell_sd = 1.5 * units::hour;      // s (assumption)
  double dwell_min = 0.5 * units::hour;     // s, shortest stay drawn
  double energy_mean = 12.0 * units::kWh;   // J into the battery (assumption: 60 km, 0.2 kWh/km)
  double energy_sd = 5.0 * units::kWh;      // J (assumption)
};

// Sessions of one day, sorted by arrival, charger = rank of arrival (identical chargers, so the
// first car takes charger 0). Deterministic from (seed, day): the day is the generator's stream,
// so days can be drawn in any order or in parallel. chargers <= 0 gives no sessions.
std::vector<EvSession> drawSessions(const EvArrivalModel& model, int chargers, std::uint64_t seed,
                                    long day);

enum class ChargingControl {
  kUncontrolled,   // full charger power from arrival until full or departure
  kValleyFilling,  // each session water-filled into the lowest steps of site load in its window,
                   // sessions in order of arrival, then charger
  kPvFollowing,    // PV surplus shared among connected cars first, the rest by valley filling
};

struct EvDayResult {
  std::vector<double> power;      // W AC per step, all chargers (step-average)
  std::vector<double> delivered;  // J into each car battery, in the order of the sessions given
  double unmet = 0.0;             // J, sum of wanted - delivered
};

// Charging power of one day of `steps` steps of dt s (step k covers [k dt, (k + 1) dt) s since
// midnight; sessions are clipped to [0, steps dt)). Sessions may be drawn or taken from a fixed
// schedule. charger_power: W AC per charger; efficiency: AC -> battery, in (0, 1].
// base_load: W per step, the site's net load without the EVs (consumption - PV; entries missing
// from a shorter vector count as 0); site_limit: W, 0 = none. Both are used by the managed
// modes only: valley filling levels base + EV; the limit caps base + EV (the managed modes add no
// EV power above it, and none in steps where the base alone exceeds it; energy that does not fit
// is unmet). In every mode a session charges only while connected, at most at charger power
// (step-average power pro rata to the connected part of a step).
// Bookkeeping: sum(power dt) efficiency = sum(delivered) (to rounding), delivered <= wanted.
EvDayResult chargeDay(const std::vector<EvSession>& sessions, ChargingControl control,
                      double charger_power, double efficiency, double dt, int steps,
                      const std::vector<double>& base_load, double site_limit);

// What a planner may do with a group's sessions over one day of `steps` steps of dt s: per step,
// the most AC power the connected cars can take (W, pro rata to the connected part of the step),
// and the least and the most AC energy the group has drawn by the end of each step (J,
// cumulative) if every session gets what it wants, or what its window allows, by its departure.
struct ChargingEnvelope {
  std::vector<double> power_max;
  std::vector<double> energy_min;
  std::vector<double> energy_max;
};
ChargingEnvelope chargingEnvelope(const std::vector<EvSession>& sessions, double charger_power,
                                  double efficiency, double dt, int steps);

}  // namespace physics
