// The resume journal of a sweep: OUT.h5.journal beside the results file, one record per finished
// variant (its summary row), each flushed before the next (synced to disk once a second). A sweep
// killed midway leaves its target untouched and this journal; `parktwin sweep ... --resume` reads
// it back and runs only the variants it lacks. The header holds a digest of the sweep's inputs, so
// a journal of other inputs is refused rather than mixed in. A record torn by the kill is dropped.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "twin/sweep/variant_row.h"

namespace twin::sweep {

std::string journalPath(const std::string& output);

// The rows recorded in `path` (none when it does not exist). Throws InputError naming the journal
// when it belongs to other inputs (`digest`) or is not a journal.
std::vector<VariantRow> readJournal(const std::string& path, const std::string& digest,
                                    size_t variant_count);

class SweepJournal {
 public:
  // Starts the journal afresh, or after `kept` rows read back by readJournal (they are
  // rewritten first, so a torn tail is gone). Throws InputError when it cannot be written.
  SweepJournal(std::string path, const std::string& digest, const std::vector<VariantRow>& kept);
  ~SweepJournal();
  SweepJournal(const SweepJournal&) = delete;
  SweepJournal& operator=(const SweepJournal&) = delete;
  void append(const VariantRow& row);
  // The sweep's file is committed: the journal is no longer needed.
  void remove();

 private:
  void write(const VariantRow& row);
  std::string path_;
  std::FILE* file_ = nullptr;
  std::chrono::steady_clock::time_point last_sync_{};
};

}  // namespace twin::sweep
