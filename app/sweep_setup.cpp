#include "app/sweep_setup.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "app/version.h"
#include "twin/base/error.h"
#include "twin/base/text.h"
#include "twin/parkfile/sha256.h"

namespace twin::cli {
namespace {

std::vector<std::string> scenarioNames(const ParkSource& source) {
  std::vector<std::string> out;
  if (const Node* list = source.tree.find("scenarios"); list && list->isSequence()) {
    for (const Node& item : list->items) out.push_back(entryKey(item));
  }
  return out;
}

// Labels for --parks: each file's stem, made unique with "-2", "-3".
std::vector<std::string> parkLabels(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  std::set<std::string> used;
  for (const std::string& p : paths) {
    const std::string stem = std::filesystem::path(p).stem().string();
    std::string label = stem;
    for (int k = 2; used.count(label); ++k) label = stem + "-" + std::to_string(k);
    used.insert(label);
    out.push_back(label);
  }
  return out;
}

// The bytes of a file, hashed: each weather file a park reads, so that ranks reading other
// weather at the same path disagree.
std::string fileSha256(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return sha256Hex(bytes.str());
}

sweep::SweepPark loadPark(const std::string& path, const std::string& label,
                          const PeriodOverride& period, std::string& inputs) {
  sweep::SweepPark park{loadParkSource(path), label, {}, {}, {}};
  park.scenarios = scenarioNames(park.source);
  const ParkModel baseline = compileWithFields(park.source, {}, "--vary");
  park.grid = makeTimeGrid(baseline, period);
  park.uncertainty = baseline.uncertainty;
  inputs += park.source.sha256 + "\n";
  if (!baseline.weather.synthetic) inputs += fileSha256(baseline.weather.epw_path) + "\n";
  const std::filesystem::path dir = std::filesystem::path(path).parent_path();
  for (const std::string& w : park.uncertainty.weather) {
    if (w != "synthetic") inputs += fileSha256((dir / w).string()) + "\n";
  }
  return park;
}

bool sameGrid(const TimeGrid& a, const TimeGrid& b) {
  return a.start_day == b.start_day && a.end_day == b.end_day && a.step_s == b.step_s &&
         a.utc_offset_s == b.utc_offset_s;
}

std::vector<bool> storedVariants(const SweepRequest& request, const sweep::SweepPlan& plan) {
  const std::string& store = request.store;
  if (store == "park" || store == "full") return std::vector<bool>(plan.variants.size(), true);
  std::vector<bool> out(plan.variants.size(), false);
  if (store == "none") return out;
  for (const std::string& name : split(store, ',')) {
    out[sweep::findVariant(plan, std::string(trim(name)), "--store")] = true;
  }
  return out;
}

std::string inputsDigest(const SweepRequest& request, const sweep::SweepPlan& plan,
                         const std::string& files) {
  std::string all = files + std::string(kToolVersion) + "\n" + request.store + "\n" +
                    std::to_string(request.samples) + " " + std::to_string(request.seed) + "\n";
  for (const sweep::SweepPark& p : plan.parks) {
    all += p.source.sha256 + " " + std::to_string(p.grid.start_day) + " " +
           std::to_string(p.grid.end_day) + " " + std::to_string(p.grid.step_s) + "\n";
  }
  for (const Variation& v : plan.variations) all += v.path + "=" + join(v.values, "\x1f") + "\n";
  return sha256Hex(all);
}

}  // namespace

SweepSetup prepareSweep(const SweepRequest& request) {
  std::vector<std::string> paths = request.parks;
  if (!request.park_path.empty()) paths.insert(paths.begin(), request.park_path);
  if (paths.empty()) throw InputError("sweep: expected a park file or --parks FILE...");
  if (request.parks.empty() && request.vary.empty() && request.samples == 0) {
    throw InputError(
        "sweep: expected --vary SECTION.ID.FIELD=V1,V2,..., --samples K or --parks FILE...");
  }
  const std::vector<std::string> labels =
      request.parks.empty() ? std::vector<std::string>{""} : parkLabels(paths);
  const PeriodOverride period = parsePeriodFlags(request.period);
  std::vector<sweep::SweepPark> parks;
  std::string files;  // digests of the park and weather files read
  for (size_t i = 0; i < paths.size(); ++i) {
    parks.push_back(loadPark(paths[i], labels[i], period, files));
  }
  std::vector<Variation> variations;
  for (const std::string& flag : request.vary) variations.push_back(parseVariation(flag));
  SweepSetup setup;
  setup.plan = sweep::makePlan(std::move(parks), std::move(variations), !request.parks.empty(),
                               request.samples, request.seed);
  setup.stored = storedVariants(request, setup.plan);
  setup.full = request.store == "full";
  const TimeGrid& root = setup.plan.parks[0].grid;
  for (size_t i = 0; i < setup.stored.size(); ++i) {
    const sweep::VariantSpec& v = setup.plan.variants[i];
    if (setup.stored[i] && !sameGrid(setup.plan.parks[v.park].grid, root)) {
      throw InputError("--store: " + setup.plan.parks[v.park].source.path +
                       " simulates another period than " + setup.plan.parks[0].source.path +
                       ", and one file holds series of one period; use --store none, a list of "
                       "the first park's variants, or --start/--end/--step for all");
    }
  }
  setup.digest = inputsDigest(request, setup.plan, files);
  return setup;
}

}  // namespace twin::cli
