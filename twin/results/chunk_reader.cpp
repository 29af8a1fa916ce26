#include "twin/results/chunk_reader.h"

#include <algorithm>
#include <span>

#include "twin/results/chunk_codec.h"

namespace twin {
namespace {

// The most values of a chunk read here (ParkTwin writes a day of steps: 1,440 rows at 1 minute);
// a file claiming larger ones is left to HDF5.
constexpr hsize_t kMaxChunkValues = hsize_t{1} << 24;

// The rows per chunk where `ds` is stored as ParkTwin writes its series; 0 where it is not.
hsize_t parkTwinChunkRows(const H5::DataSet& ds, size_t columns) {
  if (!(ds.getDataType() == H5::PredType::IEEE_F32LE)) return 0;
  const H5::DSetCreatPropList props = ds.getCreatePlist();
  if (props.getLayout() != H5D_CHUNKED || props.getNfilters() != 2) return 0;
  hsize_t chunk[2] = {0, 0};
  if (props.getChunk(2, chunk) != 2 || chunk[1] != columns || chunk[0] == 0) return 0;
  if (chunk[0] * columns > kMaxChunkValues) return 0;
  unsigned values[8];
  size_t count = 8;
  auto filter = [&](unsigned index) {
    unsigned flags = 0, config = 0;
    char name[32];
    count = 8;
    return H5Pget_filter2(props.getId(), index, &flags, &count, values, sizeof name, name, &config);
  };
  // The shuffle of 4-byte elements (its one parameter), then deflate.
  const bool shuffle4 = filter(0) == H5Z_FILTER_SHUFFLE && count == 1 && values[0] == 4;
  return shuffle4 && filter(1) == H5Z_FILTER_DEFLATE ? chunk[0] : 0;
}

}  // namespace

bool readRawChunk(const H5::DataSet& ds, hsize_t first_row, std::vector<unsigned char>& bytes,
                  uint32_t& skipped, hsize_t max_bytes) {
  const hsize_t offset[2] = {first_row, 0};
  hsize_t size = 0;
  skipped = 0;
  if (H5Dget_chunk_storage_size(ds.getId(), offset, &size) < 0 || size > max_bytes) return false;
  bytes.resize(size);
  return size == 0 || H5Dread_chunk(ds.getId(), H5P_DEFAULT, offset, &skipped, bytes.data()) >= 0;
}

bool readStoredRows(const H5::DataSet& ds, size_t first, size_t count, size_t columns,
                    std::vector<double>& out) {
  const auto rows = static_cast<size_t>(parkTwinChunkRows(ds, columns));
  if (rows == 0) return false;
  const size_t values = rows * columns;
  out.resize(count * columns);
  thread_local std::vector<float> chunk;  // buffers kept across the blocks of a series
  thread_local std::vector<unsigned char> stored;
  for (size_t row = first - first % rows; row < first + count; row += rows) {
    // A stored chunk larger than deflate's worst case for its values is not one of ours.
    uint32_t skipped = 0;
    if (!readRawChunk(ds, row, stored, skipped, values * sizeof(float) + values / 1000 + 1024) ||
        stored.empty() || skipped != 0 || !inflateChunk(stored, values, chunk)) {
      return false;
    }
    const size_t from = std::max(first, row), to = std::min(first + count, row + rows);
    std::copy(chunk.begin() + static_cast<long>((from - row) * columns),
              chunk.begin() + static_cast<long>((to - row) * columns),
              out.begin() + static_cast<long>((from - first) * columns));
  }
  return true;
}

}  // namespace twin
