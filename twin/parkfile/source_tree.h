// A YAML document as a plain tree whose every node and map key knows its file, line and column,
// so that each error can point at the text. Scenario overlays merge such trees.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "twin/base/error.h"

namespace twin {

struct MapEntry;

struct Node {
  enum class Kind { kNull, kScalar, kSequence, kMap };
  Kind kind = Kind::kNull;
  std::string scalar;             // kScalar
  std::vector<Node> items;        // kSequence
  std::vector<MapEntry> entries;  // kMap, in file order
  SourceLoc loc;

  bool isMap() const { return kind == Kind::kMap; }
  bool isSequence() const { return kind == Kind::kSequence; }
  bool isScalar() const { return kind == Kind::kScalar; }
  // The value under key in a map, or nullptr.
  const Node* find(std::string_view key) const;
  Node* find(std::string_view key);
};

struct MapEntry {
  std::string key;
  SourceLoc key_loc;
  Node value;
};

// Parses YAML text; file_name is used in locations. Throws InputError on a syntax error
// (with the line and column yaml-cpp reports); reports a repeated key of a map into diagnostics
// (the first one is kept).
Node parseYaml(std::string_view text, const std::string& file_name, Diagnostics& diagnostics);

// Reads a whole file into a string; throws InputError naming the file when it cannot be read,
// is not a regular file (a folder, a device) or is larger than 2 GiB.
std::string readTextFile(const std::string& path);

// The key that identifies a list entry for overlays: its "id", else its "name", else "".
std::string entryKey(const Node& entry);

// Merges patch into base: maps key by key; sequences whose entries carry an id (or name) entry by
// entry, appending new ones; any other value is replaced. Locations follow the patch's text.
void overlay(Node& base, const Node& patch);

// Removes every list entry (at any depth) whose `id` is in ids; returns the ids not found.
std::vector<std::string> removeEntries(Node& tree, const std::vector<std::string>& ids);

}  // namespace twin
