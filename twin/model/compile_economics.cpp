// Compiles the top-level `economics:` settings and a scenario's `investment:` (docs/economics.md).
// A year ("a") is 365 days; the analysis period is a whole number of them.
#include <cmath>

#include "physics/units.h"
#include "twin/base/text.h"
#include "twin/model/compile_context.h"
#include "twin/model/investment_fields.h"

namespace twin {
namespace {

namespace u = physics::units;
using namespace investment_fields;

constexpr QuantityField kDiscountRate{"discount_rate", Dimension::kFraction, 0.0, 1.0, false, "%",
                                      u::pct};
constexpr QuantityField kAnalysisPeriod{
    "analysis_period", Dimension::kDuration, 1 * u::year, 100 * u::year, false, "a", u::year};
constexpr QuantityField kEscalation{
    "price_escalation", Dimension::kFraction, -0.5, 1.0, false, "%", u::pct};

}  // namespace

void compileEconomics(const Node& root, CompileContext& c) {
  const Node* n = root.find("economics");
  if (!n || !c.r.expectMap(*n, "economics")) return;
  c.r.checkKeys(*n, {"discount_rate", "analysis_period", "price_escalation"}, "economics");
  EconomicsSettings& e = c.model.economics;
  e.discount_rate = c.r.quantity(*n, kDiscountRate, "economics", false).value_or(e.discount_rate);
  e.price_escalation =
      c.r.quantity(*n, kEscalation, "economics", false).value_or(e.price_escalation);
  if (const std::optional<double> period = c.r.quantity(*n, kAnalysisPeriod, "economics", false)) {
    const double years = *period / u::year;
    if (std::abs(years - std::round(years)) > 1e-9) {
      c.r.error(n->find("analysis_period")->loc, "economics.analysis_period",
                "expected a whole number of years (\"20 a\"), got " + formatNumber(years) + " a");
    }
    e.analysis_years = static_cast<int>(std::round(years));
  }
}

void compileInvestment(const Node& root, CompileContext& c) {
  const Node* n = root.find("investment");
  if (!n || !c.r.expectMap(*n, "investment")) return;
  c.r.checkKeys(*n, {"capex", "om", "lifetime", "subsidy", "salvage"}, "investment");
  Investment& i = c.model.investment;
  i.capex = c.r.quantity(*n, kCapex, "investment", false).value_or(0.0);
  i.annual_om = c.r.quantity(*n, kOm, "investment", false).value_or(0.0);
  i.subsidy = c.r.quantity(*n, kSubsidy, "investment", false).value_or(0.0);
  i.salvage = c.r.quantity(*n, kSalvage, "investment", false).value_or(0.0);
  i.lifetime_years = c.r.quantity(*n, kLifetime, "investment", false).value_or(0.0) / u::year;
  if (i.subsidy > i.capex) {
    c.r.error(n->find("subsidy")->loc, "investment.subsidy",
              "expected a subsidy no larger than the capex (" + formatNumber(i.capex) +
                  " CNY), got " + formatNumber(i.subsidy) + " CNY");
  }
  c.model.has_investment = true;
}

std::vector<Investment> ParkModel::investments() const {
  if (has_investment) return {investment};
  std::vector<Investment> out;
  for (const Measure& m : measures) out.push_back(m.cost);
  return out;
}

}  // namespace twin
