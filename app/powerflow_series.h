// `parktwin powerflow CASE.m --series SERIES.csv -o OUT.h5`: solves one step per row of bus
// demands on the case's network (warm-started) and writes /bus_i, /time, /vm_pu and /va_deg
// [time x bus], /losses_mw, /slack_p_mw, /converged, /iterations and /max_mismatch_pu. Steps that
// do not converge are stored (converged = 0, the last iterate) and counted; the exit code stays 0.
#pragma once

#include "app/commands.h"
#include "physics/power_flow.h"
#include "twin/parkfile/matpower_case.h"

namespace twin::cli {

// Total active power of the in-service generators on slack buses, MW.
double slackPowerMw(const physics::PfNetwork& net, const physics::PfResult& r);

// The --series run of `parktwin powerflow` (r.series and r.output set); 0 on success.
int powerflowSeriesCommand(const PowerflowRequest& r, const MatpowerCase& c,
                           const physics::PfOptions& options);

}  // namespace twin::cli
