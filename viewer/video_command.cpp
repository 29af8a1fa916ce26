#include "viewer/video_command.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <vector>

#include "twin/base/error.h"
#include "twin/base/text.h"
#include "twin/results/output_file.h"
#include "viewer/results_binding.h"
#include "viewer/scene_setup.h"
#include "viewer/snapshot.h"
#include "viewer/tours.h"
#include "viewer/video_encoder.h"
#include "viewer/video_overlay.h"
#include "viewer/viewer_commands.h"

namespace viewer {
namespace {

constexpr double kMaxVideoSeconds = 4 * 3600.0;

// One scenario rendered into its part of the frame (all of it, or a half side by side).
struct Side {
  Side(ResultsData r, int width, int height, float font)
      : results(std::move(r)),
        setup(results),
        strip(results),
        renderer(width, height, 4, namesText(results.model), font),
        pose(presetPose(setup.layout, ViewPreset::kIso, double(width) / height)) {}
  ResultsData results;
  SceneSetup setup;
  VideoStrip strip;
  OffscreenRenderer renderer;
  CameraPose pose;
  std::optional<size_t> shown;  // the step the scene shows
};

// The frame of the sides' images side by side (one side: its image).
osg::ref_ptr<osg::Image> joined(const std::vector<osg::ref_ptr<osg::Image>>& parts, int width,
                                int height) {
  if (parts.size() == 1) return parts.front();
  osg::ref_ptr<osg::Image> out = new osg::Image;
  out->allocateImage(width, height, 1, GL_RGB, GL_UNSIGNED_BYTE);
  for (int y = 0; y < height; ++y) {
    unsigned char* row = out->data(0, y);
    for (const osg::ref_ptr<osg::Image>& part : parts) {
      const size_t bytes = 3 * size_t(part->s());
      std::copy_n(part->data(0, y), bytes, row);
      row += bytes;
    }
  }
  return out;
}

// Removes the temporary unless the video was completed and renamed.
struct TemporaryFile {
  std::string path;
  bool kept = false;
  ~TemporaryFile() {
    std::error_code ec;
    if (!kept) std::filesystem::remove(path, ec);
  }
};

double unixOf(const ResultsData& r, const std::string& text, const std::string& flag) {
  return double(r.times[resolveStep(r, text, flag)]);
}

}  // namespace

double parseSpeed(const std::string& text) {
  std::string number = text;
  if (!number.empty() && number.back() == 'x') number.pop_back();
  char* end = nullptr;
  const double v = number.empty() ? NAN : std::strtod(number.c_str(), &end);
  if (std::isnan(v) || end != number.c_str() + number.size() || !(v > 0) || v > 1e9) {
    throw twin::InputError(
        "--speed: expected simulated seconds per video second, such as "
        "\"3600x\" (an hour a second), above 0, got " +
        twin::quote(text));
  }
  return v;
}

size_t VideoPlan::step(const ResultsData& results, long frame) const {
  return stepAt(results, start + seconds(frame) * speed);
}

VideoPlan planVideo(const ResultsData& r, const VideoRequest& q) {
  VideoPlan plan;
  plan.speed = parseSpeed(q.speed);
  plan.fps = q.fps;
  if (q.fps < 1 || q.fps > 120) {
    throw twin::InputError("--fps: expected 1 to 120 frames per second, got " +
                           std::to_string(q.fps));
  }
  if (r.times.empty()) throw twin::InputError(r.path + ": the results have no steps");
  plan.start = q.start.empty() ? double(r.times.front()) : unixOf(r, q.start, "--start");
  plan.first_step = stepAt(r, plan.start);
  const double period_end = double(r.times.back() + r.step_s);
  const double tour_s = q.tour.empty() ? 0.0 : tourDuration(r.model, q.tour);
  double end = plan.start + 86400.0;
  if (!q.end.empty()) {
    end = unixOf(r, q.end, "--end");
  } else if (!q.tour.empty()) {
    end = plan.start + tour_s * plan.speed;
    if (end > period_end) {
      throw twin::InputError("--tour " + twin::quote(q.tour) + ": lasts " +
                             twin::formatNumber(tour_s) + " s, which at --speed " + q.speed +
                             " runs from " + localTimeText(r, plan.first_step) +
                             " past the results' end (" + localTimeText(r, r.times.size() - 1) +
                             "); give an earlier --start, a lower --speed or an --end");
    }
  }
  end = std::min(end, period_end);
  if (end <= plan.start) {
    throw twin::InputError("--end: expected a time after --start (" +
                           localTimeText(r, plan.first_step) + "), got " + twin::quote(q.end));
  }
  const double seconds = (end - plan.start) / plan.speed;
  if (seconds > kMaxVideoSeconds) {
    throw twin::InputError("--speed " + q.speed + ": the video would last " +
                           twin::formatNumber(seconds / 3600.0) +
                           " h (at most 4 h); give a higher --speed or a shorter period");
  }
  plan.frames = std::max(1L, std::lround(seconds * q.fps));
  return plan;
}

int videoCommand(const VideoRequest& q, const std::function<void(long, long)>& progress) {
  int width = 0, height = 0;
  parseSize(q.size, "--size", &width, &height);
  const Language language = parseLanguage(q.language);
  const bool zh = language == Language::kChinese;
  const std::string& out = q.output;
  if (out.size() < 5 || out.substr(out.size() - 4) != ".mp4") {
    throw twin::InputError("-o: expected an .mp4 file, got " + twin::quote(out));
  }
  const twin::RowRange none{0, 0};
  std::vector<ResultsData> shown{loadResults(q.results, q.scenario, none)};
  if (!q.compare_scenario.empty()) {
    shown.push_back(loadResults(q.results, q.compare_scenario, none));
  }
  const VideoPlan plan = planVideo(shown.front(), q);
  const size_t last_step = plan.step(shown.front(), plan.frames - 1);
  for (ResultsData& r : shown) {  // the steps the video shows, not the year
    loadSeries(r, twin::RowRange{plan.first_step, last_step - plan.first_step + 1});
  }
  // The font grows with the frame: 16 px at 720 rows, 24 px at 1080.
  const float font = std::max(14.0f, float(height) / 45.0f);
  std::vector<std::unique_ptr<Side>> sides;
  int x = 0;
  for (size_t i = 0; i < shown.size(); ++i) {
    const int w = i + 1 < shown.size() ? width / int(shown.size()) : width - x;
    sides.push_back(std::make_unique<Side>(std::move(shown[i]), w, height, font));
    x += w;
  }
  for (const std::unique_ptr<Side>& side : sides) {
    side->setup.scene.setLanguage(zh);
    // A first frame uploads the fonts the video's frames draw with.
    side->renderer.setScene(side->setup.scene.root(), side->pose);
    side->renderer.drawFrame([] {});
  }
  TemporaryFile temp{twin::temporaryPathBeside(out)};
  VideoEncoder encoder(temp.path, width, height, plan.fps);
  for (long f = 0; f < plan.frames; ++f) {
    const std::optional<TourFrame> tour =
        q.tour.empty()
            ? std::nullopt
            : std::optional(tourFrame(sides.front()->results.model, q.tour, plan.seconds(f), zh));
    std::vector<osg::ref_ptr<osg::Image>> parts;
    for (const std::unique_ptr<Side>& side : sides) {
      const size_t step = plan.step(side->results, f);
      if (side->shown != step) {
        applyStep(side->results, step, ColorMap::kTraffic, side->setup.scene);
        side->shown = step;
      }
      side->setup.scene.flows().advance(1.0 / plan.fps);
      const float w = float(side->renderer.width()), h = float(height);
      side->renderer.setScene(side->setup.scene.root(), tour ? tour->pose : side->pose);
      side->renderer.setSky(side->setup.scene.skyColor());
      side->renderer.drawFrame([&] {
        drawVideoTitle(side->results, step, language, 0.0f);
        drawCaption(tour ? tour->caption : "", 0.0f, w, h - VideoStrip::height());
        side->strip.draw(plan.first_step, step, language, 0.0f, w, h);
      });
      parts.push_back(side->renderer.readImage());
    }
    encoder.addFrame(*joined(parts, width, height));
    if (progress) progress(f + 1, plan.frames);
  }
  encoder.finish();
  std::error_code ec;
  std::filesystem::rename(temp.path, out, ec);
  if (ec)
    throw twin::InputError("-o: cannot write " + twin::quote(out) + " (" + ec.message() + ")");
  temp.kept = true;
  std::cout << "video: " << out << " (" << plan.frames << " frames, " << width << "x" << height
            << ", " << plan.fps << " frames/s, "
            << localTimeText(sides.front()->results, plan.first_step) << " onwards at " << q.speed
            << ")\n";
  return 0;
}

}  // namespace viewer
