// Units at the viewer's edge: series are read into SI through their `units` attribute and the
// one table of edge units (twin/base/units.h); legend limits come from the model; a dataset in a
// unit the table lacks is refused naming it.
#include "viewer/results_data.h"

#include <H5Cpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

#include "twin/base/error.h"
#include "twin/results/measured_motors.h"
#include "viewer/results_binding.h"
#include "viewer/selection_panel.h"
#include "viewer_park.h"

namespace viewer {
namespace {

namespace fs = std::filesystem;

TEST(ResultsData, SeriesAreReadIntoSiThroughTheirUnits) {
  const std::string& path = testing::viewerResultsPath();
  const ResultsData r = loadResults(path, "baseline");
  const twin::SeriesData kw = twin::readSeries(path, "baseline", "pv", "ac_power_kW");
  const twin::SeriesData pct = twin::readSeries(path, "baseline", "transformer", "loading_pct");
  ASSERT_EQ(kw.units, "kW");
  ASSERT_EQ(pct.units, "%");
  ASSERT_EQ(r.pv_ac_power.rows, kw.rows);
  double peak = 0.0;
  for (size_t t = 0; t < kw.rows; ++t) {
    EXPECT_DOUBLE_EQ(r.pv_ac_power.at(t, 0), kw.values[t] * 1e3);
    EXPECT_DOUBLE_EQ(r.transformer_loading.at(t, 0), pct.values[t] * 1e-2);
    peak = std::max(peak, r.pv_ac_power.at(t, 0));
  }
  EXPECT_GT(peak, 1e4);  // a roof of PV at midsummer noon: tens of kW, in W
}

// A snapshot or a video reads only the steps it shows: the values at those steps are the whole
// year's, steps outside are NaN, and shares over the period (PV shading) do not change.
TEST(ResultsData, RowRangeHoldsTheStepsAskedFor) {
  const std::string& path = testing::viewerResultsPath();
  const ResultsData all = loadResults(path, "baseline");
  ResultsData part = loadResults(path, "baseline", twin::RowRange{0, 0});
  EXPECT_FALSE(part.motor_load.present());
  const size_t first = all.times.size() / 2;
  loadSeries(part, twin::RowRange{first, 3});
  EXPECT_EQ(part.motor_load.first_row, first);
  EXPECT_EQ(part.motor_load.rows, 3u);
  for (size_t t = first; t < first + 3; ++t) {
    for (size_t c = 0; c < all.motor_load.columns; ++c) {
      EXPECT_EQ(part.motor_load.at(t, c), all.motor_load.at(t, c));
    }
    EXPECT_EQ(part.pv_ac_power.at(t, 0), all.pv_ac_power.at(t, 0));
    EXPECT_EQ(part.bus_net_power.at(t, 0), all.bus_net_power.at(t, 0));
  }
  EXPECT_TRUE(std::isnan(part.motor_load.at(first - 1, 0)));
  EXPECT_TRUE(std::isnan(part.motor_load.at(first + 3, 0)));
  EXPECT_EQ(part.pv_shading_loss, all.pv_shading_loss);
  // A range past the end is clamped to the series.
  loadSeries(part, twin::RowRange{all.times.size() - 1, 10});
  EXPECT_EQ(part.grid_import.rows, 1u);
  EXPECT_EQ(part.grid_import.at(all.times.size() - 1, 0),
            all.grid_import.at(all.times.size() - 1, 0));
}

TEST(ResultsData, BusVoltageLegendSpansTheModelsTolerance) {
  ResultsData r = loadResults(testing::viewerResultsPath(), "baseline");
  EXPECT_DOUBLE_EQ(makeLegends(r)[size_t(Quantity::kBus)].hi, 7.0);  // the default 7 %
  r.model.network.voltage_tolerance = 0.05;
  EXPECT_DOUBLE_EQ(makeLegends(r)[size_t(Quantity::kBus)].hi, 5.0);
}

TEST(ResultsData, UnknownUnitsAreRefusedNamingTheSeries) {
  const fs::path copy =
      fs::temp_directory_path() / ("parktwin_units_" + std::to_string(::getpid()) + ".h5");
  fs::copy_file(testing::viewerResultsPath(), copy, fs::copy_options::overwrite_existing);
  {
    H5::H5File file(copy.string(), H5F_ACC_RDWR);
    H5::DataSet ds = file.openDataSet("/series/motor/input_power_kW");
    ds.removeAttr("units");
    const H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
    ds.createAttribute("units", type, H5::DataSpace(H5S_SCALAR)).write(type, std::string("hp"));
  }
  try {
    loadResults(copy.string(), "baseline");
    ADD_FAILURE() << "a series in hp was accepted";
  } catch (const twin::InputError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("motor/input_power_kW"), std::string::npos) << what;
    EXPECT_NE(what.find("unknown units \"hp\""), std::string::npos) << what;
  }
  fs::remove(copy);
}

// The PV shading layer: each array's share of its energy lost to shade over the file, from
// pv/shading_loss_kW and pv/ac_power_kW, as the legend value of Quantity::kPvShading.
TEST(ResultsData, PvShadingLossIsTheShareOfEnergyLost) {
  const std::string& path = testing::viewerResultsPath();
  const ResultsData r = loadResults(path, "baseline");
  ASSERT_EQ(r.pv_shading_loss.size(), r.model.pv.size());
  const twin::SeriesData lost = twin::readSeries(path, "baseline", "pv", "shading_loss_kW");
  const twin::SeriesData ac = twin::readSeries(path, "baseline", "pv", "ac_power_kW");
  double l = 0.0, e = 0.0;
  for (size_t t = 0; t < lost.rows; ++t) {
    l += lost.values[t * lost.columns];
    e += ac.values[t * ac.columns];
  }
  ASSERT_GT(e, 0.0);
  EXPECT_NEAR(r.pv_shading_loss[0], l / (e + l), 1e-9);
  EXPECT_GE(r.pv_shading_loss[0], 0.0);
  EXPECT_LT(r.pv_shading_loss[0], 0.5);
  EXPECT_NEAR(legendValue(r, Quantity::kPvShading, 0, 0), 100 * r.pv_shading_loss[0], 1e-9);
  EXPECT_EQ(legendValue(r, Quantity::kPvShading, 0, 0),
            legendValue(r, Quantity::kPvShading, 0, r.times.size() - 1));  // one value a year
}

// `parktwin diagnose --results`: a metered motor is coloured by its measured efficiency (over its
// nameplate, constant in time) and its selection text leads with the meters' verdict.
TEST(ResultsData, MeasuredFindingsColourAndDescribeMeteredMotors) {
  const fs::path copy =
      fs::temp_directory_path() / ("parktwin_measured_" + std::to_string(::getpid()) + ".h5");
  fs::copy_file(testing::viewerResultsPath(), copy, fs::copy_options::overwrite_existing);
  const ResultsData before = loadResults(copy.string(), "baseline");
  EXPECT_TRUE(before.measured.empty());
  twin::MeasuredMotors found{"meters.csv", "IE4", {}};
  found.motors.push_back({"PUMP", 0.80, 0.01, 0.88, 0.2, 0.01, "underloaded", 1, 2500.0});
  twin::writeMeasuredMotors(copy.string(), found);
  const ResultsData r = loadResults(copy.string(), "baseline");
  const size_t pump = findObject(r.model, "PUMP")->index;
  ASSERT_EQ(r.measured.size(), r.model.motors.size());
  EXPECT_EQ(r.measured[pump].id, "PUMP");
  const double rated = r.model.motors[pump].nameplate.rated_efficiency;
  for (size_t step : {size_t(0), r.times.size() / 2}) {
    EXPECT_DOUBLE_EQ(legendValue(r, Quantity::kMotor, pump, step), 100 * 0.80 / rated);
  }
  const std::string d = diagnose(r, ObjectRef{ObjectKind::kMotor, pump});
  EXPECT_EQ(d.find("Measured (meters.csv): load 20 ± 1 %, efficiency 80.0 ± 1.0 % (class curve "
                   "88.0 %)"),
            0u)
      << d;
  EXPECT_NE(d.find("Flags: underloaded"), std::string::npos) << d;
  EXPECT_NE(d.find("Rank 1 of the metered motors: IE4 saves 2.5 kCNY a year."), std::string::npos)
      << d;
  fs::remove(copy);
}

}  // namespace
}  // namespace viewer
