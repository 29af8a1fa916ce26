#include "twin/parkfile/source_tree.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "twin/parkfile/field_reader.h"

namespace twin {
namespace {

SourceLoc locOf(const YAML::Mark& mark, const std::string& file) {
  if (mark.is_null()) return SourceLoc{file, 0, 0};
  return SourceLoc{file, mark.line + 1, mark.column + 1};
}

// Limits of a park file's tree, each a located error: aliases repeat the node they name, so a
// few lines can stand for billions of nodes ("billion laughs"); nesting this deep is no park, and
// yaml-cpp turns an alias inside its own anchor into a loop that only the depth limit stops.
constexpr size_t kMaxNodes = 500'000;
constexpr int kMaxDepth = 64;

struct Budget {
  size_t nodes = 0;
};

Node convert(const YAML::Node& y, const std::string& file, const std::string& path,
             Diagnostics& diagnostics, Budget& budget, int depth) {
  Node n;
  n.loc = locOf(y.Mark(), file);
  if (++budget.nodes > kMaxNodes) {
    throw InputError({Diagnostic{n.loc, path,
                                 "expected at most " + std::to_string(kMaxNodes) +
                                     " values in the file, got more (aliases that repeat each "
                                     "other?)"}});
  }
  if (depth > kMaxDepth) {
    // The path of 64 levels says little: its start shows where.
    throw InputError({Diagnostic{n.loc, path.substr(0, 40) + "...",
                                 "expected at most " + std::to_string(kMaxDepth) +
                                     " levels of nesting, got more (an alias inside its own "
                                     "anchor?)"}});
  }
  switch (y.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      n.kind = Node::Kind::kNull;
      break;
    case YAML::NodeType::Scalar:
      n.kind = Node::Kind::kScalar;
      n.scalar = y.Scalar();
      break;
    case YAML::NodeType::Sequence:
      n.kind = Node::Kind::kSequence;
      for (const YAML::Node& item : y) {
        n.items.push_back(
            convert(item, file, indexPath(path, n.items.size()), diagnostics, budget, depth + 1));
      }
      break;
    case YAML::NodeType::Map:
      n.kind = Node::Kind::kMap;
      for (const auto& kv : y) {
        MapEntry entry{kv.first.Scalar(), locOf(kv.first.Mark(), file),
                       convert(kv.second, file, keyPath(path, kv.first.Scalar()), diagnostics,
                               budget, depth + 1)};
        // yaml-cpp marks an empty value at the next token; point at its key instead.
        if (entry.value.kind == Node::Kind::kNull) entry.value.loc = entry.key_loc;
        auto previous = std::find_if(n.entries.begin(), n.entries.end(),
                                     [&](const MapEntry& e) { return e.key == entry.key; });
        if (previous != n.entries.end()) {
          diagnostics.error(entry.key_loc, keyPath(path, entry.key),
                            "duplicate key (first given at line " +
                                std::to_string(previous->key_loc.line) + ", column " +
                                std::to_string(previous->key_loc.column) + ")");
          continue;
        }
        n.entries.push_back(std::move(entry));
      }
      break;
  }
  return n;
}

bool keyedList(const Node& list) {
  return list.isSequence() && !list.items.empty() &&
         std::all_of(list.items.begin(), list.items.end(),
                     [](const Node& item) { return !entryKey(item).empty(); });
}

}  // namespace

const Node* Node::find(std::string_view key) const {
  for (const MapEntry& e : entries) {
    if (e.key == key) return &e.value;
  }
  return nullptr;
}

Node* Node::find(std::string_view key) {
  return const_cast<Node*>(static_cast<const Node*>(this)->find(key));
}

Node parseYaml(std::string_view text, const std::string& file_name, Diagnostics& diagnostics) {
  try {
    const YAML::Node root = YAML::Load(std::string(text));
    Budget budget;
    Node tree = convert(root, file_name, "", diagnostics, budget, 0);
    if (tree.loc.line == 0) tree.loc = SourceLoc{file_name, 1, 1};
    return tree;
  } catch (const YAML::Exception& e) {
    throw InputError({Diagnostic{locOf(e.mark, file_name), "", "YAML syntax: " + e.msg}});
  }
}

std::string readTextFile(const std::string& path) {
  // Read whole into memory: beyond this a file is no park, weather or meter file a run can hold.
  constexpr uintmax_t kMaxBytes = uintmax_t{2} << 30;
  std::error_code ec;
  if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec)) {
    throw InputError(path + ": not a regular file");
  }
  if (const uintmax_t size = std::filesystem::file_size(path, ec); !ec && size > kMaxBytes) {
    throw InputError(path + ": expected a file of at most 2 GiB, got " +
                     std::to_string(size >> 20) + " MiB (split meter readings by month?)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open file for reading");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw InputError(path + ": read error");
  return buffer.str();
}

std::string entryKey(const Node& entry) {
  if (!entry.isMap()) return "";
  for (const char* key : {"id", "name"}) {
    const Node* v = entry.find(key);
    if (v && v->isScalar()) return v->scalar;
  }
  return "";
}

void overlay(Node& base, const Node& patch) {
  if (base.isMap() && patch.isMap()) {
    for (const MapEntry& pe : patch.entries) {
      Node* target = base.find(pe.key);
      if (target) {
        overlay(*target, pe.value);
      } else {
        base.entries.push_back(pe);
      }
    }
    return;
  }
  if (keyedList(base) && keyedList(patch)) {
    for (const Node& item : patch.items) {
      const std::string key = entryKey(item);
      auto match = std::find_if(base.items.begin(), base.items.end(),
                                [&](const Node& b) { return entryKey(b) == key; });
      if (match != base.items.end()) {
        overlay(*match, item);
      } else {
        base.items.push_back(item);
      }
    }
    return;
  }
  base = patch;
}

std::vector<std::string> removeEntries(Node& tree, const std::vector<std::string>& ids) {
  std::vector<std::string> missing = ids;
  auto visit = [&](auto&& self, Node& node) -> void {
    if (node.isSequence()) {
      std::erase_if(node.items, [&](const Node& item) {
        const Node* id = item.isMap() ? item.find("id") : nullptr;
        if (!id || !id->isScalar()) return false;
        std::erase(missing, id->scalar);
        return std::find(ids.begin(), ids.end(), id->scalar) != ids.end();
      });
      for (Node& item : node.items) self(self, item);
    } else if (node.isMap()) {
      for (MapEntry& e : node.entries) self(self, e.value);
    }
  };
  visit(visit, tree);
  return missing;
}

}  // namespace twin
