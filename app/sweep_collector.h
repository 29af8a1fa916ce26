// The side of a sweep that owns its results file: it runs the root (the first park's baseline)
// into the file, takes each variant's result as it comes (from this process or another rank),
// records it in the resume journal, and at the end writes the summary table and commits.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "app/progress.h"
#include "app/sweep_setup.h"
#include "twin/sweep/sweep_journal.h"
#include "twin/sweep/variant_run.h"

namespace twin::cli {

class SweepCollector {
 public:
  // Opens the file (beside it, the journal: read back with --resume) and runs the root.
  SweepCollector(const SweepRequest& request, const SweepSetup& setup);
  // The variants still to run, in index order.
  const std::vector<size_t>& pending() const { return pending_; }
  void handle(sweep::VariantResult result);
  // --store full: every pending variant, one after another, each parallel over its days and
  // written with every series as it runs.
  void runFull();
  // Appraises, writes the table, commits, removes the journal, prints the table.
  void finish();

 private:
  void runRoot(bool store_full);
  const SweepRequest& request_;
  const SweepSetup& setup_;
  std::vector<std::optional<sweep::VariantRow>> rows_;
  std::vector<size_t> pending_;
  std::unique_ptr<ResultsWriter> writer_;
  std::unique_ptr<sweep::SweepJournal> journal_;
  ProgressBar bar_;
  long done_ = 0;
};

// The sweep on this process alone: TBB over the variants (or, with --store full, one after
// another through the writer).
void runSweepHere(SweepCollector& collector, const SweepSetup& setup);

}  // namespace twin::cli
