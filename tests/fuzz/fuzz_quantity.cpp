// Quantities with units ("15 kW", "93.7 %", "25 deg"): the first byte picks the dimension.
#include "fuzz_input.h"
#include "twin/parkfile/quantity.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const auto dimension =
      static_cast<twin::Dimension>(data[0] % (int(twin::Dimension::kRotationalSpeed) + 1));
  const std::string input = fuzz::text(data + 1, size - 1);
  twin::parseQuantity(input, dimension);
  double value = 0.0;
  twin::parseNumber(input, value);
  return 0;
}
