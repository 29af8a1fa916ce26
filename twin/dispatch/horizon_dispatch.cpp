#include "twin/dispatch/horizon_dispatch.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace twin::dispatch {
namespace {

// The programme is built in kW, kWh and currency per kWh: coefficients near 1 for the solver.
constexpr double kW = 1e3;
constexpr double kWh = 3.6e6;
// Currency per kW and step of a broken import or export limit or an event request the batteries
// leave unmet: far above any tariff's energy or demand price, so the programme breaks a limit
// only where nothing can keep it.
constexpr double kLimitPenalty = 1e5;
constexpr double kEventPenalty = 1e4;
constexpr double kFaultTolerance = 1e-6;  // kW

// The columns of one step.
struct StepColumns {
  int imp = -1, unserved = -1, spill = -1;
  std::vector<int> ch, dis, energy;  // per battery
  std::vector<int> demand, drawn;    // per EV group: power, energy drawn so far
};

struct Builder {
  explicit Builder(const HorizonCase& horizon) : c(horizon), h(horizon.dt / 3600.0) {}

  const HorizonCase& c;
  double h;  // hours per step
  LinearProgram lp;
  std::vector<int> peak;  // per month, -1 without a demand charge
  std::vector<StepColumns> steps;

  // Each month's peak, above what it has already reached; charged at the demand price.
  void addPeaks() {
    for (double reached : c.month_peak) {
      peak.push_back(c.demand_price > 0 ? lp.addColumn(c.demand_price * kW, reached / kW, kInf)
                                        : -1);
    }
  }

  // The balance at step t: import - export + discharge - charge - managed EV charging = net load.
  int addBalance(size_t t, StepColumns& s) {
    const double net = c.net[t] / kW;
    const double price = c.price[t] * kWh;
    const int balance = lp.addRow(net, net);
    s.imp = lp.addColumn(price * h, 0.0, c.import_limit / kW);
    lp.add(balance, s.imp, 1.0);
    const double surplus = std::max(-net, 0.0);
    const double export_cap = std::min(surplus, c.export_limit / kW);
    if (export_cap > 0.0) {
      // Where energy is cheaper than the export price, exporting and importing at once would be a
      // paper profit the meter (one net flow) does not pay: export is valued at most at the price.
      const int exp = lp.addColumn(-std::min(c.export_price, c.price[t]) * kWh * h, 0, export_cap);
      lp.add(balance, exp, -1.0);
    }
    if (std::isfinite(c.import_limit)) {
      s.unserved = lp.addColumn(kLimitPenalty, 0.0, kInf);
      lp.add(balance, s.unserved, 1.0);
    }
    if (surplus > export_cap) {
      s.spill = lp.addColumn(kLimitPenalty, 0.0, kInf);
      lp.add(balance, s.spill, -1.0);
    }
    const int month = peak[static_cast<size_t>(c.month[t])];
    if (month >= 0) {
      const int row = lp.addRow(-kInf, 0.0);
      lp.add(row, s.imp, 1.0);
      lp.add(row, month, -1.0);
    }
    return balance;
  }

  // Battery b at step t: charge and discharge at the AC terminals and the energy in the cells.
  void addBattery(size_t t, size_t b, int balance, int need, StepColumns& s) {
    const BatteryCase& bc = c.batteries[b];
    const physics::BatteryRating& r = bc.rating;
    const double keep = std::pow(1.0 - r.self_discharge, c.dt / 86400.0);
    const double start = bc.stored / kWh;
    const double decayed = start * std::pow(keep, static_cast<double>(t + 1));
    // The SOC window, widened where self-discharge alone (or fade) already put the start outside.
    const double lo = std::min(r.soc_min * bc.capacity / kWh, decayed);
    const double hi = std::max(r.soc_max * bc.capacity / kWh, decayed);
    const double degradation = bc.degradation_cost * kWh * h;
    const bool last = t + 1 == c.net.size();
    // Energy left at the end is worth the least it can save: the lowest price times eta_d.
    const double terminal =
        last ? -*std::min_element(c.price.begin(), c.price.end()) * kWh * r.discharge_efficiency
             : 0.0;
    const int ch = lp.addColumn(0.0, 0.0, r.charge_power / kW);
    const int dis = lp.addColumn(degradation, 0.0, r.discharge_power / kW);
    const int energy = lp.addColumn(terminal, lo, hi);
    lp.add(balance, ch, -1.0);
    lp.add(balance, dis, 1.0);
    // E_t - keep E_(t-1) - eta_c h ch + h / eta_d (dis + event) = keep E_0 at t = 0, else 0.
    const int row = t == 0 ? lp.addRow(keep * start, keep * start) : lp.addRow(0.0, 0.0);
    lp.add(row, energy, 1.0);
    if (t > 0) lp.add(row, steps[t - 1].energy[b], -keep);
    lp.add(row, ch, -r.charge_efficiency * h);
    lp.add(row, dis, h / r.discharge_efficiency);
    if (need >= 0) {
      const int event = lp.addColumn(degradation, 0.0, r.discharge_power / kW);
      lp.add(balance, event, 1.0);
      lp.add(need, event, 1.0);
      lp.add(row, event, h / r.discharge_efficiency);
      const int limit = lp.addRow(-kInf, r.discharge_power / kW);
      lp.add(limit, dis, 1.0);
      lp.add(limit, event, 1.0);
    }
    s.ch.push_back(ch);
    s.dis.push_back(dis);
    s.energy.push_back(energy);
  }

