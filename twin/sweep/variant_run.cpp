#include "twin/sweep/variant_run.h"

#include "twin/base/error.h"
#include "twin/engine/engine.h"
#include "twin/sweep/byte_codec.h"
#include "twin/sweep/kpi_codec.h"

namespace twin::sweep {
namespace {

bool parkLevel(size_t s) { return kSeries[s].kind == "park"; }

// Keeps each block's park-level series.
class RecordingSink : public BlockSink {
 public:
  void consume(const BlockResult& block) override {
    BlockResult kept;
    kept.day = block.day;
    kept.first_step = block.first_step;
    kept.steps = block.steps;
    for (size_t s = 0; s < kSeriesCount; ++s) {
      if (parkLevel(s)) kept.values[s] = block.values[s];
    }
    blocks.push_back(std::move(kept));
  }
  std::vector<BlockResult> blocks;
};

}  // namespace

VariantResult runVariant(const SweepPlan& plan, size_t index, bool keep_series) {
  VariantResult out;
  try {
    const ParkModel model = compileVariant(plan, index);
    const TimeGrid& grid = plan.parks[plan.variants[index].park].grid;
    RecordingSink sink;
    const Kpis kpis = runSimulation(model, grid, keep_series ? &sink : nullptr);
    out.row = succeededRow(index, model, kpis, grid);
    if (keep_series) {
      out.blocks = std::move(sink.blocks);
      out.kpis = kpis;
    }
  } catch (const std::exception& e) {
    out.row = failedRow(index, e.what());
    out.blocks.clear();
    out.kpis.reset();
  }
  return out;
}

std::string encodeResult(const VariantResult& result) {
  ByteWriter w;
  w.str(encodeRow(result.row));
  w.u64(result.kpis ? 1 : 0);
  if (result.kpis) putKpis(w, *result.kpis);
  w.u64(result.blocks.size());
  for (const BlockResult& b : result.blocks) {
    w.u64(static_cast<uint64_t>(b.day));
    w.u64(static_cast<uint64_t>(b.first_step));
    w.u64(static_cast<uint64_t>(b.steps));
    for (size_t s = 0; s < kSeriesCount; ++s) {
      if (!parkLevel(s)) continue;
      w.u64(b.values[s].size());
      for (double v : b.values[s]) w.f64(v);
    }
  }
  return std::move(w.out);
}

VariantResult decodeResult(std::string_view bytes) {
  ByteReader r(bytes, "a sweep result");
  VariantResult out;
  out.row = decodeRow(r.str());
  if (r.u64() != 0) out.kpis = takeKpis(r);
  const uint64_t blocks = r.count(3 * 8);
  for (uint64_t k = 0; k < blocks; ++k) {
    BlockResult& b = out.blocks.emplace_back();
    b.day = static_cast<long>(r.u64());
    b.first_step = static_cast<int64_t>(r.u64());
    b.steps = static_cast<int>(r.u64());
    for (size_t s = 0; s < kSeriesCount; ++s) {
      if (!parkLevel(s)) continue;
      b.values[s].resize(r.count(8));
      for (double& v : b.values[s]) v = r.f64();
    }
  }
  r.end();
  return out;
}

}  // namespace twin::sweep
