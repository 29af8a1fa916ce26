// An OpenGL context without a display: an EGL pbuffer on Mesa's surfaceless platform (no X
// server), or on EGL's default display when that platform is missing. OSG renders into it as an
// embedded window; the frame is then read back with glReadPixels.
#pragma once

namespace viewer {

class HeadlessContext {
 public:
  // width x height pixels, `samples`x multisampling when the driver offers it (else none).
  // Throws std::runtime_error naming the EGL call that failed.
  HeadlessContext(int width, int height, int samples);
  ~HeadlessContext();
  HeadlessContext(const HeadlessContext&) = delete;
  HeadlessContext& operator=(const HeadlessContext&) = delete;

  void makeCurrent();
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  void* display_ = nullptr;
  void* context_ = nullptr;
  void* surface_ = nullptr;
  int width_ = 0;
  int height_ = 0;
};

}  // namespace viewer
