// Pins Highway's SIMD target for a scope (the vectorised kernels' tests run on every target the
// binary carries); back to what the CPU has at its end, however the scope ends.
#pragma once

#include <hwy/targets.h>

#include <cstdint>

namespace physics::test {

class PinnedTarget {
 public:
  explicit PinnedTarget(int64_t target) { hwy::SetSupportedTargetsForTest(target); }
  ~PinnedTarget() { hwy::SetSupportedTargetsForTest(0); }
  PinnedTarget(const PinnedTarget&) = delete;
  PinnedTarget& operator=(const PinnedTarget&) = delete;
};

}  // namespace physics::test
