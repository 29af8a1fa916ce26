// bus_angles.h: the per-target kernel (Highway's foreach_target includes this file once per SIMD
// target) with that target's atan2 and, once, the dispatch.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "physics/bus_angles.cpp"
// clang-format off
#include <hwy/foreach_target.h>  // must come before highway.h
#include <hwy/highway.h>
// clang-format on

#include "physics/bus_angles.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "physics/sleef_pairs.h"

HWY_BEFORE_NAMESPACE();
namespace physics::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

#include "physics/simd_math.h"  // SLEEF's functions as this target's vectors

// v: n complex numbers as interleaved real and imaginary parts.
void AnglesKernel(const double* v, size_t n, double* angle) {
  const hn::ScalableTag<double> d;
  const size_t lanes = hn::Lanes(d);
  hn::Vec<decltype(d)> re, im;
  size_t i = 0;
  for (; i + lanes <= n; i += lanes) {
    hn::LoadInterleaved2(d, v + 2 * i, re, im);
    hn::StoreU(Atan2(d, im, re), d, angle + i);
  }
  if (i == n) return;
  // The last partial vector through a padded copy (the padding's angles are dropped).
  HWY_ALIGN double tail[2 * HWY_MAX_BYTES / sizeof(double)] = {};
  HWY_ALIGN double out[HWY_MAX_BYTES / sizeof(double)];
  std::copy(v + 2 * i, v + 2 * n, tail);
  hn::LoadInterleaved2(d, tail, re, im);
  hn::Store(Atan2(d, im, re), d, out);
  std::copy(out, out + (n - i), angle + i);
}

}  // namespace physics::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace physics {

HWY_EXPORT(AnglesKernel);

void busAngles(const std::complex<double>* v, size_t n, double* angle) {
  // std::complex<double> is laid out as double[2], real part first ([complex.numbers.general]).
  HWY_DYNAMIC_DISPATCH(AnglesKernel)(reinterpret_cast<const double*>(v), n, angle);
}

}  // namespace physics
#endif  // HWY_ONCE
