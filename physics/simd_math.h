// SLEEF's vectorised functions as Highway vector functions, for the target
// being compiled: 8-lane AVX-512, 4-lane AVX2 and 2-lane SSE2 entry points of libsleef, and the
// C library lane by lane on other targets. Included inside a Highway per-target namespace, once
// per target (the toggle below, as Highway's own -inl.h headers do), after <cmath>. x86 only.
// SLEEF's header declares the AVX and AVX-512 entry points only when the whole file is compiled for
// them, so the few used here are declared with their documented signatures (sleef.h 3.5), with
// sincos's pair of vectors from sleef_pairs.h (included before, at global scope).
#if defined(PHYSICS_SIMD_MATH_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PHYSICS_SIMD_MATH_H_
#undef PHYSICS_SIMD_MATH_H_
#else
#define PHYSICS_SIMD_MATH_H_
#endif

// Clang 14 passes vector arguments to an external function declared under a target attribute in
// memory, by the translation unit's baseline ABI, where libsleef (GCC) takes them in registers:
// a Clang build (the sanitizer build) calls the C library lane by lane instead.
#if defined(__clang__)
#elif HWY_TARGET <= HWY_AVX3
#define PHYSICS_SLEEF(name, ulp) Sleef_##name##d8_##ulp##avx512f
#define PHYSICS_SLEEF_VEC __m512d
#define PHYSICS_SLEEF_PAIR ::PhysicsSleefPair8
#elif HWY_TARGET == HWY_AVX2
#define PHYSICS_SLEEF(name, ulp) Sleef_##name##d4_##ulp##avx2
#define PHYSICS_SLEEF_VEC __m256d
#define PHYSICS_SLEEF_PAIR ::PhysicsSleefPair4
#elif HWY_TARGET == HWY_SSE4 || HWY_TARGET == HWY_SSSE3
#define PHYSICS_SLEEF(name, ulp) Sleef_##name##d2_##ulp##sse2
#define PHYSICS_SLEEF_VEC __m128d
#define PHYSICS_SLEEF_PAIR ::PhysicsSleefPair2
#endif

// The trigonometric functions are SLEEF's 3.5-ulp variants (u35), about twice as fast as the
// 1.0-ulp ones: they give the sun's angles (and refraction's tangent), where 3.5 ulp (at most
// 1.6e-15 rad) is ten orders of magnitude under SPA's own accuracy (5e-6 rad); they keep it for
// arguments up to about 1e15. exp and pow, which scale powers, are 1.0-ulp.
#ifdef PHYSICS_SLEEF
extern "C" {
PHYSICS_SLEEF_VEC PHYSICS_SLEEF(sin, u35)(PHYSICS_SLEEF_VEC);
PHYSICS_SLEEF_VEC PHYSICS_SLEEF(cos, u35)(PHYSICS_SLEEF_VEC);
PHYSICS_SLEEF_VEC PHYSICS_SLEEF(tan, u35)(PHYSICS_SLEEF_VEC);
PHYSICS_SLEEF_VEC PHYSICS_SLEEF(exp, u10)(PHYSICS_SLEEF_VEC);
PHYSICS_SLEEF_VEC PHYSICS_SLEEF(atan2, u35)(PHYSICS_SLEEF_VEC, PHYSICS_SLEEF_VEC);
PHYSICS_SLEEF_VEC PHYSICS_SLEEF(pow, u10)(PHYSICS_SLEEF_VEC, PHYSICS_SLEEF_VEC);
PHYSICS_SLEEF_PAIR PHYSICS_SLEEF(sincos, u35)(PHYSICS_SLEEF_VEC);
}
#endif

// f on each lane of v (targets without a SLEEF entry point).
template <class D, class V, class F>
HWY_INLINE V PerLane(D d, V v, F f) {
  HWY_ALIGN double lanes[HWY_MAX_BYTES / sizeof(double)];
  hwy::HWY_NAMESPACE::Store(v, d, lanes);
  for (size_t i = 0; i < hwy::HWY_NAMESPACE::Lanes(d); ++i) lanes[i] = f(lanes[i]);
  return hwy::HWY_NAMESPACE::Load(d, lanes);
}

#ifdef PHYSICS_SLEEF
#define PHYSICS_UNARY(Name, name, ulp, libm)   \
  template <class D, class V>                  \
  HWY_INLINE V Name(D, V x) {                  \
    return V{PHYSICS_SLEEF(name, ulp)(x.raw)}; \
  }
#define PHYSICS_BINARY(Name, name, ulp, libm)         \
  template <class D, class V>                         \
  HWY_INLINE V Name(D, V y, V x) {                    \
    return V{PHYSICS_SLEEF(name, ulp)(y.raw, x.raw)}; \
  }
#else
#define PHYSICS_UNARY(Name, name, ulp, libm)                \
  template <class D, class V>                               \
  HWY_INLINE V Name(D d, V x) {                             \
    return PerLane(d, x, [](double a) { return libm(a); }); \
  }
#define PHYSICS_BINARY(Name, name, ulp, libm)                         \
  template <class D, class V>                                         \
  HWY_INLINE V Name(D d, V y, V x) {                                  \
    HWY_ALIGN double xs[HWY_MAX_BYTES / sizeof(double)];              \
    hwy::HWY_NAMESPACE::Store(x, d, xs);                              \
    size_t i = 0;                                                     \
    return PerLane(d, y, [&](double a) { return libm(a, xs[i++]); }); \
  }
#endif

PHYSICS_UNARY(Sin, sin, u35, std::sin)
PHYSICS_UNARY(Cos, cos, u35, std::cos)
PHYSICS_UNARY(Tan, tan, u35, std::tan)
PHYSICS_UNARY(Exp, exp, u10, std::exp)
PHYSICS_BINARY(Atan2, atan2, u35, std::atan2)  // Atan2(d, y, x)
PHYSICS_BINARY(Pow, pow, u10, std::pow)        // Pow(d, base, exponent)
#undef PHYSICS_UNARY
#undef PHYSICS_BINARY

template <class V>
struct SinCosLanes {
  V sin, cos;
};
template <class D, class V>
HWY_INLINE SinCosLanes<V> SinCos(D d, V x) {
#ifdef PHYSICS_SLEEF
  (void)d;
  const PHYSICS_SLEEF_PAIR r = PHYSICS_SLEEF(sincos, u35)(x.raw);
  return {V{r.x}, V{r.y}};
#else
  return {Sin(d, x), Cos(d, x)};
#endif
}

#undef PHYSICS_SLEEF
#undef PHYSICS_SLEEF_VEC
#undef PHYSICS_SLEEF_PAIR
#endif  // PHYSICS_SIMD_MATH_H_
