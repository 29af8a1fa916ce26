#include "app/sweep_ranks.h"

#include <cstdlib>

#include "twin/base/error.h"

namespace twin::cli {

bool launchedByMpi() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"}) {
    if (std::getenv(name)) return true;
  }
  return false;
}

#ifndef PARKTWIN_MPI
int sweepOnRanks(const SweepRequest&) {
  throw InputError(
      "sweep: started by mpirun, but this parktwin was built without MPI; build it with "
      "-DPARKTWIN_MPI=ON (docs/cluster.md), or run the sweep without mpirun");
}
#endif

}  // namespace twin::cli
