// Branch losses at nominal voltage. Transformer: P = P0 + Pk (S/Sr)^2 (IEC 60076-1 load-loss
// definition; the basis of GB 20052). Reference values are computed by hand; tolerance 1e-12
// relative (the formulas are exact).
#include "physics/branch_losses.h"

#include <gtest/gtest.h>

#include <cmath>

namespace physics {
namespace {

TEST(TransformerLosses, NoLoadPlusLoadLossTimesLoadingSquared) {
  // GB 20052-2024 Table 1, 1250 kVA oil-immersed, electrical steel, grade 3: P0 = 0.97 kW,
  // Pk = 12.0 kW.
  const TransformerRating r{1250e3, 0.97e3, 12.0e3};
  EXPECT_DOUBLE_EQ(transformerLosses(r, 0.0).losses, 0.97e3);
  EXPECT_DOUBLE_EQ(transformerLosses(r, 1250e3).losses, 12.97e3);
  const TransformerLosses half = transformerLosses(r, 625e3);
  EXPECT_DOUBLE_EQ(half.loading, 0.5);
  EXPECT_NEAR(half.losses, 0.97e3 + 12.0e3 / 4, 1e-9);
  // Load losses rise with the square of the loading.
  const double l1 = transformerLosses(r, 300e3).losses - r.no_load_loss;
  const double l2 = transformerLosses(r, 600e3).losses - r.no_load_loss;
  EXPECT_NEAR(l2 / l1, 4.0, 1e-12);
}

}  // namespace
}  // namespace physics
