#include "viewer/video_decode.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswscale/swscale.h>
}

#include <cmath>
#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace viewer::testing {
namespace {

struct Decoder {
  AVFormatContext* format = nullptr;
  AVCodecContext* codec = nullptr;
  AVFrame* frame = nullptr;
  AVPacket* packet = nullptr;
  SwsContext* sws = nullptr;
  ~Decoder() {
    sws_freeContext(sws);
    av_packet_free(&packet);
    av_frame_free(&frame);
    avcodec_free_context(&codec);
    avformat_close_input(&format);
  }
};

void receiveFrames(Decoder& d, DecodedVideo& out) {
  while (avcodec_receive_frame(d.codec, d.frame) == 0) {
    std::vector<uint8_t> rgb(size_t(out.width) * size_t(out.height) * 3);
    uint8_t* planes[1] = {rgb.data()};
    int strides[1] = {out.width * 3};
    d.sws = sws_getCachedContext(d.sws, out.width, out.height, AVPixelFormat(d.frame->format),
                                 out.width, out.height, AV_PIX_FMT_RGB24, SWS_BILINEAR, nullptr,
                                 nullptr, nullptr);
    sws_scale(d.sws, d.frame->data, d.frame->linesize, 0, out.height, planes, strides);
    out.frames.push_back(std::move(rgb));
  }
}

}  // namespace

DecodedVideo decodeVideo(const std::string& path) {
  Decoder d;
  if (avformat_open_input(&d.format, path.c_str(), nullptr, nullptr) < 0 ||
      avformat_find_stream_info(d.format, nullptr) < 0) {
    throw std::runtime_error(path + ": not a video FFmpeg can open");
  }
  const int stream = av_find_best_stream(d.format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
  if (stream < 0) throw std::runtime_error(path + ": no video stream");
  const AVCodecParameters* par = d.format->streams[stream]->codecpar;
  const AVCodec* codec = avcodec_find_decoder(par->codec_id);
  if (!codec) throw std::runtime_error(path + ": no decoder");
  d.codec = avcodec_alloc_context3(codec);
  avcodec_parameters_to_context(d.codec, par);
  if (avcodec_open2(d.codec, codec, nullptr) < 0) throw std::runtime_error(path + ": decoder");
  DecodedVideo out;
  out.codec = avcodec_get_name(par->codec_id);
  out.width = par->width;
  out.height = par->height;
  out.fps = av_q2d(d.format->streams[stream]->avg_frame_rate);
  d.frame = av_frame_alloc();
  d.packet = av_packet_alloc();
  while (av_read_frame(d.format, d.packet) >= 0) {
    if (d.packet->stream_index == stream) avcodec_send_packet(d.codec, d.packet);
    av_packet_unref(d.packet);
    receiveFrames(d, out);
  }
  avcodec_send_packet(d.codec, nullptr);
  receiveFrames(d, out);
  return out;
}

double meanDifference(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b) {
  if (a.size() != b.size() || a.empty()) return 255.0;
  double sum = 0.0;
  for (size_t i = 0; i < a.size(); ++i) sum += std::abs(int(a[i]) - int(b[i]));
  return sum / double(a.size());
}

}  // namespace viewer::testing
