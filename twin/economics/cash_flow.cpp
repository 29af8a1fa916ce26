#include "twin/economics/cash_flow.h"

#include <algorithm>
#include <cmath>

namespace twin::economics {

double capitalRecoveryFactor(double rate, int years) {
  if (rate == 0.0) return 1.0 / years;
  const double growth = std::pow(1.0 + rate, years);
  return rate * growth / (growth - 1.0);
}

double presentValue(const std::vector<double>& flows, double rate) {
  double pv = 0.0;
  double discount = 1.0;
  for (double f : flows) {
    pv += f / discount;
    discount *= 1.0 + rate;
  }
  return pv;
}

std::optional<double> internalRateOfReturn(const std::vector<double>& flows) {
  // Scan for sign changes of the present value on a grid dense near zero, then bisect the one
  // bracket. Several brackets (non-conventional flows) have no single rate to report.
  constexpr double kLow = -0.99, kHigh = 10.0;
  constexpr int kSteps = 2000;
  std::optional<std::pair<double, double>> bracket;
  double prev_rate = kLow;
  double prev_pv = presentValue(flows, kLow);
  for (int i = 1; i <= kSteps; ++i) {
    const double x = static_cast<double>(i) / kSteps;  // 0..1, squared: finer at low rates
    const double rate = kLow + (kHigh - kLow) * x * x;
    const double pv = presentValue(flows, rate);
    if (pv == 0.0 || (pv > 0.0) != (prev_pv > 0.0)) {
      if (bracket) return std::nullopt;
      bracket = std::make_pair(prev_rate, rate);
    }
    prev_rate = rate;
    prev_pv = pv;
  }
  if (!bracket) return std::nullopt;
  auto [lo, hi] = *bracket;
  const bool rising = presentValue(flows, lo) < 0.0;
  for (int i = 0; i < 200 && hi - lo > 1e-14; ++i) {
    const double mid = 0.5 * (lo + hi);
    ((presentValue(flows, mid) < 0.0) == rising ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

std::optional<double> discountedPayback(const std::vector<double>& flows, double rate) {
  double cumulative = 0.0;
  double discount = 1.0;
  for (size_t t = 0; t < flows.size(); ++t) {
    const double pv = flows[t] / discount;
    if (cumulative + pv >= 0.0) {
      if (t == 0) return 0.0;
      return static_cast<double>(t - 1) + (-cumulative) / pv;
    }
    cumulative += pv;
    discount *= 1.0 + rate;
  }
  return std::nullopt;
}

std::vector<double> replacementFlows(const Investment& c, int years) {
  std::vector<double> out(static_cast<size_t>(years) + 1, 0.0);
  if (c.lifetime_years <= 0.0) return out;
  // An installation that ends during year t is replaced in that year, at the same cost.
  for (int k = 1;; ++k) {
    const double end = k * c.lifetime_years;
    if (end >= years - 1e-9) break;
    out[static_cast<size_t>(std::ceil(end - 1e-9))] += c.capex;
  }
  return out;
}

Appraisal appraise(const InvestmentCase& c, const EconomicsSettings& s) {
  const int n = s.analysis_years;
  Appraisal a;
  a.annual_savings = c.annual_savings;
  a.co2_avoided = c.co2_avoided;
  a.cash_flows.assign(static_cast<size_t>(n) + 1, 0.0);
  for (const Investment& inv : c.investments) {
    a.investment += inv.capex - inv.subsidy;
    a.annual_om += inv.annual_om;
    const std::vector<double> replacements = replacementFlows(inv, n);
    for (size_t t = 1; t < a.cash_flows.size(); ++t) a.cash_flows[t] -= replacements[t];
    a.cash_flows.back() += inv.salvage;
  }
  a.cash_flows[0] = -a.investment;
  double escalation = 1.0;
  for (size_t t = 1; t < a.cash_flows.size(); ++t) {
    a.cash_flows[t] += (c.annual_savings - a.annual_om) * escalation;
    escalation *= 1.0 + s.price_escalation;
  }
  a.npv = presentValue(a.cash_flows, s.discount_rate);
  a.irr = internalRateOfReturn(a.cash_flows);
  const double net = c.annual_savings - a.annual_om;
  if (net > 0.0) a.simple_payback = std::max(0.0, a.investment) / net;
  a.discounted_payback = discountedPayback(a.cash_flows, s.discount_rate);
  // The levelised cost of saved energy and the abatement cost annualise the investment alike, over
  // the analysis period (the convention for the abatement cost).
  const double annualised = a.investment * capitalRecoveryFactor(s.discount_rate, n);
  if (c.energy_saved > 0.0) a.lcse = (annualised + a.annual_om) / c.energy_saved;
  if (c.co2_avoided > 0.0) {
    a.abatement_cost = (annualised + a.annual_om - c.annual_savings) / c.co2_avoided;
  }
  return a;
}

}  // namespace twin::economics
