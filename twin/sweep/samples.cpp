#include "twin/sweep/samples.h"

#include <algorithm>

namespace twin::sweep {
namespace {

uint64_t splitMix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

MapEntry entry(const std::string& key, Node::Kind kind, const std::string& scalar = "") {
  MapEntry e;
  e.key = key;
  e.value.kind = kind;
  e.value.scalar = scalar;
  return e;
}

}  // namespace

double uniformDraw(uint64_t seed, uint64_t sample, uint64_t input) {
  const uint64_t x = splitMix64(splitMix64(splitMix64(seed) ^ sample) ^ input);
  return static_cast<double>(x >> 11) * 0x1.0p-53;
}

Sample drawSample(const Uncertainty& u, uint64_t seed, uint64_t k) {
  Sample s;
  if (!u.weather.empty()) {
    const auto n = static_cast<double>(u.weather.size());
    const auto i = static_cast<size_t>(uniformDraw(seed, k, 0) * n);
    s.weather = u.weather[std::min(i, u.weather.size() - 1)];
  }
  s.load_scale = u.load_min + (u.load_max - u.load_min) * uniformDraw(seed, k, 1);
  s.price_scale = u.price_min + (u.price_max - u.price_min) * uniformDraw(seed, k, 2);
  return s;
}

void setWeatherSource(Node& tree, const std::string& source) {
  Node* weather = tree.find("weather");
  if (!weather || !weather->isMap()) {
    std::erase_if(tree.entries, [](const MapEntry& e) { return e.key == "weather"; });
    tree.entries.push_back(entry("weather", Node::Kind::kMap));
    weather = &tree.entries.back().value;
  }
  if (source != "synthetic") {
    std::erase_if(weather->entries, [](const MapEntry& e) { return e.key != "albedo"; });
  }
  if (Node* s = weather->find("source")) {
    s->scalar = source;
  } else {
    weather->entries.push_back(entry("source", Node::Kind::kScalar, source));
  }
}

void applySample(ParkModel& model, const Sample& s) {
  for (Load& l : model.loads) {
    l.rated_power *= s.load_scale;
    l.cooling_capacity *= s.load_scale;  // a cooling load: its capacity at the rating point
  }
  for (Motor& m : model.motors) m.duty_load *= s.load_scale;
  Tariff& t = model.tariff;
  t.demand_price *= s.price_scale;
  t.export_price *= s.price_scale;
  for (TariffSeason& season : t.seasons) {
    for (TariffPeriod& p : season.periods) p.price *= s.price_scale;
  }
}

}  // namespace twin::sweep
