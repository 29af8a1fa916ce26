#include "physics/branch_losses.h"

namespace physics {

TransformerLosses transformerLosses(const TransformerRating& rating, double apparent_power) {
  TransformerLosses out;
  out.loading = apparent_power / rating.rated_power;
  out.losses = rating.no_load_loss + rating.load_loss * out.loading * out.loading;
  return out;
}

}  // namespace physics
