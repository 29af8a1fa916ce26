// The angles arg(V) of a vector of complex bus voltages, by the vectorised atan2 of
// physics/simd_math.h (SLEEF's 3.5-ulp variant: at most 1.6e-15 rad from the exact angle) on the
// widest SIMD target Highway finds at run time. Machines with different targets may differ in the
// last bits; on one machine a voltage's angle does not depend on its place in the vector.
#pragma once

#include <complex>
#include <cstddef>

namespace physics {

void busAngles(const std::complex<double>* v, size_t n, double* angle);

}  // namespace physics
