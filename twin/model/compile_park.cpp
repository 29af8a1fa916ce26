#include "twin/model/compile_park.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <limits>
#include <set>

#include "twin/base/text.h"
#include "twin/model/compile_measures.h"
#include "twin/model/compile_model.h"
#include "twin/parkfile/field_reader.h"

namespace twin {
namespace {

// Sections a scenario may overlay. Site and simulation period are the baseline's: every scenario
// of a results file shares its clock and time axis.
constexpr std::string_view kOverlayable[] = {
    "weather", "calendar", "schedules", "buildings",   "network",         "equipment", "loads",
    "pv",      "storage",  "tariff",    "ev_charging", "demand_response", "emissions"};

// "equipment[3].motor.rated_power" -> "equipment".
std::string sectionOf(const std::string& path) { return path.substr(0, path.find_first_of(".[")); }

std::string parkDir(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

struct ScenarioTree {
  ScenarioSpec spec;
  Node tree;
  std::vector<PendingMeasure> measures;
  int first_line = 0;  // the scenario's own text: lines [first_line, end_line)
  int end_line = 0;
};

// Each measure of `st` alone on the baseline: one scenario tree per measure. Errors were reported
// when the measures were expanded together, so they are not reported again.
void addMeasuresAlone(const Node& s, const std::string& path, const ScenarioTree& st,
                      const ParkSource& source, const ParkModel& baseline,
                      std::vector<ScenarioTree>& out) {
  for (size_t i = 0; i < st.measures.size(); ++i) {
    ScenarioTree one;
    const std::string& measure = st.measures[i].measure.name;
    one.spec = {st.spec.name + ":" + measure,
                "measure " + measure + " of " + st.spec.name + ", alone", st.spec.name};
    one.tree = source.tree;
    std::erase_if(one.tree.entries, [](const MapEntry& e) { return e.key == "scenarios"; });
    Diagnostics reported;
    FieldReader quiet(reported);
    one.measures = expandMeasures(s, path, {baseline, source.tree}, one.tree, quiet, i);
    one.first_line = st.first_line;
    one.end_line = st.end_line;
    out.push_back(std::move(one));
  }
}

std::vector<ScenarioTree> scenarioTrees(const ParkSource& source, const ParkModel& baseline,
                                        const CompileOptions& options, FieldReader& r) {
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
                         e.key == "investment" || e.key == "measures" ||
                         std::find(std::begin(kOverlayable), std::end(kOverlayable), e.key) !=
                             std::end(kOverlayable);
      if (!known) {
        r.error(e.key_loc, keyPath(path, e.key),
                "unknown key (expected name, description, remove, investment, measures, or a "
                "section to "
                "overlay: weather, "
                "calendar, schedules, buildings, network, equipment, loads, pv, storage, "
                "ev_charging, demand_response, tariff, emissions)");
      }
    }
    ScenarioTree st;
    st.first_line = s.loc.line;
    st.end_line =
        i + 1 < list->items.size() ? list->items[i + 1].loc.line : std::numeric_limits<int>::max();
    const std::optional<std::string> name = r.id(s, "name", path);
    if (!name) continue;
    if (*name == "baseline" || !std::isalnum(static_cast<unsigned char>(name->front())) ||
        !names.insert(*name).second) {
      r.error(s.find("name")->loc, keyPath(path, "name"),
              "expected a unique scenario name that starts with a letter or digit and is not "
              "\"baseline\", got " +
                  quote(*name));
      continue;
    }
    st.spec.name = *name;
    st.spec.description = r.text(s, "description", path, false).value_or("");
    st.tree = source.tree;
    std::erase_if(st.tree.entries, [](const MapEntry& e) { return e.key == "scenarios"; });
    st.measures = expandMeasures(s, path, {baseline, source.tree}, st.tree, r);
    for (const MapEntry& e : s.entries) {
      const bool section = e.key == "investment" ||
                           std::find(std::begin(kOverlayable), std::end(kOverlayable), e.key) !=
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
      for (size_t k = 0; k < remove->items.size(); ++k) {
        const Node& item = remove->items[k];
        if (!item.isScalar()) {
          r.error(item.loc, indexPath(keyPath(path, "remove"), k),
                  "expected an id, got " + describeNode(item));
        } else {
          ids.push_back(item.scalar);
        }
      }
      const std::vector<std::string> missing = removeEntries(st.tree, ids);
      for (size_t k = 0; k < remove->items.size(); ++k) {
        const Node& item = remove->items[k];
        if (item.isScalar() && std::count(missing.begin(), missing.end(), item.scalar)) {
          r.error(item.loc, indexPath(keyPath(path, "remove"), k),
                  "unknown id \"" + item.scalar +
                      "\" (no list entry of the baseline has that id; a counted group is removed "
                      "by its own id)");
        }
      }
    }
    out.push_back(std::move(st));
    if (options.each_measure && out.back().measures.size() >= 2) {
      const ScenarioTree together = out.back();  // out grows below
      addMeasuresAlone(s, path, together, source, baseline, out);
    }
  }
  return out;
}

}  // namespace

