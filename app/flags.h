// Reading command-line flags that carry park-file values: a quantity with its unit ("15 kW"),
// checked for its dimension; a bad one is an InputError naming the flag.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "twin/parkfile/quantity.h"

namespace twin::cli {

// The SI value of `text` as a quantity of `dimension`; InputError "FLAG: expected ..." otherwise.
double quantityFlag(std::string_view flag, const std::string& text, Dimension dimension);

// A flow given either as a share of a reference flow ("70%", "0.7") or as a volume flow, in m3/s;
// reference in m3/s, reference_name as messages call it ("design flow").
double flowOrShare(std::string_view flag, const std::string& text, double reference,
                   std::string_view reference_name);

// Running hours and energy price; price needs hours. Hours: a duration within a year.
struct AnnualFlags {
  std::optional<double> duration;  // s
  std::optional<double> price;     // currency per J
};
// The --hours and --price flags ("" = not given) of the calculators.
AnnualFlags annualFlags(const std::string& hours, const std::string& price);

}  // namespace twin::cli
