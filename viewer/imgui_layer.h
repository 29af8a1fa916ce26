// Dear ImGui over an OSG view. The frame loop builds the UI between beginFrame() and endFrame()
// (before OSG's frame); the camera's post-draw callback renders the finished draw data with the
// OpenGL3 backend, initialised lazily there where the context is current. Input arrives from
// OSG's event traversal through eventHandler() and is applied at the next beginFrame(); events
// ImGui wants are not passed on to the camera manipulator.
#pragma once

#include <imgui.h>

#include <mutex>
#include <osg/Camera>
#include <osgGA/GUIEventHandler>
#include <string>
#include <vector>

namespace viewer {

class ImGuiLayer {
 public:
  // font_path: a TTF/TTC with CJK glyphs ("" = ImGui's built-in font, Latin only).
  // extra_text: characters to draw beyond the common hanzi and the UI's words (the park's names).
  // large_size > 0: also a large font of that size (ASCII, the UI's Chinese words and extra_text)
  // for headline figures, largeFont().
  explicit ImGuiLayer(const std::string& font_path, float font_size = 16.0f,
                      const std::string& extra_text = "", float large_size = 0.0f);
  ~ImGuiLayer();
  ImGuiLayer(const ImGuiLayer&) = delete;
  ImGuiLayer& operator=(const ImGuiLayer&) = delete;

  // Renders after everything `camera` draws.
  void attach(osg::Camera* camera);
  osgGA::GUIEventHandler* eventHandler() const { return handler_.get(); }

  void beginFrame(double dt, float width, float height);
  void endFrame();
  bool wantsMouse() const { return wants_mouse_; }
  // The large font, or the normal one when none was asked for.
  ImFont* largeFont() const { return large_ ? large_ : ImGui::GetIO().Fonts->Fonts[0]; }

  // Called by the post-draw callback with the context current.
  void render();

 private:
  struct Event {
    enum class Kind { kMove, kButton, kScroll, kKey, kChar } kind;
    float x = 0.0f, y = 0.0f;
    int button = 0;
    bool down = false;
    int key = 0;
  };
  class Handler;
  class DrawCallback;
  void queue(const Event& e);
  void applyEvents();

  ImGuiContext* context_ = nullptr;
  bool backend_ready_ = false;
  bool cjk_ = false;
  bool wants_mouse_ = false;
  bool wants_keyboard_ = false;
  ImVector<ImWchar> glyph_ranges_;  // must outlive the font atlas's build
  ImVector<ImWchar> large_ranges_;
  ImFont* large_ = nullptr;
  std::mutex mutex_;
  std::vector<Event> events_;
  osg::ref_ptr<osgGA::GUIEventHandler> handler_;
};

}  // namespace viewer
