// The investment case of one scenario or measure, valued by discounted cash flow against the
// baseline (docs/economics.md states the convention). Money in CNY, energy in J, CO2 in kg, time
// in whole years of the analysis period.
#pragma once

#include <optional>
#include <vector>

#include "twin/model/economics.h"

namespace twin::economics {

struct InvestmentCase {
  std::vector<Investment> investments;  // one per measure, or the scenario's stated one
  double annual_savings = 0.0;  // S1: baseline cost minus scenario cost in the simulated year, CNY
  double energy_saved = 0.0;    // grid import the scenario avoids in that year, J
  double co2_avoided = 0.0;     // CO2 it avoids in that year, kg
};

struct Appraisal {
  double investment = 0.0;  // I0 = capex - subsidy
  double annual_savings = 0.0;
  double annual_om = 0.0;
  std::vector<double> cash_flows;  // years 0..N
  double npv = 0.0;
  std::optional<double> irr;                 // per year; none when no unique root exists
  std::optional<double> simple_payback;      // years; none when S1 <= OM1
  std::optional<double> discounted_payback;  // years; none when not within N
  // Levelised cost of saved energy, (I0 CRF(d, N) + OM1) / energy saved, in CNY/J; none when no
  // energy is saved.
  std::optional<double> lcse;
  double co2_avoided = 0.0;              // kg per year
  std::optional<double> abatement_cost;  // CNY/kg; none when no CO2 is avoided
};

// CRF(d, N) = d (1 + d)^N / ((1 + d)^N - 1), 1/N at d = 0.
double capitalRecoveryFactor(double rate, int years);
// Sum of flow_t / (1 + rate)^t, t from 0.
double presentValue(const std::vector<double>& flows, double rate);
// The rate in (-99 %, 1000 %) at which the flows' present value is zero, when there is exactly one.
std::optional<double> internalRateOfReturn(const std::vector<double>& flows);
// The year in which the cumulative present value first reaches zero, interpolated within it.
std::optional<double> discountedPayback(const std::vector<double>& flows, double rate);
// Replacement cost in each year 0..N of a lifetime shorter than the period.
std::vector<double> replacementFlows(const Investment& c, int years);

Appraisal appraise(const InvestmentCase& c, const EconomicsSettings& s);

}  // namespace twin::economics
