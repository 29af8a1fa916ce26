// /model: the park model a results file describes itself with. The demo park's baseline and its
// rooftop-pv scenario (roof and facade arrays laid out module by module) are written and read
// back; every declared column is in the file with its units; module corners are the modules'
// real rectangles; a damaged /model is reported naming the table, column and row.
#include "twin/results/model_tables.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <Eigen/Geometry>
#include <filesystem>
#include <functional>

#include "twin/base/error.h"
#include "twin/results/hdf5_io.h"
#include "twin/results/results_reader.h"
#include "twin/test_park.h"

namespace twin {
namespace {

namespace fs = std::filesystem;

class ModelTablesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { park_ = new CompiledPark(test::compileDemoPark()); }
  static void TearDownTestSuite() { delete park_; }
  void SetUp() override {
    path_ = (fs::temp_directory_path() /
             ("parktwin_model_" + std::to_string(::getpid()) + "_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".h5"))
                .string();
    H5::H5File file(path_, H5F_ACC_TRUNC);
    H5::Group root = file.openGroup("/");
    writeModel(root, park_->baseline, "the park as it is");
    H5::Group scenarios = file.createGroup("scenarios");
    for (const ParkModel& m : park_->scenarios) {
      H5::Group g = scenarios.createGroup(m.scenario);
      writeModel(g, m, m.scenario);
    }
  }
  void TearDown() override { fs::remove(path_); }
  const ParkModel& scenario(const std::string& name) const {
    for (const ParkModel& m : park_->scenarios) {
      if (m.scenario == name) return m;
    }
    throw std::runtime_error("no scenario " + name);
  }
  static CompiledPark* park_;
  std::string path_;
};
CompiledPark* ModelTablesTest::park_ = nullptr;

// Stored values are value / unit and read back times unit: equal to a few ulp.
void expectClose(double expected, double actual, const std::string& what) {
  EXPECT_NEAR(actual, expected, 1e-12 * std::max(1.0, std::abs(expected))) << what;
}

void expectSameDescription(const ParkModel& a, const ParkModel& b) {
  EXPECT_EQ(b.site.name, a.site.name);
  EXPECT_EQ(b.site.name_zh, a.site.name_zh);
  expectClose(a.site.latitude_deg, b.site.latitude_deg, "latitude");
  EXPECT_EQ(b.site.utc_offset_s, a.site.utc_offset_s);
  ASSERT_EQ(b.buildings.size(), a.buildings.size());
  for (size_t i = 0; i < a.buildings.size(); ++i) {
    EXPECT_EQ(b.buildings[i].id, a.buildings[i].id);
    EXPECT_EQ(b.buildings[i].name_zh, a.buildings[i].name_zh);
    EXPECT_EQ(b.buildings[i].roof, a.buildings[i].roof);
    EXPECT_EQ(b.buildings[i].footprint, a.buildings[i].footprint) << a.buildings[i].id;
  }
  ASSERT_EQ(b.network.buses.size(), a.network.buses.size());
  for (size_t i = 0; i < a.network.feeders.size(); ++i) {
    EXPECT_EQ(b.network.feeders[i].kind, a.network.feeders[i].kind);
    EXPECT_EQ(b.network.feeders[i].branch, a.network.feeders[i].branch);
    EXPECT_EQ(b.network.feeders[i].parent, a.network.feeders[i].parent);
  }
  EXPECT_EQ(b.network.grid_bus, a.network.grid_bus);
  expectClose(a.network.voltage_tolerance, b.network.voltage_tolerance, "voltage tolerance");
  ASSERT_EQ(b.network.transformers.size(), a.network.transformers.size());
  for (size_t i = 0; i < a.network.transformers.size(); ++i) {
    const Transformer& x = a.network.transformers[i];
    const Transformer& y = b.network.transformers[i];
    EXPECT_EQ(y.from, x.from);
    EXPECT_EQ(y.to, x.to);
    expectClose(x.rating.load_loss, y.rating.load_loss, x.id);
  }
  ASSERT_EQ(b.motors.size(), a.motors.size());
  for (size_t i = 0; i < a.motors.size(); ++i) {
    const Motor& x = a.motors[i];
    const Motor& y = b.motors[i];
    EXPECT_EQ(y.id, x.id);
    EXPECT_EQ(y.name_zh, x.name_zh);
    EXPECT_EQ(y.driven, x.driven);
    EXPECT_EQ(y.building, x.building);
    EXPECT_EQ(y.bus, x.bus);
    EXPECT_EQ(y.efficiency_class, x.efficiency_class);
    EXPECT_EQ(y.poles, x.poles);
    expectClose(x.nameplate.rated_power, y.nameplate.rated_power, x.id);
    expectClose(x.nameplate.rated_efficiency, y.nameplate.rated_efficiency, x.id);
  }
  ASSERT_EQ(b.loads.size(), a.loads.size());
  for (size_t i = 0; i < a.loads.size(); ++i) EXPECT_EQ(b.loads[i].name_zh, a.loads[i].name_zh);
  ASSERT_EQ(b.storage.size(), a.storage.size());
  ASSERT_EQ(b.ev_chargers.size(), a.ev_chargers.size());
  ASSERT_EQ(b.pv.size(), a.pv.size());
  for (size_t i = 0; i < a.pv.size(); ++i) {
    const PvArray& x = a.pv[i];
    const PvArray& y = b.pv[i];
    EXPECT_EQ(y.surface, x.surface);
    EXPECT_EQ(y.building, x.building);
    EXPECT_EQ(y.facade, x.facade);
    EXPECT_EQ(y.filled, x.filled);
    expectClose(x.dc_capacity, y.dc_capacity, x.id);
    expectClose(x.tilt, y.tilt, x.id);
    EXPECT_EQ(y.shading, x.shading);
    expectClose(x.standoff, y.standoff, x.id);
    EXPECT_EQ(y.spots_left_for_shade, x.spots_left_for_shade);
    ASSERT_EQ(y.modules.size(), x.modules.size()) << x.id;
    for (size_t k = 0; k < x.modules.size(); ++k) {
      EXPECT_EQ(y.modules[k].center.x, x.modules[k].center.x);
      expectClose(x.modules[k].rotation, y.modules[k].rotation, x.id);
    }
  }
}

TEST_F(ModelTablesTest, BaselineAndScenariosReadBackAsWritten) {
  expectSameDescription(park_->baseline, readStoredModel(path_, "baseline"));
  const ParkModel pv = readStoredModel(path_, "rooftop-pv");
  EXPECT_EQ(pv.scenario, "rooftop-pv");
  expectSameDescription(scenario("rooftop-pv"), pv);
  expectSameDescription(scenario("storage-managed-ev"),
                        readStoredModel(path_, "storage-managed-ev"));
  EXPECT_GT(pv.pv.size(), park_->baseline.pv.size());
  // Names in Chinese: the demo's first motors (a group of four presses) carry their entry's.
  EXPECT_EQ(park_->baseline.motors[0].name_zh, "机械压力机主传动，630–800 t");
  EXPECT_EQ(park_->baseline.motors[3].name_zh, park_->baseline.motors[0].name_zh);
  EXPECT_EQ(park_->baseline.loads[0].name_zh, "");
}

TEST_F(ModelTablesTest, EveryDeclaredColumnIsStoredWithItsUnits) {
  H5::H5File file(path_, H5F_ACC_RDONLY);
  const H5::Group model = file.openGroup("model");
  size_t numbers = 0;
  for (const ModelColumnInfo& c : modelColumns()) {
    const std::string where = std::string(c.table) + "/" + std::string(c.name);
    ASSERT_TRUE(model.nameExists(std::string(c.table))) << where;
    const H5::Group table = model.openGroup(std::string(c.table));
    ASSERT_TRUE(table.nameExists(std::string(c.name))) << where;
    const H5::DataSet ds = table.openDataSet(std::string(c.name));
    EXPECT_EQ(stringAttribute(ds, "units"), std::string(c.units)) << where;
    EXPECT_FALSE(stringAttribute(ds, "description").empty()) << where;
    numbers += c.units.empty() ? 0 : 1;
  }
  EXPECT_GT(numbers, 40u);
  // The motor ratings as a reader sees them: kW, and % for efficiency.
  const H5::Group motor = model.openGroup("motor");
  const size_t n = park_->baseline.motors.size();
  const std::vector<double> kw = readDoubleVector(motor.openDataSet("rated_power_kW"), n, "kW");
  const std::vector<double> pct =
      readDoubleVector(motor.openDataSet("rated_efficiency_pct"), n, "pct");
  EXPECT_DOUBLE_EQ(kw[0], park_->baseline.motors[0].nameplate.rated_power / 1e3);
  EXPECT_DOUBLE_EQ(pct[0], park_->baseline.motors[0].nameplate.rated_efficiency * 100.0);
}

// Corners of each laid-out module: a rectangle of the module's length and width, on roofs tilted
// to the array's tilt with its lower edge at the building height, on facades in the wall's plane.
TEST_F(ModelTablesTest, ModuleCornersAreTheModulesRectangles) {
  H5::H5File file(path_, H5F_ACC_RDONLY);
  const H5::Group pv =
      file.openGroup("scenarios").openGroup("rooftop-pv").openGroup("model").openGroup("pv");
  const ParkModel& m = scenario("rooftop-pv");
  const std::vector<int64_t> first =
      readInt64Vector(pv.openDataSet("module_first"), m.pv.size() + 1, "first");
  const auto total = static_cast<size_t>(first.back());
  H5::DataSet ds = pv.openDataSet("module_corners_m");
  expectLayout(ds, H5T_FLOAT, {total, 4, 3}, "corners");
  std::vector<double> xyz(total * 12);
  ds.read(xyz.data(), H5::PredType::NATIVE_DOUBLE);
  size_t roofs = 0, facades = 0;
  for (size_t a = 0; a < m.pv.size(); ++a) {
    const PvArray& arr = m.pv[a];
    if (arr.modules.empty()) continue;
    const Building& b = m.buildings[static_cast<size_t>(arr.building)];
    const auto k = static_cast<size_t>(first[a]);  // the array's first module
    Eigen::Vector3d c[4];
    for (int i = 0; i < 4; ++i) c[i] = Eigen::Vector3d::Map(&xyz[12 * k + 3 * size_t(i)]);
    const double along = (c[1] - c[0]).norm();
    const double across = (c[3] - c[0]).norm();
    EXPECT_NEAR(along * across, arr.module_size.length * arr.module_size.width, 1e-9) << arr.id;
    EXPECT_NEAR((c[1] - c[0]).dot(c[3] - c[0]), 0.0, 1e-9) << arr.id;
    const Eigen::Vector3d normal = (c[1] - c[0]).cross(c[3] - c[0]).normalized();
    if (arr.surface == PvSurface::kFacade) {
      ++facades;
      EXPECT_NEAR(normal.z(), 0.0, 1e-9) << arr.id;  // vertical, in the wall
    } else {
      ++roofs;
      EXPECT_NEAR(std::min({c[0].z(), c[1].z(), c[2].z(), c[3].z()}), b.height, 1e-9) << arr.id;
      EXPECT_NEAR(std::acos(normal.z()), arr.tilt, 1e-9) << arr.id;
      // Facing the azimuth (clockwise from north): the normal leans that way.
      if (arr.tilt > 0.01) {
        EXPECT_GT(normal.x() * std::sin(arr.azimuth) + normal.y() * std::cos(arr.azimuth), 0.0);
      }
    }
  }
  EXPECT_GT(roofs, 0u);
  EXPECT_GT(facades, 0u);
}

TEST_F(ModelTablesTest, DamagedModelIsReportedByTableColumnAndRow) {
  {
    H5::H5File file(path_, H5F_ACC_RDWR);
    H5::Group motor = file.openGroup("model").openGroup("motor");
    motor.unlink("bus");
    std::vector<std::string> buses(park_->baseline.motors.size(), "LV-W1");
    buses[3] = "NOWHERE";
    writeStringVector(motor, "bus", buses);
    file.openGroup("scenarios")
        .openGroup("rooftop-pv")
        .openGroup("model")
        .openGroup("load")
        .unlink("rated_power_kW");
  }
  try {
    readStoredModel(path_, "baseline");
    FAIL() << "a dangling bus id was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(path_), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("model/motor/bus row 3: unknown value \"NOWHERE\""),
              std::string::npos)
        << e.what();
  }
  try {
    readStoredModel(path_, "rooftop-pv");
    FAIL() << "a missing column was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("model/load/rated_power_kW is missing"), std::string::npos)
        << e.what();
  }
  EXPECT_THROW(readStoredModel(path_, "no-such-scenario"), InputError);
}

// The model group of a scenario in the file at `path`, opened for writing.
struct ModelForWriting {
  explicit ModelForWriting(const std::string& path, const std::string& scenario)
      : file(path, H5F_ACC_RDWR),
        model(file.openGroup("scenarios").openGroup(scenario).openGroup("model")) {}
  H5::H5File file;
  H5::Group model;
};

void replaceTexts(H5::Group table, const std::string& column, std::vector<std::string> values) {
  table.unlink(column);
  writeStringVector(table, column, values);
}

void replaceNumbers(H5::Group table, const std::string& column, std::vector<double> values) {
  table.unlink(column);
  writeDoubleVector(table, column, values, "");
}

using Damage = std::pair<std::function<void(H5::Group)>, std::string>;

// Damaged tables: a huge declared length, a fractional count, wrong lengths and types, a missing
// required reference, a feeder loop.
std::vector<Damage> tableDamages(const ParkModel& m) {
  std::vector<std::string> bus_ids;
  for (const Bus& b : m.network.buses) bus_ids.push_back(b.id);
  return {{[](H5::Group g) {
             H5::Group motor = g.openGroup("motor");
             motor.removeAttr("rows");
             const int64_t huge = int64_t{1} << 40;
             motor.createAttribute("rows", H5::PredType::NATIVE_INT64, H5::DataSpace(H5S_SCALAR))
                 .write(H5::PredType::NATIVE_INT64, &huge);
           },
           "model/motor: rows is 1099511627776"},
          {[=, &m](H5::Group g) {
             std::vector<double> poles(m.motors.size(), 4.0);
             poles[1] = 4.5;
             replaceNumbers(g.openGroup("motor"), "poles", poles);
           },
           "model/motor/poles row 1: unknown value \"4.5\""},
          {[=](H5::Group g) {
             replaceNumbers(g.openGroup("motor"), "rated_power_kW", std::vector<double>(2, 1.0));
           },
           "model/motor/rated_power_kW has an unexpected length"},
          {[=, &m](H5::Group g) {
             replaceTexts(g.openGroup("motor"), "rated_power_kW",
                          std::vector<std::string>(m.motors.size(), "big"));
           },
           "model/motor/rated_power_kW has an unexpected type"},
          {[=, &m](H5::Group g) {
             std::vector<std::string> from(m.network.cables.size(), bus_ids[0]);
             from[0] = "";
             replaceTexts(g.openGroup("cable"), "from", from);
           },
           "model/cable/from row 0: unknown value \"\""},
          {[=](H5::Group g) {
             std::vector<std::string> parent = bus_ids;  // every bus its own parent
             replaceTexts(g.openGroup("feeder"), "parent", parent);
           },
           "bus does not reach the grid connection"}};
}

// Damaged geometry: a roof array without its building, a facade edge that does not exist, module
// offsets past any file, a one-row table with no row.
std::vector<Damage> geometryDamages(const ParkModel& m) {
  size_t facade = 0, roof = 0;
  for (size_t i = 0; i < m.pv.size(); ++i) {
    if (m.pv[i].surface == PvSurface::kFacade) facade = i;
    if (m.pv[i].surface == PvSurface::kRoof) roof = i;
  }
  return {
      {[=, &m](H5::Group g) {
         std::vector<std::string> building(m.pv.size());
         for (size_t i = 0; i < m.pv.size(); ++i) {
           building[i] = m.pv[i].building < 0 ? "" : m.buildings[size_t(m.pv[i].building)].id;
         }
         building[roof] = "";
         replaceTexts(g.openGroup("pv"), "building", building);
       },
       "model/pv " + m.pv[roof].id + ": building or facade does not fit its surface"},
      {[=, &m](H5::Group g) {
         std::vector<double> edge(m.pv.size());
         for (size_t i = 0; i < m.pv.size(); ++i) edge[i] = m.pv[i].facade;
         edge[facade] = 99;
         replaceNumbers(g.openGroup("pv"), "facade", edge);
       },
       "model/pv " + m.pv[facade].id + ": building or facade does not fit its surface"},
      {[=, &m](H5::Group g) {
         H5::Group pv = g.openGroup("pv");
         std::vector<int64_t> first(m.pv.size() + 1, 0);
         first.back() = int64_t{1} << 40;
         pv.unlink("module_first");
         writeInt64Vector(pv, "module_first", first);
       },
       "model/pv/module_first ends beyond"},
      {[=](H5::Group g) {
         H5::Group site = g.openGroup("site");
         for (const std::string& c : childNames(site)) site.unlink(c);
         site.removeAttr("rows");
         writeStringVector(site, "name", {});
         writeStringVector(site, "name_zh", {});
         const int64_t zero = 0;
         site.createAttribute("rows", H5::PredType::NATIVE_INT64, H5::DataSpace(H5S_SCALAR))
             .write(H5::PredType::NATIVE_INT64, &zero);
         for (const char* c : {"latitude_deg", "longitude_deg", "elevation_m", "utc_offset_h"}) {
           writeDoubleVector(site, c, {}, "");
         }
       },
       "model/site must have one row"}};
}

// Each damage, made to a fresh file, is an InputError naming `expected`, and never a crash or an
// allocation of what the file merely declares.
TEST_F(ModelTablesTest, HostileModelsAreRefused) {
  const ParkModel& m = scenario("rooftop-pv");
  std::vector<Damage> cases = tableDamages(m);
  for (Damage& d : geometryDamages(m)) cases.push_back(std::move(d));
  for (const auto& [damage, expected] : cases) {
    TearDown();
    SetUp();
    damage(ModelForWriting(path_, "rooftop-pv").model);
    try {
      readStoredModel(path_, "rooftop-pv");
      ADD_FAILURE() << "accepted; expected: " << expected;
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace twin
