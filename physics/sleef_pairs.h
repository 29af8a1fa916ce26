// The pairs of vectors SLEEF's sincos entry points return (sleef.h's Sleef___m128d_2, ..._m256d_2,
// ..._m512d_2), at global scope so that every Highway target of simd_math.h names the same type.
#pragma once

#include <immintrin.h>

struct PhysicsSleefPair2 {
  __m128d x, y;
};
struct PhysicsSleefPair4 {
  __m256d x, y;
};
struct PhysicsSleefPair8 {
  __m512d x, y;
};
