// Shared state while compiling one park tree: the field reader, the id registry (ids are unique
// across the whole file) and the id -> index tables that references resolve against.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "twin/model/compile_model.h"
#include "twin/model/model.h"
#include "twin/parkfile/field_reader.h"

namespace twin {

struct CompileContext {
  FieldReader& r;
  ParkModel& model;
  std::map<std::string, SourceLoc, std::less<>> ids;
  std::unordered_map<std::string, int> schedules;
  std::unordered_map<std::string, int> buildings;
  std::unordered_map<std::string, int> buses;
  std::vector<std::pair<SourceLoc, std::string>> bus_sources;  // per bus: location and path
  WeatherCache& weather_cache;

  // Registers id; reports a duplicate with where it was first defined. False on duplicate.
  bool claimId(const std::string& id, const SourceLoc& loc, const std::string& path);
  // Reads an entry's required `id` and registers it; "" when missing or malformed (reported).
  std::string entryId(const Node& entry, const std::string& path);
  // Resolves map[key] against table; reports "unknown <what> ..." when it names nothing.
  std::optional<int> reference(const Node& map, std::string_view key,
                               const std::unordered_map<std::string, int>& table,
                               std::string_view what, const std::string& path);
};

void compileWeather(const Node& root, const std::string& park_dir, CompileContext& c);
void compileSchedules(const Node& root, CompileContext& c);
void compileTariff(const Node& root, CompileContext& c);
void compileEconomics(const Node& root, CompileContext& c);
// `uncertainty:`; each weather entry must name "synthetic" or an existing file under park_dir.
void compileUncertainty(const Node& root, const std::string& park_dir, CompileContext& c);
void compileInvestment(const Node& root, CompileContext& c);
void compileBuildings(const Node& root, CompileContext& c);
void compileObstacles(const Node& root, CompileContext& c);
void compileNetwork(const Node& root, CompileContext& c);
void compileEquipment(const Node& root, CompileContext& c);
void compileLoads(const Node& root, CompileContext& c);

void compilePv(const Node& root, CompileContext& c);
void compileStorage(const Node& root, CompileContext& c);
// A battery's `dispatch:` map at path into s.policy, s.params and s.optimal (compile_dispatch.cpp).
void readDispatch(const Node& n, const std::string& path, CompileContext& c, Storage& s);
void compileEvCharging(const Node& root, CompileContext& c);
void compileDemandResponse(const Node& root, CompileContext& c);
void compilePresentation(const Node& root, CompileContext& c);

// Calls fn(entry, path, c) for every entry of the list `section` of `root` (reported when required
// and missing, or not a list); `parent`: root's own path ("" for the file's top level).
template <typename Fn>
void forEachEntry(const Node& root, std::string_view section, bool is_required, CompileContext& c,
                  Fn&& fn, const std::string& parent = "") {
  const Node* list = is_required ? c.r.required(root, section, parent) : root.find(section);
  const std::string path = keyPath(parent, section);
  if (!list || !c.r.expectSequence(*list, path)) return;
  for (size_t i = 0; i < list->items.size(); ++i) fn(list->items[i], indexPath(path, i), c);
}

// How far from the site's origin a point of the park may lie (a park larger than 20 km across is
// a typing error, and would make the PV layout and shading run for hours).
inline constexpr double kMaxSiteExtent = 10e3;  // m
inline constexpr std::string_view kSiteExtentRule = "within 10 km of the site origin";

// A list of [east_m, north_m] vertices enclosing an area, each within kMaxSiteExtent (reported
// otherwise).
std::vector<Eigen::Vector2d> readPolygon(const Node& list, const std::string& path,
                                         CompileContext& c);

// A nominal voltage for messages: 400 V -> "0.4 kV".
std::string voltageText(double volts);

// Reads a list of "HH:MM-HH:MM" windows into per-minute flags (a window may wrap past midnight).
// Reports malformed windows; returns false when any was.
bool readWindows(const Node& list, const std::string& path, FieldReader& r,
                 std::vector<bool>& minutes_on);

}  // namespace twin
