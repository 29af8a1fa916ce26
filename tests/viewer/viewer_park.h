// A small park for the viewer tests (a workshop with a filled PV roof, a canteen with one pump
// motor, the small test park's 10/0.4 kV feeder from tests/twin/test_park.h) simulated on
// 2025-06-21 into a results file once per test binary.
#pragma once

#include <string>

namespace viewer::testing {

std::string viewerParkYaml();
// Path of the results file (written on first use into the test's temporary folder).
const std::string& viewerResultsPath();

}  // namespace viewer::testing
