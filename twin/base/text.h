// Text helpers shared by every layer: trimming, numbers as printf's %g writes them, joining.
// Format with fmt::format; to match printf, give numbers with a width '>' ("{:>11.6f}"): fmt 9
// left-aligns inf and nan under a bare width where printf right-aligns them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twin {

// text without leading and trailing blanks (space, tab, CR, LF).
std::string_view trim(std::string_view text);

// The value of text when it is all decimal digits (at most 9, no sign); nullopt otherwise.
std::optional<int> parseDigits(std::string_view text);

// A number as printf's "%g" writes it (6 significant digits, shortest of fixed and exponent
// form): 0.5 -> "0.5", 1e6 -> "1e+06", 101325 -> "101325".
std::string formatNumber(double value);

// A number with `decimals` decimals and thousands separated by commas: 1234567.891, 1 ->
// "1,234,567.9"; "-" for NaN.
std::string formatGrouped(double value, int decimals);

// The items joined with a separator: join({"a", "b"}, ", ") -> "a, b".
std::string join(const std::vector<std::string>& items, std::string_view separator);

// The parts of text between separators, each trimmed: split(" a, b,", ',') -> {"a", "b", ""}.
std::vector<std::string> split(std::string_view text, char separator);

// text in double quotes, as messages show what they got: quote("15 kWh") -> "\"15 kWh\"". Control
// characters show as '?', and text longer than kQuotedMax bytes is cut (at a UTF-8 character
// boundary) and its length given: "\"xxxx...\" (8388608 bytes)", so a hostile file's megabyte
// field does not become a megabyte message.
inline constexpr size_t kQuotedMax = 60;
std::string quote(std::string_view text);

}  // namespace twin
