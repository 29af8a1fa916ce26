// Shade tables kept on disk between processes (twin/base/disk_cache.h, as
// twin/shading/shade_table_codec.h writes them): a run in a fresh process (the process's tables
// forgotten) reads them back instead of computing, to the same bits; a damaged, truncated or
// misnamed file is never believed, and is replaced; the folder keeps the most recently used
// kDiskCacheFiles of a kind; PARKTWIN_CACHE_DIR=off keeps none.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "twin/base/disk_cache.h"
#include "twin/memory_sink.h"
#include "twin/model/shade_filter.h"
#include "twin/shading/shade_table_codec.h"
#include "twin/shading/shaded_park.h"
#include "twin/test_park.h"

namespace twin::shading {
namespace {

namespace fs = std::filesystem;

// An environment variable set for one test, and put back as it was.
class ScopedEnv {
 public:
  explicit ScopedEnv(const char* name) : name_(name) {
    const char* was = std::getenv(name);
    if (was) was_ = was;
  }
  ~ScopedEnv() {
    if (was_) setenv(name_, was_->c_str(), 1);
    if (!was_) unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> was_;
};

// PARKTWIN_CACHE_DIR set to a folder of the test's (the suite runs with it "off").
class ShadeStore : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() / ("parktwin_shade_store_" + std::to_string(::getpid()));
    fs::remove_all(folder_);
    setenv("PARKTWIN_CACHE_DIR", folder_.c_str(), 1);
    forgetShadeTables();
  }
  void TearDown() override {
    forgetShadeTables();
    fs::remove_all(folder_);
  }
  ScopedEnv cache_dir_{"PARKTWIN_CACHE_DIR"};
  ScopedEnv xdg_{"XDG_CACHE_HOME"};
  std::vector<fs::path> files() const {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(folder_)) out.push_back(e.path());
    return out;
  }
  fs::path folder_;
};

// Tables kept in and read from `folder` as cachedShadeTables keeps them.
void storeShadeTables(const fs::path& folder, const std::string& key, const ShadeTables& tables) {
  keep(folder, "shade", key, shadeTablesBytes(tables));
}
std::optional<ShadeTables> loadStoredShadeTables(const fs::path& folder, const std::string& key,
                                                 size_t arrays) {
  const std::optional<std::string> kept = readKept(folder, "shade", key);
  return kept ? shadeTablesFrom(*kept, arrays) : std::nullopt;
}

test::MemorySink run(const ParkModel& model) {
  return test::runWithThreads(model, makeTimeGrid(model, {}), 2, nullptr);
}

// Two arrays' tables as the engine's have them: NaN beam factors where no node was computed, an
// array without a table.
ShadeTables someTables(double seed) {
  ShadeTable t;
  t.beam.resize(5);
  for (size_t k = 0; k < t.beam.size(); ++k) t.beam[k].fill(seed / double(k + 1));
  t.beam[3].fill(std::numeric_limits<double>::quiet_NaN());
  t.sky = 0.83;
  t.ground = 0.17;
  t.modules = {{0.8, 0.85}, {0.2, 0.15}, {seed, 0.01}};
  return {std::nullopt, t};
}

TEST_F(ShadeStore, AFreshProcessReadsTheTablesBackToTheSameBits) {
  const CompiledPark park = test::compileText(test::shadedParkText(test::kObstacles));
  const size_t before = shadeTableComputations();
  const test::MemorySink computed = run(park.baseline);
  EXPECT_EQ(shadeTableComputations(), before + 1);
  ASSERT_EQ(files().size(), 1u);
  forgetShadeTables();  // as a new process would start
  const test::MemorySink read = run(park.baseline);
  EXPECT_EQ(shadeTableComputations(), before + 1);  // read from the file, not computed
  test::expectBitIdentical(computed, read);
}

TEST_F(ShadeStore, ADamagedFileIsComputedAgainAndReplaced) {
  const CompiledPark park = test::compileText(test::shadedParkText(test::kObstacles));
  const test::MemorySink computed = run(park.baseline);
  ASSERT_EQ(files().size(), 1u);
  const fs::path file = files()[0];
  const uintmax_t size = fs::file_size(file);
  for (const bool truncate : {false, true}) {
    if (truncate) {
      fs::resize_file(file, size / 2);
    } else {
      std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(static_cast<std::streamoff>(size / 2));
      f.put('\x7f');  // one byte of a table changed: the checksum says so
    }
    forgetShadeTables();
    const size_t before = shadeTableComputations();
    test::expectBitIdentical(computed, run(park.baseline));
    EXPECT_EQ(shadeTableComputations(), before + 1) << (truncate ? "truncated" : "changed");
    EXPECT_EQ(fs::file_size(file), size);  // kept again, whole
  }
}

