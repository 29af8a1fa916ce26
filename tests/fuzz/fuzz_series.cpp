// The bus demand series of `parktwin powerflow --series`, against a 3-bus case.
#include "fuzz_input.h"
#include "twin/parkfile/bus_series_csv.h"

namespace {

const twin::MatpowerCase& smallCase() {
  static const twin::MatpowerCase c = twin::parseMatpowerCase(R"(function mpc = small
mpc.version = '2';
mpc.baseMVA = 100;
mpc.bus = [
  1 3 0 0 0 0 1 1 0 10 1 1.1 0.9;
  2 1 1 0.2 0 0 1 1 0 10 1 1.1 0.9;
  3 1 2 0.5 0 0 1 1 0 10 1 1.1 0.9;
];
mpc.gen = [
  1 0 0 300 -300 1 100 1 250 10 0 0 0 0 0 0 0 0 0 0 0;
];
mpc.branch = [
  1 2 0.01 0.05 0 250 250 250 0 0 1 -360 360;
  2 3 0.01 0.05 0 250 250 250 0 0 1 -360 360;
];
)",
                                                              "small.m");
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return fuzz::refuseOnlyWithInputError(
      [&] { twin::parseBusSeriesCsv(fuzz::text(data, size), "fuzz.csv", smallCase()); });
}
