#include "twin/results/encoded_chunks.h"

#include <cstring>

namespace twin {

size_t EncodedChunks::DigestHash::operator()(const ChunkDigest& d) const {
  size_t h = 0;  // a keyed XXH3-128's bytes are already uniformly spread
  std::memcpy(&h, d.data(), sizeof h);
  return h;
}

EncodedChunks::EncodedChunks(int level, size_t budget_bytes)
    : level_(level), budget_(budget_bytes) {}

void EncodedChunks::encode(const ChunkDigest& digest, std::span<const unsigned char> shuffled,
                           std::vector<unsigned char>& out) {
  std::shared_ptr<const std::vector<unsigned char>> kept;
  {
    const std::lock_guard lock(mutex_);
    const auto found = kept_.find(digest);
    if (found != kept_.end()) {
      kept = found->second;
      ++copies_;
    }
  }
  if (kept) {
    out = *kept;
    return;
  }
  deflateChunk(shuffled, level_, out);  // outside the lock: workers compress in parallel
  const size_t cost = out.size() + kEntryOverhead;
  const std::lock_guard lock(mutex_);
  if (bytes_ + cost > budget_) return;
  // Two workers may have deflated the same chunk at once: the bytes are equal, one is kept.
  if (kept_.try_emplace(digest, std::make_shared<const std::vector<unsigned char>>(out)).second)
    bytes_ += cost;
}

size_t EncodedChunks::copies() const {
  const std::lock_guard lock(mutex_);
  return copies_;
}

}  // namespace twin
