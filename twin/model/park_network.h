// The park's network as an AC power-flow case (physics/power_flow.h), on a 1 MVA base with each
// bus's nominal voltage as its voltage base. The grid bus is the slack, held at
// Network::grid_voltage. Cables are series impedances (no charging: low-voltage and short
// medium-voltage cables). A transformer is a series impedance from its nameplate (resistance
// from the load loss, Pk / Sr; reactance the rest of the short-circuit impedance uk), an ideal
// tap on the high-voltage side, and its no-load loss as a shunt conductance at its high-voltage
// bus (P0 at nominal voltage; the magnetising reactive power is neglected). Branches are the
// cables in model order, then the transformers.
#pragma once

#include "physics/power_flow.h"
#include "twin/model/model.h"

namespace twin {

inline constexpr double kPowerFlowBase = 1e6;             // VA
inline constexpr double kParkPowerFlowTolerance = 1e-10;  // pu on kPowerFlowBase: 0.1 mW

physics::PfNetwork parkPowerFlowCase(const Network& network);

}  // namespace twin
