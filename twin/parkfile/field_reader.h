// Reading typed fields out of a source tree while collecting every error with its location:
// required and unknown keys, quantities with dimension and range, choices, ids and dates.
#pragma once

#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "twin/base/error.h"
#include "twin/parkfile/quantity.h"
#include "twin/parkfile/source_tree.h"

namespace twin {

// A declared quantity field: one line per field states its key, dimension and valid range, and
// drives both validation and the messages (ARCHITECTURE.md §3).
struct QuantityField {
  std::string_view key;
  Dimension dimension;
  double min;  // SI
  double max;  // SI
  bool min_exclusive;
  std::string_view unit;  // how the range is shown in messages
  double unit_si;         // SI value of one `unit`
};

class FieldReader {
 public:
  explicit FieldReader(Diagnostics& diagnostics) : diag_(diagnostics) {}

  void error(const SourceLoc& loc, const std::string& path, std::string message) {
    diag_.error(loc, path, std::move(message));
  }
  void warning(const SourceLoc& loc, const std::string& path, std::string message) {
    diag_.warning(loc, path, std::move(message));
  }

  // True when node is a map; otherwise reports "expected a map" at path.
  bool expectMap(const Node& node, const std::string& path);
  // True when node is a sequence; otherwise reports it.
  bool expectSequence(const Node& node, const std::string& path);
  // Reports every key of map not in allowed, with the allowed keys listed.
  void checkKeys(const Node& map, std::initializer_list<std::string_view> allowed,
                 const std::string& path);
  // The value under key, reporting "missing required field" at the map when absent.
  const Node* required(const Node& map, std::string_view key, const std::string& path);

  // A scalar string; nullopt (and an error) when missing-but-required or not a scalar.
  std::optional<std::string> text(const Node& map, std::string_view key, const std::string& path,
                                  bool is_required);
  // An identifier: letters, digits, '-', '_', '.'.
  std::optional<std::string> id(const Node& map, std::string_view key, const std::string& path);
  // A quantity in SI; nullopt when absent (reported if required) or invalid (reported).
  std::optional<double> quantity(const Node& map, const QuantityField& field,
                                 const std::string& path, bool is_required);
  // One of the listed words; returns its index.
  std::optional<int> choice(const Node& map, std::string_view key,
                            std::span<const std::string_view> words, const std::string& path,
                            bool is_required);
  std::optional<int> choice(const Node& map, std::string_view key,
                            std::initializer_list<std::string_view> words, const std::string& path,
                            bool is_required) {
    return choice(map, key, std::span<const std::string_view>(words.begin(), words.size()), path,
                  is_required);
  }
  // A whole number in [min, max].
  std::optional<long> integer(const Node& map, std::string_view key, long min, long max,
                              const std::string& path, bool is_required);
  // A calendar date YYYY-MM-DD as days since 1970-01-01.
  std::optional<long> date(const Node& node, const std::string& path);
  std::optional<long> date(const Node& map, std::string_view key, const std::string& path,
                           bool is_required);

 private:
  Diagnostics& diag_;
};

// "equipment" + 3 -> "equipment[3]"; "motor" + "rated_power" -> "motor.rated_power".
std::string indexPath(const std::string& path, size_t index);
std::string keyPath(const std::string& path, std::string_view key);
// A whole decimal number (optional sign, digits only); nullopt otherwise.
std::optional<long> parseInteger(std::string_view text);
// How a node reads in a message: "\"text\"", "a list", "a map" or "nothing".
std::string describeNode(const Node& node);

}  // namespace twin
