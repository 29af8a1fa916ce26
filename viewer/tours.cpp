#include "viewer/tours.h"

#include <algorithm>
#include <vector>

#include "twin/base/error.h"
#include "twin/base/text.h"

namespace viewer {
namespace {

osg::Vec3d toOsg(const Eigen::Vector3d& v) { return {v.x(), v.y(), v.z()}; }

std::vector<const twin::TourStop*> stopsOf(const twin::ParkModel& m, const std::string& tour,
                                           const std::string& flag) {
  std::vector<const twin::TourStop*> out;
  std::vector<std::string> tours;
  for (const twin::TourStop& s : m.tour_stops) {
    if (s.tour == tour) out.push_back(&s);
    if (std::find(tours.begin(), tours.end(), s.tour) == tours.end()) tours.push_back(s.tour);
  }
  if (out.empty()) {
    throw twin::InputError(flag + ": no tour " + twin::quote(tour) + " in the park (it has: " +
                           (tours.empty() ? "none" : twin::join(tours, ", ")) + ")");
  }
  return out;
}

// Smoothstep: starts and ends at rest.
double eased(double x) {
  x = std::clamp(x, 0.0, 1.0);
  return x * x * (3.0 - 2.0 * x);
}

}  // namespace

CameraPose namedCameraPose(const twin::PresentationCamera& camera) {
  CameraPose pose;
  pose.eye = toOsg(camera.eye);
  pose.center = toOsg(camera.target);
  return pose;
}

double tourDuration(const twin::ParkModel& model, const std::string& tour,
                    const std::string& flag) {
  const std::vector<const twin::TourStop*> stops = stopsOf(model, tour, flag);
  double total = 0.0;
  for (size_t i = 0; i < stops.size(); ++i)
    total += (i > 0 ? stops[i]->move : 0.0) + stops[i]->hold;
  return total;
}

double tourSkip(const twin::ParkModel& model, const std::string& tour, double t, int direction) {
  const std::vector<const twin::TourStop*> stops = stopsOf(model, tour, "--tour");
  std::vector<double> starts;  // when each stop's move begins
  double start = 0.0;
  for (size_t i = 0; i < stops.size(); ++i) {
    starts.push_back(start);
    start += (i > 0 ? stops[i]->move : 0.0) + stops[i]->hold;
  }
  if (direction > 0) {
    for (double s : starts) {
      if (s > t + 1e-9) return s;
    }
    return start;
  }
  double previous = 0.0;
  for (double s : starts) {
    if (s < t - 1.0) previous = s;
  }
  return previous;
}

TourFrame tourFrame(const twin::ParkModel& model, const std::string& tour, double t, bool zh) {
  const std::vector<const twin::TourStop*> stops = stopsOf(model, tour, "--tour");
  auto camera = [&](size_t i) {
    return namedCameraPose(model.cameras[static_cast<size_t>(stops[i]->camera)]);
  };
  double start = 0.0;
  for (size_t i = 0; i < stops.size(); ++i) {
    const twin::TourStop& s = *stops[i];
    const double move = i > 0 ? s.move : 0.0;
    TourFrame f;
    f.caption = zh ? s.caption_zh : s.caption;
    if (t < start + move) {
      const double k = eased((t - start) / move);
      const CameraPose a = camera(i - 1), b = camera(i);
      f.pose = b;
      f.pose.eye = a.eye * (1 - k) + b.eye * k;
      f.pose.center = a.center * (1 - k) + b.center * k;
      return f;
    }
    if (t < start + move + s.hold || i + 1 == stops.size()) {
      f.pose = camera(i);
      f.done = t >= start + move + s.hold;
      return f;
    }
    start += move + s.hold;
  }
  return {};
}

}  // namespace viewer
