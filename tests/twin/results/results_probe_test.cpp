// The results probe (twin/results/results_probe.h): a file that crashes HDF5 is refused as damaged
// and the test process lives; a file this process wrote and committed is trusted as it is, and
// walked again once it changes, even to the same size and modification time.
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

// Bytes rewritten in place to the same size, the modification time set back as `cp -p` or `touch`
// would: the change time still tells, and the file is walked again (twin/base/file_stamp.h).
TEST(ResultsProbe, WalksAgainAFileRewrittenToTheSameSizeAndTime) {
  const fs::path crasher = fs::path(PARKTWIN_SOURCE_DIR) /
                           "tests/fuzz/regressions/results/hdf5_string_list_heap_overlap.h5bin";
  const fs::path path =
      fs::temp_directory_path() / ("parktwin_probe_same_" + std::to_string(::getpid()) + ".h5");
  std::ofstream(path, std::ios::binary) << std::string(fs::file_size(crasher), '\0');
  const fs::file_time_type written = fs::last_write_time(path);
  trustResultsFile(path.string());
  EXPECT_NO_THROW(probeResultsFile(path.string()));
  {
    std::ifstream in(crasher, std::ios::binary);
    std::ofstream out(path, std::ios::binary | std::ios::in);  // in place: the same inode
    out << in.rdbuf();
  }
  fs::last_write_time(path, written);
  ASSERT_EQ(fs::file_size(path), fs::file_size(crasher));
  EXPECT_THROW(probeResultsFile(path.string()), InputError);
  fs::remove(path);
}

}  // namespace
}  // namespace twin
