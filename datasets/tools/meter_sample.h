// The sample meter data set of the demo park: the planted truth and how each meter reads it.
#pragma once

#include <string>

namespace twin::sample {

// Simulates the demo park as it "really" is (the planted truth: datasets/demo-park/METERS.md) and
// writes the readings of its meters to `output` (CSV, the long format of docs/diagnosis.md).
void writeMeterSample(const std::string& park_path, const std::string& output);

}  // namespace twin::sample
