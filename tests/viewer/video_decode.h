// Test-side reading of an MP4 back through FFmpeg's libraries: the video stream's codec and size,
// and every frame decoded to RGB (rows from the top).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace viewer::testing {

struct DecodedVideo {
  std::string codec;  // "h264"
  int width = 0;
  int height = 0;
  double fps = 0.0;
  std::vector<std::vector<uint8_t>> frames;  // RGB, width x height x 3 each
};

// Throws std::runtime_error when the file cannot be opened or decoded.
DecodedVideo decodeVideo(const std::string& path);

// Mean absolute difference of two RGB frames, 0..255.
double meanDifference(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b);

}  // namespace viewer::testing
