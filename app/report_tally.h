// What `parktwin report` sums of a run's series, taken from its blocks while they are written
// (`parktwin demo`, which reports the file it has just written): the values as the file stores
// them (float32 of 14 significand bits, twin/results/chunk_codec.h), summed in the order the
// report sums what it reads, so the report is the same, bit for bit, without reading the series
// back (docs/demo-time.md).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "app/report_sums.h"
#include "twin/engine/state.h"
#include "twin/model/model.h"
#include "twin/model/time_grid.h"

namespace twin::cli {

class ReportTally {
 public:
  // A sink that tallies run `name`'s blocks, then hands each to `inner`; it lives as long as the
  // tally. Tallied: the demand groupings (demandGroupings), the baseline's motors' shaft power
  // (the motors' table) and the park's grid import, PV and storage power whole.
  BlockSink& tee(BlockSink& inner, const std::string& name, const ParkModel& model,
                 const TimeGrid& grid);

  // The sums of scenario/kind/field ("baseline" for the baseline), nullptr when not tallied.
  const SeriesTotals* totals(const std::string& scenario, const std::string& kind,
                             const std::string& field) const;
  // The whole series, nullptr when not tallied.
  const SeriesData* series(const std::string& scenario, const std::string& kind,
                           const std::string& field) const;

 private:
  using Key = std::tuple<std::string, std::string, std::string>;
  std::map<Key, std::unique_ptr<TotalsPass>> passes_;
  std::map<Key, SeriesData> series_;
  std::vector<std::unique_ptr<BlockSink>> tees_;
};

}  // namespace twin::cli
