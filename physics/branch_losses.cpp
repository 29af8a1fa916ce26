#include "physics/branch_losses.h"

#include <cmath>

namespace physics {

TransformerLosses transformerLosses(const TransformerRating& rating, double apparent_power) {
  TransformerLosses out;
  out.loading = apparent_power / rating.rated_power;
  out.losses = rating.no_load_loss + rating.load_loss * out.loading * out.loading;
  return out;
}

CableFlow cableFlowAtNominalVoltage(const CableRating& cable, double apparent_power) {
  CableFlow out;
  out.current = apparent_power / (std::sqrt(3.0) * cable.nominal_voltage);
  out.losses = 3.0 * out.current * out.current * cable.resistance;
  return out;
}

}  // namespace physics
