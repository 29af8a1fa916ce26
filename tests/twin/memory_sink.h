// A sink that keeps every block of a run in memory, for comparisons in tests.
#pragma once

#include <vector>

#include "twin/state.h"

namespace twin::test {

class MemorySink : public BlockSink {
 public:
  void consume(const BlockResult& block) override { blocks.push_back(block); }
  // The whole run of one series, row-major [step x unit].
  std::vector<double> series(SeriesId s) const {
    std::vector<double> out;
    for (const BlockResult& b : blocks)
      out.insert(out.end(), b.values[s].begin(), b.values[s].end());
    return out;
  }
  std::vector<BlockResult> blocks;
};

}  // namespace twin::test
