// Editing a park file's text in place: a scalar value replaced where it is written, so that the
// file's comments, layout and the other values stay as the user wrote them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "twin/base/error.h"

namespace twin {

struct ScalarEdit {
  SourceLoc at;       // where the scalar begins (its opening quote, if quoted): 1-based
  std::string value;  // the new value, unquoted
};

// The text with each scalar replaced; a quoted scalar keeps its quotes (single or double, with
// the new value escaped for them), a plain one stays plain where YAML reads it back the same, and
// is double-quoted otherwise. Throws InputError when a location is outside the text.
std::string replaceScalars(std::string_view text, std::vector<ScalarEdit> edits);

}  // namespace twin
