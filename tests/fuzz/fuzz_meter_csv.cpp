// Meter readings (long-format CSV), as `parktwin diagnose` and `calibrate` read them.
#include "fuzz_input.h"
#include "twin/parkfile/meter_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return fuzz::refuseOnlyWithInputError([&] {
    twin::readMeterCsv(fuzz::text(data, size), "fuzz.csv",
                       [](std::string_view id) { return !id.empty() && id != "unknown"; });
  });
}
