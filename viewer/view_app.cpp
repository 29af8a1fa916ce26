#include "viewer/view_app.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <osgDB/WriteFile>
#include <osgGA/TrackballManipulator>

#include "twin/base/error.h"
#include "viewer/picking.h"
#include "viewer/results_binding.h"
#include "viewer/scene_labels.h"
#include "viewer/snapshot.h"
#include "viewer/tours.h"
#include "viewer/viewer_commands.h"

namespace viewer {

struct ViewApp::Side {
  explicit Side(ResultsData r) : results(std::move(r)), setup(results) {}
  ResultsData results;
  SceneSetup setup;
  osg::ref_ptr<osgViewer::View> view;
};

// A click (press and release within a few pixels) on the 3D view selects what is under it.
class ViewApp::PickHandler : public osgGA::GUIEventHandler {
 public:
  PickHandler(ViewApp* app, Side* side) : app_(app), side_(side) {}
  bool handle(const osgGA::GUIEventAdapter& ea, osgGA::GUIActionAdapter&) override {
    using EA = osgGA::GUIEventAdapter;
    if (ea.getButton() != EA::LEFT_MOUSE_BUTTON || app_->imgui_->wantsMouse()) return false;
    if (ea.getEventType() == EA::PUSH) {
      x_ = ea.getX(), y_ = ea.getY();
      return false;
    }
    if (ea.getEventType() != EA::RELEASE ||
        std::abs(ea.getX() - x_) + std::abs(ea.getY() - y_) > 4) {
      return false;
    }
    const osg::Camera* camera = side_->view->getCamera();
    const osg::Viewport* vp = camera->getViewport();
    const double x = ea.getX() - vp->x();
    const double y_up = ea.getMouseYOrientation() == EA::Y_INCREASING_UPWARDS
                            ? ea.getY()
                            : ea.getWindowHeight() - ea.getY();
    const double y = vp->height() - (y_up - vp->y());
    const std::optional<std::string> id =
        pickAt(side_->setup.scene, camera->getViewMatrix(), camera->getProjectionMatrix(),
               int(vp->width()), int(vp->height()), x, y);
    app_->state_.selected = id.value_or("");
    return false;  // the manipulator still sees the release
  }

 private:
  ViewApp* app_;
  Side* side_;
  float x_ = 0.0f, y_ = 0.0f;
};

// Reads the back buffer after everything (panels included) is drawn, once armed.
class ViewApp::Capture : public osg::Camera::DrawCallback {
 public:
  explicit Capture(std::string path) : path_(std::move(path)) {}
  void arm() { armed_ = true; }
  bool written() const { return written_; }
  void operator()(osg::RenderInfo& info) const override {
    if (!armed_ || written_) return;
    const osg::GraphicsContext::Traits* t = info.getState()->getGraphicsContext()->getTraits();
    osg::ref_ptr<osg::Image> image = new osg::Image;
    glReadBuffer(GL_BACK);
    image->readPixels(0, 0, t->width, t->height, GL_RGB, GL_UNSIGNED_BYTE);
    written_ = osgDB::writeImageFile(*image, path_);
  }

