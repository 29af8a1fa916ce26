// Sums of periodic terms vectorised over the terms (Highway, runtime dispatch as pv_series.h):
// NREL SPA's Earth series and nutation (solar_position.cpp), several hundred cosines per instant.
// The cosines are Highway's (contrib/math, 3 ulp on its valid range |x| <= 39000 rad), the terms
// summed a vector at a time, so the last bits of a sum depend on the SIMD width of the machine,
// never on threads. Where an argument could leave that range (the nutation's beyond about 1907 and
// 2093, the Earth series' beyond 1758 and 2242), a sum is taken term by term with libm instead.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

namespace physics {

// Terms A cos(B + C tau), column by column.
class CosineTerms {
 public:
  void add(double a, double b, double c);
  double sum(double tau) const;  // sum of A cos(B + C tau)

 private:
  std::array<std::vector<double>, 3> columns_;  // A, B, C; padded with zero terms
  std::size_t terms_ = 0;
  double max_b_ = 0.0, max_c_ = 0.0;  // largest |B| and |C|
};

// Nutation terms (Reda & Andreas 2004 Table A4.3): with arg = sum_j Y_j X_j,
// psi = sum (a + b t) sin(arg) and epsilon = sum (c + d t) cos(arg).
class NutationTerms {
 public:
  void add(const std::array<double, 5>& y, double a, double b, double c, double d);
  struct Sums {
    double psi = 0.0;
    double epsilon = 0.0;
  };
  Sums sum(const std::array<double, 5>& x, double t) const;

 private:
  std::array<std::vector<double>, 9> columns_;  // Y0..Y4, a, b, c, d; padded with zero terms
  std::size_t terms_ = 0;
  std::array<double, 5> max_y_{};  // largest |Y_j|
};

}  // namespace physics
