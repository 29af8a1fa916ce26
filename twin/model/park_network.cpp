#include "twin/model/park_network.h"

#include <cmath>

namespace twin {

physics::PfNetwork parkPowerFlowCase(const Network& network) {
  physics::PfNetwork pf;
  pf.base_mva = kPowerFlowBase / 1e6;
  pf.buses.resize(network.buses.size());
  pf.buses[static_cast<size_t>(network.grid_bus)].type = physics::BusType::kSlack;
  pf.gens.push_back(physics::PfGen{.bus = network.grid_bus, .vg = network.grid_voltage});
  for (const Cable& c : network.cables) {
    const double v = network.buses[static_cast<size_t>(c.from)].nominal_voltage;
    const double z_base = v * v / kPowerFlowBase;
    pf.branches.push_back(physics::PfBranch{
        .from = c.from, .to = c.to, .r = c.resistance / z_base, .x = c.reactance / z_base});
  }
  for (const Transformer& t : network.transformers) {
    const double to_system = kPowerFlowBase / t.rating.rated_power;
    const double r = t.rating.load_loss / t.rating.rated_power;
    const double x = std::sqrt(t.impedance * t.impedance - r * r);
    pf.branches.push_back(physics::PfBranch{
        .from = t.from, .to = t.to, .r = r * to_system, .x = x * to_system, .ratio = 1.0 + t.tap});
    pf.buses[static_cast<size_t>(t.from)].gs += t.rating.no_load_loss / kPowerFlowBase;
  }
  return pf;
}

}  // namespace twin
