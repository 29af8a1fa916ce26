#include "app/viewer_flags.h"

namespace twin::cli {

void addSnapshotFlags(CLI::App& cmd, viewer::SnapshotRequest& r) {
  cmd.add_option("results", r.results, "Results file (HDF5)")->required();
  cmd.add_option("--time", r.time,
                 "Step to show: YYYY-MM-DDTHH:MM in site time, or with an offset (default: 12:00 "
                 "on the first day)");
  cmd.add_option("--scenario", r.scenario, "Scenario of the results file (default: baseline)");
  cmd.add_option("--view", r.view, "Camera preset: iso, top, south or east")->capture_default_str();
  cmd.add_option("--camera", r.camera,
                 "A camera of the park's presentation, or an object to frame (building, "
                 "equipment, bus or cable id)");
  cmd.add_option("--size", r.size, "Image size WIDTHxHEIGHT")->capture_default_str();
  cmd.add_option("--layers", r.layers, "Layers shown, comma-separated")->capture_default_str();
  cmd.add_option("--color-map", r.color_map, "viridis, turbo or traffic")->capture_default_str();
  cmd.add_option("--pv-color", r.pv_color, "PV arrays by output or by annual shading loss")
      ->check(CLI::IsMember({"output", "shading"}))
      ->capture_default_str();
  cmd.add_option("--language", r.language, "Legend language: en or zh")->capture_default_str();
  cmd.add_flag("!--no-legend", r.legend, "Leave out the title and legend overlays");
  cmd.add_option("-o,--output", r.output, "PNG file to write")->required();
}

void addViewFlags(CLI::App& cmd, viewer::ViewRequest& r) {
  cmd.add_option("results", r.results, "Results file (HDF5)")->required();
  cmd.add_option("--compare", r.compare, "A second results file, shown side by side (A/B)");
  cmd.add_option("--scenario", r.scenario, "Scenario shown (default: baseline)");
  cmd.add_option("--compare-scenario", r.compare_scenario,
                 "Scenario of the right view (of --compare's file, or of the same file)");
  cmd.add_option("--time", r.time, "Step shown first (as snapshot --time)");
  cmd.add_option("--size", r.size, "Window size WIDTHxHEIGHT")->capture_default_str();
  cmd.add_option("--language", r.language, "Panel language: en or zh")->capture_default_str();
  cmd.add_option("--msaa", r.msaa, "Multisampling: 0, 2, 4 or 8 samples (software GL: 0)")
      ->check(CLI::IsMember({0, 2, 4, 8}));
  cmd.add_option("--frames", r.frames, "Quit after this many frames (scripted runs)")
      ->check(CLI::NonNegativeNumber);
  cmd.add_option("--tour", r.tour, "Fly this tour of the park's presentation, with its captions");
  cmd.add_flag("--present", r.present,
               "Presentation mode: full screen, KPI cards, before/after wipe, the tour playing");
  cmd.add_option("--screenshot", r.screenshot,
                 "Write the window's last frame, panels included, to this PNG file on exit");
}

void addVideoFlags(CLI::App& cmd, viewer::VideoRequest& r) {
  cmd.add_option("results", r.results, "Results file (HDF5)")->required();
  cmd.add_option("--start", r.start,
                 "First instant shown, as snapshot --time (default: the first step)");
  cmd.add_option("--end", r.end,
                 "Instant the video ends at (default: the tour's length at --speed, else a day)");
  cmd.add_option("--speed", r.speed, "Simulated time per video second, e.g. 3600x")
      ->capture_default_str();
  cmd.add_option("--tour", r.tour, "Fly this tour of the park's presentation, with its captions");
  cmd.add_option("--fps", r.fps, "Frames per second")->capture_default_str();
  cmd.add_option("--size", r.size, "Frame size WIDTHxHEIGHT (even numbers)")->capture_default_str();
  cmd.add_option("--scenario", r.scenario, "Scenario shown (default: baseline)");
  cmd.add_option("--compare-scenario", r.compare_scenario,
                 "A second scenario, shown right of the first (before and after)");
  cmd.add_option("--language", r.language, "Caption and strip language: en or zh")
      ->capture_default_str();
  cmd.add_option("-o,--output", r.output, "MP4 file to write")->required();
}

}  // namespace twin::cli
