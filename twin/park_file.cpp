#include "twin/park_file.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "twin/compile_model.h"
#include "twin/field_reader.h"
#include "twin/sha256.h"

namespace twin {
namespace {

// Sections a scenario may overlay. Site and simulation period are the baseline's: every scenario
// of a results file shares its clock and time axis.
constexpr std::string_view kOverlayable[] = {"weather",   "calendar", "schedules",
                                             "buildings", "network",  "equipment",
                                             "loads",     "tariff",   "emissions"};

std::string parkDir(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

struct ScenarioTree {
  ScenarioSpec spec;
  Node tree;
  std::string path;
};

std::vector<ScenarioTree> scenarioTrees(const ParkSource& source, FieldReader& r) {
  std::vector<ScenarioTree> out;
  const Node* list = source.tree.find("scenarios");
  if (!list || !r.expectSequence(*list, "scenarios")) return out;
  std::set<std::string> names;
  for (size_t i = 0; i < list->items.size(); ++i) {
    const Node& s = list->items[i];
    const std::string path = indexPath("scenarios", i);
    if (!r.expectMap(s, path)) continue;
    for (const MapEntry& e : s.entries) {
      const bool known = e.key == "name" || e.key == "description" || e.key == "remove" ||
                         std::find(std::begin(kOverlayable), std::end(kOverlayable), e.key) !=
                             std::end(kOverlayable);
      if (!known) {
        r.error(
            e.key_loc, keyPath(path, e.key),
            "unknown key (expected name, description, remove, or a section to overlay: weather, "
            "calendar, schedules, buildings, network, equipment, loads, tariff, emissions)");
      }
    }
    ScenarioTree st;
    st.path = path;
    const std::optional<std::string> name = r.id(s, "name", path);
    if (!name) continue;
    if (*name == "baseline" || !names.insert(*name).second) {
      r.error(s.find("name")->loc, keyPath(path, "name"),
              "expected a unique scenario name other than \"baseline\", got \"" + *name + "\"");
      continue;
    }
    st.spec.name = *name;
    st.spec.description = r.text(s, "description", path, false).value_or("");
    st.tree = source.tree;
    for (const MapEntry& e : s.entries) {
      const bool section = std::find(std::begin(kOverlayable), std::end(kOverlayable), e.key) !=
                           std::end(kOverlayable);
      if (section) {
        if (Node* target = st.tree.find(e.key)) {
          overlay(*target, e.value);
        } else {
          st.tree.entries.push_back(e);
        }
      }
    }
    if (const Node* remove = s.find("remove");
        remove && r.expectSequence(*remove, keyPath(path, "remove"))) {
      std::vector<std::string> ids;
      for (const Node& item : remove->items) ids.push_back(item.scalar);
      for (const std::string& missing : removeEntries(st.tree, ids)) {
        r.error(remove->loc, keyPath(path, "remove"),
                "unknown id \"" + missing + "\" (nothing in the baseline has that id)");
      }
    }
    out.push_back(std::move(st));
  }
  return out;
}

}  // namespace

ParkSource parkSourceFromText(std::string text, const std::string& name) {
  ParkSource src;
  src.path = name;
  src.sha256 = sha256Hex(text);
  src.tree = parseYaml(text, name);
  src.text = std::move(text);
  return src;
}

ParkSource loadParkSource(const std::string& path) {
  return parkSourceFromText(readTextFile(path), path);
}

CompiledPark compilePark(const ParkSource& source) {
  const std::string dir = parkDir(source.path);
  Diagnostics all;
  CompiledPark park;
  park.baseline = compileModel(source.tree, dir, all);
  std::set<std::string> seen;
  for (const Diagnostic& d : all.list()) seen.insert(d.format());
  FieldReader reader(all);
  for (ScenarioTree& st : scenarioTrees(source, reader)) {
    Diagnostics local;
    ParkModel model = compileModel(st.tree, dir, local);
    model.scenario = st.spec.name;
    for (const Diagnostic& d : local.list()) {
      if (seen.count(d.format())) continue;
      all.error(d.loc, "scenario " + st.spec.name + ": " + d.path, d.message);
    }
    park.scenarios.push_back(std::move(model));
    park.specs.push_back(st.spec);
  }
  all.throwIfAny();
  return park;
}

}  // namespace twin
