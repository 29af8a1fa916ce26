// HDF5 round trip: what the engine computed is what the file holds (in edge units, with units
// and ids attributes), KPIs and metadata included; an unfinished write never reaches the target.
#include "twin/results/results_writer.h"

#include <H5Cpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "twin/engine/engine.h"
#include "twin/memory_sink.h"
#include "twin/results/results_reader.h"
#include "twin/test_park.h"

namespace twin {
namespace {

// How many hard links the object at `name` has.
unsigned hardLinks(const std::string& path, const std::string& name) {
  H5::H5File file(path, H5F_ACC_RDONLY);
  H5O_info_t info{};
  H5Oget_info_by_name(file.getId(), name.c_str(), &info, H5P_DEFAULT);
  return info.rc;
}

namespace fs = std::filesystem;

// Forwards blocks to two sinks.
class TeeSink : public BlockSink {
 public:
  TeeSink(BlockSink& a, BlockSink& b) : a_(a), b_(b) {}
  void prepare(BlockResult& block) const override {
    a_.prepare(block);
    b_.prepare(block);
  }
  void consume(const BlockResult& block) override {
    a_.consume(block);
    b_.consume(block);
  }

 private:
  BlockSink& a_;
  BlockSink& b_;
};

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("parktwin_store_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  // The small test park's baseline written to out.h5 in the test's folder.
  std::string smallParkFile(const RunMeta& meta = {}) const {
    const CompiledPark park = test::compileText(test::smallParkYaml());
    const TimeGrid grid = makeTimeGrid(park.baseline, {});
    const std::string path = (dir_ / "out.h5").string();
    ResultsWriter writer(path, meta, grid);
    BlockSink& sink = writer.beginScenario(park.baseline, "");
    writer.endScenario(runSimulation(park.baseline, grid, &sink));
    writer.commit();
    return path;
  }
  fs::path dir_;
};

// A process keeps the summaries it has read, by the file's stamp (twin/base/file_stamp.h): a file
// written again at the same path is read again, even within the same second.
TEST_F(StoreTest, SummaryFollowsTheFileAtItsPath) {
  RunMeta meta;
  meta.created_utc = "first";
  const std::string path = smallParkFile(meta);
  EXPECT_EQ(readResultsSummary(path).created_utc, "first");
  EXPECT_EQ(readResultsSummary(path).created_utc, "first");  // kept
  const fs::file_time_type written = fs::last_write_time(path);
  meta.created_utc = "again";  // as many bytes
  smallParkFile(meta);
  fs::last_write_time(path, written);  // and the same modification time
  EXPECT_EQ(readResultsSummary(path).created_utc, "again");
}

TEST_F(StoreTest, RoundTripsSeriesKpisAndMeta) {
  const std::string text = test::smallParkYaml();
  const CompiledPark park = test::compileText(text);
  const TimeGrid grid = makeTimeGrid(park.baseline, {});
  const std::string path = (dir_ / "out.h5").string();
  test::MemorySink memory;
  Kpis base_kpis;
  {
    ResultsWriter writer(path, RunMeta{text, "abc123", "parktwin test", "parktwin run", "now"},
                         grid);
    BlockSink& file_sink = writer.beginScenario(park.baseline, "baseline text");
    TeeSink tee(file_sink, memory);
    base_kpis = runSimulation(park.baseline, grid, &tee);
    writer.endScenario(base_kpis);
    BlockSink& ie4_sink = writer.beginScenario(park.scenarios[0], "IE4 pump motors");
    writer.endScenario(runSimulation(park.scenarios[0], grid, &ie4_sink));
    writer.commit();
  }
  ASSERT_TRUE(fs::exists(path));

  const SeriesData motors = readSeries(path, "baseline", "motor", "input_power_kW");
  EXPECT_EQ(motors.units, "kW");
  EXPECT_EQ(motors.ids, (std::vector<std::string>{"PUMP-01", "PUMP-02"}));
  ASSERT_EQ(motors.rows, 7u * 96);
  const std::vector<double> expected = memory.series(kMotorInputPower);
  ASSERT_EQ(motors.values.size(), expected.size());
  // Stored as float32 rounded to 14 significand bits: within 2^-15 of the value (relative).
  const auto close = [](double stored, double exact) {
    return std::abs(stored - exact) <= std::ldexp(std::abs(exact), -15);
  };
  for (size_t i = 0; i < expected.size(); ++i) {
    ASSERT_TRUE(close(motors.values[i], expected[i] / 1e3)) << motors.values[i];
  }

  const SeriesData loading = readSeries(path, "baseline", "transformer", "loading_pct");
  EXPECT_EQ(loading.units, "%");
  EXPECT_TRUE(close(loading.values[136], memory.series(kTransformerLoading)[136] / 1e-2));

  // The ie4 scenario changes the motors, not the weather: its weather series is the baseline's
  // dataset (a hard link, stored once), its motor series its own.
  EXPECT_EQ(hardLinks(path, "/series/weather/ghi_W_m2"), 2u);
  EXPECT_EQ(hardLinks(path, "/scenarios/ie4/series/weather/ghi_W_m2"), 2u);
  EXPECT_EQ(hardLinks(path, "/scenarios/ie4/series/motor/input_power_kW"), 1u);
  EXPECT_EQ(readSeries(path, "ie4", "weather", "ghi_W_m2").values,
            readSeries(path, "baseline", "weather", "ghi_W_m2").values);
  EXPECT_NE(readSeries(path, "ie4", "motor", "input_power_kW").values, motors.values);

  const std::vector<int64_t> times = readTimes(path);
  ASSERT_EQ(times.size(), 7u * 96);
  EXPECT_EQ(times[0], 1735660800);  // 2025-01-01T00:00:00+08:00
  EXPECT_EQ(times[1] - times[0], 900);

  const ResultsSummary summary = readResultsSummary(path);
  ASSERT_EQ(summary.scenarios.size(), 2u);
  EXPECT_EQ(summary.scenarios[0].name, "baseline");
  EXPECT_EQ(summary.scenarios[1].name, "ie4");
  EXPECT_EQ(summary.park_sha256, "abc123");
  EXPECT_EQ(readParkText(path), text);
  double import_kwh = -1.0;
  for (const KpiValue& k : summary.scenarios[0].total) {
    if (k.name == "grid_import_kWh") import_kwh = k.value;
  }
  EXPECT_EQ(import_kwh, base_kpis.total.import_energy / 3.6e6);
  EXPECT_EQ(summary.scenarios[0].months, (std::vector<std::string>{"2025-01"}));
}

// Readers that need less than a whole series: a chunk (a day of steps) at a time, or a range of
// rows (clamped to the series), give the whole read's values at those steps.
TEST_F(StoreTest, SeriesReadByBlocksAndRowRanges) {
  const std::string path = smallParkFile();
  const SeriesData all = readSeries(path, "baseline", "motor", "input_power_kW");
  std::vector<double> blocks;
  size_t next = 0;
  forEachSeriesBlock(path, "baseline", "motor", "input_power_kW", [&](const SeriesData& b) {
    EXPECT_EQ(b.first_row, next);
    EXPECT_EQ(b.rows, 96u);  // the file's chunk: a day of 15-minute steps
    EXPECT_EQ(b.ids, all.ids);
    next += b.rows;
    blocks.insert(blocks.end(), b.values.begin(), b.values.end());
  });
  EXPECT_EQ(next, all.rows);
  EXPECT_EQ(blocks, all.values);

  const SeriesData middle =
      readSeries(path, "baseline", "motor", "input_power_kW", RowRange{100, 5});
  EXPECT_EQ(middle.first_row, 100u);
  ASSERT_EQ(middle.rows, 5u);
  EXPECT_EQ(middle.values, std::vector<double>(all.values.begin() + 100 * all.columns,
                                               all.values.begin() + 105 * all.columns));
  const SeriesData tail =
      readSeries(path, "baseline", "motor", "input_power_kW", RowRange{all.rows - 2, 50});
  EXPECT_EQ(tail.rows, 2u);
  EXPECT_EQ(readSeries(path, "baseline", "motor", "input_power_kW", RowRange{all.rows + 9, 1}).rows,
            0u);
}

// Series are read straight from their stored chunks (chunk_reader.h): the same values as HDF5's
// own filter pipeline and float32-to-double conversion give, whole and across a chunk's edge.
TEST_F(StoreTest, StoredChunksReadAsHdf5ReadsThem) {
  const std::string path = smallParkFile();
  for (const char* field : {"input_power_kW", "efficiency_pct"}) {
    const SeriesData fast = readSeries(path, "baseline", "motor", field);
    std::vector<double> hdf5(fast.rows * fast.columns);
    H5::H5File(path, H5F_ACC_RDONLY)
        .openDataSet(std::string("series/motor/") + field)
        .read(hdf5.data(), H5::PredType::NATIVE_DOUBLE);
    EXPECT_EQ(fast.values, hdf5) << field;
    const SeriesData edge = readSeries(path, "baseline", "motor", field, RowRange{90, 10});
    EXPECT_EQ(edge.values,
              std::vector<double>(hdf5.begin() + 90 * static_cast<long>(fast.columns),
                                  hdf5.begin() + 100 * static_cast<long>(fast.columns)));
  }
}

// The target is complete when it appears: nothing is written to it after the rename, not even
// when the writer, with the baseline's datasets it kept for linking, goes.
TEST_F(StoreTest, CommittedTargetIsCompleteBeforeTheWriterGoes) {
  const CompiledPark park = test::compileText(test::smallParkYaml());
  const TimeGrid grid = makeTimeGrid(park.baseline, {});
  const fs::path target = dir_ / "out.h5";
  const auto bytes = [&] {
    std::ifstream in(target, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  std::string at_commit;
  {
    ResultsWriter writer(target.string(), RunMeta{}, grid);
    BlockSink& base = writer.beginScenario(park.baseline, "");
    writer.endScenario(runSimulation(park.baseline, grid, &base));
    BlockSink& ie4 = writer.beginScenario(park.scenarios[0], "");
    writer.endScenario(runSimulation(park.scenarios[0], grid, &ie4));
    writer.commit();
    at_commit = bytes();
  }
  EXPECT_FALSE(at_commit.empty());
  EXPECT_EQ(bytes(), at_commit);
  EXPECT_EQ(readResultsSummary(target.string()).scenarios.size(), 2u);
}

TEST_F(StoreTest, UncommittedWriteLeavesNoFileAndKeepsExistingTarget) {
  const CompiledPark park = test::compileText(test::smallParkYaml());
  const TimeGrid grid = makeTimeGrid(park.baseline, {});
  const fs::path target = dir_ / "keep.h5";
  std::ofstream(target) << "previous results";
  std::string temp;
  {
    ResultsWriter writer(target.string(), RunMeta{}, grid);
    temp = writer.temporaryPath();
    EXPECT_TRUE(fs::exists(temp));
    std::atomic<bool> cancel{false};
    BlockSink& sink = writer.beginScenario(park.baseline, "");
    RunControl control{[&](long done, long) { cancel = done >= 2; }, &cancel};
    EXPECT_THROW(runSimulation(park.baseline, grid, &sink, control), Interrupted);
  }
  EXPECT_FALSE(fs::exists(temp));
  std::ifstream in(target);
  std::string content;
  std::getline(in, content);
  EXPECT_EQ(content, "previous results");
}

TEST_F(StoreTest, RejectsFilesThatAreNotResults) {
  const fs::path text_file = dir_ / "park.yaml";
  std::ofstream(text_file) << "schema: 1\n";
  try {
    readResultsSummary(text_file.string());
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), text_file.string() + ": not an HDF5 results file");
  }
}

}  // namespace
}  // namespace twin
