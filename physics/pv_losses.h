// PV system derate and module degradation.
// PVWatts v5 system losses: Dobos 2014, NREL/TP-6A20-62641, system losses section: ten loss
// categories (defaults in its table) combined multiplicatively, L = 1 - prod(1 - L_i), 14.08 %
// for the defaults. Degradation: a constant annual rate compounded, (1 - rate)^years.
#pragma once

#include <cmath>

#include "physics/units.h"

namespace physics {

// Each loss is a fraction of DC energy, 0..1 (write 2 * units::pct for 2 %).
struct PvwattsLosses {
  double soiling = 2.0 * units::pct;
  double shading = 3.0 * units::pct;
  double snow = 0.0;
  double mismatch = 2.0 * units::pct;
  double wiring = 2.0 * units::pct;
  double connections = 0.5 * units::pct;
  double light_induced_degradation = 1.5 * units::pct;
  double nameplate = 1.0 * units::pct;
  double age = 0.0;
  double availability = 3.0 * units::pct;

  // Total loss, fraction: 1 - prod(1 - l_i). Depends only on the system: compute it once.
  double total() const {
    return 1.0 - (1.0 - soiling) * (1.0 - shading) * (1.0 - snow) * (1.0 - mismatch) *
                     (1.0 - wiring) * (1.0 - connections) * (1.0 - light_induced_degradation) *
                     (1.0 - nameplate) * (1.0 - age) * (1.0 - availability);
  }
};

// Remaining fraction of the initial output. years: >= 0 (fractional allowed); annual_rate:
// fraction per year, < 1 (e.g. 0.5 * units::pct).
inline double degradationFactor(double years, double annual_rate) {
  return std::pow(1.0 - annual_rate, years);
}

}  // namespace physics
