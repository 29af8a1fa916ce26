#include "twin/sweep/battery_sizing.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "twin/base/text.h"
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

bool sameSize(const SizingPoint& p, const SizingPoint& q) {
  return std::abs(p.energy - q.energy) <= 1e-9 * std::max(1.0, q.energy) &&
         std::abs(p.power - q.power) <= 1e-9 * std::max(1.0, q.power) && p.pv == q.pv;
}

bool tried(const std::vector<SizingPoint>& points, const SizingPoint& q) {
  return std::any_of(points.begin(), points.end(),
                     [&](const SizingPoint& p) { return sameSize(p, q); });
}

// The year of each candidate, in parallel; appended to points in the order given.
void evaluate(const SizingCase& c, const Kpis& base, std::vector<SizingPoint> candidates, int round,
              std::vector<SizingPoint>& points, const std::function<void(size_t)>& progress) {
  runJobs(candidates.size(), [&](size_t i) {
    SizingPoint& p = candidates[i];
    p.round = round;
    const ParkModel model = sizedModel(c, p);
    p.kpis = runSimulation(model, c.grid, nullptr);
    economics::InvestmentCase ic;
    ic.investments = model.investments();
    ic.annual_savings = base.total.cost() - p.kpis.total.cost();
    ic.energy_saved = base.total.import_energy - p.kpis.total.import_energy;
    ic.co2_avoided = base.total.co2 - p.kpis.total.co2;
    p.appraisal = economics::appraise(ic, model.economics);
  });
  for (SizingPoint& p : candidates) {
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

// The sizes around the best, step away in each range, clipped to it, not tried before; with the
// best's PV arrays.
std::vector<SizingPoint> around(const SizingCase& c, const SizingPoint& best, double de, double dp,
                                const std::vector<SizingPoint>& points) {
  std::vector<SizingPoint> out;
  for (const double e : {best.energy - de, best.energy, best.energy + de}) {
    for (const double p : {best.power - dp, best.power, best.power + dp}) {
      if (e < c.energy.min || e > c.energy.max || p < c.power.min || p > c.power.max) continue;
      SizingPoint q;
      q.energy = e;
      q.power = p;
      q.pv = best.pv;
      if (!tried(points, q) && !tried(out, q)) out.push_back(std::move(q));
    }
  }
  return out;
}

// Toggles one PV option at a time at the best size while that finds a better point.
void pvPass(const SizingCase& c, const Kpis& base, int round, std::vector<SizingPoint>& points,
            const std::function<void(size_t)>& progress) {
  for (;;) {
    const size_t before = bestOf(points, c.objective);
    std::vector<SizingPoint> toggles;
    for (size_t i = 0; i < c.pv_options.size(); ++i) {
      SizingPoint q;
      q.energy = points[before].energy;
      q.power = points[before].power;
      q.pv = points[before].pv;
      q.pv[i] = !q.pv[i];
      if (!tried(points, q)) toggles.push_back(std::move(q));
    }
    if (toggles.empty()) return;
    evaluate(c, base, std::move(toggles), round, points, progress);
    if (bestOf(points, c.objective) == before) return;
  }
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

ParkModel withoutPvArrays(const ParkModel& model, const std::vector<std::string>& ids) {
  ParkModel out = model;
  const auto listed = [&](const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  std::erase_if(out.pv, [&](const PvArray& a) { return listed(a.id); });
  for (Measure& m : out.measures) std::erase_if(m.ids, listed);
  std::erase_if(out.measures,
                [](const Measure& m) { return m.kind == MeasureKind::kPv && m.ids.empty(); });
  for (Measure& m : out.measures) priceMeasure(m, out);
  return out;
}

std::vector<std::string> installedPv(const SizingCase& c, const SizingPoint& p) {
  std::vector<std::string> out;
  for (size_t i = 0; i < c.pv_options.size(); ++i) {
    if (p.pv[i]) out.push_back(c.pv_options[i]);
  }
  return out;
}

std::string pvLabel(const SizingCase& c, const SizingPoint& p) {
  const std::vector<std::string> ids = installedPv(c, p);
  return ids.empty() ? "none" : join(ids, "+");
}

ParkModel sizedModel(const SizingCase& c, const SizingPoint& p) {
  std::vector<std::string> left_out;
  for (size_t i = 0; i < c.pv_options.size(); ++i) {
    if (!p.pv[i]) left_out.push_back(c.pv_options[i]);
  }
  const ParkModel model = left_out.empty() ? *c.model : withoutPvArrays(*c.model, left_out);
  return withBatterySize(model, c.battery, p.energy, p.power);
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
  result.baseline =
      c.baseline_kpis ? *c.baseline_kpis : runSimulation(*c.baseline, c.grid, nullptr);
  std::vector<SizingPoint> grid;
  for (const double e : gridValues(c.energy, c.grid_points)) {
    for (const double p : gridValues(c.power, c.grid_points)) {
      SizingPoint q;
      q.energy = e;
      q.power = p;
      q.pv.assign(c.pv_options.size(), true);
      grid.push_back(std::move(q));
    }
  }
  evaluate(c, result.baseline, std::move(grid), 0, result.points, progress);
  pvPass(c, result.baseline, 0, result.points, progress);
  double de = step(c.energy, c.grid_points), dp = step(c.power, c.grid_points);
  for (int round = 1; round <= c.refinements; ++round) {
    de /= 2.0;
    dp /= 2.0;
    const SizingPoint best = result.points[bestOf(result.points, c.objective)];
    evaluate(c, result.baseline, around(c, best, de, dp, result.points), round, result.points,
             progress);
  }
  pvPass(c, result.baseline, c.refinements, result.points, progress);
  result.best = bestOf(result.points, c.objective);
  return result;
}

}  // namespace twin::sweep
