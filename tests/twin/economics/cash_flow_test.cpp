// Discounted cash flow against cases worked by hand (the expected figures are the textbook
// formulas evaluated step by step, e.g. Brealey, Myers & Allen, Principles of Corporate Finance,
// ch. 2 and 5: NPV = sum CF_t / (1 + d)^t, CRF = d (1 + d)^N / ((1 + d)^N - 1)). Tolerances: 1e-9
// relative for sums of a few terms, 1e-8 absolute on rates found by bisection.
#include "twin/economics/cash_flow.h"

#include <gtest/gtest.h>

#include <cmath>

namespace twin::economics {
namespace {

constexpr double kKwh = 3.6e6;  // J
constexpr double kTonne = 1e3;  // kg

InvestmentCase makeCase(double capex, double subsidy, double om, double lifetime, double savings) {
  InvestmentCase c;
  Investment inv;
  inv.capex = capex;
  inv.subsidy = subsidy;
  inv.annual_om = om;
  inv.lifetime_years = lifetime;
  c.investments = {inv};
  c.annual_savings = savings;
  return c;
}

// Case A: 1000 CNY for 250 CNY a year (300 saved, 50 O&M) over 5 years at 10 %, no escalation.
TEST(CashFlow, LevelAnnuityByHand) {
  const InvestmentCase c = makeCase(1000, 0, 50, 0, 300);
  const Appraisal a = appraise(c, {.discount_rate = 0.10, .analysis_years = 5});
  ASSERT_EQ(a.cash_flows.size(), 6u);
  EXPECT_DOUBLE_EQ(a.cash_flows[0], -1000.0);
  EXPECT_DOUBLE_EQ(a.cash_flows[5], 250.0);
  // 250 * (1 - 1.1^-5) / 0.1 - 1000 = -52.3033...
  EXPECT_NEAR(a.npv, -52.30330764788812, 1e-9);
  // Annuity factor 4 at 5 years: 7.9308 %.
  ASSERT_TRUE(a.irr.has_value());
  EXPECT_NEAR(*a.irr, 0.07930826116052858, 1e-8);
  EXPECT_DOUBLE_EQ(*a.simple_payback, 4.0);
  EXPECT_FALSE(a.discounted_payback.has_value());  // -52 after year 5: never within N
  EXPECT_FALSE(a.lcse.has_value());
  EXPECT_FALSE(a.abatement_cost.has_value());
}

// Case B: capex 1000 less a 200 subsidy, 4-year life over 10 years: replaced at the full 1000 in
// years 4 and 8; no salvage unless one is stated. Savings 300 and O&M 20 escalate 2 % a year;
// discount 6 %.
TEST(CashFlow, ReplacementsSalvageAndEscalationByHand) {
  InvestmentCase c = makeCase(1000, 200, 20, 4, 300);
  const EconomicsSettings s{.discount_rate = 0.06, .analysis_years = 10, .price_escalation = 0.02};
  const Appraisal a = appraise(c, s);
  const std::vector<double> expected = {-800.0,
                                        280.0,
                                        285.6,
                                        291.312,
                                        -702.86176,
                                        303.0810048,
                                        309.142624896,
                                        315.32547739392,
                                        -678.3680130582015,
                                        328.06462668063443,
                                        334.6259192142471};
  ASSERT_EQ(a.cash_flows.size(), expected.size());
  for (size_t t = 0; t < expected.size(); ++t) {
    EXPECT_NEAR(a.cash_flows[t], expected[t], 1e-9 * std::abs(expected[t])) << "year " << t;
  }
  EXPECT_NEAR(a.npv, 15.733144923928933, 1e-9);
  EXPECT_DOUBLE_EQ(a.investment, 800.0);
  EXPECT_DOUBLE_EQ(*a.simple_payback, 800.0 / 280.0);
  // Cumulative present value first turns positive in year 7: 6 + 149.394 / 209.709.
  ASSERT_TRUE(a.discounted_payback.has_value());
  EXPECT_NEAR(*a.discounted_payback,
              6.0 + 149.39413718844196 / (60.31531465874369 + 149.39413718844196), 1e-9);
  // A stated salvage (here the year-8 unit's straight-line remaining value, 2/4 of 1000) comes
  // in at year 10.
  c.investments[0].salvage = 500.0;
  EXPECT_NEAR(appraise(c, s).cash_flows.back(), 334.6259192142471 + 500.0, 1e-9);
}

// Case C, the LED example: 200 kCNY, 1 kCNY O&M, 10-year life over 20 years at 6 %, 2 %
// escalation; it saves 50 kCNY, 60 MWh and 25 t CO2 in year 1.
TEST(CashFlow, LevelisedCostAndAbatementByHand) {
  InvestmentCase c = makeCase(200000, 0, 1000, 10, 50000);
  c.energy_saved = 60000 * kKwh;
  c.co2_avoided = 25 * kTonne;
  const Appraisal a =
      appraise(c, {.discount_rate = 0.06, .analysis_years = 20, .price_escalation = 0.02});
  EXPECT_NEAR(a.cash_flows[10], 49000 * std::pow(1.02, 9) - 200000, 1e-6);
  EXPECT_NEAR(a.cash_flows[20], 49000 * std::pow(1.02, 19), 1e-6);
  EXPECT_NEAR(a.npv, 345747.40270358, 1e-6);
  EXPECT_NEAR(*a.irr, 0.23330858413625044, 1e-8);
  EXPECT_NEAR(*a.simple_payback, 200000.0 / 49000.0, 1e-12);
  EXPECT_NEAR(*a.discounted_payback, 4.6383384014513, 1e-9);
  // Both annualise the investment over the analysis period: CRF(6 %, 20) = 0.0871846;
  // (200000 CRF + 1000) / 60000 kWh = 0.30728 CNY/kWh, and
  EXPECT_NEAR(*a.lcse * kKwh, 0.3072818565895047, 1e-12);
  // (200000 CRF + 1000 - 50000) / 25 t = -1262.5 CNY/t: it saves money.
  EXPECT_NEAR(*a.abatement_cost * kTonne, -1262.5235441851887, 1e-9);
}

// Two measures with their own lives: their cash flows and replacements add up.
TEST(CashFlow, MeasuresAddUp) {
  InvestmentCase c = makeCase(1000, 0, 10, 4, 500);
  c.investments.push_back(makeCase(3000, 500, 40, 0, 0).investments[0]);
  c.energy_saved = 1000 * kKwh;
  const EconomicsSettings s{.discount_rate = 0.05, .analysis_years = 6, .price_escalation = 0.0};
  const Appraisal a = appraise(c, s);
  EXPECT_DOUBLE_EQ(a.investment, 3500.0);
  EXPECT_DOUBLE_EQ(a.annual_om, 50.0);
  // Year 4: 450 - 1000 (the first measure replaced); year 6: 450.
  EXPECT_DOUBLE_EQ(a.cash_flows[4], 450.0 - 1000.0);
  EXPECT_DOUBLE_EQ(a.cash_flows[6], 450.0);
  // (3500 CRF(5 %, 6) + 50) / 1000 kWh = 0.73956 CNY/kWh.
  EXPECT_NEAR(*a.lcse * kKwh, 0.7395611383856585, 1e-12);
  EXPECT_NEAR(capitalRecoveryFactor(0.05, 4), 0.2820118326034625, 1e-15);
}

TEST(CashFlow, CapitalRecoveryFactor) {
  EXPECT_DOUBLE_EQ(capitalRecoveryFactor(0.0, 20), 0.05);
  EXPECT_NEAR(capitalRecoveryFactor(0.06, 10), 0.13586795822038372, 1e-15);
}

TEST(CashFlow, NoUniqueRateOfReturn) {
  EXPECT_FALSE(internalRateOfReturn({100, 100, 100}).has_value());  // never negative
  EXPECT_FALSE(internalRateOfReturn({-100, -10}).has_value());      // never positive
  // -100 + 230 / (1 + r) - 132 / (1 + r)^2 = 0 at r = 10 % and r = 20 %: two roots, none reported.
  EXPECT_FALSE(internalRateOfReturn({-100, 230, -132}).has_value());
}

TEST(CashFlow, NoSavingsNoPayback) {
  const Appraisal a = appraise(makeCase(1000, 0, 100, 0, 80), EconomicsSettings{});
  EXPECT_FALSE(a.simple_payback.has_value());
  EXPECT_FALSE(a.discounted_payback.has_value());
  EXPECT_FALSE(a.irr.has_value());
}

}  // namespace
}  // namespace twin::economics
