// `parktwin video`: a results period rendered headless (EGL) frame by frame and encoded to an
// H.264 MP4 (viewer/video_encoder.h), with the clock, the tour's captions and a KPI strip
// (docs/presenting.md). Bad flags and files throw twin::InputError (exit code 2); the target is
// written beside itself and renamed only when complete.
#pragma once

#include <functional>
#include <string>

#include "viewer/results_data.h"

namespace viewer {

struct VideoRequest {
  std::string results;          // HDF5 results file
  std::string start;            // site time or ISO with offset; "" = the results' first step
  std::string end;              // "" = the tour's length at --speed, else a day after --start
  std::string speed = "3600x";  // simulated seconds per video second
  std::string tour;             // "" = the iso view, held
  int fps = 30;
  std::string size = "1920x1080";
  std::string scenario;          // "" = baseline
  std::string compare_scenario;  // "" = none; else shown right of --scenario, side by side
  std::string language = "en";
  std::string output;  // .mp4
};

// What the video shows when: its frames, and the results step of each.
struct VideoPlan {
  size_t first_step = 0;
  double start = 0.0;  // Unix s of the first frame
  double speed = 3600.0;
  int fps = 30;
  long frames = 0;
  size_t step(const ResultsData& results, long frame) const;
  double seconds(long frame) const { return double(frame) / fps; }  // into the video
};

// "3600x" (or "3600") -> 3600; throws twin::InputError naming --speed.
double parseSpeed(const std::string& text);
// The plan of `request` over `results`; throws twin::InputError for times outside the results,
// an end before the start, a tour too long for the period, or a video of more than 4 hours.
VideoPlan planVideo(const ResultsData& results, const VideoRequest& request);

// progress(done, total) after each frame.
int videoCommand(const VideoRequest& request, const std::function<void(long, long)>& progress);

}  // namespace viewer
