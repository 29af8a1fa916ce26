#include "app/size_results.h"

#include <fmt/format.h>

#include "app/version.h"
#include "twin/base/text.h"
#include "twin/engine/engine.h"
#include "twin/results/results_writer.h"
#include "twin/sweep/sweep_table.h"

namespace twin::cli {
namespace {

namespace u = physics::units;

// The plan a sweep of the same sizes would have: the baseline, then one variant per size.
sweep::SweepPlan sizingPlan(const ParkSource& source, const CompiledPark& park,
                            const sweep::SizingCase& c, const sweep::SizingResult& result) {
  sweep::SweepPlan plan;
  plan.parks.push_back({source, "", {c.model->scenario}, c.grid, park.baseline.uncertainty});
  const std::string battery = "storage." + c.model->storage[c.battery].id;
  plan.variations = {{battery + ".energy", {}}, {battery + ".power", {}}};
  if (!c.pv_options.empty()) plan.variations.push_back({"pv", {}});
  plan.variants.push_back({"baseline", 0, "", {}, 0, -1});
  for (size_t i = 0; i < result.points.size(); ++i) {
    const sweep::SizingPoint& p = result.points[i];
    std::vector<std::string> values{fmt::format("{:g} kWh", p.energy / u::kWh),
                                    fmt::format("{:g} kW", p.power / u::kW)};
    if (!c.pv_options.empty()) values.push_back(sweep::pvLabel(c, p));
    for (size_t v = 0; v < values.size(); ++v) plan.variations[v].values.push_back(values[v]);
    plan.variants.push_back({sizeName(i), 0, c.model->scenario, values, 0, -1});
  }
  return plan;
}

}  // namespace

std::string sizeName(size_t point) { return fmt::format("size{:02}", point + 1); }

SizingResults::SizingResults(const std::string& output, const std::string& command_line,
                             const ParkSource& source, const TimeGrid& grid)
    : source_(source),
      grid_(grid),
      writer_(output, {source.text, source.sha256, kToolVersion, command_line, utcNowIso()}, grid) {
}

Kpis SizingResults::runBaseline(const ParkModel& baseline) {
  BlockSink& root = writer_.beginScenario(baseline, "the park as described");
  Kpis kpis = runSimulation(baseline, grid_, &root);
  writer_.endScenario(kpis);
  return kpis;
}

void SizingResults::finish(const CompiledPark& park, const sweep::SizingCase& c,
                           const sweep::SizingResult& result) {
  const sweep::SweepPlan plan = sizingPlan(source_, park, c, result);
  const sweep::SizingPoint& best = result.points[result.best];
  ParkModel model = sweep::sizedModel(c, best);
  model.scenario = sizeName(result.best);
  const sweep::VariantSpec& spec = plan.variants[result.best + 1];
  BlockSink& sink = writer_.beginScenario(
      model, "the best size of " + c.model->scenario + ": " + join(spec.values, "; "));
  for (size_t v = 0; v < spec.values.size(); ++v) {
    writer_.setScenarioAttribute("vary:" + plan.variations[v].path, spec.values[v]);
  }
  writer_.endScenario(runSimulation(model, c.grid, &sink));

  std::vector<sweep::VariantRow> rows{sweep::succeededRow(0, *c.baseline, result.baseline, c.grid)};
  for (size_t i = 0; i < result.points.size(); ++i) {
    const sweep::SizingPoint& p = result.points[i];
    rows.push_back(sweep::succeededRow(i + 1, sweep::sizedModel(c, p), p.kpis, c.grid));
  }
  sweep::appraise(plan, rows);
  sweep::writeSweepTable(writer_.file(), plan, rows);
  writer_.commit();
}

}  // namespace twin::cli
