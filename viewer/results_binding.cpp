#include "viewer/results_binding.h"

#include <cmath>
#include <limits>

#include "twin/base/units.h"
#include "twin/model/park_occluders.h"
#include "twin/model/park_sun.h"

namespace viewer {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kFlowSpeedMin = 4.0;   // m/s of the markers at light load
constexpr double kFlowSpeedGain = 0.4;  // m/s per % of loading

// A ratio (SI) in % for legends (NaN stays NaN).
double percent(double ratio) { return twin::fromSi(ratio, "%"); }

size_t colorAll(const ResultsData& r, Quantity q, size_t step, ColorMap map, MergedMesh& mesh,
                const Legend& legend) {
  size_t changed = 0;
  for (size_t i = 0; i < mesh.parts(); ++i) {
    changed += mesh.setColor(i, legend.color(legendValue(r, q, i, step), map)) ? 1 : 0;
  }
  if (changed > 0) mesh.commit();
  return changed;
}

// PV by shading: module by module where the file has each module's loss, else the array's.
size_t colorPvShading(const ResultsData& r, ColorMap map, MergedMesh& mesh, const Legend& legend) {
  size_t changed = 0;
  for (size_t i = 0; i < mesh.parts(); ++i) {
    const std::vector<double>* modules =
        i < r.pv_module_shading_loss.size() ? &r.pv_module_shading_loss[i] : nullptr;
    if (!modules || modules->empty() || modules->size() != mesh.quadCount(i)) {
      changed += mesh.setColor(i, legend.color(legendValue(r, Quantity::kPvShading, i, 0), map));
      continue;
    }
    for (size_t q = 0; q < modules->size(); ++q) {
      changed += mesh.setQuadColor(i, q, legend.color(percent((*modules)[q]), map)) ? 1 : 0;
    }
  }
  if (changed > 0) mesh.commit();
  return changed;
}

// Net load (W) below each bus: the loads minus PV of the bus and the buses it feeds (the flow
// direction in results files without cable/power_kW).
std::vector<double> downstreamPower(const ResultsData& r, size_t step) {
  const twin::Network& n = r.model.network;
  std::vector<double> below(n.buses.size(), 0.0);
  for (size_t b = 0; b < n.buses.size(); ++b) {
    const double p = r.bus_net_power.at(step, b);
    if (std::isnan(p)) continue;
    for (int k = int(b); k >= 0 && size_t(k) < n.feeders.size(); k = n.feeders[size_t(k)].parent) {
      below[size_t(k)] += p;
    }
  }
  return below;
}

}  // namespace

std::array<Legend, kQuantityCount> makeLegends(const ResultsData& r) {
  const double tolerance = twin::fromSi(r.model.network.voltage_tolerance, "%");
  return {{{"PV output", "% of kWp", 0.0, 80.0, false},
           {"Motor efficiency / nameplate", "%", 85.0, 100.0, false},
           {"Load power / rating", "%", 0.0, 100.0, true},
           {"Transformer loading", "%", 0.0, 100.0, true},
           {"Bus voltage deviation", "%", 0.0, tolerance, true},
           {"Cable loading", "%", 0.0, 100.0, true},
           {"PV shading loss (year)", "%", 0.0, 20.0, true}}};
}

double legendValue(const ResultsData& r, Quantity q, size_t i, size_t step) {
  const twin::ParkModel& m = r.model;
  switch (q) {
    case Quantity::kPv: {
      const double kwp = m.pv[i].dc_capacity;
      const double p = r.pv_ac_power.at(step, i);
      // Idle (grey) rather than "0 %" red at night: the array is not failing.
      if (!(kwp > 0) || (p <= 0 && step < r.times.size() &&
                         twin::sunAtInstant(m, double(r.times[step])).apparent_elevation() <= 0)) {
        return kNaN;
      }
      return percent(p / kwp);
    }
    case Quantity::kMotor: {
      // Measured where the motor was metered (constant over time), else the simulation's.
      const double eta = i < r.measured.size() && !std::isnan(r.measured[i].efficiency)
                             ? r.measured[i].efficiency
                             : r.motor_efficiency.at(step, i);
      if (!(eta > 0)) return kNaN;  // stopped or no data
      return percent(eta / m.motors[i].nameplate.rated_efficiency);
    }
    case Quantity::kLoad: {
      const double rated = m.loads[i].rated_power;
      return rated > 0 ? percent(r.load_power.at(step, i) / rated) : kNaN;
    }
    case Quantity::kTransformer:
      return percent(r.transformer_loading.at(step, i));
    case Quantity::kBus:
      return percent(std::abs(r.bus_voltage.at(step, i) - 1.0));
    case Quantity::kCable:
      return percent(r.cable_loading.at(step, i));
    case Quantity::kPvShading:
      return i < r.pv_shading_loss.size() ? percent(r.pv_shading_loss[i]) : kNaN;
  }
  return kNaN;
}

size_t applyStep(const ResultsData& r, size_t step, ColorMap map, ParkScene& scene, Quantity pv) {
  const std::array<Legend, kQuantityCount> legends = makeLegends(r);
  auto legend = [&](Quantity q) { return legends[size_t(q)]; };
  size_t changed = 0;
  changed += pv == Quantity::kPvShading ? colorPvShading(r, map, scene.pv(), legend(pv))
                                        : colorAll(r, pv, step, map, scene.pv(), legend(pv));
  changed += colorAll(r, Quantity::kPv, step, map, scene.inverters(), legend(Quantity::kPv));
  if (step < r.times.size()) {
    const physics::SolarPosition sun = twin::sunAtInstant(r.model, double(r.times[step]));
    scene.setSun(twin::sunDirection(sun.apparent_zenith, sun.azimuth));
  }
  changed += colorAll(r, Quantity::kMotor, step, map, scene.motors(), legend(Quantity::kMotor));
  changed += colorAll(r, Quantity::kLoad, step, map, scene.loads(), legend(Quantity::kLoad));
  changed += colorAll(r, Quantity::kTransformer, step, map, scene.transformers(),
                      legend(Quantity::kTransformer));
  changed += colorAll(r, Quantity::kBus, step, map, scene.buses(), legend(Quantity::kBus));
  changed += colorAll(r, Quantity::kCable, step, map, scene.cables(), legend(Quantity::kCable));
  const std::vector<double> below =
      r.cable_power.present() ? std::vector<double>() : downstreamPower(r, step);
  for (size_t c = 0; c < r.model.network.cables.size(); ++c) {
    const twin::Cable& cable = r.model.network.cables[c];
    const double loading = percent(r.cable_loading.at(step, c));
    // The cable's own power where the file has it, else the net load of the buses it feeds.
    const double p = r.cable_power.present() ? r.cable_power.at(step, c) : below[size_t(cable.to)];
    const double speed = std::isnan(loading) || std::isnan(p) || std::abs(p) < 1e-3
                             ? 0.0
                             : kFlowSpeedMin + kFlowSpeedGain * loading;
    scene.flows().setSpeed(c, p >= 0 ? speed : -speed);
  }
  return changed;
}

}  // namespace viewer
