#include "viewer/viewer_commands.h"

#include <imgui.h>

#include <iostream>
#include <osgDB/Registry>
#include <sstream>

#include "twin/base/error.h"
#include "twin/results/output_file.h"
#include "viewer/layers_panel.h"
#include "viewer/results_binding.h"
#include "viewer/scene_labels.h"
#include "viewer/scene_setup.h"
#include "viewer/snapshot.h"

namespace viewer {
namespace {

constexpr std::array<const char*, kLayerCount> kLayerWords = {"buildings", "pv",     "equipment",
                                                              "network",   "labels", "shadows"};

std::array<bool, kLayerCount> parseLayers(const std::string& text) {
  std::array<bool, kLayerCount> on{};
  std::stringstream ss(text);
  std::string word;
  while (std::getline(ss, word, ',')) {
    if (word.empty()) continue;
    bool known = false;
    for (int i = 0; i < kLayerCount; ++i) {
      if (word == kLayerWords[size_t(i)]) on[size_t(i)] = known = true;
    }
    if (!known) {
      throw twin::InputError(
          "--layers: expected a comma-separated list of buildings, pv, "
          "equipment, network, labels, shadows, got \"" +
          word + "\"");
    }
  }
  return on;
}

void drawTitle(const ResultsData& r, size_t step, bool zh) {
  ImGui::SetNextWindowPos({10, 10});
  ImGui::Begin("##title", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoInputs);
  ImGui::Text("%s - %s - %s", twin::shownName(r.model.site.name, r.model.site.name_zh, zh).c_str(),
              r.scenario.c_str(), localTimeText(r, step).c_str());
  ImGui::End();
}

// Writes the PNG beside `out` and renames it onto `out` (twin::OutputFile): never a
// half-written image there.
void writePng(const osg::Image& image, const std::string& out) {
  osgDB::ReaderWriter* png = osgDB::Registry::instance()->getReaderWriterForExtension("png");
  try {
    twin::OutputFile file(out);
    if (png && png->writeImage(image, file.stream()).success()) return file.commit();
  } catch (const twin::InputError&) {
  }
  throw twin::InputError("-o: could not write \"" + out + "\" (folder missing or not writable?)");
}

}  // namespace

void parseSize(const std::string& text, const std::string& flag, int* width, int* height) {
  char x = 0;
  std::stringstream ss(text);
  if (!(ss >> *width >> x >> *height) || x != 'x' || !ss.eof() || *width < 16 || *height < 16 ||
      *width > 8192 || *height > 8192) {
    throw twin::InputError(flag + ": expected WIDTHxHEIGHT in pixels (16 to 8192), got \"" + text +
                           "\"");
  }
}

int snapshotCommand(const SnapshotRequest& request) {
  SnapshotDrawer().draw(request);
  return 0;
}

SnapshotDrawer::SnapshotDrawer(std::string glyphs) : glyphs_(std::move(glyphs)) {}

SnapshotDrawer::~SnapshotDrawer() = default;

OffscreenRenderer& SnapshotDrawer::renderer(int width, int height, const twin::ParkModel& model) {
  if (!renderer_ || renderer_->width() != width || renderer_->height() != height) {
    renderer_.reset();  // one context at a time
    renderer_ = std::make_unique<OffscreenRenderer>(width, height, 4, glyphs_ + namesText(model));
  }
  return *renderer_;
}

void SnapshotDrawer::draw(const SnapshotRequest& request) {
  int width = 0, height = 0;
  parseSize(request.size, "--size", &width, &height);
  const std::array<bool, kLayerCount> layers = parseLayers(request.layers);
  const ColorMap map = parseColorMap(request.color_map);
  const Language language = parseLanguage(request.language);
  const std::string out = request.output;
  if (out.size() < 5 || out.substr(out.size() - 4) != ".png") {
    throw twin::InputError("-o: expected a .png file, got \"" + out + "\"");
  }
  ResultsData results = loadResults(request.results, request.scenario, twin::RowRange{0, 0});
  const size_t step = resolveStep(results, request.time, "--time");
  loadSeries(results, twin::RowRange{step, 1});  // the step shown, not the year
  SceneSetup setup(results);
  for (int i = 0; i < kLayerCount; ++i) setup.scene.setLayerVisible(Layer(i), layers[size_t(i)]);
  setup.scene.setLanguage(language == Language::kChinese);
  applyStep(results, step, map, setup.scene,
            request.pv_color == "shading" ? Quantity::kPvShading : Quantity::kPv);
  setup.scene.flows().advance(0.0);
  // A preset view frames the park right of the legend, which covers the image's left edge.
  const double aspect = double(width) / double(height);
  const double inset = request.legend && request.camera.empty() ? kLegendWidth / width : 0.0;
  const CameraPose pose = insetPose(
      resolvePose(results.model, setup.scene, request.view, request.camera, aspect * (1 - inset)),
      inset, aspect);
  OffscreenRenderer& renderer = this->renderer(width, height, results.model);
  renderer.setSky(setup.scene.skyColor());
  std::function<void()> overlay;
  if (request.legend || layers[size_t(Layer::kLabels)]) {
    overlay = [&] {
      if (layers[size_t(Layer::kLabels)]) {
        drawBuildingLabels(results.model, setup.layout, viewMatrix(pose),
                           projectionMatrix(pose, double(width) / height), 0.0f, 0.0f, float(width),
                           float(height), language == Language::kChinese);
      }
      if (request.legend) {
        drawTitle(results, step, language == Language::kChinese);
        drawLegendWindow(results, map, language);
      }
    };
  }
  osg::ref_ptr<osg::Image> image = renderer.render(setup.scene.root(), pose, overlay);
  writePng(*image, out);
  if (request.announce) {
    std::cout << "snapshot: " << out << " (" << width << "x" << height << ", " << results.scenario
              << ", " << localTimeText(results, step) << ")\n";
  }
}

}  // namespace viewer
