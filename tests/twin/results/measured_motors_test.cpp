// /diagnosis in a results file: the findings of metered motors round-trip, a second write
// replaces the first, and a file that is not a results file is refused untouched.
#include "twin/results/measured_motors.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "twin/engine/engine.h"
#include "twin/results/results_reader.h"
#include "twin/results/results_writer.h"
#include "twin/test_park.h"

namespace twin {
namespace {

namespace fs = std::filesystem;

class MeasuredMotorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("parktwin_measured_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    path_ = (dir_ / "run.h5").string();
    const std::string text = test::smallParkYaml();
    const CompiledPark park = test::compileText(text);
    const TimeGrid grid = makeTimeGrid(park.baseline, {});
    ResultsWriter writer(path_, RunMeta{text, "abc", "parktwin test", "run", "now"}, grid);
    BlockSink& sink = writer.beginScenario(park.baseline, "baseline");
    writer.endScenario(runSimulation(park.baseline, grid, &sink));
    writer.commit();
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  std::string path_;
};

TEST_F(MeasuredMotorsTest, RoundTripsAndReplaces) {
  EXPECT_TRUE(readMeasuredMotors(path_).motors.empty());  // a run has no /diagnosis
  MeasuredMotors f{"meters.csv", "IE4", {}};
  f.motors.push_back({"P1", 0.912, 0.009, 0.915, 0.45, 0.01, "underloaded, data_gap", 1, 1234.5});
  f.motors.push_back({"P2", MeasuredMotor::kNone, MeasuredMotor::kNone, 0.9, 0.0, 0.0, "", 2,
                      MeasuredMotor::kNone});
  writeMeasuredMotors(path_, f);
  const MeasuredMotors back = readMeasuredMotors(path_);
  EXPECT_EQ(back.meter_file, "meters.csv");
  EXPECT_EQ(back.to_class, "IE4");
  ASSERT_EQ(back.motors.size(), 2u);
  EXPECT_EQ(back.motors[0].id, "P1");
  EXPECT_EQ(back.motors[0].efficiency, 0.912);
  EXPECT_EQ(back.motors[0].flags, "underloaded, data_gap");
  EXPECT_EQ(back.motors[0].saving, 1234.5);
  EXPECT_EQ(back.motors[1].rank, 2);
  EXPECT_TRUE(std::isnan(back.motors[1].efficiency));
  // The run's own content is untouched.
  EXPECT_NO_THROW(readResultsSummary(path_));

  f.motors.resize(1);
  f.to_class = "IE5";
  writeMeasuredMotors(path_, f);
  EXPECT_EQ(readMeasuredMotors(path_).motors.size(), 1u);
  EXPECT_EQ(readMeasuredMotors(path_).to_class, "IE5");
  // No temporary is left beside the file.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(MeasuredMotorsTest, RefusesWhatIsNotAResultsFile) {
  const fs::path text = dir_ / "park.yaml";
  std::ofstream(text) << "schema: 1\n";
  EXPECT_THROW(writeMeasuredMotors(text.string(), {"m.csv", "IE4", {}}), InputError);
  std::ifstream in(text);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "schema: 1");
}

}  // namespace
}  // namespace twin
