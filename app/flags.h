// Reading command-line flags that carry park-file values: a quantity with its unit ("15 kW"),
// checked for its dimension; a bad one is an InputError naming the flag.
#pragma once

#include <string>
#include <string_view>

#include "twin/parkfile/quantity.h"

namespace twin::cli {

// The SI value of `text` as a quantity of `dimension`; InputError "FLAG: expected ..." otherwise.
double quantityFlag(std::string_view flag, const std::string& text, Dimension dimension);

}  // namespace twin::cli
