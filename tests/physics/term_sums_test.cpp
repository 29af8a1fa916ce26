// The vectorised sums of periodic terms (term_sums.h) against the same sums term by term with libm,
// inside Highway's valid range of the cosine (|x| <= 39000 rad) and beyond it, where the sums fall
// back to libm. Tolerance: per unit of amplitude, 1e-15 (1 + the largest argument): the vector
// path forms B + C tau with one rounding (FMA), a few ulp of the argument.
#include "physics/term_sums.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <random>

namespace physics {
namespace {

TEST(TermSums, CosinesMatchLibmInAndBeyondTheVectorRange) {
  std::mt19937 random(19);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (const int count : {1, 3, 8, 9, 64}) {
    CosineTerms terms;
    std::vector<std::array<double, 3>> rows;
    double amplitude = 0.0;
    for (int i = 0; i < count; ++i) {
      rows.push_back({1e5 * unit(random), 6.3 * unit(random), 8e4 * unit(random)});
      terms.add(rows.back()[0], rows.back()[1], rows.back()[2]);
      amplitude += rows.back()[0];
    }
    for (const double tau : {0.025, -0.3, 0.7, 5.0}) {  // 5.0: arguments up to 4e5 rad
      double expected = 0.0;
      for (const auto& r : rows) expected += r[0] * std::cos(r[1] + r[2] * tau);
      const double largest = 6.3 + 8e4 * std::abs(tau);
      EXPECT_NEAR(terms.sum(tau), expected, 1e-15 * (1 + largest) * amplitude)
          << count << " terms, tau " << tau;
    }
  }
}

TEST(TermSums, NutationMatchesLibmInAndBeyondTheVectorRange) {
  NutationTerms terms;
  const std::array<std::array<double, 5>, 3> y = {
      {{0, 0, 0, 0, 1}, {-2, 0, 0, 2, 2}, {0, 1, 2, -2, 1}}};
  const std::array<std::array<double, 4>, 3> abcd = {
      {{-171996, -174.2, 92025, 8.9}, {-13187, -1.6, 5736, -3.1}, {1426, -3.4, 54, -0.1}}};
  for (size_t i = 0; i < y.size(); ++i)
    terms.add(y[i], abcd[i][0], abcd[i][1], abcd[i][2], abcd[i][3]);
  for (const double scale : {1.0, 100.0, 1e4}) {  // arguments of about 8, 800 and 80,000 rad
    const std::array<double, 5> x = {1.1 * scale, 2.2 * scale, 3.3 * scale, 4.4 * scale,
                                     0.5 * scale};
    const double t = 0.2;
    double psi = 0.0, eps = 0.0;
    for (size_t i = 0; i < y.size(); ++i) {
      double arg = 0.0;
      for (size_t j = 0; j < 5; ++j) arg += y[i][j] * x[j];
      psi += (abcd[i][0] + abcd[i][1] * t) * std::sin(arg);
      eps += (abcd[i][2] + abcd[i][3] * t) * std::cos(arg);
    }
    const NutationTerms::Sums s = terms.sum(x, t);
    const double largest = 20 * scale;  // |arg| <= sum_j |Y_j| |X_j|
    EXPECT_NEAR(s.psi, psi, 1e-15 * (1 + largest) * 2e5) << scale;
    EXPECT_NEAR(s.epsilon, eps, 1e-15 * (1 + largest) * 1e5) << scale;
  }
}

}  // namespace
}  // namespace physics
