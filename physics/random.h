// Deterministic pseudo-random numbers for the stochastic models (synthetic weather, EV sessions):
// xoshiro256** (D. Blackman and S. Vigna, "Scrambled linear pseudorandom number generators",
// ACM TOMS 47 (2021) 36; generator of 2018) with its state seeded through splitmix64 (Steele, Lea
// and Flood, OOPSLA 2014). Deviates: uniform from the top 53 bits, standard normal by Box-Muller
// (one normal per two words), Poisson by Knuth's multiplication method (TAOCP vol. 2, 3.4.1).
// No <random> distributions: their output differs between standard libraries, this one does not
// (same seed and stream -> bit-identical sequence on one platform).
#pragma once

#include <array>
#include <cmath>
#include <cstdint>

#include "physics/units.h"

namespace physics {

class Random {
 public:
  // Independent sequences for one seed are told apart by the stream (e.g. the day number).
  Random(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t x = seed ^ (0x9E3779B97F4A7C15ull * (stream + 1));
    for (auto& word : s_) word = splitmix64(x);
  }

  // Uniform deviate in [0, 1), a multiple of 2^-53.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  // Standard normal deviate.
  double normal() {
    const double u1 = (static_cast<double>(next() >> 11) + 1.0) * 0x1.0p-53;  // (0, 1]
    const double u2 = static_cast<double>(next() >> 11) * 0x1.0p-53;          // [0, 1)
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * units::pi * u2);
  }

  // Poisson deviate of the given mean (0 for mean <= 0). Knuth's method, exact for any mean: a
  // mean above kPoissonChunk is split into chunks, the sum of independent Poisson deviates being
  // Poisson with the summed mean; the cost is about mean + 1 uniform draws.
  long poisson(double mean) {
    long count = 0;
    while (mean > 0.0) {
      const double chunk = mean < kPoissonChunk ? mean : kPoissonChunk;
      mean -= chunk;
      const double limit = std::exp(-chunk);
      double product = uniform();
      while (product > limit) {
        ++count;
        product *= uniform();
      }
    }
    return count;
  }

 private:
  // exp(-30) = 9.4e-14 stays far above the smallest normal double, so the product test is exact.
  static constexpr double kPoissonChunk = 30.0;

  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  std::array<std::uint64_t, 4> s_{};
};

}  // namespace physics
