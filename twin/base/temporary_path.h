// Where a file is written before it is complete: writers create the temporary, then rename it
// onto the target, so that a target is never half-written.
#pragma once

#include <string>

namespace twin {

// The hidden temporary beside a target path: DIR/.NAME.partial-PID. Writers create it, then
// rename it onto the target when complete (also used for HDF5 outputs and the shade tables kept
// on disk). Temporaries of the same target whose process is gone (a run killed midway) are
// removed first.
std::string temporaryPathBeside(const std::string& path);

}  // namespace twin
