// Compiles a battery's `dispatch:` map: a rule policy with its parameters, or the optimal policy
// with its horizon, forecast, degradation cost and the park's import and export limits, which
// every optimal battery of the park states alike (one programme plans them together).
#include <cmath>

#include "physics/units.h"
#include "twin/base/text.h"
#include "twin/model/compile_context.h"

namespace twin {
namespace {

namespace u = physics::units;

constexpr QuantityField kThreshold{"threshold", Dimension::kPower, 0, 1000 * u::MW, false, "kW",
                                   u::kW};
constexpr QuantityField kMargin{
    "recharge_margin", Dimension::kPower, 0, 1000 * u::MW, false, "kW", u::kW};
constexpr QuantityField kChargeBelow{
    "charge_below", Dimension::kEnergyPrice, 0, 100 / u::kWh, false, "CNY/kWh", 1 / u::kWh};
constexpr QuantityField kDischargeAbove{
    "discharge_above", Dimension::kEnergyPrice, 0, 100 / u::kWh, false, "CNY/kWh", 1 / u::kWh};
constexpr QuantityField kHorizon{"horizon", Dimension::kDuration, 86400, 366 * 86400.0, false, "h",
                                 u::hour};
constexpr QuantityField kDegradation{
    "degradation_cost", Dimension::kEnergyPrice, 0, 100 / u::kWh, false, "CNY/kWh", 1 / u::kWh};
constexpr QuantityField kImportLimit{
    "import_limit", Dimension::kPower, 0, 1000 * u::MW, false, "kW", u::kW};
constexpr QuantityField kExportLimit{
    "export_limit", Dimension::kPower, 0, 1000 * u::MW, false, "kW", u::kW};

void readOptimal(const Node& n, const std::string& path, CompileContext& c, OptimalDispatch& o) {
  o.horizon = c.r.quantity(n, kHorizon, path, false).value_or(o.horizon);
  const double days = o.horizon / 86400.0;
  if (std::abs(days - std::round(days)) > 1e-9) {
    c.r.error(n.find("horizon")->loc, keyPath(path, "horizon"),
              "expected a whole number of days (\"24 h\", \"48 h\", \"8760 h\"), got " +
                  formatNumber(o.horizon / u::hour) + " h");
  }
  o.forecast =
      static_cast<Forecast>(c.r.choice(n, "forecast", kForecastNames, path, false).value_or(0));
  o.degradation_cost = c.r.quantity(n, kDegradation, path, false).value_or(0.0);
  o.import_limit = c.r.quantity(n, kImportLimit, path, false).value_or(o.import_limit);
  o.export_limit = c.r.quantity(n, kExportLimit, path, false).value_or(o.export_limit);
}

// An optimal battery states what the park's first battery states; rules and the optimal policy do
// not mix (the programme plans every battery of the park). Each battery that differs from the
// first gets its own message.
void checkAlike(const Node& n, const std::string& path, CompileContext& c, const Storage& s) {
  if (c.model.storage.empty()) return;
  const Storage& first = c.model.storage.front();  // the others were checked against it
  const bool optimal = s.policy == physics::DispatchPolicy::kOptimal;
  if (optimal != (first.policy == physics::DispatchPolicy::kOptimal)) {
    c.r.error(n.loc, keyPath(path, "policy"),
              "expected every battery of the park with policy optimal, or none: \"" + first.id +
                  "\" has another policy (one programme plans all the batteries)");
    return;
  }
  const OptimalDispatch& a = s.optimal;
  const OptimalDispatch& b = first.optimal;
  if (optimal && (a.horizon != b.horizon || a.forecast != b.forecast ||
                  a.import_limit != b.import_limit || a.export_limit != b.export_limit)) {
    c.r.error(n.loc, path,
              "expected the horizon, forecast, import_limit and export_limit of \"" + first.id +
                  "\": the park's optimal batteries are planned together");
  }
}

}  // namespace

void readDispatch(const Node& n, const std::string& path, CompileContext& c, Storage& s) {
  if (!c.r.expectMap(n, path)) return;
  c.r.checkKeys(n,
                {"policy", "threshold", "recharge_margin", "charge_below", "discharge_above",
                 "horizon", "forecast", "degradation_cost", "import_limit", "export_limit"},
                path);
  s.policy = static_cast<physics::DispatchPolicy>(
      c.r.choice(n, "policy", kDispatchPolicyNames, path, true).value_or(0));
  const bool shaving = s.policy == physics::DispatchPolicy::kPeakShaving;
  const bool arbitrage = s.policy == physics::DispatchPolicy::kTouArbitrage;
  if (s.policy == physics::DispatchPolicy::kOptimal) {
    readOptimal(n, path, c, s.optimal);
  } else {
    for (const char* key :
         {"horizon", "forecast", "degradation_cost", "import_limit", "export_limit"}) {
      if (const Node* k = n.find(key)) {
        c.r.error(k->loc, keyPath(path, key), "expected only with policy: optimal");
      }
    }
  }
  // A threshold is required for peak shaving; with arbitrage it caps charging and shaves peaks.
  s.params.peak_threshold = c.r.quantity(n, kThreshold, path, shaving).value_or(0.0);
  s.params.recharge_margin = c.r.quantity(n, kMargin, path, false).value_or(0.0);
  s.params.charge_below = c.r.quantity(n, kChargeBelow, path, arbitrage).value_or(0.0);
  s.params.discharge_above = c.r.quantity(n, kDischargeAbove, path, arbitrage).value_or(0.0);
  if (arbitrage && !(s.params.charge_below < s.params.discharge_above)) {
    c.r.error(n.loc, keyPath(path, "charge_below"),
              "expected charge_below lower than discharge_above");
  }
  checkAlike(n, path, c, s);
}

}  // namespace twin
