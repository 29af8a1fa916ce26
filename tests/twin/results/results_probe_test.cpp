// The results probe (twin/results/results_probe.h): a file that crashes HDF5 is refused as damaged
// and the test process lives; a file this process wrote and committed is trusted as it is, and
// walked again once it changes.
#include "twin/results/results_probe.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "twin/base/error.h"

namespace twin {
namespace {

namespace fs = std::filesystem;

TEST(ResultsProbe, RefusesACrashingFileUntrustedAndTrustsWhatWasCommitted) {
  const fs::path crasher = fs::path(PARKTWIN_SOURCE_DIR) /
                           "tests/fuzz/regressions/results/hdf5_string_list_heap_overlap.h5bin";
  const fs::path path =
      fs::temp_directory_path() / ("parktwin_probe_" + std::to_string(::getpid()) + ".h5");
  fs::copy_file(crasher, path, fs::copy_options::overwrite_existing);
  EXPECT_THROW(probeResultsFile(path.string()), InputError);
  trustResultsFile(path.string());  // as ResultsWriter::commit does for its own file
  EXPECT_NO_THROW(probeResultsFile(path.string()));
  std::ofstream(path, std::ios::app) << 'x';  // changed since: walked again
  EXPECT_THROW(probeResultsFile(path.string()), InputError);
  fs::remove(path);
}

}  // namespace
}  // namespace twin
