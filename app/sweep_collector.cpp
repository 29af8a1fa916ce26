#include "app/sweep_collector.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <deque>
#include <iostream>
#include <mutex>
#include <thread>

#include "app/text_table.h"
#include "app/version.h"
#include "twin/base/text.h"
#include "twin/engine/engine.h"
#include "twin/sweep/sweep_table.h"

namespace twin::cli {
namespace {

constexpr size_t kPrintedRows = 200;

void describe(ResultsWriter& writer, const sweep::SweepPlan& plan, const sweep::VariantSpec& v) {
  for (size_t i = 0; i < v.values.size(); ++i) {
    writer.setScenarioAttribute("vary:" + plan.variations[i].path, v.values[i]);
  }
}

std::string shown(double v) { return std::isnan(v) ? "-" : formatGrouped(v, 1); }

void printSweep(const sweep::SweepPlan& plan, const std::vector<sweep::VariantRow>& rows) {
  TextTable t;
  t.corner = "variant";
  for (const Variation& v : plan.variations) t.columns.push_back({v.path, ""});
  t.columns.insert(t.columns.end(), {{"total cost", "kCNY"},
                                     {"vs baseline", "kCNY"},
                                     {"peak demand", "kW"},
                                     {"CO2", "t"},
                                     {"NPV", "kCNY"}});
  long failed = 0;
  for (const sweep::VariantRow& row : rows) {
    const sweep::VariantSpec& v = plan.variants[row.index];
    if (row.status != sweep::kOk) {
      ++failed;
      std::cerr << v.name << ": " << row.status << ": " << row.error << '\n';
    }
    if (t.rows.size() >= kPrintedRows) continue;
    std::vector<std::string> cells{v.name};
    for (size_t i = 0; i < plan.variations.size(); ++i)
      cells.push_back(v.values.empty() ? "" : v.values[i]);
    const double cost = sweep::kpiOf(row, "cost_CNY");
    const double ref = sweep::kpiOf(rows[v.reference], "cost_CNY");
    cells.insert(
        cells.end(),
        {shown(cost / 1e3), shown((cost - ref) / 1e3), shown(sweep::kpiOf(row, "peak_demand_kW")),
         shown(sweep::kpiOf(row, "co2_t")), shown(sweep::appraisalOf(row, "npv_cny") / 1e3)});
    t.rows.push_back(std::move(cells));
  }
  printTable(std::cout, t, terminalWidth());
  if (rows.size() > kPrintedRows) {
    std::cout << "... " << rows.size() - kPrintedRows
              << " more variants (parktwin compare lists all)\n";
  }
  if (failed > 0) std::cerr << failed << " of " << rows.size() << " variants did not run cleanly\n";
}

}  // namespace

SweepCollector::SweepCollector(const SweepRequest& request, const SweepSetup& setup)
    : request_(request), setup_(setup), rows_(setup.plan.variants.size()), bar_("sweep") {
  const sweep::SweepPlan& plan = setup.plan;
  const std::string journal = sweep::journalPath(request.output);
  std::vector<sweep::VariantRow> kept;
  if (request.resume) kept = sweep::readJournal(journal, setup.digest, plan.variants.size());
  for (sweep::VariantRow& row : kept) {
    const size_t i = row.index;
    if (!setup.stored[i]) rows_[i] = std::move(row);  // a stored variant runs again: its series
  }
  kept.clear();
  for (const auto& row : rows_) {
    if (row) kept.push_back(*row);
  }
  journal_ = std::make_unique<sweep::SweepJournal>(journal, setup.digest, kept);
  if (request.resume) {
    std::cerr << journal << ": " << kept.size() << " of " << plan.variants.size()
              << " variants already done\n";
  }
  const ParkSource& first = plan.parks[0].source;
  const RunMeta meta{first.text, first.sha256, kToolVersion, request.command_line, utcNowIso()};
  writer_ = std::make_unique<ResultsWriter>(request.output, meta, plan.parks[0].grid);
  runRoot(setup.full);
  for (size_t i = 1; i < rows_.size(); ++i) {
    if (!rows_[i]) pending_.push_back(i);
  }
}

void SweepCollector::runRoot(bool store_full) {
  ParkModel model = sweep::compileVariant(setup_.plan, 0);
  model.scenario.clear();
  const TimeGrid& grid = setup_.plan.parks[0].grid;
  BlockSink& sink =
      writer_->beginScenario(model, sweep::describeVariant(setup_.plan, setup_.plan.variants[0]),
                             store_full ? StoreLevel::kFull : StoreLevel::kPark);
  const Kpis kpis = runSimulation(model, grid, &sink);
  writer_->endScenario(kpis);
  rows_[0] = sweep::succeededRow(0, model, kpis, grid);
  journal_->append(*rows_[0]);
}

void SweepCollector::handle(sweep::VariantResult result) {
  const size_t i = result.row.index;
  const sweep::VariantSpec& v = setup_.plan.variants.at(i);
  if (result.kpis) {
    const ParkModel model = sweep::compileVariant(setup_.plan, i);
    BlockSink& sink =
        writer_->beginScenario(model, sweep::describeVariant(setup_.plan, v), StoreLevel::kPark);
    describe(*writer_, setup_.plan, v);
    for (BlockResult& block : result.blocks) {
      sink.prepare(block);
      sink.consume(block);
    }
    writer_->endScenario(*result.kpis);
  }
  journal_->append(result.row);
  rows_[i] = std::move(result.row);
  bar_.update(++done_, static_cast<long>(pending_.size()));
}

void SweepCollector::finish() {
  std::vector<sweep::VariantRow> rows;
  for (auto& row : rows_) rows.push_back(std::move(*row));
  sweep::appraise(setup_.plan, rows);
  sweep::writeSweepTable(writer_->file(), setup_.plan, rows);
  writer_->commit();
  journal_->remove();
  printSweep(setup_.plan, rows);
  std::cout << "results: " << request_.output << " (parktwin compare ranks the variants)\n";
}

void SweepCollector::runFull() {
  for (size_t i : pending_) {
    const sweep::VariantSpec& v = setup_.plan.variants[i];
    ParkModel model;
    try {
      model = sweep::compileVariant(setup_.plan, i);
    } catch (const InputError& e) {
      journal_->append(*(rows_[i] = sweep::failedRow(i, e.what())));
      continue;
    }
    const TimeGrid& grid = setup_.plan.parks[v.park].grid;
    BlockSink& sink = writer_->beginScenario(model, sweep::describeVariant(setup_.plan, v));
    describe(*writer_, setup_.plan, v);
    ProgressBar bar(v.name);
    const RunControl control{[&](long d, long total) { bar.update(d, total); }, nullptr};
    const Kpis kpis = runSimulation(model, grid, &sink, control);
    writer_->endScenario(kpis);
    journal_->append(*(rows_[i] = sweep::succeededRow(i, model, kpis, grid)));
  }
}

void runSweepHere(SweepCollector& collector, const SweepSetup& setup) {
  const std::vector<size_t>& pending = collector.pending();
  std::mutex mutex;
  std::deque<sweep::VariantResult> done;
  std::atomic<size_t> next{0};
  std::thread workers([&] {
    drainJobs(
        [&]() -> std::optional<size_t> {
          const size_t k = next++;
          return k < pending.size() ? std::optional(pending[k]) : std::nullopt;
        },
        [&](size_t i) {
          sweep::VariantResult r = sweep::runVariant(setup.plan, i, setup.stored[i]);
          const std::lock_guard<std::mutex> lock(mutex);
          done.push_back(std::move(r));
        });
  });
  try {
    for (size_t received = 0; received < pending.size();) {
      std::optional<sweep::VariantResult> result;
      {
        const std::lock_guard<std::mutex> lock(mutex);
        if (!done.empty()) {
          result = std::move(done.front());
          done.pop_front();
        }
      }
      if (!result) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        continue;
      }
      collector.handle(std::move(*result));
      ++received;
    }
  } catch (...) {
    next = pending.size();  // no more variants start; those running finish
    workers.join();
    throw;
  }
  workers.join();
}

}  // namespace twin::cli