 private:
  std::string path_;
  bool armed_ = false;
  mutable bool written_ = false;
};

ViewApp::ViewApp(ResultsData a, std::optional<ResultsData> b, ViewerState state)
    : a_(std::make_unique<Side>(std::move(a))), state_(std::move(state)) {
  if (b) b_ = std::make_unique<Side>(std::move(*b));
  state_.scenario = a_->results.scenario;
}

ViewApp::~ViewApp() {
  // ImGui's GL objects go with the context: release them while it can still be made current.
  if (viewer_) viewer_->setDone(true);
  if (context_ && context_->makeCurrent()) imgui_.reset();
}

void ViewApp::open(int width, int height, int samples) {
  osg::ref_ptr<osg::GraphicsContext::Traits> traits = new osg::GraphicsContext::Traits;
  traits->readDISPLAY();
  traits->x = 40;
  traits->y = 40;
  traits->windowDecoration = !present_;
  osg::GraphicsContext::WindowingSystemInterface* screens =
      osg::GraphicsContext::getWindowingSystemInterface();
  if (present_ && screens) {
    unsigned w = 0, h = 0;
    osg::GraphicsContext::ScreenIdentifier screen;
    screen.readDISPLAY();
    screen.screenNum = std::max(screen.screenNum, 0);  // DISPLAY=":99" leaves it at -1
    screens->getScreenResolution(screen, w, h);
    if (w > 0 && h > 0) width = int(w), height = int(h);
    traits->x = traits->y = 0;
  }
  traits->width = width;
  traits->height = height;
  traits->doubleBuffer = true;
  traits->samples = samples;
  traits->windowName = "ParkTwin - " + a_->results.model.site.name;
  context_ = osg::GraphicsContext::createGraphicsContext(traits.get());
  if (!context_) {
    traits->samples = 0;
    context_ = osg::GraphicsContext::createGraphicsContext(traits.get());
  }
  if (!context_) {
    throw twin::InputError("view: cannot open a window on DISPLAY \"" + traits->displayName() +
                           "\"; run under xvfb-run, or use `parktwin snapshot` without a display");
  }
  viewer_ = new osgViewer::CompositeViewer;
  viewer_->setThreadingModel(osgViewer::ViewerBase::SingleThreaded);
  // Presenting: larger text for a room, and a large font for the KPI cards' figures.
  imgui_ = std::make_unique<ImGuiLayer>(findCjkFont(), present_ ? 22.0f : 16.0f,
                                        namesText(a_->results.model), present_ ? 56.0f : 0.0f);
  for (Side* side : {a_.get(), b_.get()}) {
    if (!side) continue;
    side->view = new osgViewer::View;
    side->view->setLightingMode(osg::View::NO_LIGHT);
    osg::Camera* camera = side->view->getCamera();
    camera->setGraphicsContext(context_.get());
    camera->setClearColor(kSkyColor);
    side->view->setSceneData(side->setup.scene.root());
    if (present_) side->view->addEventHandler(present_->keys());
    side->view->addEventHandler(imgui_->eventHandler());
    side->view->addEventHandler(new PickHandler(this, side));
    viewer_->addView(side->view.get());
  }
  osg::ref_ptr<osgGA::TrackballManipulator> manipulator = new osgGA::TrackballManipulator;
  const double aspect = double(b_ ? width / 2 : width) / double(height);
  const CameraPose home = presetPose(a_->setup.layout, ViewPreset::kIso, aspect);
  manipulator->setHomePosition(home.eye, home.center, home.up);
  a_->view->setCameraManipulator(manipulator.get());
  imgui_->attach((b_ ? b_ : a_)->view->getCamera());
  layoutViews(width, height);
  viewer_->realize();
}

void ViewApp::layoutViews(int width, int height) {
  if (present_ && b_) {
    wipeCameras(a_->view->getCamera(), b_->view->getCamera(), present_->wipe(), width, height);
    return;
  }
  const int half = b_ ? width / 2 : width;
  for (Side* side : {a_.get(), b_.get()}) {
    if (!side) continue;
    osg::Camera* camera = side->view->getCamera();
    camera->setViewport(side == a_.get() ? 0 : half, 0, half, height);
    camera->setProjectionMatrixAsPerspective(35.0, double(half) / double(height), kNear, kFar);
  }
}

void ViewApp::loadScenario(std::unique_ptr<Side>& side, const std::string& name) {
  const std::string path = side->results.path;
  osg::ref_ptr<osgViewer::View> view = side->view;
  side = std::make_unique<Side>(loadResults(path, name));
  side->view = view;
  view->setSceneData(side->setup.scene.root());
  first_apply_ = true;
}

void ViewApp::drawUi(double dt) {
  const osg::GraphicsContext::Traits* t = context_->getTraits();
  imgui_->beginFrame(dt, float(t->width), float(t->height));
  for (Side* side : {a_.get(), b_.get()}) {
    // Presenting: the cards and the divider's labels only, no building labels.
    if (!side || !state_.layers[size_t(Layer::kLabels)] || present_) continue;
    const osg::Camera* camera = side->view->getCamera();
    const osg::Viewport* vp = camera->getViewport();
    drawBuildingLabels(side->results.model, side->setup.layout, camera->getViewMatrix(),
                       camera->getProjectionMatrix(), float(vp->x()),
                       float(t->height - vp->y() - vp->height()), float(vp->width()),
                       float(vp->height()), state_.language == Language::kChinese);
  }
  if (present_) {
    present_->draw(afterSide()->results, b_ ? &a_->results : nullptr, state_.step, caption_,
                   state_.language, float(t->width), float(t->height), imgui_->largeFont());
    imgui_->endFrame();
    return;
  }
  time_panel_.draw(a_->results, state_);
  kpi_panel_.draw(a_->results, b_ ? &b_->results : nullptr, state_.language);
  selection_panel_.draw(a_->results, state_);
  layers_panel_.draw(state_);
  drawLegendWindow(a_->results, state_.map, state_.language);
  if (!caption_.empty()) {
    ImGui::SetNextWindowPos({0.5f * float(t->width), float(t->height) - 40.0f}, ImGuiCond_Always,
                            {0.5f, 1.0f});
    ImGui::Begin("##caption", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoInputs);
    ImGui::TextUnformatted(caption_.c_str());
    ImGui::End();
  }
  imgui_->endFrame();
}

void ViewApp::playTour(const std::string& tour) {
  tourDuration(a_->results.model, tour);  // checks that the park has it
  tour_ = tour;
  tour_time_ = 0.0;
}

void ViewApp::advanceTour(double dt) {
  if (tour_.empty()) return;
  const TourFrame f =
      tourFrame(a_->results.model, tour_, tour_time_, state_.language == Language::kChinese);
  a_->view->getCameraManipulator()->setByInverseMatrix(viewMatrix(f.pose));
  caption_ = f.caption;
  if (!tour_paused_) tour_time_ += dt;
}

void ViewApp::present() {
  present_ = std::make_unique<PresentMode>();
  state_.playing = true;
  state_.speed = 4.0;  // steps a second: a day in 24 s at 15 min
  for (Layer hidden : {Layer::kNetwork}) state_.layers[size_t(hidden)] = false;
}

void ViewApp::applyPresentActions() {
  const PresentActions act = present_->takeActions();
  if (act.stop != 0 && !tour_.empty()) {
    tour_time_ = tourSkip(a_->results.model, tour_, tour_time_, act.stop);
  }
  if (act.pause) {
    tour_paused_ = !tour_paused_;
    state_.playing = !tour_paused_;
  }
  if (act.language) {
    state_.language =
        state_.language == Language::kChinese ? Language::kEnglish : Language::kChinese;
  }
  if (act.wipe && b_) present_->toggleWipe();
  if (act.scenario) {
    // The next scenario of the file on the "after" side (not the "before" one).
    Side* side = afterSide();
    const std::vector<std::string>& names = side->results.scenario_names;
    auto at = std::find(names.begin(), names.end(), side->results.scenario);
    for (size_t k = 1; k <= names.size(); ++k) {
      const std::string& next = names[(size_t(at - names.begin()) + k) % names.size()];
      if (b_ && b_->results.path == a_->results.path && next == a_->results.scenario) continue;
      if (b_)
        loadScenario(b_, next);
      else
        state_.scenario = next;
      break;
    }
    present_->restartCount();
  }
}

void ViewApp::applyState() {
  if (state_.scenario != a_->results.scenario) loadScenario(a_, state_.scenario);
  const size_t steps = a_->results.times.size();
  if (state_.step >= steps) state_.step = steps ? steps - 1 : 0;
  for (Side* side : {a_.get(), b_.get()}) {
    if (!side) continue;
    ParkScene& scene = side->setup.scene;
    if (first_apply_ || state_.step != applied_.step || state_.map != applied_.map ||
        state_.pv_quantity != applied_.pv_quantity) {
      applyStep(side->results, std::min(state_.step, side->results.times.size() - 1), state_.map,
                scene, state_.pv_quantity);
    }
    for (int i = 0; i < kLayerCount; ++i) {
      if (first_apply_ || state_.layers[size_t(i)] != applied_.layers[size_t(i)]) {
        scene.setLayerVisible(Layer(i), state_.layers[size_t(i)]);
      }
    }
    if (first_apply_ || state_.xray != applied_.xray) scene.setXray(state_.xray);
    if (first_apply_ || state_.language != applied_.language) {
      scene.setLanguage(state_.language == Language::kChinese);
    }
    if (first_apply_ || state_.selected != applied_.selected) scene.select(state_.selected);
  }
  if (state_.focus_selected) {
    state_.focus_selected = false;
    if (const std::optional<osg::BoundingBox> box = a_->setup.scene.boundsOf(state_.selected)) {
      const osg::Viewport* vp = a_->view->getCamera()->getViewport();
      const CameraPose pose = focusPose(*box, vp->width() / vp->height());
      a_->view->getCameraManipulator()->setByInverseMatrix(viewMatrix(pose));
    }
  }
  applied_ = state_;
  first_apply_ = false;
}

long ViewApp::run(long frames, const std::string& screenshot) {
  using Clock = std::chrono::steady_clock;
  osg::ref_ptr<Capture> capture = screenshot.empty() ? nullptr : new Capture(screenshot);
  if (capture) (b_ ? b_ : a_)->view->getCamera()->setFinalDrawCallback(capture.get());
  Clock::time_point last = Clock::now();
  long drawn = 0;
  int width = context_->getTraits()->width, height = context_->getTraits()->height;
  while (!viewer_->done() && (frames <= 0 || drawn < frames)) {
    const Clock::time_point now = Clock::now();
    const double dt = std::chrono::duration<double>(now - last).count();
    last = now;
    const osg::GraphicsContext::Traits* t = context_->getTraits();
    if (t->width != width || t->height != height) {
      width = t->width, height = t->height;
      layoutViews(width, height);
    }
    if (present_) {
      applyPresentActions();
      present_->advance(dt);
      layoutViews(width, height);
    }
    advanceTour(dt);
    drawUi(dt);
    advancePlayback(state_, dt, a_->results.times.size());
    applyState();
    for (Side* side : {a_.get(), b_.get()}) {
      if (!side) continue;
      side->setup.scene.flows().advance(dt);
      side->view->getCamera()->setClearColor(side->setup.scene.skyColor());
    }
    viewer_->advance();
    viewer_->eventTraversal();
    viewer_->updateTraversal();
    if (b_) b_->view->getCamera()->setViewMatrix(a_->view->getCamera()->getViewMatrix());
    const bool final_frame = viewer_->done() || (frames > 0 && drawn + 1 == frames);
    if (capture && final_frame) capture->arm();
    viewer_->renderingTraversals();
    ++drawn;
  }
  if (capture && !capture->written()) {
    throw twin::InputError("--screenshot: could not write \"" + screenshot + "\"");
  }
  return drawn;
}

int viewCommand(const ViewRequest& request) {
  int width = 0, height = 0;
  parseSize(request.size, "--size", &width, &height);
  ViewerState state;
  state.language = parseLanguage(request.language);
  ResultsData a = loadResults(request.results, request.scenario);
  std::optional<ResultsData> b;
  if (!request.compare.empty() || !request.compare_scenario.empty()) {
    const std::string path = request.compare.empty() ? request.results : request.compare;
    const std::string scenario =
        request.compare_scenario.empty() ? request.scenario : request.compare_scenario;
    b = loadResults(path, scenario);
  }
  state.step = resolveStep(a, request.time, "--time");
  const std::string first_tour =
      a.model.tour_stops.empty() ? std::string() : a.model.tour_stops.front().tour;
  ViewApp app(std::move(a), std::move(b), state);
  if (request.present) app.present();
  app.open(width, height, request.msaa);
  // Presenting plays the park's first tour unless --tour names another.
  const std::string tour = request.tour.empty() && request.present ? first_tour : request.tour;
  if (!tour.empty()) app.playTour(tour);
  const long frames = app.run(request.frames, request.screenshot);
  if (request.frames > 0) std::cout << "view: drew " << frames << " frames\n";
  return 0;
}

}  // namespace viewer
