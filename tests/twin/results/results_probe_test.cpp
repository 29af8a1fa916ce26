// The results probe (twin/results/results_probe.h): a file that crashes HDF5 is refused as damaged
// and the test process lives; a file this process wrote and committed is trusted as it is, and
// walked again once it changes, even to the same size and modification time; a walk that takes
// too much memory is stopped and the file refused; an object that many links lead to is walked
// once, and a group first reached too deep to be listed is still listed from nearer the root.
#include "twin/results/results_probe.h"

#include <H5Cpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "twin/base/error.h"

namespace twin {
namespace {

namespace fs = std::filesystem;

// A results regression input (tests/fuzz/regressions/results/NAME.h5bin).
fs::path regression(const std::string& name) {
  return fs::path(PARKTWIN_SOURCE_DIR) / "tests/fuzz/regressions/results" / (name + ".h5bin");
}

// A file of this test's own in the temporary folder.
fs::path scratch(const std::string& name) {
  return fs::temp_directory_path() /
         ("parktwin_probe_" + name + std::to_string(::getpid()) + ".h5");
}

TEST(ResultsProbe, RefusesACrashingFileUntrustedAndTrustsWhatWasCommitted) {
  const fs::path path = scratch("crash");
  fs::copy_file(regression("hdf5_string_list_heap_overlap"), path,
                fs::copy_options::overwrite_existing);
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
  const fs::path crasher = regression("hdf5_string_list_heap_overlap");
  const fs::path path = scratch("same");
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

// Strings of an attribute that claim 512 MiB each (tests/fuzz/regressions/results): the walk is
// stopped by its memory limit, before HDF5 has allocated what they claim.
TEST(ResultsProbe, RefusesAFileWhoseWalkTakesTooMuchMemory) {
  const fs::path path = scratch("memory");
  fs::copy_file(regression("hdf5_vlen_attribute_claims"), path,
                fs::copy_options::overwrite_existing);
  try {
    probeResultsFile(path.string());
    ADD_FAILURE() << "not refused";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("MiB of memory"), std::string::npos) << e.what();
  }
  fs::remove(path);
}

// A group with two links to itself: walked through its links to a depth of 32, that is 2^33 visits
// (the walk was cut at its time limit and the file refused). Each object is now walked once.
TEST(ResultsProbe, WalksAnObjectThatLinksToItselfOnce) {
  const fs::path path = scratch("loop");
  {
    const H5::H5File file(path.string(), H5F_ACC_TRUNC);
    const H5::Group group = file.createGroup("scenarios");
    for (const char* name : {"again", "and_again"}) {
      ASSERT_GE(H5Lcreate_hard(group.getId(), ".", group.getId(), name, H5P_DEFAULT, H5P_DEFAULT),
                0);
    }
  }
  EXPECT_NO_THROW(probeResultsFile(path.string()));
  fs::remove(path);
}

// /z holds a table of 2^33 rows with text (chunked, nothing stored: fill values), whose walk takes
// more than the 2 s a small file may (or, under ASan, more memory): the file is refused. A chain of
// 32 groups, listed before /z, ends in a link to /z at a depth too deep to be listed: /z must still
// be walked through its own link from the root (a group marked as walked there would hide it).
TEST(ResultsProbe, AGroupReachedTooDeepIsStillWalkedFromNearer) {
  const fs::path path = scratch("deep");
  {
    const H5::H5File file(path.string(), H5F_ACC_TRUNC);
    const H5::Group z = file.createGroup("z");
    H5::CompType row(sizeof(char*));
    row.insertMember("name", 0, H5::StrType(H5::PredType::C_S1, H5T_VARIABLE));
    const hsize_t rows = hsize_t{1} << 33, chunk = 1024, most = H5S_UNLIMITED;
    H5::DSetCreatPropList create;
    create.setChunk(1, &chunk);
    z.createDataSet("table", row, H5::DataSpace(1, &rows, &most), create);
    H5::Group at = file.createGroup("a");
    for (int depth = 2; depth <= 32; ++depth) at = at.createGroup("a");
    ASSERT_GE(H5Lcreate_hard(z.getId(), ".", at.getId(), "z", H5P_DEFAULT, H5P_DEFAULT), 0);
  }
  try {
    probeResultsFile(path.string());
    ADD_FAILURE() << "not refused: /z was not walked";
  } catch (const InputError& e) {
    // Stopped by its time, or under ASan by the memory its allocator keeps: /z was walked.
    EXPECT_NE(std::string(e.what()).find("the file is damaged: reading its structure"),
              std::string::npos)
        << e.what();
  }
  fs::remove(path);
}

}  // namespace
}  // namespace twin
