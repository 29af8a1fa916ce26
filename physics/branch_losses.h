// Losses in the park's radial network branches at nominal voltage.
// Transformer: P_loss = P0 + Pk (S/Sr)^2, the no-load + load-loss model of IEC 60076-1 and the
// basis of the GB 20052 grades. Cable: three-phase I^2 R with I = S / (sqrt(3) V_nominal), a
// first-order simplification (no voltage-drop solution) until the AC power flow replaces it.
#pragma once

namespace physics {

struct TransformerRating {
  double rated_power = 0.0;   // VA, Sr > 0
  double no_load_loss = 0.0;  // W, P0 >= 0
  double load_loss = 0.0;     // W, Pk >= 0, at rated current (75 C / 120 C reference)
};

struct TransformerLosses {
  double loading = 0.0;  // S / Sr, dimensionless
  double losses = 0.0;   // W
};

// apparent_power: VA, >= 0, the power through the transformer.
TransformerLosses transformerLosses(const TransformerRating& rating, double apparent_power);

struct CableRating {
  double nominal_voltage = 0.0;  // V line-to-line, > 0
  double resistance = 0.0;       // ohm per phase (whole length), >= 0
};

struct CableFlow {
  double current = 0.0;  // A per phase
  double losses = 0.0;   // W, all three phases
};

// apparent_power: VA, >= 0.
CableFlow cableFlowAtNominalVoltage(const CableRating& cable, double apparent_power);

}  // namespace physics
