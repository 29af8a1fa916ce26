// Encoding one HDF5 chunk of float32 values in the format of HDF5's shuffle + deflate filter
// pipeline (H5Z shuffle, then a zlib stream), so that chunks can be compressed in parallel by the
// engine's workers and written raw by the single writer (H5Dwrite_chunk). The zlib stream is
// made by libdeflate (at level 6: 1.4x zlib's level-4 speed, 4 % smaller); any reader's zlib
// (HDF5, h5py, HDFView) inflates it unchanged. Deterministic: the same values give the same
// bytes on every thread, so a chunk's digest before deflating identifies its stored bytes.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

namespace twin {

// Significand bits kept of a stored float32 (of its 23): a value is rounded to the nearest with
// 14 bits, a relative error of at most 2^-15 = 3.1e-5 (31 W in 1 MW, 3e-5 pu of a voltage, 0.003
// points of a 95 % efficiency). NaN and infinities are kept as they are. Measured on the demo
// park (8 runs of a year at 15 min): 76 MB with all 23 bits, 71 MB with 16, 54 MB with 14.
inline constexpr int kSignificandBits = 14;

// The bits of (value - offset) * scale as float32, rounded to kSignificandBits (finite values;
// NaN and infinities as they are): what is stored of a value.
inline std::uint32_t storedBits(double value, double offset, double scale) {
  constexpr int kDrop = 23 - kSignificandBits;
  const auto v = static_cast<float>((value - offset) * scale);
  std::uint32_t u = 0;
  std::memcpy(&u, &v, sizeof u);
  const std::uint32_t rounded = (u + (1u << (kDrop - 1))) & ~((1u << kDrop) - 1u);
  return (u & 0x7F800000u) != 0x7F800000u ? rounded : u;
}

// What a reader gets back of a value stored with `offset` and `scale`.
inline double storedValue(double value, double offset, double scale) {
  const std::uint32_t bits = storedBits(value, offset, scale);
  float v = 0;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

// (values[i] - offset) * scale as float32, rounded to kSignificandBits, byte-shuffled for 4-byte
// elements: the bytes the filter pipeline deflates. The span is the calling thread's buffer,
// valid until its next call.
std::span<const unsigned char> shuffledChunk(const std::vector<double>& values, double offset,
                                             double scale);

// XXH3-128 of a shuffled chunk, keyed by a secret drawn for the process: equal digests, equal
// values and equal stored bytes (a chance of 2^-128 a pair otherwise, which no park file can raise
// without the secret). 12x the speed of SHA-256 with SHA-NI, which it replaced.
using ChunkDigest = std::array<unsigned char, 16>;
ChunkDigest chunkDigest(std::span<const unsigned char> shuffled);

// The shuffled bytes deflated at libdeflate's `level` (1..12) into a zlib stream in out.
void deflateChunk(std::span<const unsigned char> shuffled, int level,
                  std::vector<unsigned char>& out);

// The inverse of deflateChunk and shuffledChunk: a stored chunk inflated (libdeflate) and
// unshuffled into `count` float32 values in out. False when it is not a zlib stream of exactly
// count values.
bool inflateChunk(std::span<const unsigned char> stored, size_t count, std::vector<float>& out);

}  // namespace twin
