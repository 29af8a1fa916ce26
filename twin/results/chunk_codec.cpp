#include "twin/results/chunk_codec.h"

#include <libdeflate.h>
#define XXH_STATIC_LINKING_ONLY  // XXH3_generateSecret
#include <xxhash.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <new>
#include <random>
#include <stdexcept>

namespace twin {
namespace {

// One libdeflate compressor per thread (they are not shareable), kept for the thread's life:
// allocating one costs more than compressing a chunk.
libdeflate_compressor* compressorFor(int level) {
  struct Owned {
    libdeflate_compressor* compressor = nullptr;
    int level = 0;
    ~Owned() { libdeflate_free_compressor(compressor); }
  };
  thread_local Owned owned;
  if (owned.level != level) {
    libdeflate_free_compressor(owned.compressor);
    owned.compressor = libdeflate_alloc_compressor(level);
    owned.level = owned.compressor ? level : 0;
    if (!owned.compressor) throw std::bad_alloc();
  }
  return owned.compressor;
}

// The process's secret for chunk digests, drawn once from std::random_device: no park file can
// be made to give two different chunks one digest without it, and it never leaves the process.
// Equal chunks have equal digests under any secret, so what is stored does not depend on it.
const std::array<unsigned char, 192>& digestSecret() {
  static const std::array<unsigned char, 192> secret = [] {
    std::array<unsigned, 8> seed{};
    std::random_device device;
    for (unsigned& word : seed) word = device();
    std::array<unsigned char, 192> out{};
    if (XXH3_generateSecret(out.data(), out.size(), seed.data(), sizeof seed) != XXH_OK) {
      throw std::runtime_error("xxHash: the chunk digests' secret could not be made");
    }
    return out;
  }();
  return secret;
}

}  // namespace

std::span<const unsigned char> shuffledChunk(const std::vector<double>& values, double offset,
                                             double scale) {
  constexpr size_t kBytes = sizeof(float);
  const size_t n = values.size();
  // Reused across chunks of this thread: a fresh buffer per chunk is a page-faulting memset.
  thread_local std::vector<std::uint32_t> bits;
  thread_local std::vector<unsigned char> shuffled;
  if (bits.size() < n) bits.resize(n);
  if (shuffled.size() < n * kBytes) shuffled.resize(n * kBytes);
  // Two passes the compiler vectorises: each value's rounded bits, then each byte plane.
  for (size_t i = 0; i < n; ++i) bits[i] = storedBits(values[i], offset, scale);
  // Little-endian byte b of every value together, each plane with its shift a constant and its
  // bytes known not to alias the bits (else a char store could change them: no vectors).
  auto plane = [n]<int kShift>(const std::uint32_t* __restrict in, unsigned char* __restrict out) {
    for (size_t i = 0; i < n; ++i) out[i] = static_cast<unsigned char>(in[i] >> kShift);
  };
  plane.template operator()<0>(bits.data(), shuffled.data());
  plane.template operator()<8>(bits.data(), shuffled.data() + n);
  plane.template operator()<16>(bits.data(), shuffled.data() + 2 * n);
  plane.template operator()<24>(bits.data(), shuffled.data() + 3 * n);
  return {shuffled.data(), n * kBytes};
}

ChunkDigest chunkDigest(std::span<const unsigned char> shuffled) {
  const std::array<unsigned char, 192>& secret = digestSecret();
  const XXH128_hash_t hash =
      XXH3_128bits_withSecret(shuffled.data(), shuffled.size(), secret.data(), secret.size());
  ChunkDigest digest{};
  std::memcpy(digest.data(), &hash.low64, sizeof hash.low64);
  std::memcpy(digest.data() + sizeof hash.low64, &hash.high64, sizeof hash.high64);
  return digest;
}

void deflateChunk(std::span<const unsigned char> shuffled, int level,
                  std::vector<unsigned char>& out) {
  libdeflate_compressor* compressor = compressorFor(level);
  out.resize(libdeflate_zlib_compress_bound(compressor, shuffled.size()));
  const size_t length = libdeflate_zlib_compress(compressor, shuffled.data(), shuffled.size(),
                                                 out.data(), out.size());
  if (length == 0) throw std::runtime_error("libdeflate: a chunk did not fit its bound");
  out.resize(length);
}

bool inflateChunk(std::span<const unsigned char> stored, size_t count, std::vector<float>& out) {
  struct Owned {
    libdeflate_decompressor* decompressor = libdeflate_alloc_decompressor();
    ~Owned() { libdeflate_free_decompressor(decompressor); }
  };
  thread_local Owned owned;
  if (!owned.decompressor) throw std::bad_alloc();
  constexpr size_t kBytes = sizeof(float);
  thread_local std::vector<unsigned char> shuffled;
  shuffled.resize(count * kBytes);
  if (libdeflate_zlib_decompress(owned.decompressor, stored.data(), stored.size(), shuffled.data(),
                                 shuffled.size(), nullptr) != LIBDEFLATE_SUCCESS) {
    return false;  // with no actual size asked, a stream of another length is refused
  }
  out.resize(count);
  for (size_t i = 0; i < count; ++i) {
    std::uint32_t u = 0;
    for (size_t b = 0; b < kBytes; ++b) u |= std::uint32_t{shuffled[b * count + i]} << (8 * b);
    std::memcpy(&out[i], &u, kBytes);
  }
  return true;
}

}  // namespace twin
