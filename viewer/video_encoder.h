// H.264 video in an MP4 file through FFmpeg's libraries (libavformat muxes, libavcodec encodes
// with libx264, libswscale converts the rendered RGB frames to YUV 4:2:0). Frames come bottom row
// first, as OpenGL reads them back.
#pragma once

#include <memory>
#include <osg/Image>
#include <string>

namespace viewer {

class VideoEncoder {
 public:
  // Opens `path` for a width x height video at `fps` frames per second. Throws twin::InputError
  // naming `size_flag` when the encoder refuses the size, and naming the file when it cannot be
  // written.
  VideoEncoder(const std::string& path, int width, int height, int fps,
               const std::string& size_flag = "--size");
  ~VideoEncoder();
  VideoEncoder(const VideoEncoder&) = delete;
  VideoEncoder& operator=(const VideoEncoder&) = delete;

  // Encodes one RGB frame of exactly width x height (row 0 at the bottom).
  void addFrame(const osg::Image& rgb);
  // Drains the encoder and writes the file's index; the file is complete only after this.
  void finish();
  long frames() const { return frames_; }

 private:
  struct Av;
  void drain();
  std::unique_ptr<Av> av_;
  std::string path_;
  int width_ = 0;
  int height_ = 0;
  long frames_ = 0;
};

}  // namespace viewer
