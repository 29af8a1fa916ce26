#include "app/report_tally.h"

#include "app/report_data.h"
#include "twin/engine/series.h"
#include "twin/results/chunk_codec.h"

namespace twin::cli {
namespace {

// One tallied series of a run and where its blocks go: a pass of sums, or the whole series.
struct Tallied {
  SeriesId series;
  TotalsPass* pass;
  SeriesData* whole;
};

class TallySink : public BlockSink {
 public:
  TallySink(BlockSink& inner, std::vector<Tallied> tallied)
      : inner_(inner), tallied_(std::move(tallied)) {}

  void prepare(BlockResult& block) const override { inner_.prepare(block); }

  void consume(const BlockResult& block) override {
    for (const Tallied& t : tallied_) add(t, block);
    inner_.consume(block);
  }

 private:
  // The block's values of t's series as a reader gets them back from the file.
  void add(const Tallied& t, const BlockResult& block) {
    const std::vector<double>& values = block.values[static_cast<size_t>(t.series)];
    if (block.steps <= 0 || values.empty()) return;
    const SeriesDecl& decl = kSeries[static_cast<size_t>(t.series)];
    const double scale = 1.0 / decl.unit_si;  // as the store scales (twin/results/series_sink)
    stored_.first_row = static_cast<size_t>(block.first_step);
    stored_.rows = static_cast<size_t>(block.steps);
    stored_.columns = values.size() / stored_.rows;
    stored_.values.resize(values.size());
    for (size_t i = 0; i < values.size(); ++i)
      stored_.values[i] = storedValue(values[i], decl.unit_offset, scale);
    if (t.pass) {
      t.pass->add(stored_);
      return;
    }
    t.whole->columns = stored_.columns;
    t.whole->rows += stored_.rows;
    t.whole->values.insert(t.whole->values.end(), stored_.values.begin(), stored_.values.end());
  }

  BlockSink& inner_;
  std::vector<Tallied> tallied_;
  SeriesData stored_;  // the block being tallied, its buffers kept
};

}  // namespace

BlockSink& ReportTally::tee(BlockSink& inner, const std::string& name, const ParkModel& model,
                            const TimeGrid& grid) {
  const double step_h = grid.step_s / 3600.0;  // as the report takes it from the file
  const auto steps = static_cast<size_t>(grid.steps());
  std::vector<Tallied> tallied;
  auto key = [&](SeriesId s) {
    return Key{name, std::string(kSeries[s].kind), std::string(kSeries[s].field)};
  };
  auto pass = [&](SeriesId s, const std::vector<std::string>* groups) {
    std::unique_ptr<TotalsPass>& p = passes_[key(s)];
    p = std::make_unique<TotalsPass>(groups, steps, step_h);
    tallied.push_back({s, p.get(), nullptr});
  };
  for (const DemandGrouping& g : demandGroupings(model)) pass(g.series, &g.groups);
  if (name == "baseline") pass(kMotorShaftPower, nullptr);  // the motors' table: the baseline's
  for (const SeriesId s : {kParkGridImport, kParkPvPower, kParkStoragePower}) {
    SeriesData& whole = series_[key(s)];
    whole = SeriesData{};
    tallied.push_back({s, nullptr, &whole});
  }
  tees_.push_back(std::make_unique<TallySink>(inner, std::move(tallied)));
  return *tees_.back();
}

const SeriesTotals* ReportTally::totals(const std::string& scenario, const std::string& kind,
                                        const std::string& field) const {
  const auto it = passes_.find({scenario, kind, field});
  if (it == passes_.end() || it->second->totals().columns.empty()) return nullptr;
  return &it->second->totals();
}

const SeriesData* ReportTally::series(const std::string& scenario, const std::string& kind,
                                      const std::string& field) const {
  const auto it = series_.find({scenario, kind, field});
  return it == series_.end() || it->second.values.empty() ? nullptr : &it->second;
}

}  // namespace twin::cli
