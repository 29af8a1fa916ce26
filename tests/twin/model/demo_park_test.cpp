// The bundled demo park: it holds what the product promises (buildings, motors, compressors,
// 10/0.4 kV transformers, lighting, HVAC, EV chargers, scenarios), and its nameplates agree with
// the standards tables in ../shared/datasets/standards (tests skip when that folder is absent):
// rated efficiencies with IEC 60034-30-1 (50 Hz, computed table, 0.1 % rounding: exact match),
// transformer losses with GB 20052-2024 Table 1 (oil-immersed, electrical steel: exact match).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "shared_data.h"
#include "twin/test_park.h"

namespace twin {
namespace {

TEST(DemoPark, HoldsWhatTheProductPromises) {
  const CompiledPark park = test::compileDemoPark();
  const ParkModel& m = park.baseline;
  EXPECT_GE(m.buildings.size(), 8u);
  EXPECT_GE(m.motors.size(), 150u);
  EXPECT_GE(std::count_if(m.motors.begin(), m.motors.end(),
                          [](const Motor& x) { return x.driven == DrivenKind::kAirCompressor; }),
            4);
  int distribution_transformers = 0;
  for (const Transformer& t : m.network.transformers) {
    distribution_transformers += m.network.buses[t.from].nominal_voltage == 10e3 &&
                                 m.network.buses[t.to].nominal_voltage == 400.0;
  }
  EXPECT_GE(distribution_transformers, 4);
  for (LoadKind kind : {LoadKind::kLighting, LoadKind::kHvac, LoadKind::kEvCharger}) {
    EXPECT_TRUE(
        std::any_of(m.loads.begin(), m.loads.end(), [&](const Load& l) { return l.kind == kind; }));
  }
  EXPECT_GE(park.scenarios.size(), 2u);
}

TEST(DemoPark, MotorEfficienciesMatchIec60034_30_1) {
  const std::string path = test::standardsPath("iec60034_30_1_ie2_ie3_ie4_50hz_computed.csv");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "missing " << path;
  const auto rows = test::readCsvRows(path);
  const CompiledPark park = test::compileDemoPark();
  int checked = 0;
  std::vector<const ParkModel*> models{&park.baseline};
  for (const ParkModel& s : park.scenarios) models.push_back(&s);
  for (const ParkModel* model : models) {
    for (const Motor& motor : model->motors) {
      const int cls = static_cast<int>(motor.efficiency_class) + 1;  // kIE1 = 0
      if (cls < 2 || cls > 4) continue;
      const std::string ie = "IE" + std::to_string(cls);
      bool found = false;
      for (const auto& r : rows) {
        if (std::abs(std::stod(r[0]) * 1e3 - motor.nameplate.rated_power) < 1e-6 && r[1] == ie &&
            std::stoi(r[2]) == motor.poles) {
          found = true;
          EXPECT_NEAR(motor.nameplate.rated_efficiency * 100, std::stod(r[3]), 1e-9)
              << model->scenario << " " << motor.id;
        }
      }
      EXPECT_TRUE(found) << motor.id << " " << ie << " not in the table";
      ++checked;
    }
  }
  EXPECT_GT(checked, 150);
}

TEST(DemoPark, TransformerLossesMatchGb20052) {
  const std::string path = test::standardsPath("gb20052_2024_transformer_losses.csv");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "missing " << path;
  const auto rows = test::readCsvRows(path);
  const CompiledPark park = test::compileDemoPark();
  std::vector<const ParkModel*> models{&park.baseline};
  for (const ParkModel& s : park.scenarios) models.push_back(&s);
  for (const ParkModel* model : models) {
    for (const Transformer& t : model->network.transformers) {
      bool found = false;
      for (const auto& r : rows) {
        if (r[0] != "GB 20052-2024 Table 1" || r[3].find("electrical steel") != 0 ||
            std::stod(r[2]) * 1e3 != t.rating.rated_power) {
          continue;
        }
        for (int grade = 0; grade < 3; ++grade) {
          found =
              found || (std::abs(std::stod(r[6 + grade]) * 1e3 - t.rating.no_load_loss) < 1e-6 &&
                        std::abs(std::stod(r[9 + grade]) * 1e3 - t.rating.load_loss) < 1e-6);
        }
      }
      EXPECT_TRUE(found) << model->scenario << " " << t.id;
    }
  }
}

}  // namespace
}  // namespace twin
