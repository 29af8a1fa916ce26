// The chunk codec: values rounded to kSignificandBits and byte-shuffled as HDF5's shuffle filter
// lays them out (H5Z shuffle: byte b of every element together, little-endian); digests equal
// exactly when the shuffled bytes are; the zlib stream (RFC 1950 header 0x78) is the same bytes
// on every thread, so a digest identifies stored bytes; a stored chunk inflates back to its values.
#include "twin/results/chunk_codec.h"

#include <gtest/gtest.h>

#include <cmath>
#include <thread>
#include <vector>

namespace twin {
namespace {

TEST(ChunkCodec, RoundsAndShufflesAsTheHdf5Filter) {
  // 1 + 2^-20 is below half of the 14-bit step (2^-14): it rounds to 1.0f = 0x3F800000.
  const std::vector<double> values = {1.0 + std::ldexp(1.0, -20), -2.0};
  const std::span<const unsigned char> bytes = shuffledChunk(values, 0.0, 1.0);
  ASSERT_EQ(bytes.size(), 8u);
  // -2.0f = 0xC0000000. Byte 0 of both, then byte 1 of both, ...
  const std::vector<unsigned char> expected = {0x00, 0x00, 0x00, 0x00, 0x80, 0x00, 0x3F, 0xC0};
  EXPECT_EQ(std::vector<unsigned char>(bytes.begin(), bytes.end()), expected);
  // offset and scale: (1500 W - 0) * 1e-3 -> 1.5 kW = 0x3FC00000.
  const std::span<const unsigned char> kw = shuffledChunk({1500.0}, 0.0, 1e-3);
  EXPECT_EQ(std::vector<unsigned char>(kw.begin(), kw.end()),
            (std::vector<unsigned char>{0x00, 0x00, 0xC0, 0x3F}));
}

TEST(ChunkCodec, DigestsFollowTheStoredBytes) {
  std::vector<double> a(96 * 50);
  for (size_t i = 0; i < a.size(); ++i) a[i] = std::sin(0.01 * double(i)) * 1e4;
  std::vector<double> rounded_away = a;  // a change below the kept precision: the same bytes
  rounded_away[7] *= 1.0 + 1e-7;
  std::vector<double> changed = a;  // a change above it: other bytes
  changed[7] *= 1.0 + 1e-3;
  const ChunkDigest da = chunkDigest(shuffledChunk(a, 0.0, 1.0));
  EXPECT_EQ(chunkDigest(shuffledChunk(rounded_away, 0.0, 1.0)), da);
  EXPECT_NE(chunkDigest(shuffledChunk(changed, 0.0, 1.0)), da);
}

TEST(ChunkCodec, DeflatedBytesAreTheSameOnEveryThread) {
  std::vector<double> values(96 * 219);
  for (size_t i = 0; i < values.size(); ++i) values[i] = 5e3 + 100.0 * double(i % 219);
  std::vector<unsigned char> here;
  deflateChunk(shuffledChunk(values, 0.0, 1e-3), 6, here);
  ASSERT_GT(here.size(), 2u);
  EXPECT_EQ(here[0], 0x78);                        // zlib stream: deflate, 32 KiB window
  EXPECT_EQ((here[0] * 256 + here[1]) % 31, 0);    // RFC 1950 header check
  EXPECT_LT(here.size(), values.size() * 4 / 10);  // repetitive values compress well
  std::vector<unsigned char> there;
  std::thread([&] { deflateChunk(shuffledChunk(values, 0.0, 1e-3), 6, there); }).join();
  EXPECT_EQ(there, here);
}

TEST(ChunkCodec, InflatesWhatItDeflated) {
  std::vector<double> values(96 * 7);
  for (size_t i = 0; i < values.size(); ++i) values[i] = 1e3 * std::cos(0.3 * double(i));
  const std::span<const unsigned char> shuffled = shuffledChunk(values, 0.0, 1.0);
  const std::vector<unsigned char> bytes(shuffled.begin(), shuffled.end());
  std::vector<unsigned char> stored;
  deflateChunk(bytes, 6, stored);
  std::vector<float> back;
  ASSERT_TRUE(inflateChunk(stored, values.size(), back));
  ASSERT_EQ(back.size(), values.size());
  for (size_t i = 0; i < values.size(); ++i) {  // the stored float32, rounded to 14 bits
    EXPECT_EQ(chunkDigest(shuffledChunk({double(back[i])}, 0.0, 1.0)),
              chunkDigest(shuffledChunk({values[i]}, 0.0, 1.0)));
    EXPECT_NEAR(back[i], values[i], std::abs(values[i]) * std::ldexp(1.0, -15));
  }
  EXPECT_FALSE(inflateChunk(stored, values.size() - 1, back));  // not exactly its size
  stored[stored.size() / 2] ^= 0xFF;
  EXPECT_FALSE(inflateChunk(stored, values.size(), back));  // damaged: fails, does not crash
}

}  // namespace
}  // namespace twin
