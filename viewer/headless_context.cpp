#include "viewer/headless_context.h"

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <fmt/format.h>

#include <stdexcept>
#include <string>

namespace viewer {
namespace {

[[noreturn]] void fail(const std::string& call) {
  throw std::runtime_error(fmt::format(
      "headless rendering: {} failed (EGL error 0x{:04x}); is Mesa's libegl-mesa0 installed?", call,
      eglGetError()));
}

EGLDisplay openDisplay() {
  auto get_platform_display = reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(
      eglGetProcAddress("eglGetPlatformDisplayEXT"));
  if (get_platform_display) {
    EGLDisplay d =
        get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    EGLint major = 0, minor = 0;
    if (d != EGL_NO_DISPLAY && eglInitialize(d, &major, &minor)) return d;
  }
  EGLDisplay d = eglGetDisplay(EGL_DEFAULT_DISPLAY);
  EGLint major = 0, minor = 0;
  if (d == EGL_NO_DISPLAY || !eglInitialize(d, &major, &minor)) fail("eglInitialize");
  return d;
}

EGLConfig chooseConfig(EGLDisplay display, int wanted_samples) {
  for (EGLint samples : {wanted_samples, 0}) {
    const EGLint attributes[] = {EGL_SURFACE_TYPE,
                                 EGL_PBUFFER_BIT,
                                 EGL_RENDERABLE_TYPE,
                                 EGL_OPENGL_BIT,
                                 EGL_RED_SIZE,
                                 8,
                                 EGL_GREEN_SIZE,
                                 8,
                                 EGL_BLUE_SIZE,
                                 8,
                                 EGL_ALPHA_SIZE,
                                 8,
                                 EGL_DEPTH_SIZE,
                                 24,
                                 EGL_SAMPLE_BUFFERS,
                                 samples > 0 ? 1 : 0,
                                 EGL_SAMPLES,
                                 samples,
                                 EGL_NONE};
    EGLConfig config = nullptr;
    EGLint count = 0;
    if (eglChooseConfig(display, attributes, &config, 1, &count) && count > 0) return config;
  }
  fail("eglChooseConfig (RGBA8, depth 24, pbuffer, OpenGL)");
}

}  // namespace

HeadlessContext::HeadlessContext(int width, int height, int samples)
    : width_(width), height_(height) {
  EGLDisplay display = openDisplay();
  display_ = display;
  const EGLConfig config = chooseConfig(display, samples);
  if (!eglBindAPI(EGL_OPENGL_API)) fail("eglBindAPI(EGL_OPENGL_API)");
  const EGLint size[] = {EGL_WIDTH, width, EGL_HEIGHT, height, EGL_NONE};
  surface_ = eglCreatePbufferSurface(display, config, size);
  if (surface_ == EGL_NO_SURFACE) fail("eglCreatePbufferSurface");
  context_ = eglCreateContext(display, config, EGL_NO_CONTEXT, nullptr);
  if (context_ == EGL_NO_CONTEXT) fail("eglCreateContext");
  makeCurrent();
}

HeadlessContext::~HeadlessContext() {
  eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
  if (context_) eglDestroyContext(display_, context_);
  if (surface_) eglDestroySurface(display_, surface_);
  // No eglTerminate: the display is one per process, shared by every context on it (two
  // renderers, a test after another), and terminating it unloads the driver under them.
}

void HeadlessContext::makeCurrent() {
  if (!eglMakeCurrent(display_, surface_, surface_, context_)) fail("eglMakeCurrent");
}

}  // namespace viewer
