// Writes the sample meter data set of the demo park (datasets/demo-park/meters.csv, documented in
// datasets/demo-park/METERS.md): what an energy management system and a portable power analyser
// would have recorded in the "true" park, with noise and planted faults, so that a new user can
// run `parktwin diagnose` and `parktwin calibrate` at once. Deterministic: the same file on every
// run (xoshiro256** with a fixed seed).
//   make_meter_sample PARK.yaml OUT.csv
#include <fmt/format.h>

#include <iostream>

#include "datasets/tools/meter_sample.h"
#include "twin/base/error.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_meter_sample PARK.yaml OUT.csv\n";
    return 2;
  }
  try {
    twin::sample::writeMeterSample(argv[1], argv[2]);
  } catch (const twin::InputError& e) {
    std::cerr << e.what() << '\n';
    return 2;
  }
  return 0;
}
