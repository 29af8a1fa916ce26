// term_sums.h: the per-target kernels (Highway's foreach_target includes this file once per SIMD
// target) and, once, the columns' storage and the dispatch.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "physics/term_sums.cpp"
// clang-format off
#include <hwy/foreach_target.h>  // must come before highway.h
#include <hwy/highway.h>
#include <hwy/contrib/math/math-inl.h>
// clang-format on

#include "physics/term_sums.h"

#include <algorithm>
#include <cmath>

HWY_BEFORE_NAMESPACE();
namespace physics::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// The columns hold a whole number of the widest vectors (8 doubles), zero terms at the end.
static_assert(HWY_MAX_BYTES / sizeof(double) <= 8, "term_sums.cpp pads to 8 doubles");

double SumCosines(const double* a, const double* b, const double* c, size_t n, double tau) {
  const hn::ScalableTag<double> d;
  const auto t = hn::Set(d, tau);
  auto sum = hn::Zero(d);
  for (size_t i = 0; i < n; i += hn::Lanes(d)) {
    const auto arg = hn::MulAdd(hn::LoadU(d, c + i), t, hn::LoadU(d, b + i));
    sum = hn::MulAdd(hn::LoadU(d, a + i), hn::Cos(d, arg), sum);
  }
  return hn::GetLane(hn::SumOfLanes(d, sum));
}

// columns: Y0..Y4, a, b, c, d; x: X0..X4; out: psi, epsilon.
void SumNutation(const double* const* columns, const double* x, size_t n, double t, double* out) {
  const hn::ScalableTag<double> d;
  const auto vt = hn::Set(d, t);
  auto psi = hn::Zero(d), eps = hn::Zero(d);
  for (size_t i = 0; i < n; i += hn::Lanes(d)) {
    auto arg = hn::Mul(hn::LoadU(d, columns[0] + i), hn::Set(d, x[0]));
    for (size_t j = 1; j < 5; ++j) {
      arg = hn::MulAdd(hn::LoadU(d, columns[j] + i), hn::Set(d, x[j]), arg);
    }
    const auto psi_amplitude =
        hn::MulAdd(hn::LoadU(d, columns[6] + i), vt, hn::LoadU(d, columns[5] + i));
    const auto eps_amplitude =
        hn::MulAdd(hn::LoadU(d, columns[8] + i), vt, hn::LoadU(d, columns[7] + i));
    psi = hn::MulAdd(psi_amplitude, hn::Sin(d, arg), psi);
    eps = hn::MulAdd(eps_amplitude, hn::Cos(d, arg), eps);
  }
  out[0] = hn::GetLane(hn::SumOfLanes(d, psi));
  out[1] = hn::GetLane(hn::SumOfLanes(d, eps));
}

}  // namespace physics::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace physics {

HWY_EXPORT(SumCosines);
HWY_EXPORT(SumNutation);

namespace {

constexpr double kCosineRange = 39000.0;  // rad: Highway's Sin and Cos are valid within it

// Appends one term's values and pads every column with zeros to a multiple of 8 terms (the widest
// x86 vector; HWY_MAX_BYTES here would be the last target's).
template <std::size_t N>
void appendTerm(std::array<std::vector<double>, N>& columns, std::size_t& terms,
                const std::array<double, N>& values) {
  constexpr std::size_t kPadding = 8;
  const std::size_t padded = (terms + 1 + kPadding - 1) / kPadding * kPadding;
  for (std::size_t k = 0; k < N; ++k) {
    columns[k].resize(padded, 0.0);
    columns[k][terms] = values[k];
  }
  ++terms;
}

}  // namespace

void CosineTerms::add(double a, double b, double c) {
  appendTerm(columns_, terms_, {a, b, c});
  max_b_ = std::max(max_b_, std::abs(b));
  max_c_ = std::max(max_c_, std::abs(c));
}

double CosineTerms::sum(double tau) const {
  if (max_b_ + max_c_ * std::abs(tau) <= kCosineRange) {
    return HWY_DYNAMIC_DISPATCH(SumCosines)(columns_[0].data(), columns_[1].data(),
                                            columns_[2].data(), columns_[0].size(), tau);
  }
  double sum = 0.0;
  for (std::size_t i = 0; i < terms_; ++i) {
    sum += columns_[0][i] * std::cos(columns_[1][i] + columns_[2][i] * tau);
  }
  return sum;
}

void NutationTerms::add(const std::array<double, 5>& y, double a, double b, double c, double d) {
  appendTerm(columns_, terms_, {y[0], y[1], y[2], y[3], y[4], a, b, c, d});
  for (std::size_t j = 0; j < y.size(); ++j) max_y_[j] = std::max(max_y_[j], std::abs(y[j]));
}

NutationTerms::Sums NutationTerms::sum(const std::array<double, 5>& x, double t) const {
  double bound = 0.0;  // of |arg| over the terms
  for (std::size_t j = 0; j < x.size(); ++j) bound += max_y_[j] * std::abs(x[j]);
  if (bound > kCosineRange) {
    Sums s;
    for (std::size_t i = 0; i < terms_; ++i) {
      double arg = 0.0;
      for (std::size_t j = 0; j < x.size(); ++j) arg += columns_[j][i] * x[j];
      s.psi += (columns_[5][i] + columns_[6][i] * t) * std::sin(arg);
      s.epsilon += (columns_[7][i] + columns_[8][i] * t) * std::cos(arg);
    }
    return s;
  }
  std::array<const double*, 9> columns;
  for (std::size_t k = 0; k < columns.size(); ++k) columns[k] = columns_[k].data();
  double out[2];
  HWY_DYNAMIC_DISPATCH(SumNutation)(columns.data(), x.data(), columns_[0].size(), t, out);
  return {out[0], out[1]};
}

}  // namespace physics
#endif  // HWY_ONCE
