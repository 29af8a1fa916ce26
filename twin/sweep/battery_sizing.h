// `parktwin size` (docs/dispatch.md): a battery's energy and power searched over simulated years,
// and optionally which of the scenario's new PV arrays to install with it. A coarse grid over the
// two ranges, then refinements around the best size, each at half the previous step; with PV
// options, a greedy pass after the grid and after the last refinement leaves out or puts back one
// array at a time at the best size while that improves the objective (a coordinate search: a local
// optimum, a simplification). Every size is a year of the park with the battery at that size and
// those arrays, its measures priced again, valued against the park's baseline the way `parktwin
// compare` values a scenario (twin/economics/cash_flow.h).
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "twin/economics/cash_flow.h"
#include "twin/engine/kpi.h"
#include "twin/model/time_grid.h"

namespace twin::sweep {

enum class SizingObjective { kNpv, kPayback, kCo2 };
inline constexpr std::array<std::string_view, 3> kSizingObjectiveNames = {"npv", "payback", "co2"};

struct SizeRange {
  double min = 0.0;  // SI (J or W), 0 <= min <= max
  double max = 0.0;
};

struct SizingCase {
  const ParkModel* baseline = nullptr;  // what the sizes are valued against
  const ParkModel* model = nullptr;     // the park (baseline or scenario) with the battery
  size_t battery = 0;                   // index into model->storage
  TimeGrid grid;
  SizeRange energy;
  SizeRange power;
  SizingObjective objective = SizingObjective::kNpv;
  std::vector<std::string> pv_options;  // ids of model->pv the search may leave out (--pv)
  std::optional<Kpis> baseline_kpis;    // the baseline's run over grid, when already made
  int grid_points = 5;                  // per range in the coarse grid
  int refinements = 2;                  // rounds around the best, each at half the step
};

struct SizingPoint {
  double energy = 0.0;   // J
  double power = 0.0;    // W, charge and discharge
  std::vector<bool> pv;  // per SizingCase::pv_options: installed
  int round = 0;         // 0: the coarse grid; 1, 2, ...: refinements
  Kpis kpis;
  economics::Appraisal appraisal;
};

struct SizingResult {
  Kpis baseline;
  std::vector<SizingPoint> points;  // in the order tried
  size_t best = 0;                  // into points
};

// The model with battery b at (energy, power) and its measures priced again; a size of 0 (either
// figure) removes the battery, and a battery measure left with nothing to install with it.
ParkModel withBatterySize(const ParkModel& model, size_t b, double energy, double power);

// The model without the PV arrays `ids`, its measures priced again; a pv measure left with
// nothing to install goes with them.
ParkModel withoutPvArrays(const ParkModel& model, const std::vector<std::string>& ids);

// The PV options a point installs, in the order of SizingCase::pv_options, and as a label: joined
// by "+" ("none" when it leaves all out).
std::vector<std::string> installedPv(const SizingCase& c, const SizingPoint& p);
std::string pvLabel(const SizingCase& c, const SizingPoint& p);

// The model of a point: its PV options left out where not installed, the battery at its size.
ParkModel sizedModel(const SizingCase& c, const SizingPoint& p);

// Whether point a is better than b for the objective: the higher NPV; the shorter simple payback
// (none is worst); the more CO2 avoided. Ties go to the higher NPV, then to neither.
bool better(const SizingPoint& a, const SizingPoint& b, SizingObjective objective);

// Runs the search; sizes of one round run in parallel. progress(done) after each size.
SizingResult sizeBattery(const SizingCase& c, const std::function<void(size_t)>& progress = {});

}  // namespace twin::sweep
