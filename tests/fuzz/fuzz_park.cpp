// The park file through the whole of `parktwin validate`: YAML parse, compile, scenarios.
#include "fuzz_input.h"
#include "twin/model/compile_park.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return fuzz::refuseOnlyWithInputError(
      [&] { twin::compilePark(twin::parkSourceFromText(fuzz::text(data, size), "fuzz.yaml")); });
}
