// Parameter sweeps (`parktwin sweep`): fields of the park file set to each value of a grid, each
// combination compiled as a variant of the baseline. A field is named SECTION.ID.FIELD (list
// entries by id, maps by key, any depth: "storage.BESS-PS.energy",
// "equipment.UT-CWP.motor.rated_power", "network.transformers.TR-W1.rated_power").
#pragma once

#include <string>
#include <vector>

#include "twin/model/compile_park.h"

namespace twin {

struct Variation {
  std::string path;                 // SECTION.ID.FIELD
  std::vector<std::string> values;  // as the park file would write them: "1000 kWh"
};

// "PATH=V1,V2,..." as given to --vary; throws InputError naming the flag when malformed.
Variation parseVariation(const std::string& flag);

struct Variant {
  std::string name;                 // "v01", "v02", ... in grid order
  std::vector<std::string> values;  // one per variation
  ParkModel model;                  // the baseline with the values set; scenario = name
};

// The scalar field `path` names in `tree`; throws InputError starting with `flag` ("--vary",
// "--adjust") and naming the first part that names nothing (with what exists there).
Node& locateField(Node& tree, const std::string& path, const std::string& flag);

// A field and the value to give it, as the park file would write it.
struct FieldValue {
  std::string path;
  std::string value;
};

// The baseline of `source` (its scenarios dropped) with each field set to its value, compiled.
// Throws InputError: a path that names nothing (starting with `flag`), or the park file's located
// message for a value the field refuses.
ParkModel compileWithFields(const ParkSource& source, const std::vector<FieldValue>& fields,
                            const std::string& flag);

// Every combination of the variations' values (the first variation varies slowest), compiled.
// Throws InputError for a path that names nothing in the park file (naming the flag and what
// exists there) or a value the field refuses (the park file's located message).
std::vector<Variant> compileVariants(const ParkSource& source,
                                     const std::vector<Variation>& variations);

}  // namespace twin
