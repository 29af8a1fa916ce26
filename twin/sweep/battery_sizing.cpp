#include "twin/sweep/battery_sizing.h"

#include <cmath>
#include <limits>

#include "twin/engine/engine.h"
#include "twin/model/compile_measures.h"

namespace twin::sweep {
namespace {

// n evenly spaced values from min to max (one when they are equal).
std::vector<double> gridValues(const SizeRange& r, int n) {
  if (r.max <= r.min || n < 2) return {r.min};
  std::vector<double> out;
  for (int i = 0; i < n; ++i) out.push_back(r.min + (r.max - r.min) * i / (n - 1));
  return out;
}

double step(const SizeRange& r, int n) { return n < 2 ? 0.0 : (r.max - r.min) / (n - 1); }

bool sameSize(const SizingPoint& p, double energy, double power) {
  return std::abs(p.energy - energy) <= 1e-9 * std::max(1.0, energy) &&
         std::abs(p.power - power) <= 1e-9 * std::max(1.0, power);
}

// The year at each size, in parallel; appended to points in the order given.
void evaluate(const SizingCase& c, const Kpis& base,
              const std::vector<std::pair<double, double>>& sizes, int round,
              std::vector<SizingPoint>& points, const std::function<void(size_t)>& progress) {
  std::vector<SizingPoint> out(sizes.size());
  runJobs(sizes.size(), [&](size_t i) {
    SizingPoint& p = out[i];
    p.energy = sizes[i].first;
    p.power = sizes[i].second;
    p.round = round;
    const ParkModel model = withBatterySize(*c.model, c.battery, p.energy, p.power);
    p.kpis = runSimulation(model, c.grid, nullptr);
    economics::InvestmentCase ic;
    ic.investments = model.investments();
    ic.annual_savings = base.total.cost() - p.kpis.total.cost();
    ic.energy_saved = base.total.import_energy - p.kpis.total.import_energy;
    ic.co2_avoided = base.total.co2 - p.kpis.total.co2;
    p.appraisal = economics::appraise(ic, model.economics);
  });
  for (SizingPoint& p : out) {
    points.push_back(std::move(p));
    if (progress) progress(points.size());
  }
}

size_t bestOf(const std::vector<SizingPoint>& points, SizingObjective objective) {
  size_t best = 0;
  for (size_t i = 1; i < points.size(); ++i) {
    if (better(points[i], points[best], objective)) best = i;
  }
  return best;
}

// The sizes around the best, step away in each range, clipped to it, not tried before.
std::vector<std::pair<double, double>> around(const SizingCase& c, const SizingPoint& best,
                                              double de, double dp,
                                              const std::vector<SizingPoint>& tried) {
  std::vector<std::pair<double, double>> out;
  for (const double e : {best.energy - de, best.energy, best.energy + de}) {
    for (const double p : {best.power - dp, best.power, best.power + dp}) {
      if (e < c.energy.min || e > c.energy.max || p < c.power.min || p > c.power.max) continue;
      bool seen = false;
      for (const SizingPoint& t : tried) seen = seen || sameSize(t, e, p);
      for (const auto& [oe, op] : out) seen = seen || (oe == e && op == p);
      if (!seen) out.emplace_back(e, p);
    }
  }
  return out;
}

}  // namespace

ParkModel withBatterySize(const ParkModel& model, size_t b, double energy, double power) {
  ParkModel out = model;
  if (energy <= 0.0 || power <= 0.0) {
    const std::string id = out.storage[b].id;
    out.storage.erase(out.storage.begin() + static_cast<long>(b));
    for (Measure& m : out.measures) std::erase(m.ids, id);
    // A measure left with nothing to install costs nothing, whatever its `cost:` states.
    std::erase_if(out.measures, [](const Measure& m) {
      return m.kind == MeasureKind::kBattery && m.ids.empty();
    });
  } else {
    physics::BatteryRating& r = out.storage[b].rating;
    r.energy_capacity = energy;
    r.charge_power = r.discharge_power = power;
  }
  for (Measure& m : out.measures) priceMeasure(m, out);
  return out;
}

bool better(const SizingPoint& a, const SizingPoint& b, SizingObjective objective) {
  const auto primary = [&](const SizingPoint& p) {
    switch (objective) {
      case SizingObjective::kPayback:
        return p.appraisal.simple_payback ? -*p.appraisal.simple_payback
                                          : -std::numeric_limits<double>::infinity();
      case SizingObjective::kCo2:
        return p.appraisal.co2_avoided;
      case SizingObjective::kNpv:
        break;
    }
    return p.appraisal.npv;
  };
  const double pa = primary(a), pb = primary(b);
  if (pa != pb) return pa > pb;
  return a.appraisal.npv > b.appraisal.npv;
}

SizingResult sizeBattery(const SizingCase& c, const std::function<void(size_t)>& progress) {
  SizingResult result;
  result.baseline = runSimulation(*c.baseline, c.grid, nullptr);
  std::vector<std::pair<double, double>> sizes;
  for (const double e : gridValues(c.energy, c.grid_points)) {
    for (const double p : gridValues(c.power, c.grid_points)) sizes.emplace_back(e, p);
  }
  evaluate(c, result.baseline, sizes, 0, result.points, progress);
  double de = step(c.energy, c.grid_points), dp = step(c.power, c.grid_points);
  for (int round = 1; round <= c.refinements; ++round) {
    de /= 2.0;
    dp /= 2.0;
    const SizingPoint best = result.points[bestOf(result.points, c.objective)];
    evaluate(c, result.baseline, around(c, best, de, dp, result.points), round, result.points,
             progress);
  }
  result.best = bestOf(result.points, c.objective);
  return result;
}

}  // namespace twin::sweep
