// Parameter sweeps (`parktwin sweep`, twin/sweep/): fields of the park file set to values, and the
// park compiled with them. A field is named SECTION.ID.FIELD (list
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

// The scalar field `path` names in `tree`; throws InputError starting with `flag` ("--vary",
// "--adjust") and naming the first part that names nothing (with what exists there).
Node& locateField(Node& tree, const std::string& path, const std::string& flag);

// A field and the value to give it, as the park file would write it.
struct FieldValue {
  std::string path;
  std::string value;
};

// The baseline of `source` (its scenarios dropped) with each field set to its value, compiled;
// with `scenario` named, that scenario of the file overlaid on the baseline so changed. Throws
// InputError: a path that names nothing (starting with `flag`), the park file's located message
// for a value the field refuses, or a scenario the file does not have.
ParkModel compileWithFields(const ParkSource& source, const std::vector<FieldValue>& fields,
                            const std::string& flag, const std::string& scenario = "");

}  // namespace twin
