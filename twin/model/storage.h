// A park's stationary batteries as the model holds them: rating, policy and, for the optimal
// policy, what its programme plans with.
#pragma once

#include <array>
#include <limits>
#include <string>
#include <string_view>

#include "physics/battery.h"

namespace twin {

// The park-file words for the battery dispatch policies, in enum order (physics::DispatchPolicy).
inline constexpr std::array<std::string_view, 4> kDispatchPolicyNames = {
    "self_consumption", "peak_shaving", "tou_arbitrage", "optimal"};

// What the optimal dispatch forecasts the net load from: the simulated days themselves (perfect)
// or the day before, repeated (persistence).
enum class Forecast { kPerfect, kPersistence };
inline constexpr std::array<std::string_view, 2> kForecastNames = {"perfect", "persistence"};

// `dispatch: {policy: optimal, ...}` (twin/dispatch/, docs/dispatch.md). Every optimal battery of
// a park states the same horizon, forecast and limits: one programme plans them together.
struct OptimalDispatch {
  double horizon = 24 * 3600.0;  // s, a whole number of days
  Forecast forecast = Forecast::kPerfect;
  double degradation_cost = 0.0;                                  // currency per J discharged
  double import_limit = std::numeric_limits<double>::infinity();  // W
  double export_limit = std::numeric_limits<double>::infinity();  // W
};

// A stationary battery on a bus, dispatched step by step by its policy (physics/battery.h).
struct Storage {
  std::string id;
  std::string name;
  int bus = 0;
  physics::BatteryRating rating;
  double initial_soc = 0.5;
  physics::DispatchPolicy policy = physics::DispatchPolicy::kSelfConsumption;
  physics::DispatchParams params;
  OptimalDispatch optimal;  // with policy kOptimal
};

}  // namespace twin
