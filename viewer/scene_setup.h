// What both commands do before drawing: the scene of one results file, and the flags that pick
// the time step, colour map, language and camera.
#pragma once

#include <string>

#include "viewer/camera_views.h"
#include "viewer/park_scene.h"
#include "viewer/results_data.h"
#include "viewer/ui_text.h"

namespace viewer {

struct SceneSetup {
  explicit SceneSetup(const ResultsData& results);
  ParkLayout layout;
  ParkScene scene;
};

// Each throws twin::InputError naming the flag for a word it does not know.
ColorMap parseColorMap(const std::string& word);
Language parseLanguage(const std::string& word);
// "" = 12:00 on the first day of the results.
size_t resolveStep(const ResultsData& results, const std::string& time, const std::string& flag);
// camera: an object id to frame ("" = the view preset).
// camera: a named camera of the park's presentation, or an object id to frame ("" = the view
// preset).
CameraPose resolvePose(const twin::ParkModel& model, const ParkScene& scene,
                       const std::string& view, const std::string& camera, double aspect);

}  // namespace viewer
