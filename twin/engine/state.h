// What changes during a run: the results of one time block (a local day), handed in time order to
// a sink (the HDF5 store, a test, the KPI accumulator), and the state the serial flexibility stage
// carries from step to step across blocks (batteries, demand-response events and their rebound).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "physics/battery.h"
#include "physics/pv_series.h"
#include "physics/pv_system.h"
#include "twin/engine/series.h"

namespace twin {

// The results of one time block (a local day): [step x column] arrays in SI, row-major, one per
// declared series. Blocks are computed independently.
struct BlockResult {
  long day = 0;            // local days since 1970-01-01
  int64_t first_step = 0;  // index of the block's first step in the run
  int steps = 0;           // steps in the block
  std::array<std::vector<double>, kSeriesCount> values;  // each steps x columnCount(kind)
  physics::PvSkySeries sky_series;  // per step: sun and weather shared by the PV arrays
  // What a sink's prepare() made of the values in parallel (e.g. compressed chunks), per series,
  // and a digest of each series' block (e.g. a 128-bit hash of the bytes before compressing).
  std::array<std::vector<unsigned char>, kSeriesCount> encoded;
  std::array<std::array<unsigned char, 16>, kSeriesCount> digest{};

  double& at(SeriesId s, int step, size_t column, size_t columns) {
    return values[s][static_cast<size_t>(step) * columns + column];
  }
  // The values of series s at a step: one per column.
  std::span<double> row(SeriesId s, int step, size_t columns) {
    return {values[s].data() + static_cast<size_t>(step) * columns, columns};
  }
};

class BlockSink {
 public:
  virtual ~BlockSink() = default;
  // Called once per block on a worker thread, concurrently for different blocks, after the
  // stages: may only read the sink's own immutable state and write block.encoded.
  virtual void prepare(BlockResult& /*block*/) const {}
  // Called once per block, in time order, from one thread at a time.
  virtual void consume(const BlockResult& block) = 0;
};

// How the optimal dispatch went over a run (twin/engine/optimal_dispatch.h).
struct DispatchRecord {
  long programmes = 0;          // horizons planned
  long fallback_steps = 0;      // steps the rule fallback dispatched (a limit broken there)
  int64_t first_fallback = -1;  // the first of them
  std::string reason;           // the binding constraint there, in words
};

// The optimal dispatch's plan for the steps it commits: battery powers and the import it holds.
struct DispatchPlan {
  int64_t first_step = 0;     // run step of the first committed step
  int64_t steps = 0;          // steps committed
  bool solved = false;        // the programme was solved (else every step is the rule's)
  std::vector<char> rule;     // per step: 1 where the rule fallback dispatches it (a broken limit)
  std::vector<double> power;  // W [step x battery], + discharge (events' extra comes on top)
  std::vector<double> peak;   // W per step: the import the plan stays under
  // W [step x planned demand]: the managed EV groups' charging, then the planned shiftable loads'
  // shiftable share (plannedLoads order)
  std::vector<double> demand_power;
};

// What the serial flexibility stage carries from step to step across blocks.
struct FlexibilityState {
  std::vector<physics::BatteryState> batteries;
  size_t next_event = 0;                   // first demand-response window not yet over
  std::vector<double> load_rebound;        // J deferred per load, waiting for the event's end
  std::vector<double> ev_rebound;          // J deferred per EV group
  bool rebound_pending = false;            // an event ended (or is on) with energy deferred
  int rebound_left = 0;                    // steps of the running rebound
  std::vector<double> rebound_load_power;  // W per load while the rebound runs
  std::vector<double> rebound_ev_power;    // W per EV group
  // The optimal dispatch: its plan, the day before's net load (the persistence forecast), the
  // month's peak import so far (local year * 12 + month - 1 of it) and the record of the run.
  DispatchPlan dispatch_plan;
  std::vector<double> last_net;
  long peak_month = -1;
  double month_peak = 0.0;
  DispatchRecord dispatch;
};

}  // namespace twin
