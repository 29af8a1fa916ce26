#include "viewer/scene_setup.h"

#include "twin/base/error.h"
#include "viewer/tours.h"
#include "viewer/viewer_state.h"

namespace viewer {

SceneSetup::SceneSetup(const ResultsData& results)
    : layout(computeParkLayout(results.model)), scene(results.model, layout, findCjkFont()) {}

ColorMap parseColorMap(const std::string& word) {
  for (size_t i = 0; i < kColorMapNames.size(); ++i) {
    if (word == kColorMapNames[i]) return ColorMap(i);
  }
  throw twin::InputError("--color-map: expected viridis, turbo or traffic, got \"" + word + "\"");
}

Language parseLanguage(const std::string& word) {
  if (word == "en") return Language::kEnglish;
  if (word == "zh") return Language::kChinese;
  throw twin::InputError("--language: expected en or zh, got \"" + word + "\"");
}

size_t resolveStep(const ResultsData& results, const std::string& time, const std::string& flag) {
  if (results.times.empty()) throw twin::InputError(results.path + ": the results have no steps");
  if (time.empty()) {
    const int64_t local = results.times.front() + results.utc_offset_s;
    const int64_t midnight = local - ((local % 86400) + 86400) % 86400;
    return stepAt(results, double(midnight + 12 * 3600 - results.utc_offset_s));
  }
  const std::optional<size_t> step = stepOfText(results, time);
  if (!step) {
    throw twin::InputError(flag + ": expected a time within the results' period (" +
                           localTimeText(results, 0) + " to " +
                           localTimeText(results, results.times.size() - 1) +
                           "), as YYYY-MM-DDTHH:MM in site time or with an offset "
                           "(2025-06-21T12:00+08:00), got \"" +
                           time + "\"");
  }
  return *step;
}

CameraPose resolvePose(const twin::ParkModel& model, const ParkScene& scene,
                       const std::string& view, const std::string& camera, double aspect) {
  if (!camera.empty()) {
    for (const twin::PresentationCamera& c : model.cameras) {
      if (c.id == camera) return namedCameraPose(c);
    }
    const std::optional<osg::BoundingBox> box = scene.boundsOf(camera);
    if (!box) {
      throw twin::InputError("--camera: no camera or object \"" + camera +
                             "\" in the park (a presentation.cameras id, or a building, "
                             "equipment, bus or cable id)");
    }
    return focusPose(*box, aspect);
  }
  const std::optional<ViewPreset> preset = parseViewPreset(view);
  if (!preset) {
    throw twin::InputError("--view: expected iso, top, south or east, got \"" + view + "\"");
  }
  return presetPose(scene.layout(), *preset, aspect);
}

}  // namespace viewer
