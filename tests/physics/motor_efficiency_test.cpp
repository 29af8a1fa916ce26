// Motor efficiency classes against the standards' tables in ../shared/datasets/standards
// (IEC 60034-30-1 computed IE2-IE4 file, GB 18613-2020 transcription, IEC 60034-30:2008 IE1
// partial table, IEC interpolation coefficients), to 0.05 %; part-load loss-segregation model
// against its physical limits and the US DOE MEASUR part-load curves (AMO-Tools-Suite
// tests/MotorEfficiency.unit.cpp, 100 and 200 hp energy-efficient 4-pole motors); NEMA MG 1
// Part 14.35 voltage-unbalance derating.
#include "physics/motor_efficiency.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "physics/units.h"
#include "shared_data.h"

namespace physics {
namespace {

using units::kW;
using units::pct;

constexpr double kTableTolerance = 0.05 * pct;  // the tables print 0.1 %

MotorClass ieClass(const std::string& name) { return motorClassFromName(name).value(); }

constexpr MotorClass kAllClasses[] = {MotorClass::kIE1, MotorClass::kIE2, MotorClass::kIE3,
                                      MotorClass::kIE4, MotorClass::kIE5, MotorClass::kGB1,
                                      MotorClass::kGB2, MotorClass::kGB3};
constexpr int kPoles[] = {2, 4, 6, 8};
// GB 18613-2020 / IEC 60034-30-1 standard ratings, kW.
constexpr double kRatingsKw[] = {0.12, 0.18, 0.2, 0.25, 0.37, 0.4, 0.55, 0.75, 1.1, 1.5, 2.2,
                                 3,    4,    5.5, 7.5,  11,   15,  18.5, 22,   30,  37,  45,
                                 55,   75,   90,  110,  132,  160, 200,  250,  280, 315, 355,
                                 400,  450,  500, 560,  630,  710, 800,  900,  1000};

TEST(MotorRatedEfficiency, IecIe2Ie3Ie4MatchComputedTable) {
  // iec60034_30_1_ie2_ie3_ie4_50hz_computed.csv: IEC 60034-30-1 formula at every standard
  // rating 0.12-200 kW, rounded to 0.1 %. Tolerance 0.05 %.
  const std::string path = twin::test::standardsPath("iec60034_30_1_ie2_ie3_ie4_50hz_computed.csv");
  if (!std::ifstream(path)) GTEST_SKIP() << "missing " << path;
  int checked = 0;
  for (const auto& r : twin::test::readCsvRows(path)) {
    const double p = std::stod(r[0]) * kW;
    const int poles = std::stoi(r[2]);
    const auto eta = ratedEfficiency(ieClass(r[1]), p, poles);
    ASSERT_TRUE(eta) << r[1] << " " << r[0] << " kW " << poles << "p";
    EXPECT_NEAR(*eta, std::stod(r[3]) * pct, kTableTolerance)
        << r[1] << " " << r[0] << " kW " << poles << "p";
    ++checked;
  }
  EXPECT_EQ(checked, 29 * 3 * 4);
}

TEST(MotorRatedEfficiency, IecFormulaAtIntermediateRatingsFromCoefficientFile) {
  // iec60034_30_1_50hz_interpolation_coefficients.csv (UK SI 2021/745 Sch. 16 Tables 27-28):
  // eta = A x^3 + B x^2 + C x + D, x = log10(P/kW), rounded to 0.1 %, at ratings between the
  // standard ones. Tolerance 0.05 %.
  const std::string path =
      twin::test::standardsPath("iec60034_30_1_50hz_interpolation_coefficients.csv");
  if (!std::ifstream(path)) GTEST_SKIP() << "missing " << path;
  int checked = 0;
  for (const auto& r : twin::test::readCsvRows(path)) {
    const bool small = r[0] == "0.12-0.55";
    const double a = std::stod(r[3]), b = std::stod(r[4]), c = std::stod(r[5]), d = std::stod(r[6]);
    for (double p_kw : small ? std::vector<double>{0.15, 0.3, 0.45, 0.6}
                             : std::vector<double>{0.9, 6.3, 13.0, 63.0, 185.0}) {
      const double x = std::log10(p_kw);
      const double expected = std::round((a * x * x * x + b * x * x + c * x + d) * 10.0) / 10.0;
      const auto eta = ratedEfficiency(ieClass(r[1]), p_kw * kW, std::stoi(r[2]));
      ASSERT_TRUE(eta);
      EXPECT_NEAR(*eta, expected * pct, kTableTolerance) << r[1] << " " << p_kw << " kW";
      ++checked;
    }
  }
  EXPECT_EQ(checked, 12 * 4 + 12 * 5);
}

TEST(MotorRatedEfficiency, GbGradesAndIe5ProxyMatchGb18613Table) {
  // gb18613_2020_motor_efficiency.csv: GB 18613-2020 Table 1, grades 1/2/3, 2/4/6/8 poles,
  // 0.12-1000 kW (third-party transcription). IE5 is grade 1 by proxy. Tolerance 0.05 %.
  const std::string path = twin::test::standardsPath("gb18613_2020_motor_efficiency.csv");
  if (!std::ifstream(path)) GTEST_SKIP() << "missing " << path;
  constexpr MotorClass kGrades[] = {MotorClass::kGB1, MotorClass::kGB2, MotorClass::kGB3};
  int checked = 0;
  for (const auto& r : twin::test::readCsvRows(path)) {
    const double p = std::stod(r[0]) * kW;
    const int grade = std::stoi(r[1]);
    const int poles = std::stoi(r[3]);
    const double expected = std::stod(r[4]) * pct;
    const auto eta = ratedEfficiency(kGrades[grade - 1], p, poles);
    ASSERT_TRUE(eta) << "GB" << grade << " " << r[0] << " kW " << poles << "p";
    EXPECT_NEAR(*eta, expected, kTableTolerance) << "GB" << grade << " " << r[0] << " kW";
    if (grade == 1) {
      const auto ie5 = ratedEfficiency(MotorClass::kIE5, p, poles);
      ASSERT_TRUE(ie5);
      EXPECT_NEAR(*ie5, expected, kTableTolerance);
    }
    ++checked;
  }
  EXPECT_EQ(checked, 42 * 3 * 4);
}

TEST(MotorRatedEfficiency, IecAbove200kWEqualsThe200kWValueAndGbGrades) {
  // IEC 60034-30-1: 200-1000 kW take the 200 kW value. Cross-check against GB 18613-2020 grade 3
  // (= IE3) and grade 2 (= IE4) for 250-1000 kW. Known exception, kept as a documented
  // difference: the GB transcription has IE4-equivalent 6-pole 96.5 % (250 kW) and 96.6 %
  // (280-1000 kW), against the 200 kW value 96.3 %.
  const std::string path = twin::test::standardsPath("gb18613_2020_motor_efficiency.csv");
  if (!std::ifstream(path)) GTEST_SKIP() << "missing " << path;
  int checked = 0;
  for (const auto& r : twin::test::readCsvRows(path)) {
    const double p_kw = std::stod(r[0]);
    const int grade = std::stoi(r[1]);
    const int poles = std::stoi(r[3]);
    if (p_kw <= 200.0 || grade == 1) continue;
    const MotorClass ie = grade == 3 ? MotorClass::kIE3 : MotorClass::kIE4;
    const auto eta = ratedEfficiency(ie, p_kw * kW, poles);
    const auto at200 = ratedEfficiency(ie, 200 * kW, poles);
    ASSERT_TRUE(eta && at200);
    EXPECT_EQ(*eta, *at200);
    if (ie == MotorClass::kIE4 && poles == 6) {
      EXPECT_NEAR(*eta, 96.3 * pct, 1e-12);
      continue;
    }
    EXPECT_NEAR(*eta, std::stod(r[4]) * pct, kTableTolerance) << r[0] << " kW " << poles << "p";
    ++checked;
  }
  EXPECT_EQ(checked, 13 * 4 + 13 * 3);
}

TEST(MotorRatedEfficiency, Ie1PartialTableAndIe2Ie3CrossCheck) {
  // iec60034_30_1_ie1_partial_siemens.csv: IEC 60034-30:2008 IE1/IE2/IE3, 0.75-7.5 kW, 2/4/6
  // poles. IE1 from our table, IE2/IE3 from the 2014 formula. Tolerance 0.05 %.
  const std::string path = twin::test::standardsPath("iec60034_30_1_ie1_partial_siemens.csv");
  if (!std::ifstream(path)) GTEST_SKIP() << "missing " << path;
  int checked = 0;
  for (const auto& r : twin::test::readCsvRows(path)) {
    const double p = std::stod(r[0]) * kW;
    const int poles = std::stoi(r[1]);
    const MotorClass classes[] = {MotorClass::kIE1, MotorClass::kIE2, MotorClass::kIE3};
    for (int i = 0; i < 3; ++i) {
      const auto eta = ratedEfficiency(classes[i], p, poles);
      ASSERT_TRUE(eta) << r[0] << " kW " << poles << "p";
      EXPECT_NEAR(*eta, std::stod(r[2 + i]) * pct, kTableTolerance)
          << "IE" << i + 1 << " " << r[0] << " kW " << poles << "p";
    }
    ++checked;
  }
  EXPECT_EQ(checked, 8 * 3);
}

TEST(MotorRatedEfficiency, Ie1Above200kWIsThe200kWValue) {
  // IEC 60034-30-1:2014 IE1 lists ratings up to 1000 kW with the 200 kW values above 200 kW. The
  // tabulated values themselves are checked against the independent Siemens reprint (0.75-7.5
  // kW) in Ie1PartialTableAndIe2Ie3CrossCheck; ../shared has no full IE1 table.
  for (double p_kw : {250.0, 280.0, 375.0, 1000.0}) {
    for (int poles : kPoles) {
      EXPECT_EQ(*ratedEfficiency(MotorClass::kIE1, p_kw * kW, poles),
                *ratedEfficiency(MotorClass::kIE1, 200 * kW, poles));
    }
  }
}

TEST(MotorRatedEfficiency, Ie1BelowIe2AtEveryCoveredRating) {
  int checked = 0;
  for (int poles : kPoles) {
    for (double p_kw : kRatingsKw) {
      const auto ie1 = ratedEfficiency(MotorClass::kIE1, p_kw * kW, poles);
      if (!ie1) continue;
      const auto ie2 = ratedEfficiency(MotorClass::kIE2, p_kw * kW, poles);
      ASSERT_TRUE(ie2);
      EXPECT_LT(*ie1, *ie2) << p_kw << " kW " << poles << "p";
      ++checked;
    }
  }
  EXPECT_EQ(checked, 42 * 4);
}

TEST(MotorRatedEfficiency, OutsideCoverageIsNullopt) {
  EXPECT_FALSE(ratedEfficiency(MotorClass::kIE3, 0.1 * kW, 4));
  EXPECT_FALSE(ratedEfficiency(MotorClass::kIE3, 1001 * kW, 4));
  EXPECT_FALSE(ratedEfficiency(MotorClass::kIE3, 15 * kW, 3));
  EXPECT_FALSE(ratedEfficiency(MotorClass::kIE3, 15 * kW, 10));
  EXPECT_FALSE(ratedEfficiency(MotorClass::kGB2, 0.11 * kW, 2));
  EXPECT_FALSE(ratedEfficiency(MotorClass::kGB2, 1200 * kW, 2));
  EXPECT_FALSE(ratedEfficiency(MotorClass::kIE1, 0.11 * kW, 4));
  EXPECT_FALSE(ratedEfficiency(MotorClass::kIE1, 1001 * kW, 4));
  EXPECT_FALSE(ratedEfficiency(MotorClass::kIE1, 4 * kW, 10));
  EXPECT_FALSE(ratedEfficiency(MotorClass::kIE4, std::nan(""), 4));
  EXPECT_TRUE(ratedEfficiency(MotorClass::kIE3, 1000 * kW, 8));
  EXPECT_TRUE(ratedEfficiency(MotorClass::kGB1, 0.12 * kW, 8));
  // Coverage text and range for messages.
  const MotorClassCoverage c = coverage(MotorClass::kIE1);
  EXPECT_DOUBLE_EQ(c.min_power, 0.12 * kW);
  EXPECT_DOUBLE_EQ(c.max_power, 1000 * kW);
  EXPECT_TRUE(coversPoles(c, 6));
  EXPECT_TRUE(coversPoles(c, 8));
  EXPECT_FALSE(coversPoles(c, 10));
  EXPECT_NE(c.text.find("0.12-1000 kW"), std::string_view::npos);
  EXPECT_NE(coverage(MotorClass::kIE5).text.find("GB 18613-2020 grade 1"), std::string_view::npos);
}

TEST(MotorRatedEfficiency, IntermediateRatings) {
  // GB tables: next lower tabulated rating (12 kW -> 11 kW row: grade 3 4-pole 91.4 %).
  EXPECT_NEAR(*ratedEfficiency(MotorClass::kGB3, 12 * kW, 4), 91.4 * pct, 1e-12);
  EXPECT_NEAR(*ratedEfficiency(MotorClass::kGB1, 999 * kW, 2), 97.2 * pct, 1e-12);
  EXPECT_NEAR(*ratedEfficiency(MotorClass::kIE1, 7.4 * kW, 6), 83.1 * pct, 1e-12);
  // IEC formula: strictly between the neighbouring standard ratings (11 kW 91.4, 15 kW 92.1).
  const double ie3_12 = *ratedEfficiency(MotorClass::kIE3, 12 * kW, 4);
  EXPECT_GT(ie3_12, 91.4 * pct);
  EXPECT_LT(ie3_12, 92.1 * pct);
}

TEST(MotorRatedEfficiency, PhysicalLimitsAndClassOrder) {
  for (int poles : kPoles) {
    for (double p_kw : kRatingsKw) {
      double previous = 0.0;
      for (MotorClass c : {MotorClass::kIE1, MotorClass::kIE2, MotorClass::kIE3, MotorClass::kIE4,
                           MotorClass::kIE5}) {
        const auto eta = ratedEfficiency(c, p_kw * kW, poles);
        ASSERT_TRUE(eta);
        EXPECT_GT(*eta, 0.3);
        EXPECT_LT(*eta, 1.0);
        EXPECT_GT(*eta, previous) << p_kw << " kW " << poles << "p";  // higher class, higher eta
        previous = *eta;
      }
    }
  }
}

// Part load ---------------------------------------------------------------------------------

TEST(MotorPartLoad, LossSegregationLimits) {
  for (MotorClass c : kAllClasses) {
    for (int poles : kPoles) {
      for (double p_kw : kRatingsKw) {
        const auto eta = ratedEfficiency(c, p_kw * kW, poles);
        if (!eta) continue;
        const MotorModel m = makeMotorModel(p_kw * kW, poles, *eta, std::nullopt, 400.0);
        const MotorLoadPoint zero = motorAtLoad(m, 0.0, 400.0);
        const MotorLoadPoint half = motorAtLoad(m, 0.5, 400.0);
        const MotorLoadPoint full = motorAtLoad(m, 1.0, 400.0);
        // Losses at no load are the constant part; the rest grows with load^2.
        EXPECT_NEAR(zero.losses, m.constant_losses, 1e-9 * m.rated_power);
        EXPECT_EQ(zero.efficiency, 0.0);
        EXPECT_NEAR((full.losses - zero.losses) / (half.losses - zero.losses), 4.0, 1e-9);
        // Rated point reproduces the rated efficiency and power factor.
        EXPECT_NEAR(full.efficiency, *eta, 1e-12);
        EXPECT_NEAR(full.power_factor, m.rated_power_factor, 1e-12);
        // Peak efficiency between 60 and 80 % load (brief), hence within 50-100 %.
        const double peak = peakEfficiencyLoad(m);
        EXPECT_GE(peak, 0.60);
        EXPECT_LE(peak, 0.80);
        double previous_pf = 0.0;
        double best_eta = 0.0, best_load = 0.0;
        for (int i = 0; i <= 25; ++i) {
          const double x = 0.05 * i;
          const MotorLoadPoint op = motorAtLoad(m, x, 400.0);
          EXPECT_LT(op.efficiency, 1.0);
          EXPECT_GT(op.power_factor, previous_pf);  // pf increases with load
          previous_pf = op.power_factor;
          if (op.efficiency > best_eta) {
            best_eta = op.efficiency;
            best_load = x;
          }
          if (x > 0.0) {
            EXPECT_NEAR(op.input_power, op.shaft_power / op.efficiency, 1e-9 * op.input_power);
          }
          // current = P / (sqrt3 V pf eta)
          const double expected_current =
              x > 0.0 ? op.shaft_power / (std::sqrt(3.0) * 400.0 * op.power_factor * op.efficiency)
                      : op.input_power / (std::sqrt(3.0) * 400.0 * op.power_factor);
          EXPECT_NEAR(op.current, expected_current, 1e-9 * expected_current);
        }
        EXPECT_GE(best_load, 0.5);
        EXPECT_LE(best_load, 1.0);
        EXPECT_LT(motorAtLoad(m, 0.25, 400.0).efficiency, half.efficiency);  // falls at light load
      }
    }
  }
}

TEST(MotorPartLoad, MatchesMeasurPartLoadCurves) {
  // US DOE MEASUR (ORNL-AMO/AMO-Tools-Suite, tests/MotorEfficiency.unit.cpp): 60 Hz 1785 rpm
  // energy-efficient motors; efficiency at 25/50/75/100/125 % load. Our model is fitted only to
  // the 100 % value; tolerance 0.75 percentage points on the other loads (a reference shape).
  struct Curve {
    double hp;
    double eta[5];
  };
  const Curve curves[] = {
      {100, {0.921519665, 0.946047805, 0.951033931, 0.949413679, 0.939919542}},
      {200, {0.930393384, 0.949504131, 0.9569034, 0.956259245, 0.946696653}},
  };
  constexpr double kHp = 745.699872;  // W
  for (const Curve& c : curves) {
    const MotorModel m = makeMotorModel(c.hp * kHp, 4, c.eta[3], 0.85, 460.0);
    for (int i = 0; i < 5; ++i) {
      const double x = 0.25 * (i + 1);
      EXPECT_NEAR(motorAtLoad(m, x, 460.0).efficiency, c.eta[i], 0.0075) << c.hp << " hp at " << x;
    }
  }
}

TEST(MotorPartLoad, WorkedExample15kWIe3) {
  // 15 kW 4-pole IE3 (92.1 %), pf 0.84 given, 400 V. Rated input 16.2866 kW, losses 1286.6 W;
  // constant share 0.30 + 0.03 log10(15) = 0.3352827.
  const MotorModel m = makeMotorModel(15 * kW, 4, 0.921, 0.84, 400.0);
  EXPECT_NEAR(m.constant_losses + m.load_losses, 15e3 / 0.921 - 15e3, 1e-6);
  EXPECT_NEAR(m.constant_losses / (m.constant_losses + m.load_losses), 0.3352827, 1e-6);
  const MotorLoadPoint op = motorAtLoad(m, 1.0, 400.0);
  EXPECT_NEAR(op.current, 15e3 / 0.921 / (std::sqrt(3.0) * 400.0 * 0.84), 1e-9);  // 27.99 A
  // Same motor at 380 V draws proportionally more current.
  EXPECT_NEAR(motorAtLoad(m, 1.0, 380.0).current / op.current, 400.0 / 380.0, 1e-12);
  // Given pf wins over the typical value; no pf -> typical 4-pole 15 kW value 0.84.
  EXPECT_DOUBLE_EQ(m.rated_power_factor, 0.84);
  EXPECT_NEAR(typicalRatedPowerFactor(15 * kW, 4), 0.84, 1e-12);
  // Over-range loads are clamped to 125 %.
  EXPECT_DOUBLE_EQ(motorAtLoad(m, 2.0, 400.0).load_fraction, 1.25);
}

TEST(MotorPartLoad, TypicalPowerFactorIsPlausible) {
  for (int poles : kPoles) {
    double previous = 0.0;
    for (double p_kw : kRatingsKw) {
      const double pf = typicalRatedPowerFactor(p_kw * kW, poles);
      EXPECT_GE(pf, 0.5);
      EXPECT_LE(pf, 0.91);
      EXPECT_GE(pf, previous);  // larger motors, higher pf
      previous = pf;
    }
  }
  // More poles, lower pf.
  EXPECT_GT(typicalRatedPowerFactor(30 * kW, 2), typicalRatedPowerFactor(30 * kW, 8));
}

// Voltage unbalance ---------------------------------------------------------------------------

TEST(MotorVoltageUnbalance, NemaDeratingCurve) {
  // NEMA MG 1 Part 14.35 Figure 14-1 points; Engineering ToolBox's reading of the same figure
  // (2 % 0.95, 3 % 0.89, 4 % 0.82, 5 % 0.76) agrees within 0.01.
  EXPECT_DOUBLE_EQ(*nemaUnbalanceDerating(0.0), 1.0);
  EXPECT_DOUBLE_EQ(*nemaUnbalanceDerating(0.01), 1.0);
  EXPECT_NEAR(*nemaUnbalanceDerating(0.02), 0.95, 1e-12);
  EXPECT_NEAR(*nemaUnbalanceDerating(0.03), 0.88, 1e-12);
  EXPECT_NEAR(*nemaUnbalanceDerating(0.04), 0.82, 1e-12);
  EXPECT_NEAR(*nemaUnbalanceDerating(0.05), 0.75, 1e-12);
  EXPECT_NEAR(*nemaUnbalanceDerating(0.025), 0.915, 1e-12);
  EXPECT_NEAR(*nemaUnbalanceDerating(0.045), 0.78, 0.01);  // ToolBox 4.5 % -> 0.78
  EXPECT_FALSE(nemaUnbalanceDerating(0.051));
  EXPECT_FALSE(nemaUnbalanceDerating(-0.01));
}

TEST(MotorVoltageUnbalance, ExtraLossesAndConsistencyWithDerating) {
  // NEMA MG 1 14.35.1: heating + 2 u^2 % -> load losses x 1.18 at 3 %.
  EXPECT_NEAR(unbalanceLoadLossFactor(0.03), 1.18, 1e-12);
  EXPECT_DOUBLE_EQ(unbalanceLoadLossFactor(0.0), 1.0);
  const MotorModel m = makeMotorModel(15 * kW, 4, 0.921, 0.84, 400.0);
  const MotorLoadPoint balanced = motorAtLoad(m, 1.0, 400.0);
  const MotorLoadPoint unbalanced = motorAtLoad(m, 1.0, 400.0, 0.03);
  EXPECT_NEAR(unbalanced.losses - balanced.losses, 0.18 * m.load_losses, 1e-9);
  EXPECT_LT(unbalanced.efficiency, balanced.efficiency);
  // At the NEMA-derated load the load losses with unbalance stay at or below rated ones.
  for (double u : {0.02, 0.03, 0.04, 0.05}) {
    const double x = *nemaUnbalanceDerating(u);
    EXPECT_LE(x * x * unbalanceLoadLossFactor(u), 1.0) << u;
  }
}

}  // namespace
}  // namespace physics

namespace physics {
namespace {

TEST(MotorPowersAtLoad, EqualsTheFullOperatingPointOnABalancedSupply) {
  // The engine's fast path must give the same powers as motorAtLoad (same model, no unbalance).
  const MotorModel m = makeMotorModel(15e3, 4, 0.921, 0.83, 400.0);
  for (double x : {0.05, 0.3, 0.75, 1.0, 1.2}) {
    const MotorLoadPoint full = motorAtLoad(m, x, 400.0);
    const MotorPowers fast = motorPowersAtLoad(m, x);
    EXPECT_DOUBLE_EQ(fast.input_power, full.input_power) << x;
    EXPECT_DOUBLE_EQ(fast.reactive_power, full.reactive_power) << x;
    EXPECT_DOUBLE_EQ(fast.losses, full.losses) << x;
  }
}

}  // namespace
}  // namespace physics