  // Flexible demand d at step t: its power and the energy drawn up to the step's end.
  void addDemand(size_t t, size_t d, int balance, StepColumns& s) {
    const FlexibleDemand& f = c.demands[d];
    const int power = lp.addColumn(0.0, 0.0, f.power_max[t] / kW);
    const int drawn = lp.addColumn(0.0, f.energy_min[t] / kWh, f.energy_max[t] / kWh);
    lp.add(balance, power, -1.0);
    const int row = lp.addRow(0.0, 0.0);  // drawn_t - drawn_(t-1) - h power_t = 0
    lp.add(row, drawn, 1.0);
    if (t > 0) lp.add(row, steps[t - 1].drawn[d], -1.0);
    lp.add(row, power, -h);
    s.demand.push_back(power);
    s.drawn.push_back(drawn);
  }

  void build() {
    addPeaks();
    steps.resize(c.net.size());
    for (size_t t = 0; t < c.net.size(); ++t) {
      StepColumns& s = steps[t];
      const int balance = addBalance(t, s);
      int need = -1;
      if (!c.event_need.empty() && c.event_need[t] > 0.0) {
        need = lp.addRow(c.event_need[t] / kW, kInf);
        lp.add(need, lp.addColumn(kEventPenalty, 0.0, kInf), 1.0);  // the part left unmet
      }
      for (size_t b = 0; b < c.batteries.size(); ++b) addBattery(t, b, balance, need, s);
      for (size_t d = 0; d < c.demands.size(); ++d) addDemand(t, d, balance, s);
    }
  }

  // The steps where a limit had to be broken; the first one's binding constraint in words.
  void findFaults(const std::vector<double>& x, HorizonPlan& plan) const {
    plan.faulted.assign(steps.size(), 0);
    for (size_t t = 0; t < steps.size(); ++t) {
      const auto broken = [&](int col) { return col >= 0 && x[col] > kFaultTolerance; };
      const StepColumns& s = steps[t];
      if (!broken(s.unserved) && !broken(s.spill)) continue;
      plan.faulted[t] = 1;
      if (plan.fault_step >= 0) continue;
      plan.fault_step = static_cast<long>(t);
      plan.binding =
          broken(s.unserved)
              ? fmt::format(
                    "the import limit of {:.1f} kW: the park draws {:.1f} kW more than it "
                    "allows with every battery discharging",
                    c.import_limit / kW, x[s.unserved])
              : fmt::format(
                    "the export limit of {:.1f} kW: the PV surplus exceeds it by {:.1f} kW "
                    "more than the batteries can take",
                    c.export_limit / kW, x[s.spill]);
    }
  }
};

}  // namespace

HorizonPlan planHorizon(const HorizonCase& c) {
  Builder builder(c);
  builder.build();
  const LpSolution solution = solve(builder.lp);
  HorizonPlan plan;
  plan.iterations = solution.iterations;
  if (!solution.optimal) {
    plan.faulted.assign(c.net.size(), 1);
    plan.fault_step = 0;
    plan.binding = "the solver (CLP) stopped: " + solution.status;
    return plan;
  }
  const std::vector<double>& x = solution.x;
  plan.solved = true;
  builder.findFaults(x, plan);
  plan.feasible = plan.fault_step < 0;
  plan.objective = solution.objective;
  for (const StepColumns& s : builder.steps) {
    for (size_t b = 0; b < s.ch.size(); ++b) plan.power.push_back((x[s.dis[b]] - x[s.ch[b]]) * kW);
    for (const int col : s.demand) plan.demand_power.push_back(x[col] * kW);
  }
  for (const int col : builder.peak) plan.peak.push_back(col >= 0 ? x[col] * kW : kInf);
  return plan;
}

}  // namespace twin::dispatch
