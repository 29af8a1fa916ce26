#include "twin/results/chunk_codec.h"

#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace twin {

void encodeShuffledDeflate(const std::vector<double>& values, double offset, double scale,
                           int level, std::vector<unsigned char>& out) {
  constexpr size_t kBytes = sizeof(float);
  const size_t n = values.size();
  std::vector<unsigned char> shuffled(n * kBytes);
  for (size_t i = 0; i < n; ++i) {
    unsigned char bytes[kBytes];
    const auto v = static_cast<float>((values[i] - offset) * scale);
    std::uint32_t u = 0;
    std::memcpy(&u, &v, kBytes);
    if ((u & 0x7F800000u) != 0x7F800000u) {  // finite: round the significand to kSignificandBits
      constexpr int kDrop = 23 - kSignificandBits;
      u = (u + (1u << (kDrop - 1))) & ~((1u << kDrop) - 1u);
    }
    std::memcpy(bytes, &u, kBytes);
    for (size_t b = 0; b < kBytes; ++b) shuffled[b * n + i] = bytes[b];
  }
  uLongf length = compressBound(static_cast<uLong>(shuffled.size()));
  out.resize(length);
  if (compress2(out.data(), &length, shuffled.data(), static_cast<uLong>(shuffled.size()), level) !=
      Z_OK) {
    throw std::runtime_error("zlib compress2 failed");
  }
  out.resize(length);
}

}  // namespace twin
