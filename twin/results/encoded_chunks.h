// The stored bytes of the chunks compressed while one results file is written, kept by their
// digest, so that a chunk equal to one compressed before is copied instead of deflated again.
// Such chunks are common: a motor's day depends on its day type only (the demo park's 219 motors
// have 3 distinct days in a year, in each of their 6 series), and a retrofit leaves most series
// of most days as they were. The encoding is deterministic (chunk_codec.h), so the file's bytes
// are the same whether a chunk was found here or deflated. Thread-safe (the engine's workers
// compress in parallel). Holds at most a byte budget (the chunks and about 128 bytes of
// bookkeeping each), filled in the order chunks come and never emptied before the file is done;
// beyond it, chunks are deflated as usual.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <span>
#include <unordered_map>
#include <vector>

#include "twin/results/chunk_codec.h"

namespace twin {

class EncodedChunks {
 public:
  // 64 MiB: every compressed chunk of the demo's eight scenario-years (54 MB) fits.
  static constexpr size_t kDefaultBudget = size_t{64} << 20;
  // What the budget counts for an entry besides its bytes: the digest, the map's node and the
  // vector's header and allocation.
  static constexpr size_t kEntryOverhead = 128;

  explicit EncodedChunks(int level, size_t budget_bytes = kDefaultBudget);

  // The stored bytes of the shuffled chunk whose chunkDigest() is `digest`, into out: a copy of
  // the bytes kept for that digest, else deflateChunk() at the level (kept while the budget lasts).
  void encode(const ChunkDigest& digest, std::span<const unsigned char> shuffled,
              std::vector<unsigned char>& out);

  // Chunks encoded by a copy so far (for tests and benches).
  size_t copies() const;

 private:
  struct DigestHash {
    size_t operator()(const ChunkDigest& d) const;
  };

  int level_;
  size_t budget_;
  mutable std::mutex mutex_;
  // Shared so that a hit copies the bytes outside the lock.
  std::unordered_map<ChunkDigest, std::shared_ptr<const std::vector<unsigned char>>, DigestHash>
      kept_;
  size_t bytes_ = 0;
  size_t copies_ = 0;
};

}  // namespace twin
