// `mpirun -n N parktwin sweep ...` (docs/cluster.md): rank 0 owns the results file and hands
// the variants out one at a time to whichever rank asks (a rank that finishes asks again; rank 0
// runs variants on its own threads in between); each rank runs its variant with TBB inside and
// sends back the row (and, for variants whose series are stored, the park-level series and
// KPIs). The table is the same, bit for bit, for any number of ranks and threads.
#pragma once

#include "app/commands.h"

namespace twin::cli {

// True when an MPI launcher started this process (Open MPI's, Slurm's PMI or PMIx variables).
bool launchedByMpi();

// The sweep across the ranks. In a build without MPI (-DPARKTWIN_MPI=OFF), an InputError saying
// so on every rank.
int sweepOnRanks(const SweepRequest& request);

// The sweep on this process alone (what sweepCommand runs without mpirun).
int sweepAlone(const SweepRequest& request);
// Refuses an output path that is a folder, in a missing folder or one of the park files.
void checkSweepOutput(const SweepRequest& request);

}  // namespace twin::cli
