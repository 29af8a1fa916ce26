// Rendering without a display: an OSG viewer embedded in a headless EGL context renders the
// scene (and optionally ImGui overlays) from a camera pose and reads the frame back.
#pragma once

#include <functional>
#include <memory>
#include <osg/Image>
#include <osgViewer/Viewer>

#include "viewer/camera_views.h"
#include "viewer/headless_context.h"
#include "viewer/imgui_layer.h"
#include "viewer/park_scene.h"

namespace viewer {

class OffscreenRenderer {
 public:
  // samples: multisampling (4 for smooth edges in images; 0 is faster on software GL).
  // glyphs: text whose characters the overlay must be able to draw (the park's names).
  // font_size: of the overlay's text, in pixels.
  OffscreenRenderer(int width, int height, int samples = 4, const std::string& glyphs = "",
                    float font_size = 16.0f);

  // Renders `scene` from `pose`; `overlay` (optional) builds ImGui windows drawn over it. Returns
  // an RGB image with row 0 at the bottom (OpenGL order).
  osg::ref_ptr<osg::Image> render(osg::Node* scene, const CameraPose& pose,
                                  const std::function<void()>& overlay = {});

  // The pieces of render(), for frame loops (benchmarks): show `scene` from `pose`, draw one
  // frame (with the overlay's ImGui windows when given), read the frame back.
  void setScene(osg::Node* scene, const CameraPose& pose);
  void setSky(const osg::Vec4& color) { viewer_->getCamera()->setClearColor(color); }
  void drawFrame(const std::function<void()>& overlay = {});
  osg::ref_ptr<osg::Image> readImage();
  int width() const { return context_.width(); }
  int height() const { return context_.height(); }

 private:
  HeadlessContext context_;
  osg::ref_ptr<osgViewer::Viewer> viewer_;
  std::unique_ptr<ImGuiLayer> imgui_;
  std::string glyphs_;
  float font_size_ = 16.0f;
};

// Pixel (x, y from the top row) of an image from OffscreenRenderer, as 0..1 RGB.
osg::Vec3 pixelAt(const osg::Image& image, int x, int y);

}  // namespace viewer
