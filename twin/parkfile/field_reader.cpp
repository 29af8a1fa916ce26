#include "twin/parkfile/field_reader.h"

#include <charconv>
#include <cmath>
#include <variant>

#include "twin/base/calendar.h"
#include "twin/base/text.h"

namespace twin {
namespace {

bool isIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

}  // namespace

std::string describeNode(const Node& node) {
  switch (node.kind) {
    case Node::Kind::kNull:
      return "nothing";
    case Node::Kind::kScalar:
      return quote(node.scalar);
    case Node::Kind::kSequence:
      return "a list";
    case Node::Kind::kMap:
      return "a map";
  }
  return "?";
}

std::optional<long> parseInteger(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  long value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

std::string indexPath(const std::string& path, size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

std::string keyPath(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

bool FieldReader::expectMap(const Node& node, const std::string& path) {
  if (node.isMap()) return true;
  error(node.loc, path, "expected a map of fields, got " + describeNode(node));
  return false;
}

bool FieldReader::expectSequence(const Node& node, const std::string& path) {
  if (node.isSequence()) return true;
  error(node.loc, path, "expected a list, got " + describeNode(node));
  return false;
}

void FieldReader::checkKeys(const Node& map, std::initializer_list<std::string_view> allowed,
                            const std::string& path) {
  for (const MapEntry& e : map.entries) {
    bool known = false;
    for (std::string_view a : allowed) known = known || a == e.key;
    if (known) continue;
    std::string list;
    for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    error(e.key_loc, keyPath(path, e.key), "unknown key (expected one of: " + list + ")");
  }
}

const Node* FieldReader::required(const Node& map, std::string_view key, const std::string& path) {
  const Node* v = map.find(key);
  if (!v) error(map.loc, keyPath(path, key), "missing required field");
  return v;
}

std::optional<std::string> FieldReader::text(const Node& map, std::string_view key,
                                             const std::string& path, bool is_required) {
  const Node* v = is_required ? required(map, key, path) : map.find(key);
  if (!v) return std::nullopt;
  if (!v->isScalar() || v->scalar.empty()) {
    error(v->loc, keyPath(path, key), "expected a text value, got " + describeNode(*v));
    return std::nullopt;
  }
  return v->scalar;
}

std::optional<std::string> FieldReader::id(const Node& map, std::string_view key,
                                           const std::string& path) {
  std::optional<std::string> value = text(map, key, path, true);
  if (!value) return std::nullopt;
  for (char c : *value) {
    if (!isIdChar(c)) {
      error(map.find(key)->loc, keyPath(path, key),
            "expected an id of letters, digits, '-', '_' or '.', got " + quote(*value));
      return std::nullopt;
    }
  }
  return value;
}

std::optional<double> FieldReader::quantity(const Node& map, const QuantityField& field,
                                            const std::string& path, bool is_required) {
  const Node* v = is_required ? required(map, field.key, path) : map.find(field.key);
  if (!v) return std::nullopt;
  const std::string p = keyPath(path, field.key);
  if (!v->isScalar()) {
    error(v->loc, p,
          "expected " + std::string(dimensionName(field.dimension)) + " (e.g. \"" +
              std::string(dimensionExample(field.dimension)) + "\"), got " + describeNode(*v));
    return std::nullopt;
  }
  const QuantityResult parsed = parseQuantity(v->scalar, field.dimension);
  if (const std::string* message = std::get_if<std::string>(&parsed)) {
    error(v->loc, p, *message);
    return std::nullopt;
  }
  const double value = std::get<double>(parsed);
  const bool below = field.min_exclusive ? !(value > field.min) : !(value >= field.min);
  if (below || !(value <= field.max) || !std::isfinite(value)) {
    const std::string unit = field.unit.empty() ? "" : " " + std::string(field.unit);
    error(v->loc, p,
          "expected a value " + std::string(field.min_exclusive ? "above " : "from ") +
              formatNumber(field.min / field.unit_si) + unit + " up to " +
              formatNumber(field.max / field.unit_si) + unit + ", got " + quote(v->scalar));
    return std::nullopt;
  }
  return value;
}

std::optional<int> FieldReader::choice(const Node& map, std::string_view key,
                                       std::span<const std::string_view> words,
                                       const std::string& path, bool is_required) {
  const Node* v = is_required ? required(map, key, path) : map.find(key);
  if (!v) return std::nullopt;
  int index = 0;
  std::string list;
  for (std::string_view w : words) {
    if (v->isScalar() && v->scalar == w) return index;
    list += (list.empty() ? "" : " | ") + std::string(w);
    ++index;
  }
  error(v->loc, keyPath(path, key), "expected one of " + list + ", got " + describeNode(*v));
  return std::nullopt;
}

std::optional<long> FieldReader::integer(const Node& map, std::string_view key, long min, long max,
                                         const std::string& path, bool is_required) {
  const Node* v = is_required ? required(map, key, path) : map.find(key);
  if (!v) return std::nullopt;
  const std::optional<long> number = v->isScalar() ? parseInteger(v->scalar) : std::nullopt;
  if (!number || *number < min || *number > max) {
    error(v->loc, keyPath(path, key),
          "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
              ", got " + describeNode(*v));
    return std::nullopt;
  }
  return number;
}

std::optional<long> FieldReader::date(const Node& node, const std::string& path) {
  std::optional<long> days = node.isScalar() ? parseDate(node.scalar) : std::nullopt;
  if (!days) error(node.loc, path, "expected a date YYYY-MM-DD, got " + describeNode(node));
  return days;
}

std::optional<long> FieldReader::date(const Node& map, std::string_view key,
                                      const std::string& path, bool is_required) {
  const Node* v = is_required ? required(map, key, path) : map.find(key);
  if (!v) return std::nullopt;
  return date(*v, keyPath(path, key));
}

}  // namespace twin