// max_shading_loss's spot losses (twin/model/shade_filter.h) are kept the same way: a second
// computation reads the file (the same file, touched, not a new one renamed over it), to the same
// bits.
TEST_F(ShadeStore, SpotLossesAreKeptAndReadBack) {
  const CompiledPark park = test::compileText(test::shadedParkText(test::kObstacles));
  const PvArray& array = park.baseline.pv[0];
  const std::vector<double> computed = annualSpotLosses(park.baseline, array);
  ASSERT_EQ(files().size(), 1u);
  const fs::path file = files()[0];
  EXPECT_EQ(file.filename().string().substr(0, 6), "spots-");
  const auto inode = [&] {
    struct stat st {};
    ::stat(file.c_str(), &st);
    return st.st_ino;
  };
  const ino_t before = inode();
  EXPECT_EQ(annualSpotLosses(park.baseline, array), computed);
  EXPECT_EQ(inode(), before);
  keep(folder_, "other", "key", "bytes");  // another kind beside it: not read as spots
  EXPECT_EQ(annualSpotLosses(park.baseline, array), computed);
  EXPECT_EQ(readKept(folder_, "other", "key"), std::optional<std::string>("bytes"));
}

TEST_F(ShadeStore, RoundTripsTablesAndRefusesAnotherKeyOrShape) {
  const ShadeTables tables = someTables(0.5);
  storeShadeTables(folder_, "key-a", tables);
  const std::optional<ShadeTables> back = loadStoredShadeTables(folder_, "key-a", 2);
  ASSERT_TRUE(back.has_value());
  ASSERT_FALSE((*back)[0].has_value());
  const ShadeTable& t = *(*back)[1];
  EXPECT_EQ(t.beam[0], tables[1]->beam[0]);
  EXPECT_TRUE(std::isnan(t.beam[3][0]));
  EXPECT_EQ(t.sky, 0.83);
  EXPECT_EQ(t.modules.loss, tables[1]->modules.loss);
  EXPECT_FALSE(loadStoredShadeTables(folder_, "key-b", 2).has_value());  // none kept
  // Key a's file under key b's name: its header names another key.
  storeShadeTables(folder_, "key-b", someTables(0.25));
  std::vector<fs::path> two = files();
  ASSERT_EQ(two.size(), 2u);
  fs::copy_file(two[0], two[1], fs::copy_options::overwrite_existing);
  const bool a_first = loadStoredShadeTables(folder_, "key-a", 2).has_value();
  const bool b_first = loadStoredShadeTables(folder_, "key-b", 2).has_value();
  EXPECT_NE(a_first, b_first);  // the copy is refused (and removed), the original read
  EXPECT_EQ(files().size(), 1u);
  // Tables of another number of arrays than the model has are not taken.
  storeShadeTables(folder_, "key-c", tables);
  EXPECT_FALSE(loadStoredShadeTables(folder_, "key-c", 3).has_value());
}

TEST_F(ShadeStore, KeepsTheMostRecentlyUsedFiles) {
  storeShadeTables(folder_, "key-0", someTables(1.0));
  for (size_t i = 1; i < kDiskCacheFiles + 3; ++i) {
    storeShadeTables(folder_, "key-" + std::to_string(i), someTables(1.0));
    ASSERT_TRUE(loadStoredShadeTables(folder_, "key-0", 2).has_value()) << i;  // used: kept
  }
  EXPECT_EQ(files().size(), kDiskCacheFiles);
  EXPECT_FALSE(loadStoredShadeTables(folder_, "key-1", 2).has_value());  // the oldest gone
}

TEST_F(ShadeStore, AFolderThatCannotBeWrittenKeepsNothingAndOffMeansNone) {
  fs::create_directories(folder_);
  std::ofstream(folder_ / "file") << "not a folder";
  const fs::path below_a_file = folder_ / "file" / "cache";
  EXPECT_NO_THROW(storeShadeTables(below_a_file, "key", someTables(1.0)));
  EXPECT_FALSE(loadStoredShadeTables(below_a_file, "key", 2).has_value());
  ASSERT_TRUE(diskCacheFolder().has_value());
  EXPECT_EQ(*diskCacheFolder(), folder_);
  setenv("PARKTWIN_CACHE_DIR", "off", 1);
  EXPECT_FALSE(diskCacheFolder().has_value());
  unsetenv("PARKTWIN_CACHE_DIR");
  setenv("XDG_CACHE_HOME", "/var/cache/someone", 1);
  EXPECT_EQ(*diskCacheFolder(), fs::path("/var/cache/someone/parktwin"));
}

}  // namespace
}  // namespace twin::shading
