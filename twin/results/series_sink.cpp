#include "twin/results/series_sink.h"

#include <cstring>
#include <span>
#include <stdexcept>

#include "twin/base/error.h"
#include "twin/results/chunk_codec.h"
#include "twin/results/chunk_reader.h"
#include "twin/results/hdf5_io.h"
#include "twin/results/output_file.h"

namespace twin {
namespace {

H5::DSetCreatPropList chunked(hsize_t rows, hsize_t cols) {
  H5::DSetCreatPropList props;
  const hsize_t chunk[2] = {rows, cols};
  props.setChunk(2, chunk);
  props.setShuffle();
  props.setDeflate(SeriesSink::kDeflateLevel);
  return props;
}

std::vector<unsigned char> readChunk(const H5::DataSet& ds, hsize_t first_step) {
  std::vector<unsigned char> bytes;
  uint32_t skipped = 0;
  if (!readRawChunk(ds, first_step, bytes, skipped)) {
    throw std::runtime_error("HDF5: reading a baseline chunk failed");
  }
  return bytes;
}

}  // namespace

void SeriesSink::writeChunk(const H5::DataSet& ds, hsize_t first_step,
                            const std::vector<unsigned char>& c, int s) const {
  const hsize_t offset[2] = {first_step, 0};
  if (H5Dwrite_chunk(ds.getId(), H5P_DEFAULT, 0, offset, c.size(), c.data()) < 0) {
    throwIfOutOfSpace(target_ + ": cannot write the results");
    throw std::runtime_error("HDF5: writing a chunk of " + std::string(kSeries[s].kind) + "/" +
                             std::string(kSeries[s].field) + " failed");
  }
}

SeriesSink::SeriesSink(H5::Group& root, const ParkModel& model, const TimeGrid& grid,
                       const StoredSeries* baseline, bool park_only, std::string target,
                       EncodedChunks& chunks)
    : series_(root.createGroup("series")),
      baseline_(baseline),
      steps_(static_cast<hsize_t>(grid.steps())),
      rows_(static_cast<hsize_t>(grid.stepsPerDay())),
      target_(std::move(target)),
      chunks_(chunks) {
  for (int s = 0; s < kSeriesCount; ++s) {
    const SeriesDecl& decl = kSeries[s];
    const std::string kind(decl.kind);
    if (park_only && kind != "park") continue;
    if (!series_.nameExists(kind)) series_.createGroup(kind);
    columns_[s] = columnCount(model, decl.column_kind);
    if (columns_[s] == 0) continue;
    if (rows_ * columns_[s] * sizeof(float) >= (hsize_t{1} << 32)) {
      throw InputError("too many " + kind + " columns (" + std::to_string(columns_[s]) +
                       ") for one day of steps in one HDF5 chunk (4 GiB): use a longer step");
    }
    written_.ids[s] = columnIds(model, decl.column_kind);
    linked_[s] = baseline_ && baseline_->datasets[s] && baseline_->ids[s] == written_.ids[s];
    if (!linked_[s]) materialize(s);
  }
}

// Creates the dataset and copies into it the chunks consumed while it equalled the baseline's.
void SeriesSink::materialize(int s) {
  const SeriesDecl& decl = kSeries[s];
  const hsize_t dims[2] = {steps_, columns_[s]};
  H5::Group group = series_.openGroup(std::string(decl.kind));
  H5::DataSet ds = group.createDataSet(std::string(decl.field), H5::PredType::NATIVE_FLOAT,
                                       H5::DataSpace(2, dims), chunked(rows_, columns_[s]));
  writeStringAttribute(ds, "units", std::string(decl.unit));
  writeStringAttribute(ds, "description", std::string(decl.meaning));
  writeStringListAttribute(ds, "ids", written_.ids[s]);
  if (linked_[s]) {
    for (hsize_t first : offsets_)
      writeChunk(ds, first, readChunk(*baseline_->datasets[s], first), s);
  }
  written_.datasets[s] = ds;
  linked_[s] = false;
}

bool SeriesSink::sameAsBaseline(int s, const BlockResult& block) const {
  if (!baseline_ || !baseline_->datasets[s]) return false;
  const auto day = static_cast<size_t>(block.first_step) / rows_;
  const std::vector<ChunkDigest>& digests = baseline_->digests[s];
  return day < digests.size() && digests[day] == block.digest[s];
}

void SeriesSink::prepare(BlockResult& block) const {
  for (int s = 0; s < kSeriesCount; ++s) {
    if (columns_[s] == 0) continue;
    const std::span<const unsigned char> shuffled =
        shuffledChunk(block.values[s], kSeries[s].unit_offset, 1.0 / kSeries[s].unit_si);
    block.digest[s] = chunkDigest(shuffled);
    // The encoding is deterministic: equal digests are equal stored bytes, which consume()
    // copies from the baseline instead of compressing them again.
    if (sameAsBaseline(s, block)) {
      block.encoded[s].clear();
    } else {
      chunks_.encode(block.digest[s], shuffled, block.encoded[s]);
    }
  }
}

void SeriesSink::consume(const BlockResult& block) {
  const auto first = static_cast<hsize_t>(block.first_step);
  for (int s = 0; s < kSeriesCount; ++s) {
    if (columns_[s] == 0) continue;
    written_.digests[s].push_back(block.digest[s]);
    const bool same = sameAsBaseline(s, block);
    if (linked_[s]) {
      if (same) continue;
      materialize(s);
    }
    writeChunk(*written_.datasets[s], first,
               same ? readChunk(*baseline_->datasets[s], first) : block.encoded[s], s);
  }
  offsets_.push_back(first);
}

StoredSeries SeriesSink::finish() {
  for (int s = 0; s < kSeriesCount; ++s) {
    if (!linked_[s]) continue;
    const std::string kind(kSeries[s].kind);
    const std::string field(kSeries[s].field);
    H5::Group group = series_.openGroup(kind);
    if (H5Lcreate_hard(baseline_->datasets[s]->getId(), ".", group.getId(), field.c_str(),
                       H5P_DEFAULT, H5P_DEFAULT) < 0) {
      throw std::runtime_error("HDF5: linking " + kind + "/" + field + " to the baseline failed");
    }
    written_.datasets[s] = group.openDataSet(field);
  }
  return written_;
}

}  // namespace twin
