// `parktwin dr-cost PARK.yaml --at TIME [--at TIME ...] --request POWER [--duration D]
// [--scenario NAME] [--payment PRICE] [--step S] [--json]`: what a demand-response event of a
// given size at a given time would cost the park (twin/sweep/dr_event_cost.h), one row per --at.
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "app/flags.h"
#include "app/json_output.h"
#include "twin/base/error.h"
#include "twin/base/iso_time.h"
#include "twin/base/text.h"
#include "twin/model/compile_park.h"
#include "twin/sweep/dr_event_cost.h"

namespace twin::cli {
namespace {

namespace u = physics::units;
using Json = nlohmann::ordered_json;

const ParkModel& chooseRun(const CompiledPark& park, const DrCostRequest& r) {
  if (r.scenario.empty() || r.scenario == "baseline") return park.baseline;
  std::vector<std::string> names;
  for (const ParkModel& m : park.scenarios) {
    if (m.scenario == r.scenario) return m;
    names.push_back(m.scenario);
  }
  throw InputError("--scenario: no scenario " + quote(r.scenario) + " in " + r.park_path +
                   " (it has: " + (names.empty() ? "none" : join(names, ", ")) + ")");
}

// --at as YYYY-MM-DDTHH:MM in site time, or an ISO 8601 instant with its offset.
int64_t eventStart(const std::string& text, const ParkModel& m) {
  const std::optional<double> parsed = parseSiteTime(text, m.site.utc_offset_s);
  if (!parsed) {
    throw InputError(
        "--at: expected YYYY-MM-DDTHH:MM in site time or with an offset "
        "(2025-07-22T13:00+08:00), got " +
        quote(text));
  }
  return static_cast<int64_t>(std::floor(*parsed));
}

std::vector<DrEvent> requestedEvents(const DrCostRequest& r, const ParkModel& m) {
  const double duration = quantityFlag("--duration", r.duration, Dimension::kDuration);
  const double request = quantityFlag("--request", r.request, Dimension::kPower);
  if (!(duration > 0.0 && duration <= 24 * u::hour)) {
    throw InputError("--duration: expected above 0 and at most 24 h, got " + quote(r.duration));
  }
  if (!(request > 0.0)) throw InputError("--request: expected above 0 kW, got " + quote(r.request));
  std::vector<DrEvent> out;
  for (size_t i = 0; i < r.at.size(); ++i) {
    out.push_back({fmt::format("DR-COST-{}", i + 1), eventStart(r.at[i], m), duration, request});
  }
  return out;
}

struct Row {
  const sweep::DrEventCost* c;
  double payment;  // currency paid for the delivered energy
  double energy() const { return c->with.total.energy_cost - c->without.total.energy_cost; }
  double demand() const { return c->with.total.demand_cost - c->without.total.demand_cost; }
  double exported() const { return c->with.total.export_revenue - c->without.total.export_revenue; }
  double perKwh() const { return c->delivered() > 0 ? c->cost() / (c->delivered() / u::kWh) : NAN; }
};

Json rowJson(const Row& row, const ParkModel& m) {
  const sweep::DrEventCost& c = *row.c;
  return {{"start", formatIsoTime(c.event.start, m.site.utc_offset_s)},
          {"period_start", formatDate(c.grid.start_day)},
          {"period_end", formatDate(c.grid.end_day)},
          {"requested_kWh", c.requested() / u::kWh},
          {"delivered_kWh", c.delivered() / u::kWh},
          {"rebound_kWh", c.rebound() / u::kWh},
          {"not_consumed_kWh", c.notConsumed() / u::kWh},
          {"energy_cost_CNY", row.energy()},
          {"demand_charge_CNY", row.demand()},
          {"export_revenue_CNY", row.exported()},
          {"cost_CNY", c.cost()},
          {"cost_per_kWh_CNY", numberOrNull(row.perKwh())},
          {"peak_without_kW", c.without.months[c.month].peak_demand / u::kW},
          {"peak_with_kW", c.with.months[c.month].peak_demand / u::kW},
          {"payment_CNY", row.payment},
          {"net_cost_CNY", c.cost() - row.payment}};
}

void printRows(const std::vector<Row>& rows, const ParkModel& m, bool paid) {
  std::cout << fmt::format("  {:<25} {:>9} {:>6} {:>8} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}{}\n",
                           "start", "delivered", "share", "rebound", "not used", "energy", "demand",
                           "exp. loss", "cost", "per kWh", paid ? fmt::format(" {:>9}", "net") : "")
            << fmt::format("  {:<25} {:>9} {:>6} {:>8} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}{}\n", "",
                           "[kWh]", "[%]", "[kWh]", "[kWh]", "[CNY]", "[CNY]", "[CNY]", "[CNY]",
                           "[CNY/kWh]", paid ? fmt::format(" {:>9}", "[CNY]") : "");
  for (const Row& row : rows) {
    const sweep::DrEventCost& c = *row.c;
    const double share = c.requested() > 0 ? 100 * c.delivered() / c.requested() : 0.0;
    std::cout << fmt::format(
        "  {:<25} {:>9.1f} {:>6.1f} {:>8.1f} {:>9.1f} {:>+9.1f} {:>+9.1f} {:>+9.1f} {:>+9.1f} "
        "{:>9}{}\n",
        formatIsoTime(c.event.start, m.site.utc_offset_s), c.delivered() / u::kWh, share,
        c.rebound() / u::kWh, c.notConsumed() / u::kWh, row.energy(), row.demand(),
        0.0 - row.exported(), c.cost(),
        std::isnan(row.perKwh()) ? std::string("-") : fmt::format("{:+.3f}", row.perKwh()),
        paid ? fmt::format(" {:>+9.1f}", c.cost() - row.payment) : "");
  }
}

}  // namespace

int drCostCommand(const DrCostRequest& r) {
  if (r.at.empty()) throw InputError("--at: expected at least one event start");
  const CompiledPark park = compilePark(loadParkSource(r.park_path));
  const ParkModel& model = chooseRun(park, r);
  const std::vector<DrEvent> events = requestedEvents(r, model);
  double price = 0.0;
  if (!r.payment.empty()) {
    price = quantityFlag("--payment", r.payment, Dimension::kEnergyPrice);
    if (!(price >= 0.0)) throw InputError("--payment: expected 0 or more, got " + quote(r.payment));
  }
  const int step_s =
      r.step.empty() ? model.simulation.step_s : parsePeriodFlags({"", "", r.step}).step_s.value();
  std::vector<sweep::DrEventCost> costs;
  try {
    costs = sweep::drEventCosts(model, events, step_s);
  } catch (const InputError& e) {  // an event outside the park's period or over its own
    throw InputError(std::string("--at: ") + e.what());
  }
  std::vector<Row> rows;
  for (const sweep::DrEventCost& c : costs) rows.push_back({&c, price * c.delivered()});
  const std::string run = model.scenario.empty() ? "baseline" : model.scenario;
  if (r.json) {
    Json j{{"park", r.park_path},
           {"scenario", run},
           {"request_kW", events.front().request / u::kW},
           {"duration_h", events.front().duration / u::hour},
           {"payment_CNY_per_kWh", r.payment.empty() ? Json(nullptr) : Json(price * u::kWh)},
           {"events", Json::array()}};
    for (const Row& row : rows) j["events"].push_back(rowJson(row, model));
    std::cout << j.dump(2) << '\n';
    return 0;
  }
  std::cout << fmt::format(
      "{} ({}): a demand-response event of {:g} kW for {:g} h, its cost to the park against the "
      "same month without it (positive: the park pays more)\n",
      r.park_path, run, events.front().request / u::kW, events.front().duration / u::hour);
  printRows(rows, model, !r.payment.empty());
  return 0;
}

}  // namespace twin::cli
