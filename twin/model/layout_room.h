// The bound on what "install: wherever_possible" lays out on one surface, checked before the
// layout runs (a fuzzer found a 4e59 m roof that laid rows for hours).
#pragma once

#include <string>

#include "physics/pv_layout.h"
#include "twin/model/compile_context.h"

namespace twin {

// False (reported at `install`) when the surface could hold more than 1,000,000 modules: its
// area over a module's footprint, an upper bound of what the layout places.
bool roomForLayout(const Node& n, const std::string& path, CompileContext& c,
                   const physics::RoofLayoutSpec& spec);

}  // namespace twin
