// EncodedChunks: a chunk equal to one encoded before is copied, with exactly the bytes deflating
// it gives (the file is the same either way); the budget bounds what is kept; workers encoding
// the same chunks at once all get the deflated bytes.
#include "twin/results/encoded_chunks.h"

#include <gtest/gtest.h>

#include <cmath>
#include <thread>
#include <vector>

namespace twin {
namespace {

constexpr int kLevel = 6;

std::vector<unsigned char> shuffledDay(double phase) {
  std::vector<double> values(96 * 40);
  for (size_t i = 0; i < values.size(); ++i) values[i] = 1e3 * std::sin(phase + 0.01 * double(i));
  const std::span<const unsigned char> s = shuffledChunk(values, 0.0, 1.0);
  return {s.begin(), s.end()};
}

std::vector<unsigned char> deflated(const std::vector<unsigned char>& shuffled) {
  std::vector<unsigned char> out;
  deflateChunk(shuffled, kLevel, out);
  return out;
}

TEST(EncodedChunks, AnEqualChunkIsCopiedWithTheDeflatedBytes) {
  EncodedChunks chunks(kLevel);
  const std::vector<unsigned char> a = shuffledDay(0.0), b = shuffledDay(1.0);
  std::vector<unsigned char> out;
  chunks.encode(chunkDigest(a), a, out);
  EXPECT_EQ(out, deflated(a));
  EXPECT_EQ(chunks.copies(), 0u);
  chunks.encode(chunkDigest(b), b, out);  // another chunk: deflated
  EXPECT_EQ(out, deflated(b));
  EXPECT_EQ(chunks.copies(), 0u);
  out.assign(3, 0xFF);  // what the worker's buffer held before is replaced
  chunks.encode(chunkDigest(a), a, out);
  EXPECT_EQ(out, deflated(a));
  EXPECT_EQ(chunks.copies(), 1u);
}

TEST(EncodedChunks, KeepsNothingBeyondItsBudget) {
  const std::vector<unsigned char> a = shuffledDay(0.0);
  EncodedChunks none(kLevel, 0);
  std::vector<unsigned char> out;
  none.encode(chunkDigest(a), a, out);
  none.encode(chunkDigest(a), a, out);
  EXPECT_EQ(none.copies(), 0u);
  EXPECT_EQ(out, deflated(a));
  EncodedChunks one(kLevel, deflated(a).size() + EncodedChunks::kEntryOverhead);  // room for one
  const std::vector<unsigned char> b = shuffledDay(2.0);
  one.encode(chunkDigest(a), a, out);
  one.encode(chunkDigest(b), b, out);  // over the budget: not kept
  one.encode(chunkDigest(b), b, out);
  EXPECT_EQ(one.copies(), 0u);
  one.encode(chunkDigest(a), a, out);
  EXPECT_EQ(one.copies(), 1u);
}

TEST(EncodedChunks, WorkersEncodingTheSameChunksAllGetTheirBytes) {
  EncodedChunks chunks(kLevel);
  std::vector<std::vector<unsigned char>> days;
  for (int d = 0; d < 3; ++d) days.push_back(shuffledDay(d));
  std::vector<std::thread> workers;
  std::vector<int> wrong(4, 0);
  for (int w = 0; w < 4; ++w) {
    workers.emplace_back([&, w] {
      std::vector<unsigned char> out;
      for (int i = 0; i < 30; ++i) {
        const std::vector<unsigned char>& day = days[static_cast<size_t>((i + w) % 3)];
        chunks.encode(chunkDigest(day), day, out);
        if (out != deflated(day)) ++wrong[static_cast<size_t>(w)];
      }
    });
  }
  for (std::thread& t : workers) t.join();
  EXPECT_EQ(wrong, std::vector<int>(4, 0));
  EXPECT_GE(chunks.copies(), 120u - 3u * 4u);  // at most each worker deflates each day once
}

}  // namespace
}  // namespace twin
