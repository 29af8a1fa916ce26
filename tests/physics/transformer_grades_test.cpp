// GB 20052-2024 distribution-transformer grades and efficiency vs loading.
// Tables: every Table 1 (10 kV oil) and Table 2 (10 kV dry) row of
// ../shared/datasets/standards/gb20052_2024_transformer_losses.csv is compared exactly (the
// values are typed in from that transcription). Efficiency: eta = P / (P + P0 + Pk x^2), best at
// x* = sqrt(P0/Pk) (IEC 60076-1 loss model); hand-computed references, tolerance 1e-12 relative.
#include "physics/transformer_grades.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "physics/units.h"
#include "shared_data.h"
#include "twin/base/text.h"

namespace physics {
namespace {

using units::kVA;
using units::kW;

TEST(Gb20052Rating, EveryTenKvRowOfTheSharedCsv) {
  const std::string path = twin::test::standardsPath("gb20052_2024_transformer_losses.csv");
  if (!std::ifstream(path)) GTEST_SKIP() << "missing " << path;
  int checked = 0;
  int skipped_35kv = 0;
  for (const std::vector<std::string>& f : twin::test::readCsvRows(path)) {
    const std::string line = twin::join(f, ",");  // for messages
    ASSERT_EQ(f.size(), 12u) << line;
    const bool oil = f[0] == "GB 20052-2024 Table 1";
    const bool dry = f[0] == "GB 20052-2024 Table 2";
    if (!oil && !dry) {
      ++skipped_35kv;  // Tables 3-4, 35 kV: not covered
      continue;
    }
    const TransformerType type = oil ? TransformerType::kOil : TransformerType::kDry;
    const CoreMaterial core = f[3].find("amorphous") != std::string::npos ? CoreMaterial::kAmorphous
                                                                          : CoreMaterial::kSteel;
    const double rated = std::stod(f[2]) * kVA;
    DryInsulationClass insulation = DryInsulationClass::kF;
    if (dry) {
      ASSERT_FALSE(f[4].empty()) << line;
      insulation = f[4][0] == 'B'   ? DryInsulationClass::kB
                   : f[4][0] == 'F' ? DryInsulationClass::kF
                                    : DryInsulationClass::kH;
      ASSERT_TRUE(f[4][0] == 'B' || f[4][0] == 'F' || f[4][0] == 'H') << line;
    }
    // Oil rows labelled Yyn0 are checked for Yyn0, the Dyn11/Yzn11 rows for Dyn11; from 630 kVA
    // the single printed (Yyn0-labelled) value must come back for Dyn11 too.
    std::vector<TransformerConnection> connections;
    if (f[5] == "Yyn0") {
      connections.push_back(TransformerConnection::kYyn0);
      if (rated >= 630 * kVA) connections.push_back(TransformerConnection::kDyn11);
    } else {
      connections.push_back(TransformerConnection::kDyn11);
    }
    for (const TransformerConnection c : connections) {
      for (int grade = 1; grade <= 3; ++grade) {
        const auto r = gb20052Rating(type, core, grade, rated, c, insulation);
        ASSERT_TRUE(r.has_value()) << line << " grade " << grade;
        EXPECT_DOUBLE_EQ(r->rated_power, rated) << line;
        EXPECT_DOUBLE_EQ(r->no_load_loss, std::stod(f[5 + grade]) * kW) << line << " g" << grade;
        EXPECT_DOUBLE_EQ(r->load_loss, std::stod(f[8 + grade]) * kW) << line << " g" << grade;
        ++checked;
      }
    }
  }
  // 62 oil rows + 7 Dyn11 reuses at 630-2500 kVA x 2 cores; 108 dry rows; 3 grades each.
  EXPECT_EQ(checked, (62 + 14 + 108) * 3);
  EXPECT_EQ(skipped_35kv, 22);
}

TEST(Gb20052Rating, SpotValuesTypedFromTheTable) {
  // Table 1, 1000 kVA oil, steel, grade 2: P0 0.745 kW, Pk 8.24 kW.
  const auto oil = gb20052Rating(TransformerType::kOil, CoreMaterial::kSteel, 2, 1000 * kVA);
  ASSERT_TRUE(oil);
  EXPECT_DOUBLE_EQ(oil->no_load_loss, 745.0);
  EXPECT_DOUBLE_EQ(oil->load_loss, 8240.0);
  // Table 1, 400 kVA oil, steel, grade 3: Dyn11 4.52 kW vs Yyn0 4.30 kW; Dyn11 is the default.
  EXPECT_DOUBLE_EQ(
      gb20052Rating(TransformerType::kOil, CoreMaterial::kSteel, 3, 400 * kVA)->load_loss, 4520.0);
  EXPECT_DOUBLE_EQ(gb20052Rating(TransformerType::kOil, CoreMaterial::kSteel, 3, 400 * kVA,
                                 TransformerConnection::kYyn0)
                       ->load_loss,
                   4300.0);
  // Table 2, 1250 kVA dry, amorphous, grade 1, class H: P0 0.455 kW, Pk 9.335 kW; default F 8.72.
  const auto dry = gb20052Rating(TransformerType::kDry, CoreMaterial::kAmorphous, 1, 1250 * kVA,
                                 TransformerConnection::kDyn11, DryInsulationClass::kH);
  ASSERT_TRUE(dry);
  EXPECT_DOUBLE_EQ(dry->no_load_loss, 455.0);
  EXPECT_DOUBLE_EQ(dry->load_loss, 9335.0);
  EXPECT_DOUBLE_EQ(
      gb20052Rating(TransformerType::kDry, CoreMaterial::kAmorphous, 1, 1250 * kVA)->load_loss,
      8720.0);
}

TEST(Gb20052Rating, OutsideTheTableIsNullopt) {
  EXPECT_FALSE(gb20052Rating(TransformerType::kOil, CoreMaterial::kSteel, 0, 1000 * kVA));
  EXPECT_FALSE(gb20052Rating(TransformerType::kOil, CoreMaterial::kSteel, 4, 1000 * kVA));
  EXPECT_FALSE(gb20052Rating(TransformerType::kOil, CoreMaterial::kSteel, 1, 1100 * kVA));
  EXPECT_FALSE(gb20052Rating(TransformerType::kOil, CoreMaterial::kSteel, 1, 3150 * kVA));
  EXPECT_FALSE(gb20052Rating(TransformerType::kOil, CoreMaterial::kSteel, 1, 20 * kVA));
  // 63 kVA is in Table 1 (oil) but not in Table 2 (dry).
  EXPECT_TRUE(gb20052Rating(TransformerType::kOil, CoreMaterial::kAmorphous, 1, 63 * kVA));
  EXPECT_FALSE(gb20052Rating(TransformerType::kDry, CoreMaterial::kSteel, 1, 63 * kVA));
  // A rating given in VA a little off the tabulated value still matches (1 VA tolerance).
  EXPECT_TRUE(gb20052Rating(TransformerType::kDry, CoreMaterial::kSteel, 1, 1000e3 + 0.5));
  EXPECT_FALSE(gb20052Rating(TransformerType::kDry, CoreMaterial::kSteel, 1, 1000e3 + 10.0));
}

TEST(Gb20052Rating, CoverageListsTheRatings) {
  EXPECT_EQ(gb20052RatingsKva(TransformerType::kOil).size(), 19u);
  EXPECT_EQ(gb20052RatingsKva(TransformerType::kDry).size(), 18u);
  EXPECT_EQ(gb20052RatingsKva(TransformerType::kOil).front(), 30);
  EXPECT_EQ(gb20052RatingsKva(TransformerType::kDry).back(), 2500);
  const std::string oil = gb20052Coverage(TransformerType::kOil);
  EXPECT_NE(oil.find("Table 1"), std::string::npos) << oil;
  EXPECT_NE(oil.find("30, 50, 63, 80"), std::string::npos) << oil;
  EXPECT_NE(oil.find("2000, 2500 kVA"), std::string::npos) << oil;
  const std::string dry = gb20052Coverage(TransformerType::kDry);
  EXPECT_NE(dry.find("Table 2"), std::string::npos) << dry;
  EXPECT_NE(dry.find("30, 50, 80"), std::string::npos) << dry;
  // Every listed rating is accepted by gb20052Rating for every grade and core.
  for (const TransformerType t : {TransformerType::kOil, TransformerType::kDry}) {
    for (const int kva : gb20052RatingsKva(t)) {
      for (const CoreMaterial c : {CoreMaterial::kSteel, CoreMaterial::kAmorphous}) {
        for (int grade = 1; grade <= 3; ++grade) {
          EXPECT_TRUE(gb20052Rating(t, c, grade, kva * kVA)) << kva;
        }
      }
    }
  }
}

TEST(Gb20052Rating, BetterGradeHasLowerLosses) {
  // Each loss is non-increasing from grade 3 to grade 1 (as printed, some are equal: amorphous oil
  // P0 grades 2/3, dry Pk grades 1/2), and the total at 50 % and 100 % loading strictly falls.
  for (const TransformerType t : {TransformerType::kOil, TransformerType::kDry}) {
    for (const int kva : gb20052RatingsKva(t)) {
      for (const CoreMaterial c : {CoreMaterial::kSteel, CoreMaterial::kAmorphous}) {
        for (const auto conn : {TransformerConnection::kDyn11, TransformerConnection::kYyn0}) {
          for (const auto ins :
               {DryInsulationClass::kB, DryInsulationClass::kF, DryInsulationClass::kH}) {
            const auto g1 = *gb20052Rating(t, c, 1, kva * kVA, conn, ins);
            const auto g2 = *gb20052Rating(t, c, 2, kva * kVA, conn, ins);
            const auto g3 = *gb20052Rating(t, c, 3, kva * kVA, conn, ins);
            EXPECT_LE(g1.no_load_loss, g2.no_load_loss) << kva;
            EXPECT_LE(g2.no_load_loss, g3.no_load_loss) << kva;
            EXPECT_LE(g1.load_loss, g2.load_loss) << kva;
            EXPECT_LE(g2.load_loss, g3.load_loss) << kva;
            for (const double x : {0.5, 1.0}) {
              const double l1 = transformerLosses(g1, x * kva * kVA).losses;
              const double l2 = transformerLosses(g2, x * kva * kVA).losses;
              const double l3 = transformerLosses(g3, x * kva * kVA).losses;
              EXPECT_LT(l1, l2) << kva << " x " << x;
              EXPECT_LT(l2, l3) << kva << " x " << x;
            }
          }
        }
      }
    }
  }
  // Amorphous cores have a lower no-load loss than electrical steel, grade for grade.
  for (const TransformerType t : {TransformerType::kOil, TransformerType::kDry}) {
    for (const int kva : gb20052RatingsKva(t)) {
      for (int grade = 1; grade <= 3; ++grade) {
        EXPECT_LT(gb20052Rating(t, CoreMaterial::kAmorphous, grade, kva * kVA)->no_load_loss,
                  gb20052Rating(t, CoreMaterial::kSteel, grade, kva * kVA)->no_load_loss);
      }
    }
  }
}

TEST(TransformerOperatingPoint, HandCalculation) {
  // 1000 kVA oil, steel, grade 2 (P0 0.745 kW, Pk 8.24 kW) at 60 % loading, cos(phi) 0.9:
  // P = 540 kW, losses = 0.745 + 8.24 * 0.36 = 3.7114 kW, eta = 540 / 543.7114 = 0.993174...
  const TransformerRating r =
      *gb20052Rating(TransformerType::kOil, CoreMaterial::kSteel, 2, 1000 * kVA);
  const TransformerOperatingPoint op = transformerOperatingPoint(r, 0.6, 0.9);
  EXPECT_NEAR(op.output_power, 540e3, 1e-6);
  EXPECT_NEAR(op.losses, 3711.4, 1e-9);
  EXPECT_NEAR(op.efficiency, 540.0 / 543.7114, 1e-12);
  EXPECT_DOUBLE_EQ(op.loading, 0.6);
}

TEST(TransformerOperatingPoint, PhysicalLimits) {
  const TransformerRating r =
      *gb20052Rating(TransformerType::kDry, CoreMaterial::kSteel, 3, 630 * kVA);
  // No load: losses are P0 and nothing is delivered.
  const TransformerOperatingPoint idle = transformerOperatingPoint(r, 0.0, 0.9);
  EXPECT_DOUBLE_EQ(idle.losses, r.no_load_loss);
  EXPECT_DOUBLE_EQ(idle.efficiency, 0.0);
  // Load losses are quadratic in the loading.
  const double d1 = transformerOperatingPoint(r, 0.4, 0.9).losses - r.no_load_loss;
  const double d2 = transformerOperatingPoint(r, 0.8, 0.9).losses - r.no_load_loss;
  EXPECT_NEAR(d2 / d1, 4.0, 1e-12);
  // Efficiency below 1 everywhere, and rising with the power factor.
  for (double x = 0.05; x <= 1.5; x += 0.05) {
    EXPECT_LT(transformerOperatingPoint(r, x, 1.0).efficiency, 1.0);
    EXPECT_GT(transformerOperatingPoint(r, x, 1.0).efficiency,
              transformerOperatingPoint(r, x, 0.8).efficiency);
  }
}

TEST(TransformerBestEfficiency, AtSqrtP0OverPk) {
  const TransformerRating r =
      *gb20052Rating(TransformerType::kOil, CoreMaterial::kAmorphous, 1, 800 * kVA);
  // Table 1: P0 0.30 kW, Pk 6.075 kW -> x* = sqrt(0.3 / 6.075) = 0.222222... (= 2/9 exactly).
  const TransformerOperatingPoint best = transformerBestEfficiency(r, 0.95);
  EXPECT_NEAR(best.loading, 2.0 / 9.0, 1e-12);
  // At x*, load loss equals no-load loss: losses = 2 P0.
  EXPECT_NEAR(best.losses, 2.0 * r.no_load_loss, 1e-9);
  // It is the maximum: a scan around it never does better.
  for (double x = 0.01; x <= 1.25; x += 0.001) {
    EXPECT_LE(transformerOperatingPoint(r, x, 0.95).efficiency, best.efficiency + 1e-15) << x;
  }
  EXPECT_GT(best.efficiency, transformerOperatingPoint(r, 0.9 * best.loading, 0.95).efficiency);
  EXPECT_GT(best.efficiency, transformerOperatingPoint(r, 1.1 * best.loading, 0.95).efficiency);
}

}  // namespace
}  // namespace physics
