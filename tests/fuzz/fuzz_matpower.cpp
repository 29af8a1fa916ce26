// MATPOWER case files, as `parktwin powerflow CASE.m` and `network: {matpower: ...}` read them.
#include "fuzz_input.h"
#include "twin/parkfile/matpower_case.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return fuzz::refuseOnlyWithInputError(
      [&] { twin::parseMatpowerCase(fuzz::text(data, size), "fuzz.m"); });
}
