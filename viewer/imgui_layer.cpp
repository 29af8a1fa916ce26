#include "viewer/imgui_layer.h"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "viewer/ui_text.h"

namespace viewer {

class ImGuiLayer::Handler : public osgGA::GUIEventHandler {
 public:
  explicit Handler(ImGuiLayer* layer) : layer_(layer) {}
  bool handle(const osgGA::GUIEventAdapter& ea, osgGA::GUIActionAdapter&) override {
    using EA = osgGA::GUIEventAdapter;
    // Window pixels, y down. (A CompositeViewer sets each event's input range to the viewport
    // of the view under the mouse, so normalised coordinates are per view: use the raw ones.)
    const float x = ea.getX();
    const float y = ea.getMouseYOrientation() == EA::Y_INCREASING_UPWARDS
                        ? float(ea.getWindowHeight()) - ea.getY()
                        : ea.getY();
    Event e{Event::Kind::kMove};
    e.x = x;
    e.y = y;
    switch (ea.getEventType()) {
      case EA::MOVE:
      case EA::DRAG:
        layer_->queue(e);
        return layer_->wants_mouse_;
      case EA::PUSH:
      case EA::RELEASE:
        layer_->queue(e);
        e.kind = Event::Kind::kButton;
        e.down = ea.getEventType() == EA::PUSH;
        e.button = ea.getButton() == EA::LEFT_MOUSE_BUTTON    ? 0
                   : ea.getButton() == EA::RIGHT_MOUSE_BUTTON ? 1
                                                              : 2;
        layer_->queue(e);
        return layer_->wants_mouse_;
      case EA::SCROLL:
        e.kind = Event::Kind::kScroll;
        e.y = ea.getScrollingMotion() == EA::SCROLL_UP ? 1.0f : -1.0f;
        layer_->queue(e);
        return layer_->wants_mouse_;
      case EA::KEYDOWN:
      case EA::KEYUP:
        e.kind = Event::Kind::kKey;
        e.key = ea.getKey();
        e.down = ea.getEventType() == EA::KEYDOWN;
        layer_->queue(e);
        if (e.down && ea.getKey() >= 32 && ea.getKey() < 127) {
          e.kind = Event::Kind::kChar;
          layer_->queue(e);
        }
        return layer_->wants_keyboard_;
      default:
        return false;
    }
  }

 private:
  ImGuiLayer* layer_;
};

class ImGuiLayer::DrawCallback : public osg::Camera::DrawCallback {
 public:
  explicit DrawCallback(ImGuiLayer* layer) : layer_(layer) {}
  void operator()(osg::RenderInfo&) const override { layer_->render(); }

 private:
  ImGuiLayer* layer_;
};

namespace {

// OSG key codes of the keys ImGui's widgets use, by ImGuiKey.
void mapKeys(ImGuiIO& io) {
  using K = osgGA::GUIEventAdapter::KeySymbol;
  io.KeyMap[ImGuiKey_Tab] = K::KEY_Tab & 511;
  io.KeyMap[ImGuiKey_LeftArrow] = K::KEY_Left & 511;
  io.KeyMap[ImGuiKey_RightArrow] = K::KEY_Right & 511;
  io.KeyMap[ImGuiKey_UpArrow] = K::KEY_Up & 511;
  io.KeyMap[ImGuiKey_DownArrow] = K::KEY_Down & 511;
  io.KeyMap[ImGuiKey_Home] = K::KEY_Home & 511;
  io.KeyMap[ImGuiKey_End] = K::KEY_End & 511;
  io.KeyMap[ImGuiKey_Delete] = K::KEY_Delete & 511;
  io.KeyMap[ImGuiKey_Backspace] = K::KEY_BackSpace & 511;
  io.KeyMap[ImGuiKey_Enter] = K::KEY_Return & 511;
  io.KeyMap[ImGuiKey_Escape] = K::KEY_Escape & 511;
}

}  // namespace

ImGuiLayer::ImGuiLayer(const std::string& font_path, float font_size, const std::string& extra_text,
                       float large_size)
    : handler_(new Handler(this)) {
  IMGUI_CHECKVERSION();
  context_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  mapKeys(io);
  ImGui::StyleColorsDark();
  if (!font_path.empty()) {
    // The 2,500 common hanzi plus every character of the UI's own Chinese words and the park's.
    ImFontGlyphRangesBuilder ranges;
    ranges.AddRanges(io.Fonts->GetGlyphRangesChineseSimplifiedCommon());
    ranges.AddText(allChineseText().c_str());
    ranges.AddText(extra_text.c_str());
    ranges.BuildRanges(&glyph_ranges_);
    cjk_ = io.Fonts->AddFontFromFileTTF(font_path.c_str(), font_size, nullptr,
                                        glyph_ranges_.Data) != nullptr;
  }
  if (!cjk_) io.Fonts->AddFontDefault();
  if (cjk_ && large_size > 0) {
    ImFontGlyphRangesBuilder ranges;
    ranges.AddRanges(io.Fonts->GetGlyphRangesDefault());
    ranges.AddText(allChineseText().c_str());
    ranges.AddText(extra_text.c_str());
    ranges.BuildRanges(&large_ranges_);
    large_ =
        io.Fonts->AddFontFromFileTTF(font_path.c_str(), large_size, nullptr, large_ranges_.Data);
  }
  io.Fonts->Build();
}

ImGuiLayer::~ImGuiLayer() {
  ImGui::SetCurrentContext(context_);
  if (backend_ready_) ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext(context_);
}

void ImGuiLayer::attach(osg::Camera* camera) {
  camera->setPostDrawCallback(new DrawCallback(this));
}

void ImGuiLayer::queue(const Event& e) {
  std::lock_guard<std::mutex> lock(mutex_);
  events_.push_back(e);
}

void ImGuiLayer::applyEvents() {
  std::vector<Event> events;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    events.swap(events_);
  }
  ImGuiIO& io = ImGui::GetIO();
  for (const Event& e : events) {
    switch (e.kind) {
      case Event::Kind::kMove:
        io.MousePos = {e.x, e.y};
        break;
      case Event::Kind::kButton:
        io.MouseDown[e.button] = e.down;
        break;
      case Event::Kind::kScroll:
        io.MouseWheel += e.y;
        break;
      case Event::Kind::kKey:
        io.KeysDown[e.key & 511] = e.down;
        break;
      case Event::Kind::kChar:
        io.AddInputCharacter(static_cast<unsigned>(e.key));
        break;
    }
  }
}

void ImGuiLayer::beginFrame(double dt, float width, float height) {
  ImGui::SetCurrentContext(context_);
  applyEvents();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = {width, height};
  io.DeltaTime = dt > 0 ? float(dt) : 1.0f / 60.0f;
  ImGui::NewFrame();
}

void ImGuiLayer::endFrame() {
  ImGui::Render();
  const ImGuiIO& io = ImGui::GetIO();
  wants_mouse_ = io.WantCaptureMouse;
  wants_keyboard_ = io.WantCaptureKeyboard;
}

void ImGuiLayer::render() {
  ImGui::SetCurrentContext(context_);
  if (!backend_ready_) backend_ready_ = ImGui_ImplOpenGL3_Init("#version 130");
  if (!backend_ready_) return;
  ImGui_ImplOpenGL3_NewFrame();
  if (ImDrawData* data = ImGui::GetDrawData()) ImGui_ImplOpenGL3_RenderDrawData(data);
}

}  // namespace viewer
