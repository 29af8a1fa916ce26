#include "twin/sweep/sweep_plan.h"

#include <fmt/format.h>

#include "twin/base/error.h"
#include "twin/base/text.h"

namespace twin::sweep {
namespace {

size_t gridSize(const std::vector<Variation>& variations) {
  size_t count = 1;
  for (const Variation& v : variations) count *= v.values.size();
  return count;
}

// The values of grid point k: the first variation varies slowest.
std::vector<std::string> gridValues(const std::vector<Variation>& variations, size_t k) {
  std::vector<std::string> out(variations.size());
  for (size_t i = variations.size(); i-- > 0;) {
    out[i] = variations[i].values[k % variations[i].values.size()];
    k /= variations[i].values.size();
  }
  return out;
}

std::string prefixed(const std::string& label, const std::string& name) {
  return label.empty() ? name : label + "/" + name;
}

// "/s001" for sample 0 of up to 999 samples; "" without samples.
std::string sampleSuffix(const SweepPlan& plan, int sample) {
  if (sample < 0) return "";
  const int digits = std::max(3, static_cast<int>(std::to_string(plan.samples).size()));
  return fmt::format("/s{:0{}}", sample + 1, digits);
}

void addCase(SweepPlan& plan, size_t park, const std::string& scenario, size_t reference,
             int sample) {
  const std::string& label = plan.parks[park].label;
  const std::string tail = sampleSuffix(plan, sample);
  if (plan.variations.empty()) {
    plan.variants.push_back(
        {prefixed(label, scenario) + tail, park, scenario, {}, reference, sample});
    return;
  }
  const size_t count = gridSize(plan.variations);
  const int digits = std::max(2, static_cast<int>(std::to_string(count).size()));
  for (size_t k = 0; k < count; ++k) {
    const std::string v = fmt::format("v{:0{}}", k + 1, digits);
    plan.variants.push_back({prefixed(label, scenario.empty() ? v : scenario + "/" + v) + tail,
                             park, scenario, gridValues(plan.variations, k), reference, sample});
  }
}

}  // namespace

SweepPlan makePlan(std::vector<SweepPark> parks, std::vector<Variation> variations,
                   bool with_scenarios, int samples, uint64_t seed) {
  SweepPlan plan{std::move(parks), std::move(variations), {}, samples, seed};
  for (SweepPark& park : plan.parks) {
    Node tree = park.source.tree;
    for (const Variation& v : plan.variations) locateField(tree, v.path, "--vary");
    if (!with_scenarios) park.scenarios.clear();
    if (samples > 0 && !park.uncertainty.declared()) {
      throw InputError("--samples: " + park.source.path +
                       " declares nothing uncertain (expected an uncertainty: section with "
                       "weather, load_scale or price_scale)");
    }
  }
  for (size_t p = 0; p < plan.parks.size(); ++p) {
    for (int k = samples > 0 ? 0 : -1; k < std::max(samples, 0); ++k) {
      const size_t reference = plan.variants.size();
      const std::string& label = plan.parks[p].label;
      plan.variants.push_back(
          {prefixed(label, "baseline") + sampleSuffix(plan, k), p, "", {}, reference, k});
      if (!plan.variations.empty()) addCase(plan, p, "", reference, k);
      for (const std::string& scenario : plan.parks[p].scenarios)
        addCase(plan, p, scenario, reference, k);
    }
  }
  return plan;
}

Sample sampleOf(const SweepPlan& plan, size_t index) {
  const VariantSpec& v = plan.variants.at(index);
  if (v.sample < 0) return {};
  return drawSample(plan.parks[v.park].uncertainty, plan.seed, static_cast<uint64_t>(v.sample));
}

ParkModel compileVariant(const SweepPlan& plan, size_t index) {
  const VariantSpec& v = plan.variants.at(index);
  std::vector<FieldValue> fields;
  for (size_t i = 0; i < v.values.size(); ++i)
    fields.push_back({plan.variations[i].path, v.values[i]});
  try {
    const Sample sample = sampleOf(plan, index);
    ParkModel model;
    if (sample.weather.empty()) {
      model = compileWithFields(plan.parks[v.park].source, fields, "--vary", v.scenario);
    } else {
      ParkSource drawn = plan.parks[v.park].source;
      setWeatherSource(drawn.tree, sample.weather);
      model = compileWithFields(drawn, fields, "--vary", v.scenario);
    }
    applySample(model, sample);
    model.scenario = v.name;
    return model;
  } catch (const InputError& e) {
    const std::string values = v.values.empty() ? "" : " (" + join(v.values, ", ") + ")";
    throw InputError("--vary variant " + v.name + values + ": " + e.what());
  }
}

std::string describeVariant(const SweepPlan& plan, const VariantSpec& v) {
  std::vector<std::string> parts;
  if (!v.scenario.empty()) parts.push_back("scenario " + v.scenario);
  for (size_t i = 0; i < v.values.size(); ++i) {
    parts.push_back(plan.variations[i].path + "=" + v.values[i]);
  }
  if (v.sample >= 0) {
    const Sample s =
        drawSample(plan.parks[v.park].uncertainty, plan.seed, static_cast<uint64_t>(v.sample));
    parts.push_back(fmt::format("sample {} (weather {}, loads x {:.4f}, prices x {:.4f})",
                                v.sample + 1, s.weather.empty() ? "as described" : s.weather,
                                s.load_scale, s.price_scale));
  }
  return parts.empty() ? "the park as described" : join(parts, ", ");
}

size_t findVariant(const SweepPlan& plan, const std::string& name, const std::string& flag) {
  std::vector<std::string> some;
  for (size_t i = 0; i < plan.variants.size(); ++i) {
    if (plan.variants[i].name == name) return i;
    if (some.size() < 6) some.push_back(plan.variants[i].name);
  }
  throw InputError(flag + ": no variant " + quote(name) + " in this sweep (it has " +
                   std::to_string(plan.variants.size()) + ": " + join(some, ", ") +
                   (plan.variants.size() > some.size() ? ", ..." : "") + ")");
}

}  // namespace twin::sweep
