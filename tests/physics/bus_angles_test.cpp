// busAngles: arg(V) by the vectorised atan2 (SLEEF's 3.5-ulp variant, Shibata & Petrogalli 2020):
// within 3.5 ulp of pi (1.6e-15 rad) of std::arg over all four quadrants, the axes and zero; a
// voltage's angle is the same bits wherever it falls in the vector (whole vectors or the tail).
#include "physics/bus_angles.h"

#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <numbers>
#include <vector>

namespace physics {
namespace {

std::vector<std::complex<double>> voltages() {
  std::vector<std::complex<double>> v = {{1.0, 0.0}, {0.0, 1.0},     {-1.0, 0.0},    {0.0, -1.0},
                                         {0.0, 0.0}, {-1.0, 1e-300}, {-1.0, -1e-300}};
  for (int k = 0; k < 60; ++k) {  // magnitudes 0.9-1.1 pu at angles all round the circle
    const double angle = -std::numbers::pi + 0.1047 * k;
    v.push_back(std::polar(0.9 + 0.2 * std::sin(3.0 * k), angle));
  }
  return v;
}

TEST(BusAngles, MatchArgToAFewUlps) {
  const std::vector<std::complex<double>> v = voltages();
  std::vector<double> angle(v.size());
  busAngles(v.data(), v.size(), angle.data());
  for (size_t i = 0; i < v.size(); ++i) EXPECT_NEAR(angle[i], std::arg(v[i]), 1.6e-15) << i;
  EXPECT_EQ(angle[0], 0.0);
  EXPECT_GT(angle[5], 3.14);   // just above the negative real axis: +pi
  EXPECT_LT(angle[6], -3.14);  // just below: -pi
}

TEST(BusAngles, AnAngleDoesNotDependOnItsPlace) {
  const std::vector<std::complex<double>> v = voltages();
  std::vector<double> together(v.size());
  busAngles(v.data(), v.size(), together.data());
  for (size_t i = 0; i < v.size(); ++i) {
    double alone = 0.0;
    busAngles(&v[i], 1, &alone);
    EXPECT_EQ(alone, together[i]) << i;
  }
}

}  // namespace
}  // namespace physics