CompiledPark compilePark(const ParkSource& source, const CompileOptions& options) {
  const std::string dir = parkDir(source.path);
  Diagnostics all = source.parse_diagnostics;
  CompiledPark park;
  WeatherCache own_weather;
  WeatherCache& weather = options.weather_cache ? *options.weather_cache : own_weather;
  park.baseline = compileModel(source.tree, dir, all, weather);
  for (const MapEntry& e : source.tree.entries) {
    if (e.key != "investment") continue;
    all.error(e.key_loc, "investment",
              "expected investment under a scenario (the baseline is what is there today)");
  }
  std::set<std::string> seen;
  std::set<std::string> broken_sections;  // top-level sections with baseline errors
  for (const Diagnostic& d : all.list()) {
    seen.insert(d.format());
    broken_sections.insert(sectionOf(d.path));
  }
  const bool baseline_ok = all.empty();
  std::set<std::string> warned;
  for (const Diagnostic& d : all.warnings()) {
    if (warned.insert(d.format()).second) park.warnings.push_back(d.format());
  }
  FieldReader reader(all);
  for (ScenarioTree& st : scenarioTrees(source, park.baseline, options, reader)) {
    Diagnostics local;
    ParkModel model = compileModel(st.tree, dir, local, weather);
    model.scenario = st.spec.name;
    model.measure_of = st.spec.measure_of;
    for (const Diagnostic& d : local.list()) {
      if (seen.count(d.format())) continue;
      // With a broken baseline, report only what lies in the scenario's own text and in a
      // section the baseline got right: the rest follows from the baseline's errors.
      const bool own_text = d.loc.line >= st.first_line && d.loc.line < st.end_line;
      if (!baseline_ok && (!own_text || broken_sections.count(sectionOf(d.path)))) continue;
      all.error(d.loc, "scenario " + st.spec.name + ": " + d.path, d.message);
    }
    for (const Diagnostic& d : local.warnings()) {
      const bool own_text = d.loc.line >= st.first_line && d.loc.line < st.end_line;
      if (own_text && st.spec.measure_of.empty() && warned.insert(d.format()).second) {
        park.warnings.push_back(d.format());
      }
    }
    model.measures = priceMeasures(st.measures, model);
    for (const PendingMeasure& m : st.measures) {
      if (!m.measure.ids.empty() || !st.spec.measure_of.empty()) continue;
      park.warnings.push_back(m.loc.file + ":" + std::to_string(m.loc.line) + ":" +
                              std::to_string(m.loc.column) + ": scenario " + st.spec.name + ": " +
                              m.path + ": measure \"" + m.measure.name + "\" selects nothing");
    }
    park.scenarios.push_back(std::move(model));
    park.specs.push_back(st.spec);
  }
  all.throwIfAny();
  return park;
}

}  // namespace twin
