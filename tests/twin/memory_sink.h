// A sink that keeps every block of a run in memory, for comparisons in tests.
#pragma once

#include <gtest/gtest.h>
#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include <cstring>
#include <vector>

#include "twin/engine/engine.h"
#include "twin/engine/state.h"

namespace twin::test {

class MemorySink : public BlockSink {
 public:
  void consume(const BlockResult& block) override { blocks.push_back(block); }
  // The whole run of one series, row-major [step x column].
  std::vector<double> series(SeriesId s) const {
    std::vector<double> out;
    for (const BlockResult& b : blocks)
      out.insert(out.end(), b.values[s].begin(), b.values[s].end());
    return out;
  }
  std::vector<BlockResult> blocks;
};

// Runs the engine on exactly `threads` workers (more than the cores, if asked: 4 threads really
// run on a 2-core machine) into a MemorySink; the KPIs go to *kpis when given.
inline MemorySink runWithThreads(const ParkModel& model, const TimeGrid& grid, int threads,
                                 Kpis* kpis = nullptr) {
  MemorySink sink;
  const tbb::global_control allow(tbb::global_control::max_allowed_parallelism,
                                  static_cast<size_t>(threads));
  tbb::task_arena arena(threads);
  arena.execute([&] {
    Kpis k = runSimulation(model, grid, &sink);
    if (kpis) *kpis = k;
  });
  return sink;
}

// Every series of two runs equal bit for bit (the determinism contract, ARCHITECTURE.md §5).
inline void expectBitIdentical(const MemorySink& a, const MemorySink& b) {
  for (int s = 0; s < kSeriesCount; ++s) {
    const std::vector<double> x = a.series(static_cast<SeriesId>(s));
    const std::vector<double> y = b.series(static_cast<SeriesId>(s));
    ASSERT_EQ(x.size(), y.size()) << kSeries[s].kind << "/" << kSeries[s].field;
    if (x.empty()) continue;  // a kind with no equipment in the park
    EXPECT_EQ(0, std::memcmp(x.data(), y.data(), x.size() * sizeof(double)))
        << kSeries[s].kind << "/" << kSeries[s].field;
  }
}

}  // namespace twin::test
