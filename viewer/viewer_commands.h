// `parktwin snapshot` (a results step rendered headless to PNG) and `parktwin view` (the
// interactive viewer). Bad flags and files throw twin::InputError (exit code 2).
#pragma once

#include <memory>
#include <string>

namespace twin {
struct ParkModel;
}

namespace viewer {

class OffscreenRenderer;

struct SnapshotRequest {
  std::string results;   // HDF5 results file
  std::string time;      // "YYYY-MM-DDTHH:MM" (site time) or ISO with offset; "" = noon, day 1
  std::string scenario;  // "" = baseline
  std::string view = "iso";
  std::string camera;  // a presentation camera, or an object id to frame; "" = the view preset
  std::string size = "1280x720";
  std::string layers = "buildings,pv,equipment,network,labels,shadows";
  std::string color_map = "traffic";
  std::string pv_color = "output";  // output or shading (annual shading loss)
  std::string language = "en";
  bool legend = true;
  std::string output;    // .png
  bool announce = true;  // print the "snapshot: FILE" line
};
int snapshotCommand(const SnapshotRequest& request);

// Snapshots drawn one after another in one offscreen context, on one thread (`parktwin report`
// draws three). The context, what GL compiles in it and the overlay's font are made once, at the
// first request's size, for the names of its park and `glyphs` (the other parks' names).
class SnapshotDrawer {
 public:
  explicit SnapshotDrawer(std::string glyphs = "");
  ~SnapshotDrawer();
  SnapshotDrawer(const SnapshotDrawer&) = delete;
  SnapshotDrawer& operator=(const SnapshotDrawer&) = delete;
  // Draws the request to its .png as snapshotCommand does.
  void draw(const SnapshotRequest& request);

 private:
  OffscreenRenderer& renderer(int width, int height, const twin::ParkModel& model);

  std::string glyphs_;
  std::unique_ptr<OffscreenRenderer> renderer_;
};

struct ViewRequest {
  std::string results;
  std::string compare;  // a second results file ("" = none)
  std::string scenario;
  std::string compare_scenario;  // scenario of the right view ("" = baseline, or --scenario's
                                 // counterpart in --compare's file)
  std::string time;
  std::string size = "1600x900";
  std::string language = "en";
  int msaa = 0;            // multisampling of the window (0: fastest on software GL)
  int frames = 0;          // > 0: quit after this many frames (scripted runs under Xvfb)
  std::string screenshot;  // PNG of the window's last frame, panels included ("" = none)
  std::string tour;        // a tour of the park file's presentation to fly ("" = none)
  bool present = false;    // presentation mode: full screen, KPI cards, wipe (present_mode.h)
};
int viewCommand(const ViewRequest& request);

// "1280x720" -> width, height; throws twin::InputError naming `flag`.
void parseSize(const std::string& text, const std::string& flag, int* width, int* height);

}  // namespace viewer
