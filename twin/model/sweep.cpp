#include "twin/model/sweep.h"

#include "twin/base/error.h"
#include "twin/base/text.h"
#include "twin/parkfile/field_reader.h"

namespace twin {
namespace {

// What a map or list holds, for messages: its keys or its entries' ids.
std::string children(const Node& n) {
  std::vector<std::string> names;
  if (n.isMap()) {
    for (const MapEntry& e : n.entries) names.push_back(e.key);
  } else {
    for (const Node& item : n.items) {
      if (!entryKey(item).empty()) names.push_back(entryKey(item));
    }
  }
  return names.empty() ? "nothing" : join(names, ", ");
}

}  // namespace

Node& locateField(Node& tree, const std::string& path, const std::string& flag) {
  Node* node = &tree;
  std::string walked;
  for (const std::string& part : split(path, '.')) {
    Node* next = nullptr;
    if (node->isMap()) {
      next = node->find(part);
    } else if (node->isSequence()) {
      for (Node& item : node->items) {
        if (entryKey(item) == part) next = &item;
      }
    }
    if (!next) {
      throw InputError(flag + " " + path + ": " + (walked.empty() ? "the park file" : walked) +
                       " has no " + quote(part) + " (it has: " + children(*node) + ")");
    }
    walked += (walked.empty() ? "" : ".") + part;
    node = next;
  }
  if (!node->isScalar()) {
    throw InputError(flag + " " + path + ": expected a field with one value, got " +
                     describeNode(*node));
  }
  return *node;
}

namespace {

// The park file's tree without its scenarios: what a variant overlays.
Node baselineTree(const ParkSource& source) {
  Node base = source.tree;
  std::erase_if(base.entries, [](const MapEntry& e) { return e.key == "scenarios"; });
  return base;
}

}  // namespace

ParkModel compileWithFields(const ParkSource& source, const std::vector<FieldValue>& fields,
                            const std::string& flag, const std::string& scenario) {
  ParkSource one{source.path, source.text, source.sha256, baselineTree(source),
                 source.parse_diagnostics};
  for (const FieldValue& f : fields) locateField(one.tree, f.path, flag).scalar = f.value;
  if (scenario.empty()) return compilePark(one).baseline;
  for (const MapEntry& e : source.tree.entries) {
    if (e.key != "scenarios") continue;
    MapEntry kept = e;  // with its locations, for messages
    std::erase_if(kept.value.items, [&](const Node& s) { return entryKey(s) != scenario; });
    one.tree.entries.push_back(std::move(kept));
  }
  const std::vector<ParkModel> scenarios = compilePark(one).scenarios;
  if (scenarios.empty()) {
    throw InputError(source.path + ": no scenario " + quote(scenario) + " to run");
  }
  return scenarios.front();
}

Variation parseVariation(const std::string& flag) {
  const size_t eq = flag.find('=');
  Variation v;
  v.path = std::string(trim(flag.substr(0, eq)));
  if (eq == std::string::npos || v.path.empty()) {
    throw InputError("--vary " + quote(flag) + ": expected SECTION.ID.FIELD=V1,V2,...");
  }
  v.values = split(flag.substr(eq + 1), ',');
  for (const std::string& value : v.values) {
    if (value.empty()) throw InputError("--vary " + quote(flag) + ": expected no empty value");
  }
  return v;
}

}  // namespace twin
