#include "physics/ev_charging.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <utility>

#include "physics/random.h"

namespace physics {
namespace {

// Mixed into the seed so that EV days never share a generator state with other models drawn
// from the same seed and small stream numbers (synthetic weather uses streams 0-2).
constexpr std::uint64_t kEvSeedSalt = 0x45565F53455353ull;  // "EV_SESS"

// The steps a session is connected in, and the AC energy its charger can still give in each: at
// first charger power x connected seconds, less what is scheduled.
struct Window {
  std::size_t first = 0;
  std::vector<double> capacity;  // J AC
};

Window connectionWindow(const EvSession& s, double charger_power, double dt, std::size_t steps) {
  const double horizon = static_cast<double>(steps) * dt;
  const double a = std::clamp(s.arrival, 0.0, horizon);
  const double d = std::clamp(s.departure, a, horizon);
  Window w;
  if (!(d > a)) return w;
  w.first = static_cast<std::size_t>(std::floor(a / dt));
  const std::size_t end = std::min(static_cast<std::size_t>(std::ceil(d / dt)), steps);
  for (std::size_t k = w.first; k < end; ++k) {
    const double begin = static_cast<double>(k) * dt;
    const double seconds = std::max(0.0, std::min(d, begin + dt) - std::max(a, begin));
    w.capacity.push_back(charger_power * seconds);
  }
  return w;
}

// Water-filling: x_k = clamp(lambda - level_k, 0, cap_k) with sum x_k = target, i.e. the target
// placed where level + x is lowest, never above a cap (all caps when they cannot hold the target).
// lambda is found exactly on the piecewise-linear sum between the sorted breakpoints.
std::vector<double> waterFill(const std::vector<double>& level, const std::vector<double>& cap,
                              double target) {
  const std::size_t n = level.size();
  if (!(target > 0.0)) return std::vector<double>(n, 0.0);
  if (std::accumulate(cap.begin(), cap.end(), 0.0) <= target) return cap;
  std::vector<std::pair<double, int>> breakpoints;  // (level, slope change)
  for (std::size_t k = 0; k < n; ++k) {
    if (cap[k] <= 0.0) continue;
    breakpoints.emplace_back(level[k], 1);
    breakpoints.emplace_back(level[k] + cap[k], -1);
  }
  std::sort(breakpoints.begin(), breakpoints.end());
  double lambda = breakpoints.front().first, filled = 0.0;
  int active = 0;  // steps filling between the last breakpoint and the next
  bool found = false;
  for (const auto& [value, slope_change] : breakpoints) {
    const double next = filled + active * (value - lambda);
    if (active > 0 && next >= target) {
      lambda += (target - filled) / active;
      found = true;
      break;
    }
    filled = next;
    lambda = value;
    active += slope_change;
  }
  if (!found) return cap;  // rounding: the caps hold the target only to the last ulp
  std::vector<double> fill(n, 0.0);
  for (std::size_t k = 0; k < n; ++k) {
    if (cap[k] > 0.0) fill[k] = std::clamp(lambda - level[k], 0.0, cap[k]);
  }
  return fill;
}

double baseAt(const std::vector<double>& base_load, std::size_t k) {
  return k < base_load.size() ? base_load[k] : 0.0;
}

// Charges each session from arrival at full charger power until its AC energy is drawn.
void chargeUncontrolled(const std::vector<Window>& windows, std::vector<double>& remaining,
                        std::vector<double>& power, double dt) {
  for (std::size_t i = 0; i < windows.size(); ++i) {
    for (std::size_t j = 0; j < windows[i].capacity.size() && remaining[i] > 0.0; ++j) {
      const double energy = std::min(remaining[i], windows[i].capacity[j]);
      power[windows[i].first + j] += energy / dt;
      remaining[i] -= energy;
    }
  }
}

// Shares the PV surplus of each step among the connected cars, max-min fair (water-filling from
// zero); what a car takes is removed from its charger's capacity in that step.
void chargeFromSurplus(std::vector<Window>& windows, const std::vector<double>& base_load,
                       std::vector<double>& remaining, std::vector<double>& power, double dt) {
  for (std::size_t k = 0; k < power.size(); ++k) {
    const double surplus = -baseAt(base_load, k);
    if (!(surplus > 0.0)) continue;
    std::vector<std::size_t> cars;
    std::vector<double> caps;  // W
    for (std::size_t i = 0; i < windows.size(); ++i) {
      const Window& w = windows[i];
      if (k < w.first || k >= w.first + w.capacity.size() || !(remaining[i] > 0.0)) continue;
      cars.push_back(i);
      caps.push_back(std::min(w.capacity[k - w.first], remaining[i]) / dt);
    }
    const std::vector<double> share =
        waterFill(std::vector<double>(cars.size(), 0.0), caps, surplus);
    for (std::size_t c = 0; c < cars.size(); ++c) {
      Window& w = windows[cars[c]];
      power[k] += share[c];
      remaining[cars[c]] = std::max(0.0, remaining[cars[c]] - share[c] * dt);
      w.capacity[k - w.first] = std::max(0.0, w.capacity[k - w.first] - share[c] * dt);
    }
  }
}

// Water-fills each session, in the given order, into base + EV load of its window, under its
// charger capacity and the site limit (0 = none).
void chargeValleys(const std::vector<Window>& windows, const std::vector<std::size_t>& order,
                   const std::vector<double>& base_load, double site_limit,
                   std::vector<double>& remaining, std::vector<double>& power, double dt) {
  for (const std::size_t i : order) {
    const Window& w = windows[i];
    if (!(remaining[i] > 0.0) || w.capacity.empty()) continue;
    std::vector<double> level(w.capacity.size()), cap(w.capacity.size());
    for (std::size_t j = 0; j < w.capacity.size(); ++j) {
      const std::size_t k = w.first + j;
      level[j] = baseAt(base_load, k) + power[k];
      cap[j] = w.capacity[j] / dt;
      if (site_limit > 0.0) cap[j] = std::min(cap[j], std::max(0.0, site_limit - level[j]));
    }
    const std::vector<double> fill = waterFill(level, cap, remaining[i] / dt);
    for (std::size_t j = 0; j < fill.size(); ++j) {
      power[w.first + j] += fill[j];
      remaining[i] = std::max(0.0, remaining[i] - fill[j] * dt);
    }
  }
}

}  // namespace

std::vector<EvSession> drawSessions(const EvArrivalModel& model, int chargers, std::uint64_t seed,
                                    long day) {
  std::vector<EvSession> sessions;
  if (chargers <= 0) return sessions;
  Random random(seed ^ kEvSeedSalt, static_cast<std::uint64_t>(day));
  const long count = std::min(random.poisson(model.sessions_per_day), static_cast<long>(chargers));
  const double latest_arrival = std::max(units::day - model.dwell_min, 0.0);
  for (long n = 0; n < count; ++n) {
    EvSession s;
    s.arrival =
        std::clamp(model.arrival_mean + model.arrival_sd * random.normal(), 0.0, latest_arrival);
    const double dwell =
        std::max(model.dwell_mean + model.dwell_sd * random.normal(), model.dwell_min);
    s.departure = std::min(s.arrival + dwell, units::day);
    s.energy = std::max(model.energy_mean + model.energy_sd * random.normal(), 0.0);
    sessions.push_back(s);
  }
  std::stable_sort(sessions.begin(), sessions.end(),
                   [](const EvSession& a, const EvSession& b) { return a.arrival < b.arrival; });
  for (std::size_t i = 0; i < sessions.size(); ++i) sessions[i].charger = static_cast<int>(i);
  return sessions;
}

EvDayResult chargeDay(const std::vector<EvSession>& sessions, ChargingControl control,
                      double charger_power, double efficiency, double dt, int steps,
                      const std::vector<double>& base_load, double site_limit) {
  const std::size_t n_steps = steps > 0 ? static_cast<std::size_t>(steps) : 0;
  EvDayResult out;
  out.power.assign(n_steps, 0.0);
  out.delivered.assign(sessions.size(), 0.0);
  std::vector<Window> windows;
  std::vector<double> remaining;  // J AC still to draw per session
  for (const EvSession& s : sessions) {
    windows.push_back(connectionWindow(s, charger_power, dt, n_steps));
    remaining.push_back(std::max(s.energy, 0.0) / efficiency);
  }
  const std::vector<double> wanted_ac = remaining;
  if (control == ChargingControl::kUncontrolled) {
    chargeUncontrolled(windows, remaining, out.power, dt);
  } else {
    if (control == ChargingControl::kPvFollowing) {
      chargeFromSurplus(windows, base_load, remaining, out.power, dt);
    }
    std::vector<std::size_t> order(sessions.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return std::make_pair(sessions[a].arrival, sessions[a].charger) <
             std::make_pair(sessions[b].arrival, sessions[b].charger);
    });
    chargeValleys(windows, order, base_load, site_limit, remaining, out.power, dt);
  }
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    const double wanted = std::max(sessions[i].energy, 0.0);
    out.delivered[i] = std::min(wanted, (wanted_ac[i] - remaining[i]) * efficiency);
    out.unmet += wanted - out.delivered[i];
  }
  return out;
}

ChargingEnvelope chargingEnvelope(const std::vector<EvSession>& sessions, double charger_power,
                                  double efficiency, double dt, int steps) {
  const std::size_t n = steps > 0 ? static_cast<std::size_t>(steps) : 0;
  ChargingEnvelope out{std::vector<double>(n, 0.0), std::vector<double>(n, 0.0),
                       std::vector<double>(n, 0.0)};
  for (const EvSession& s : sessions) {
    const Window w = connectionWindow(s, charger_power, dt, n);
    const double total = std::accumulate(w.capacity.begin(), w.capacity.end(), 0.0);
    const double need = std::min(std::max(s.energy, 0.0) / efficiency, total);
    double before = 0.0;  // J AC the charger can give up to the end of the step
    for (std::size_t k = 0; k < n; ++k) {
      const bool connected = k >= w.first && k - w.first < w.capacity.size();
      const double cap = connected ? w.capacity[k - w.first] : 0.0;
      before += cap;
      out.power_max[k] += cap / dt;
      out.energy_max[k] += std::min(need, before);
      out.energy_min[k] += std::max(0.0, need - (total - before));
    }
  }
  return out;
}

}  // namespace physics
