// Transformer losses at a loading: P_loss = P0 + Pk (S/Sr)^2, the no-load + load-loss model of
// IEC 60076-1 and the basis of the GB 20052 grades (the park's power flow applies the same model
// through the transformer's series resistance and shunt conductance, twin/model/park_network.h).
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

}  // namespace physics
