// Lighting and cooling load models (physics/hvac_lighting.h).
// Lighting: EnergyPlus continuous-dimming line (0.3 power at 0.2 light), hand-computed, 1e-12.
// Chiller: DOE-2 centrifugal 5.50 COP curves (EnergyPlus Chillers.idf); reference COPs below were
// computed by hand (a calculator on the published coefficients) to 1e-9 relative. The curves are
// normalized only to their printed precision at the reference point (EIRFT = 0.99909, CAPFT =
// 1.00334), so "COP = rated COP" holds to 0.1 %. IPLV weights: AHRI 550/590 and GB 50189-2015.
// Split AC: EnergyPlus DX-coil curves (AirflowNetwork_MultiZone_House.idf), normalized to 2e-4
// at the AHRI 210/240 A point; PLF = 1 - 0.25 (1 - PLR).
#include "physics/hvac_lighting.h"

#include <gtest/gtest.h>

#include <cmath>

#include "physics/units.h"

namespace physics {
namespace {

using units::kW;
using units::kZeroCelsius;

TEST(Lighting, DimmingCurve) {
  EXPECT_DOUBLE_EQ(dimmingPowerFraction(1.0), 1.0);
  EXPECT_DOUBLE_EQ(dimmingPowerFraction(0.2), 0.3);
  EXPECT_DOUBLE_EQ(dimmingPowerFraction(0.05), 0.3);  // held at the minimum below 0.2 light
  EXPECT_NEAR(dimmingPowerFraction(0.6), 0.3 + 0.7 * 0.4 / 0.8, 1e-12);  // 0.65
  EXPECT_DOUBLE_EQ(dimmingPowerFraction(1.5), 1.0);                      // clamped
  // Dimming never saves more than the light it takes away... at 60 % light, 65 % power.
  for (double l = 0.2; l <= 1.0; l += 0.05) EXPECT_GE(dimmingPowerFraction(l), l - 1e-12);
  // A custom curve: 0.1 power at 0.1 light is proportional dimming.
  const DimmingCurve ideal{0.1, 0.1};
  EXPECT_NEAR(dimmingPowerFraction(0.37, ideal), 0.37, 1e-12);
}

TEST(Lighting, InstalledTimesScheduleTimesDimming) {
  // 10 kW installed, 80 % on, dimmed to 60 % light: 10 kW x 0.8 x 0.65 = 5.2 kW.
  EXPECT_NEAR(lightingPower(10 * kW, 0.8, 0.6), 5.2 * kW, 1e-9);
  EXPECT_DOUBLE_EQ(lightingPower(10 * kW, 1.0), 10 * kW);
  EXPECT_DOUBLE_EQ(lightingPower(10 * kW, 0.0, 0.6), 0.0);
  // Linear in the installed power and in the schedule.
  EXPECT_NEAR(lightingPower(20 * kW, 0.4, 0.6), lightingPower(10 * kW, 0.8, 0.6), 1e-9);
}

TEST(Lighting, LumenEquivalentRetrofit) {
  // 10 kW of T8 fluorescent (87 lm/W) -> 870,000 lm; LED troffers at 102 lm/W need
  // 870000 / 102 = 8529.41 W, saving 1470.59 W (14.4 %).
  const LightingRetrofit r =
      lumenEquivalentRetrofit(10 * kW, kEfficacyT8Electronic, kEfficacyLedTroffer);
  EXPECT_NEAR(r.luminous_flux, 870000.0, 1e-6);
  EXPECT_NEAR(r.new_power, 870000.0 / 102.0, 1e-9);
  EXPECT_NEAR(r.saved_power, 10e3 - 870000.0 / 102.0, 1e-9);
  // T12 magnetic -> LED saves more than T8 -> LED; same efficacy saves nothing.
  EXPECT_GT(lumenEquivalentRetrofit(10 * kW, kEfficacyT12Magnetic, kEfficacyLedTroffer).saved_power,
            r.saved_power);
  EXPECT_NEAR(lumenEquivalentRetrofit(10 * kW, 87.0, 87.0).saved_power, 0.0, 1e-9);
  // The cited efficacies rank LED > T8 electronic > T12 magnetic.
  EXPECT_GT(kEfficacyLedTroffer, kEfficacyT8Electronic);
  EXPECT_GT(kEfficacyT8Electronic, kEfficacyT12Magnetic);
}

constexpr double kChwRef = 6.67 + kZeroCelsius;
constexpr double kCondRef = 29.4 + kZeroCelsius;

TEST(Chiller, RatedCopAtReferenceConditions) {
  const ElectricEirChiller ch = doe2CentrifugalChiller(1000 * kW);
  const ChillerOperatingPoint op =
      chillerOperatingPoint(ch, ch.reference_capacity * 0.5, kChwRef, kCondRef);
  // Full load at the reference temperatures: COP = 5.5 / EIRFT(6.67, 29.4) = 5.50502.
  const double full = ch.reference_capacity * ch.cap_ft(6.67, 29.4);
  const ChillerOperatingPoint rated = chillerOperatingPoint(ch, full, kChwRef, kCondRef);
  EXPECT_NEAR(rated.part_load_ratio, 1.0, 1e-12);
  EXPECT_NEAR(rated.cop, 5.5, 5.5 * 1e-3);
  EXPECT_NEAR(rated.cop, 5.505021041589677, 1e-9);
  EXPECT_NEAR(rated.available_capacity, 1003.341902068 * kW, 1e-3);
  EXPECT_FALSE(rated.overloaded);
  // Half load at the reference temperatures is more efficient (EIRFPLR(0.5)/0.5 < 1).
  EXPECT_GT(op.cop, rated.cop);
  // Power = Qavail / COPref x EIRFT x EIRFPLR(PLR).
  const double plr = 500e3 / full;
  EXPECT_NEAR(
      op.electric_power,
      full / 5.5 * ch.eir_ft(6.67, 29.4) * (0.222903 + 0.313387 * plr + 0.46371 * plr * plr), 1e-6);
}

TEST(Chiller, LoadsBeyondCapacityAndNoLoad) {
  const ElectricEirChiller ch = doe2CentrifugalChiller(1000 * kW);
  const ChillerOperatingPoint over = chillerOperatingPoint(ch, 2000 * kW, kChwRef, kCondRef);
  EXPECT_TRUE(over.overloaded);
  EXPECT_DOUBLE_EQ(over.cooling, over.available_capacity);
  EXPECT_DOUBLE_EQ(over.part_load_ratio, 1.0);
  const ChillerOperatingPoint idle = chillerOperatingPoint(ch, 0.0, kChwRef, kCondRef);
  EXPECT_DOUBLE_EQ(idle.electric_power, 0.0);
  EXPECT_DOUBLE_EQ(idle.cop, 0.0);
  // Below the minimum unloading ratio (0.2) the power is that of 0.2 load (false loading), and
  // below the minimum part-load ratio (0.1) it cycles: power proportional to the load.
  const double cap = over.available_capacity;
  const double p20 = chillerOperatingPoint(ch, 0.2 * cap, kChwRef, kCondRef).electric_power;
  EXPECT_NEAR(chillerOperatingPoint(ch, 0.15 * cap, kChwRef, kCondRef).electric_power, p20, 1e-6);
  EXPECT_NEAR(chillerOperatingPoint(ch, 0.05 * cap, kChwRef, kCondRef).electric_power, 0.5 * p20,
              1e-6);
}

TEST(Chiller, CopFallsAsCondenserTemperatureRises) {
  // Over the curves' condenser range (24-35 C) and at 25-100 % of the reference capacity.
  const ElectricEirChiller ch = doe2CentrifugalChiller(1000 * kW);
  for (const double frac : {0.25, 0.5, 0.75, 1.0}) {
    double previous = 1e9;
    for (double t = 24.0; t <= 35.0; t += 0.5) {
      const double cop = chillerOperatingPoint(ch, frac * 1000 * kW, kChwRef, t + kZeroCelsius).cop;
      EXPECT_LT(cop, previous) << frac << " at " << t << " C";
      EXPECT_GT(cop, 1.0);
      EXPECT_LT(cop, 15.0);  // well below the Carnot COP (~ 12.5 at 6.67 / 35 C plus approaches)
      previous = cop;
    }
  }
  // And the Carnot bound: COP < T_evap / (T_cond - T_evap) using water temperatures.
  for (double t = 24.0; t <= 35.0; t += 1.0) {
    const double carnot = kChwRef / (t + kZeroCelsius - kChwRef);
    EXPECT_LT(chillerOperatingPoint(ch, 600 * kW, kChwRef, t + kZeroCelsius).cop, carnot);
  }
}

TEST(Chiller, IplvAhri550EqualsHandCalculation) {
  // Hand calculation on the DOE-2 curves, 1000 kW reference, 44 F chilled water:
  // A (100 %, 85 F) 5.498790266, B (75 %, 75 F) 6.473276417, C (50 %, 65 F) 6.884379682,
  // D (25 %, 65 F) 5.155229291; IPLV = 0.01 A + 0.42 B + 0.45 C + 0.12 D = 6.490362370.
  const ElectricEirChiller ch = doe2CentrifugalChiller(1000 * kW);
  const IplvResult r = chillerIplv(ch, kIplvAhri550);
  EXPECT_NEAR(r.cop[0], 5.498790266141448, 1e-8);
  EXPECT_NEAR(r.cop[1], 6.473276416885444, 1e-8);
  EXPECT_NEAR(r.cop[2], 6.884379682169702, 1e-8);
  EXPECT_NEAR(r.cop[3], 5.155229291079179, 1e-8);
  const double hand = 0.01 * 5.498790266141448 + 0.42 * 6.473276416885444 +
                      0.45 * 6.884379682169702 + 0.12 * 5.155229291079179;
  EXPECT_NEAR(r.iplv, hand, 1e-8);
  EXPECT_NEAR(r.iplv, 6.490362369659168, 1e-8);
  // Weighted part-load performance beats the full-load COP for this chiller.
  EXPECT_GT(r.iplv, r.cop[0]);
  // The IPLV does not depend on the chiller's size (curves are normalized).
  EXPECT_NEAR(chillerIplv(doe2CentrifugalChiller(3000 * kW), kIplvAhri550).iplv, r.iplv, 1e-9);
}

TEST(Chiller, IplvGb50189EqualsHandCalculation) {
  // 7 C chilled water; 30/26/23/19 C cooling water; weights 1.2/32.8/39.7/26.3 %:
  // A 5.488651445, B 6.263440987, C 6.366288784, D 5.102865688 -> IPLV 5.989742784.
  const IplvResult r = chillerIplv(doe2CentrifugalChiller(1000 * kW), kIplvGb50189);
  EXPECT_NEAR(r.cop[0], 5.488651444726825, 1e-8);
  EXPECT_NEAR(r.cop[3], 5.102865687547724, 1e-8);
  EXPECT_NEAR(r.cop[1], 6.2634409870062875, 1e-8);
  EXPECT_NEAR(r.cop[2], 6.366288783756935, 1e-8);
  EXPECT_NEAR(r.iplv, 5.989742784051339, 1e-8);
}

TEST(Chiller, IplvWeightsSumToOne) {
  for (const IplvConditions* c : {&kIplvAhri550, &kIplvGb50189}) {
    EXPECT_NEAR(c->weight[0] + c->weight[1] + c->weight[2] + c->weight[3], 1.0, 1e-12);
  }
  EXPECT_NEAR(kIplvAhri550.entering_condenser[0] - kZeroCelsius, (85.0 - 32.0) / 1.8, 1e-12);
  EXPECT_NEAR(kIplvAhri550.leaving_chilled_water - kZeroCelsius, (44.0 - 32.0) / 1.8, 1e-12);
}

constexpr double kWbRated = kSplitAcRatedIndoorWetBulb;

TEST(SplitAc, RatedCopAtRatingConditions) {
  const SplitAirConditioner ac = defaultSplitAirConditioner(7.1 * kW, 3.2);
  const SplitAcOperatingPoint full =
      splitAcOperatingPoint(ac, 10 * kW, kWbRated, kSplitAcRatedOutdoor);
  EXPECT_TRUE(full.overloaded);
  EXPECT_NEAR(full.available_capacity, 7.1 * kW, 7.1 * kW * 1e-5);  // CAPFT = 0.999998
  EXPECT_NEAR(full.cop, 3.2, 3.2 * 2e-4);                           // EIRFT = 1.000151
  EXPECT_NEAR(full.cop, 3.2 / 1.0001505439999998, 1e-9);
}

TEST(SplitAc, CopFallsWithOutdoorTemperatureAndCycling) {
  const SplitAirConditioner ac = defaultSplitAirConditioner(7.1 * kW, 3.2);
  double previous = 1e9;
  for (double t = 18.0; t <= 46.0; t += 1.0) {
    const SplitAcOperatingPoint op = splitAcOperatingPoint(ac, 3 * kW, kWbRated, t + kZeroCelsius);
    EXPECT_LT(op.cop, previous) << t;
    previous = op.cop;
  }
  // Part load: COP(PLR) = COP(1) x (1 - 0.25 (1 - PLR)); at PLR 0.5, 0.875 of full load.
  const SplitAcOperatingPoint one =
      splitAcOperatingPoint(ac, 20 * kW, kWbRated, 30.0 + kZeroCelsius);
  const SplitAcOperatingPoint half =
      splitAcOperatingPoint(ac, 0.5 * one.available_capacity, kWbRated, 30.0 + kZeroCelsius);
  EXPECT_NEAR(half.part_load_ratio, 0.5, 1e-12);
  EXPECT_NEAR(half.cop, one.cop * 0.875, 1e-9);
  EXPECT_DOUBLE_EQ(splitAcOperatingPoint(ac, 0.0, kWbRated, kSplitAcRatedOutdoor).electric_power,
                   0.0);
}

}  // namespace
}  // namespace physics
