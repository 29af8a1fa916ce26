// The series of one run written block by block into /series/<kind>/<field> (float32 [time x
// columns], one chunk per block, shuffled and deflated by the engine's workers). A scenario's
// dataset that comes out bit for bit equal to the baseline's is not stored again: it becomes an
// HDF5 hard link to the baseline's dataset, so readers find it at its path all the same.
#pragma once

#include <H5Cpp.h>

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "twin/engine/series.h"
#include "twin/engine/state.h"
#include "twin/model/model.h"
#include "twin/model/time_grid.h"
#include "twin/results/chunk_codec.h"
#include "twin/results/encoded_chunks.h"

namespace twin {

// The baseline's series datasets, their column ids and their chunks' digests (in time order),
// which scenarios link to and take chunks from.
struct StoredSeries {
  std::array<std::optional<H5::DataSet>, kSeriesCount> datasets;
  std::array<std::vector<std::string>, kSeriesCount> ids;
  std::array<std::vector<ChunkDigest>, kSeriesCount> digests;
};

class SeriesSink : public BlockSink {
 public:
  // `baseline`: nullptr when writing the baseline itself (or when there is none to link to).
  // `park_only`: store the park-level series (kind "park") only. `target`: the results file the
  // user asked for, for messages (a full disk names it).
  // `chunks`: the file's chunks compressed so far, shared by its scenarios.
  SeriesSink(H5::Group& root, const ParkModel& model, const TimeGrid& grid,
             const StoredSeries* baseline, bool park_only, std::string target,
             EncodedChunks& chunks);

  // The deflate level of the stored chunks. Measured on the demo's stored motor, bus and load
  // chunks (106 MB shuffled, one thread, docs/performance.md): level 6 compresses at 483 MB/s to
  // 2.66 %, where zlib's level 4 (used before) made 356 MB/s and 2.78 %; libdeflate's level 4 is
  // faster still (599 MB/s) but stores 15 % more.
  static constexpr int kDeflateLevel = 6;

  // Compresses each series' chunk (the block's rows) on the calling worker thread, unless its
  // digest says it equals the baseline's chunk of that day (stored bytes that can be copied) or
  // a chunk compressed before (EncodedChunks).
  void prepare(BlockResult& block) const override;
  // Writes the compressed chunks as they are (or the baseline's equal chunk), or, for a dataset
  // so far equal to the baseline's, nothing (see finish()).
  void consume(const BlockResult& block) override;
  // Links the datasets that equalled the baseline's to the end; returns what was written, for the
  // baseline to hand to the scenarios.
  StoredSeries finish();

 private:
  void materialize(int s);
  bool sameAsBaseline(int s, const BlockResult& block) const;
  void writeChunk(const H5::DataSet& ds, hsize_t first_step, const std::vector<unsigned char>& c,
                  int s) const;

  H5::Group series_;
  const StoredSeries* baseline_;
  hsize_t steps_ = 0;
  hsize_t rows_ = 0;
  StoredSeries written_;
  std::array<bool, kSeriesCount> linked_{};  // still equal to the baseline's, not written
  std::array<hsize_t, kSeriesCount> columns_{};
  std::vector<hsize_t> offsets_;  // first steps of the blocks consumed so far
  std::string target_;
  EncodedChunks& chunks_;
};

}  // namespace twin
