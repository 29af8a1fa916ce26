// EnergyPlus weather files (EPW), as `weather: {source: FILE.epw}` reads them.
#include "fuzz_input.h"
#include "twin/parkfile/epw_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return fuzz::refuseOnlyWithInputError(
      [&] { twin::parseEpw(fuzz::text(data, size), "fuzz.epw"); });
}
