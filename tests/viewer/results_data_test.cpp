// Units at the viewer's edge: series are read into SI through their `units` attribute and the
// one table of edge units (twin/base/units.h); legend limits come from the model; a dataset in a
// unit the table lacks is refused naming it.
#include "viewer/results_data.h"

#include <H5Cpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "twin/base/error.h"
#include "viewer/results_binding.h"
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

}  // namespace
}  // namespace viewer
