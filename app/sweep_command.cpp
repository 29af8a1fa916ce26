// `parktwin sweep PARK.yaml --vary SECTION.ID.FIELD=V1,V2,... [--parks FILE...] -o OUT.h5`: the
// variants of one or many parks (docs/sweeps.md), each row of the summary table /sweep/variants;
// series for the variants --store names. On one machine the variants run in parallel (TBB over
// variants, each as it would run alone); under `mpirun` (a build with -DPARKTWIN_MPI=ON) the
// ranks share them (app/sweep_ranks.h, docs/cluster.md).
#include <iostream>

#include "app/commands.h"
#include "app/sweep_collector.h"
#include "app/sweep_ranks.h"

namespace twin::cli {

int sweepCommand(const SweepRequest& request) {
  return launchedByMpi() ? sweepOnRanks(request) : sweepAlone(request);
}

void checkSweepOutput(const SweepRequest& request) {
  checkOutputPath(request.output, request.park_path);
  for (const std::string& park : request.parks) checkOutputPath(request.output, park);
}

int sweepAlone(const SweepRequest& request) {
  checkSweepOutput(request);
  const SweepSetup setup = prepareSweep(request);
  std::cerr << setup.plan.parks.size() << (setup.plan.parks.size() == 1 ? " park, " : " parks, ")
            << setup.plan.variants.size() << " variants\n";
  SweepCollector collector(request, setup);
  if (setup.full) {
    collector.runFull();
  } else {
    runSweepHere(collector, setup);
  }
  collector.finish();
  return 0;
}

}  // namespace twin::cli
