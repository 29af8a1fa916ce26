// The park file through the whole of `parktwin validate`: YAML parse, compile, scenarios.
#include "fuzz_input.h"
#include "twin/model/compile_park.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The weather years are kept across inputs (keyed by everything they are made from), so an
  // input costs its parse and compile, not a synthetic year each time.
  static twin::WeatherCache weather;
  if (weather.size() > 8) weather.clear();  // inputs vary the site and seed: keep memory flat
  twin::CompileOptions options;
  options.weather_cache = &weather;
  return fuzz::refuseOnlyWithInputError([&] {
    twin::compilePark(twin::parkSourceFromText(fuzz::text(data, size), "fuzz.yaml"), options);
  });
}
