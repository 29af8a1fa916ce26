// `parktwin sweep PARK.yaml --vary SECTION.ID.FIELD=V1,V2,... [--vary ...] -o OUT.h5`: the grid
// of variants of the baseline, each stored as a scenario whose parameters are attributes. With
// `--store park` (the default) the variants run in parallel (TBB over variants, each as it would
// run alone) and keep their KPIs, /model and park-level series; with `--store full` they run one
// after another through the writer and keep every series.
#include <iostream>

#include "app/commands.h"
#include "app/progress.h"
#include "app/text_table.h"
#include "app/version.h"
#include "twin/base/text.h"
#include "twin/engine/engine.h"
#include "twin/model/sweep.h"
#include "twin/results/results_writer.h"

namespace twin::cli {
namespace {

// Keeps each block of a run for the writer: the park-level series only.
class RecordingSink : public BlockSink {
 public:
  void consume(const BlockResult& block) override {
    BlockResult kept;
    kept.day = block.day;
    kept.first_step = block.first_step;
    kept.steps = block.steps;
    for (int s = 0; s < kSeriesCount; ++s) {
      if (kSeries[s].kind == "park") kept.values[s] = block.values[s];
    }
    blocks.push_back(std::move(kept));
  }
  std::vector<BlockResult> blocks;
};

void describe(ResultsWriter& writer, const std::vector<Variation>& variations, const Variant& v) {
  for (size_t i = 0; i < variations.size(); ++i) {
    writer.setScenarioAttribute("vary:" + variations[i].path, v.values[i]);
  }
}

std::string variantText(const std::vector<Variation>& variations, const Variant& v) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < variations.size(); ++i)
    parts.push_back(variations[i].path + "=" + v.values[i]);
  return join(parts, ", ");
}

// Every variant in parallel, recorded; then written one after another.
std::vector<Kpis> runParallel(const std::vector<Variant>& variants,
                              const std::vector<Variation>& variations, const TimeGrid& grid,
                              ResultsWriter& writer) {
  std::vector<RecordingSink> recorded(variants.size());
  std::vector<const ParkModel*> models;
  std::vector<BlockSink*> sinks;
  for (size_t i = 0; i < variants.size(); ++i) {
    models.push_back(&variants[i].model);
    sinks.push_back(&recorded[i]);
  }
  ProgressBar bar("sweep (" + std::to_string(variants.size()) + " variants)");
  std::vector<Kpis> kpis = runEach(models, grid, sinks, [&](long done) {
    bar.update(done, static_cast<long>(variants.size()));
  });
  for (size_t i = 0; i < variants.size(); ++i) {
    BlockSink& sink = writer.beginScenario(variants[i].model, variantText(variations, variants[i]),
                                           StoreLevel::kPark);
    describe(writer, variations, variants[i]);
    for (BlockResult& block : recorded[i].blocks) {
      sink.prepare(block);
      sink.consume(block);
    }
    writer.endScenario(kpis[i]);
  }
  return kpis;
}

std::vector<Kpis> runSequential(const std::vector<Variant>& variants,
                                const std::vector<Variation>& variations, const TimeGrid& grid,
                                ResultsWriter& writer) {
  std::vector<Kpis> out;
  for (const Variant& v : variants) {
    ProgressBar bar(v.name);
    BlockSink& sink = writer.beginScenario(v.model, variantText(variations, v));
    describe(writer, variations, v);
    RunControl control{[&](long d, long total) { bar.update(d, total); }, nullptr};
    out.push_back(runSimulation(v.model, grid, &sink, control));
    writer.endScenario(out.back());
  }
  return out;
}

void printSweep(const std::vector<Variant>& variants, const std::vector<Variation>& variations,
                const std::vector<Kpis>& kpis, const Kpis& base) {
  TextTable t;
  t.corner = "variant";
  for (const Variation& v : variations) t.columns.push_back({v.path, ""});
  t.columns.insert(
      t.columns.end(),
      {{"total cost", "kCNY"}, {"vs baseline", "kCNY"}, {"peak demand", "kW"}, {"CO2", "t"}});
  for (size_t i = 0; i < variants.size(); ++i) {
    std::vector<std::string> row{variants[i].name};
    row.insert(row.end(), variants[i].values.begin(), variants[i].values.end());
    const PeriodKpi& k = kpis[i].total;
    row.insert(row.end(), {formatGrouped(k.cost() / 1e3, 1),
                           formatGrouped((k.cost() - base.total.cost()) / 1e3, 1),
                           formatGrouped(k.peak_demand / 1e3, 1), formatGrouped(k.co2 / 1e3, 1)});
    t.rows.push_back(std::move(row));
  }
  printTable(std::cout, t, terminalWidth());
}

}  // namespace

int sweepCommand(const SweepRequest& request) {
  checkOutputPath(request.output, request.park_path);
  const ParkSource source = loadParkSource(request.park_path);
  std::vector<Variation> variations;
  for (const std::string& flag : request.vary) variations.push_back(parseVariation(flag));
  ParkModel baseline = compileVariants(source, {}).at(0).model;
  baseline.scenario.clear();
  const std::vector<Variant> variants = compileVariants(source, variations);
  const TimeGrid grid = makeTimeGrid(baseline, parsePeriodFlags(request.period));
  std::cerr << source.path << ": " << variants.size() << " variants of " << grid.steps()
            << " steps\n";
  const RunMeta meta{source.text, source.sha256, kToolVersion, request.command_line, utcNowIso()};
  ResultsWriter writer(request.output, meta, grid);
  const StoreLevel store = request.store == "full" ? StoreLevel::kFull : StoreLevel::kPark;
  const Kpis base = runSimulation(baseline, grid,
                                  &writer.beginScenario(baseline, "the park as described", store));
  writer.endScenario(base);
  const std::vector<Kpis> kpis = store == StoreLevel::kPark
                                     ? runParallel(variants, variations, grid, writer)
                                     : runSequential(variants, variations, grid, writer);
  writer.commit();
  printSweep(variants, variations, kpis, base);
  std::cout << "results: " << request.output << " (parktwin compare ranks the variants)\n";
  return 0;
}

}  // namespace twin::cli
