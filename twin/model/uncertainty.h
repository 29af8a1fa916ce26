// What a park file declares uncertain for Monte Carlo sweeps (the top-level `uncertainty:`).
#pragma once

#include <string>
#include <vector>

namespace twin {

// What a Monte Carlo sweep draws for each sample (`uncertainty:`, parktwin sweep --samples,
// docs/sweeps.md): one weather source from a list, and factors drawn uniformly on the loads (every
// load's rated power and every motor's shaft load) and on the prices (every energy price, the
// demand charge and the export price). A factor not declared is 1.
struct Uncertainty {
  std::vector<std::string> weather;  // values of weather.source; empty: the park's own weather
  double load_min = 1.0;
  double load_max = 1.0;
  double price_min = 1.0;
  double price_max = 1.0;
  bool declared() const {
    return !weather.empty() || load_min != 1.0 || load_max != 1.0 || price_min != 1.0 ||
           price_max != 1.0;
  }
};

}  // namespace twin
