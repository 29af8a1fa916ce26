// parktwin video: the plan (frames, steps, the tour's length against the results' period), the
// MP4 decoded back through FFmpeg (codec, size, frame count and rate; frames at two times differ
// where the park changes, and the tour's two cameras give different pictures), before and after
// side by side, and bad flags as located errors that leave no file behind.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "twin/base/error.h"
#include "viewer/video_command.h"
#include "viewer/video_decode.h"
#include "viewer/viewer_park.h"

namespace viewer {
namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("parktwin_video_" + std::to_string(getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

VideoRequest request(const std::string& out) {
  VideoRequest q;
  q.results = testing::viewerResultsPath();
  q.size = "320x180";
  q.output = out;
  return q;
}

std::string errorOf(const VideoRequest& q) {
  try {
    videoCommand(q, {});
  } catch (const twin::InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(VideoTest, PlansFramesAndStepsFromSpeedAndPeriod) {
  const ResultsData r = loadResults(testing::viewerResultsPath(), "");
  VideoRequest q = request("v.mp4");
  VideoPlan plan = planVideo(r, q);
  EXPECT_EQ(plan.first_step, 0u);
  EXPECT_EQ(plan.frames, 24 * 30);  // a day at an hour a second, 30 frames/s
  q.start = "2025-06-21T06:00";
  q.end = "2025-06-21T09:00";
  q.speed = "1800x";
  q.fps = 10;
  plan = planVideo(r, q);
  EXPECT_EQ(plan.frames, 60);
  EXPECT_EQ(plan.first_step, 24u);
  EXPECT_EQ(plan.step(r, 2), 24u);   // 0.2 s in: 06:06, in the 06:00 step
  EXPECT_EQ(plan.step(r, 10), 26u);  // 1 s in: 06:30
  EXPECT_EQ(plan.step(r, 59), 35u);  // 5.9 s in: 08:57, the last frame's step
  // A tour sets the length: 3 s at an hour a second from 20:00 ends at 23:00.
  q.end.clear();
  q.start = "2025-06-21T20:00";
  q.speed = "3600x";
  q.tour = "short";
  EXPECT_EQ(planVideo(r, q).frames, 30);
  q.start = "2025-06-21T22:00";
  try {
    planVideo(r, q);
    FAIL() << "a tour past the results' end was accepted";
  } catch (const twin::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("--tour \"short\": lasts 3 s"), std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("past the results' end (2025-06-21 23:45)"),
              std::string::npos)
        << e.what();
  }
}

TEST(VideoTest, EncodesH264ThatDecodesBackWithTheParkChanging) {
  TempDir dir;
  VideoRequest q = request((dir.path / "day.mp4").string());
  q.start = "2025-06-21T06:00";
  q.end = "2025-06-21T18:00";
  q.speed = "43200x";  // 12 hours in one second
  q.fps = 12;
  long last_done = 0, total = 0;
  EXPECT_EQ(videoCommand(q, [&](long done, long all) { last_done = done, total = all; }), 0);
  EXPECT_EQ(last_done, 12);
  EXPECT_EQ(total, 12);
  const testing::DecodedVideo v = testing::decodeVideo(q.output);
  EXPECT_EQ(v.codec, "h264");
  EXPECT_EQ(v.width, 320);
  EXPECT_EQ(v.height, 180);
  EXPECT_NEAR(v.fps, 12.0, 1e-9);
  ASSERT_EQ(v.frames.size(), 12u);
  // 06:00 against 17:00: the sun, the shadows, the PV colours and the clock have moved.
  EXPECT_GT(testing::meanDifference(v.frames.front(), v.frames.back()), 1.0);
  // Nothing but the video in the folder: the temporary was renamed.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator{}), 1);
}

TEST(VideoTest, ToursMoveTheCameraAndComparisonsSitSideBySide) {
  TempDir dir;
  VideoRequest q = request((dir.path / "tour.mp4").string());
  q.start = "2025-06-21T10:00";
  q.tour = "short";
  q.fps = 10;
  q.language = "zh";
  q.compare_scenario = "no-pv-tilt";
  ASSERT_EQ(videoCommand(q, {}), 0);
  const testing::DecodedVideo v = testing::decodeVideo(q.output);
  ASSERT_EQ(v.frames.size(), 30u);  // the tour's 3 s
  EXPECT_EQ(v.width, 320);
  // Held at the roof (0.5 s) against held at the canteen (2.5 s): another picture.
  EXPECT_GT(testing::meanDifference(v.frames[5], v.frames[25]), 5.0);
  // Within the last hold nothing moves but the flow markers and the clock.
  EXPECT_LT(testing::meanDifference(v.frames[26], v.frames[27]), 2.0);
}

TEST(VideoTest, BadFlagsAreLocatedAndLeaveNoFile) {
  TempDir dir;
  const std::string out = (dir.path / "bad.mp4").string();
  VideoRequest q = request(out);
  q.speed = "fast";
  EXPECT_NE(errorOf(q).find("--speed: expected simulated seconds per video second"),
            std::string::npos);
  q = request(out);
  q.size = "321x181";
  EXPECT_NE(errorOf(q).find("--size: the H.264 encoder (libx264) refuses 321x181"),
            std::string::npos)
      << errorOf(q);
  q = request(out);
  q.start = "2025-06-21T12:00";
  q.end = "2025-06-21T08:00";
  EXPECT_NE(errorOf(q).find("--end: expected a time after --start (2025-06-21 12:00)"),
            std::string::npos);
  q = request(out);
  q.end = "2026-01-01T00:00";
  EXPECT_NE(errorOf(q).find("--end: expected a time within the results' period"),
            std::string::npos);
  q = request(out);
  q.tour = "grand";
  EXPECT_NE(errorOf(q).find("--tour: no tour \"grand\" in the park (it has: short)"),
            std::string::npos);
  q = request((dir.path / "v.avi").string());
  EXPECT_NE(errorOf(q).find("-o: expected an .mp4 file"), std::string::npos);
  q = request((dir.path / "missing" / "v.mp4").string());
  q.end = "2025-06-21T01:00";
  EXPECT_NE(errorOf(q).find("missing"), std::string::npos) << errorOf(q);
  q = request(out);
  q.scenario = "nope";
  EXPECT_NE(errorOf(q).find("--scenario: no scenario \"nope\""), std::string::npos);
  EXPECT_TRUE(fs::is_empty(dir.path));
}

}  // namespace
}  // namespace viewer
