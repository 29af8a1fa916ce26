#include "viewer/video_encoder.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <array>

#include "twin/base/error.h"

namespace viewer {
namespace {

std::string avError(int code) {
  std::array<char, AV_ERROR_MAX_STRING_SIZE> text{};
  av_strerror(code, text.data(), text.size());
  return text.data();
}

}  // namespace

struct VideoEncoder::Av {
  AVFormatContext* format = nullptr;
  AVCodecContext* codec = nullptr;
  AVStream* stream = nullptr;
  AVFrame* frame = nullptr;
  AVPacket* packet = nullptr;
  SwsContext* sws = nullptr;
  bool finished = false;
  ~Av() {
    sws_freeContext(sws);
    av_packet_free(&packet);
    av_frame_free(&frame);
    avcodec_free_context(&codec);
    if (format && format->pb) avio_closep(&format->pb);
    avformat_free_context(format);
  }
};

VideoEncoder::VideoEncoder(const std::string& path, int width, int height, int fps,
                           const std::string& size_flag)
    : av_(std::make_unique<Av>()), path_(path), width_(width), height_(height) {
  av_log_set_level(AV_LOG_ERROR);  // libx264's statistics are not for the user
  if (avformat_alloc_output_context2(&av_->format, nullptr, "mp4", path.c_str()) < 0) {
    throw twin::InputError(path + ": FFmpeg has no MP4 muxer");
  }
  const AVCodec* codec = avcodec_find_encoder_by_name("libx264");
  if (!codec) codec = avcodec_find_encoder(AV_CODEC_ID_H264);
  if (!codec) throw twin::InputError("FFmpeg's libavcodec has no H.264 encoder (libx264)");
  av_->stream = avformat_new_stream(av_->format, nullptr);
  av_->codec = avcodec_alloc_context3(codec);
  AVCodecContext* c = av_->codec;
  c->width = width;
  c->height = height;
  c->time_base = AVRational{1, fps};
  c->framerate = AVRational{fps, 1};
  c->gop_size = 2 * fps;
  c->pix_fmt = AV_PIX_FMT_YUV420P;
  if (av_->format->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  // veryfast at CRF 23: a sharp park at a few Mbit/s without holding up the renderer.
  av_opt_set(c->priv_data, "preset", "veryfast", 0);
  av_opt_set(c->priv_data, "crf", "23", 0);
  if (const int rc = avcodec_open2(c, codec, nullptr); rc < 0) {
    throw twin::InputError(size_flag + ": the H.264 encoder (" + codec->name + ") refuses " +
                           std::to_string(width) + "x" + std::to_string(height) + " at " +
                           std::to_string(fps) + " frames/s (" + avError(rc) +
                           "; width and height must be even)");
  }
  avcodec_parameters_from_context(av_->stream->codecpar, c);
  av_->stream->time_base = c->time_base;
  av_->stream->avg_frame_rate = c->framerate;
  if (const int rc = avio_open(&av_->format->pb, path.c_str(), AVIO_FLAG_WRITE); rc < 0) {
    throw twin::InputError(path + ": cannot write the video (" + avError(rc) + ")");
  }
  if (const int rc = avformat_write_header(av_->format, nullptr); rc < 0) {
    throw twin::InputError(path + ": cannot write the video's header (" + avError(rc) + ")");
  }
  av_->frame = av_frame_alloc();
  av_->frame->format = c->pix_fmt;
  av_->frame->width = width;
  av_->frame->height = height;
  av_frame_get_buffer(av_->frame, 0);
  av_->packet = av_packet_alloc();
  av_->sws = sws_getContext(width, height, AV_PIX_FMT_RGB24, width, height, AV_PIX_FMT_YUV420P,
                            SWS_BILINEAR, nullptr, nullptr, nullptr);
}

VideoEncoder::~VideoEncoder() = default;

void VideoEncoder::addFrame(const osg::Image& rgb) {
  if (rgb.s() != width_ || rgb.t() != height_ || rgb.getPixelFormat() != GL_RGB) {
    throw twin::InputError(path_ + ": a frame of " + std::to_string(rgb.s()) + "x" +
                           std::to_string(rgb.t()) + " does not fit the video's size");
  }
  if (const int rc = av_frame_make_writable(av_->frame); rc < 0) {
    throw twin::InputError(path_ + ": out of memory for a video frame (" + avError(rc) + ")");
  }
  // OpenGL's rows run bottom-up: start at the top row and step backwards.
  const int stride = static_cast<int>(rgb.getRowStepInBytes());
  const uint8_t* top = rgb.data(0, height_ - 1);
  const std::array<const uint8_t*, 1> source{top};
  const std::array<int, 1> strides{-stride};
  sws_scale(av_->sws, source.data(), strides.data(), 0, height_, av_->frame->data,
            av_->frame->linesize);
  av_->frame->pts = frames_++;
  if (const int rc = avcodec_send_frame(av_->codec, av_->frame); rc < 0) {
    throw twin::InputError(path_ + ": the encoder stopped (" + avError(rc) + ")");
  }
  drain();
}

void VideoEncoder::drain() {
  for (;;) {
    const int rc = avcodec_receive_packet(av_->codec, av_->packet);
    if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) return;
    if (rc < 0) throw twin::InputError(path_ + ": the encoder failed (" + avError(rc) + ")");
    av_packet_rescale_ts(av_->packet, av_->codec->time_base, av_->stream->time_base);
    av_->packet->stream_index = av_->stream->index;
    const int w = av_interleaved_write_frame(av_->format, av_->packet);
    if (w < 0) throw twin::InputError(path_ + ": cannot write the video (" + avError(w) + ")");
  }
}

void VideoEncoder::finish() {
  if (av_->finished) return;
  avcodec_send_frame(av_->codec, nullptr);
  drain();
  if (const int rc = av_write_trailer(av_->format); rc < 0) {
    throw twin::InputError(path_ + ": cannot finish the video (" + avError(rc) + ")");
  }
  if (const int rc = avio_closep(&av_->format->pb); rc < 0) {
    throw twin::InputError(path_ + ": cannot close the video (" + avError(rc) + ")");
  }
  av_->finished = true;
}

}  // namespace viewer
