#include "viewer/snapshot.h"

#include "viewer/ui_text.h"

namespace viewer {

OffscreenRenderer::OffscreenRenderer(int width, int height, int samples, const std::string& glyphs,
                                     float font_size)
    : context_(width, height, samples),
      viewer_(new osgViewer::Viewer),
      glyphs_(glyphs),
      font_size_(font_size) {
  viewer_->setUpViewerAsEmbeddedInWindow(0, 0, width, height);
  viewer_->setThreadingModel(osgViewer::ViewerBase::SingleThreaded);
  viewer_->setLightingMode(osg::View::NO_LIGHT);
  viewer_->setReleaseContextAtEndOfFrameHint(false);
  osg::Camera* camera = viewer_->getCamera();
  camera->setClearColor(kSkyColor);
  camera->setComputeNearFarMode(osg::CullSettings::DO_NOT_COMPUTE_NEAR_FAR);
}

osg::ref_ptr<osg::Image> OffscreenRenderer::render(osg::Node* scene, const CameraPose& pose,
                                                   const std::function<void()>& overlay) {
  setScene(scene, pose);
  // Two frames: the first uploads textures (fonts, ImGui's atlas) that the second draws with.
  drawFrame(overlay);
  drawFrame(overlay);
  return readImage();
}

void OffscreenRenderer::setScene(osg::Node* scene, const CameraPose& pose) {
  context_.makeCurrent();
  viewer_->setSceneData(scene);
  osg::Camera* camera = viewer_->getCamera();
  camera->setViewMatrix(viewMatrix(pose));
  camera->setProjectionMatrix(projectionMatrix(pose, double(width()) / double(height())));
}

void OffscreenRenderer::drawFrame(const std::function<void()>& overlay) {
  if (overlay && !imgui_) {
    imgui_ = std::make_unique<ImGuiLayer>(findCjkFont(), font_size_, glyphs_);
    imgui_->attach(viewer_->getCamera());
  }
  if (imgui_) {
    imgui_->beginFrame(1.0 / 60.0, float(width()), float(height()));
    if (overlay) overlay();
    imgui_->endFrame();
  }
  viewer_->frame();
  glFinish();
}

osg::ref_ptr<osg::Image> OffscreenRenderer::readImage() {
  osg::ref_ptr<osg::Image> image = new osg::Image;
  image->readPixels(0, 0, width(), height(), GL_RGB, GL_UNSIGNED_BYTE);
  return image;
}

osg::Vec3 pixelAt(const osg::Image& image, int x, int y) {
  const unsigned char* p = image.data(x, image.t() - 1 - y);
  return {p[0] / 255.0f, p[1] / 255.0f, p[2] / 255.0f};
}

}  // namespace viewer
