// What a park file says about money over time: the top-level `economics:` settings and a
// scenario's `investment:` (docs/economics.md). Money in CNY, durations in years.
#pragma once

namespace twin {

struct EconomicsSettings {
  double discount_rate = 0.08;    // per year
  int analysis_years = 20;        // N, whole years
  double price_escalation = 0.0;  // per year, on energy, demand and export prices and O&M
};

struct Investment {
  double capex = 0.0;      // CNY at year 0, and again at each replacement
  double subsidy = 0.0;    // CNY at year 0 only
  double annual_om = 0.0;  // CNY in year 1
  // Years an installation lasts; 0: it outlasts the analysis period (no replacement).
  double lifetime_years = 0.0;
  double salvage = 0.0;  // CNY at the end of year N (a residual value)
};

}  // namespace twin
