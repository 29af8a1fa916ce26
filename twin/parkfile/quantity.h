// Quantities with units at the edges of the program ("75 kW", "10 kV", "0.42 kg/kWh"):
// parsing into SI doubles with a dimension check (ARCHITECTURE.md §3), units from
// twin/base/units.h.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "twin/base/units.h"

namespace twin {

// "a power", "an energy", ... for messages.
std::string_view dimensionName(Dimension d);
// An example of a valid value, such as "15 kW".
std::string_view dimensionExample(Dimension d);

// The value in SI, or the reason the text is not a quantity of that dimension.
using QuantityResult = std::variant<double, std::string>;

// Parses "<number> <unit>" (the space is optional). A plain number is accepted only for
// kDimensionless and kFraction (0..1). The error text reads: expected a power (e.g. "15 kW"),
// got "15 kWh" (an energy).
QuantityResult parseQuantity(std::string_view text, Dimension expected);

// Parses a plain decimal number (no unit); false when the whole text is not a number.
bool parseNumber(std::string_view text, double& value);

}  // namespace twin
