// Encoding one HDF5 chunk of doubles exactly as HDF5's shuffle + deflate filter pipeline would
// (H5Z shuffle, then zlib's compress2), so that chunks can be compressed in parallel by the
// engine's workers and written raw by the single writer (H5Dwrite_chunk).
#pragma once

#include <vector>

namespace twin {

// (values[i] - offset) * scale, byte-shuffled for 8-byte elements, deflated at `level` (1..9)
// into out.
void encodeShuffledDeflate(const std::vector<double>& values, double offset, double scale,
                           int level, std::vector<unsigned char>& out);

}  // namespace twin
