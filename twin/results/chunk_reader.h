// Reading series straight from their stored chunks. Where a dataset is as ParkTwin writes it
// (2-D little-endian float32, chunks of whole rows through shuffle + deflate), each chunk is read
// raw (H5Dread_chunk), inflated by libdeflate and unshuffled here instead of going through HDF5's
// filter pipeline, zlib and type conversion: the same values, in a third of the time
// (docs/performance.md). Anything else is left to HDF5.
#pragma once

#include <H5Cpp.h>

#include <cstdint>
#include <vector>

namespace twin {

// The stored (filtered) bytes of the chunk whose first row is `first_row` (column 0) into
// `bytes`, empty when none is stored, and the mask of filters skipped on it. False when HDF5
// cannot read it or it is larger than `max_bytes`.
bool readRawChunk(const H5::DataSet& ds, hsize_t first_row, std::vector<unsigned char>& bytes,
                  uint32_t& skipped, hsize_t max_bytes = ~hsize_t{0});

// Rows [first, first + count) of a series with `columns` columns into `out` (row-major doubles).
// False where the dataset is not as ParkTwin writes it, or a chunk is not stored, was stored
// with a filter skipped or does not inflate to its size: the caller then reads through HDF5,
// which says what is wrong. `out` is then unspecified.
bool readStoredRows(const H5::DataSet& ds, size_t first, size_t count, size_t columns,
                    std::vector<double>& out);

}  // namespace twin
