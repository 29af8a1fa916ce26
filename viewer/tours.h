// Named cameras and camera tours of the park file's `presentation:` (docs/presenting.md), as the
// viewer's camera poses: a tour moves from stop to stop (eased in and out) and holds at each.
#pragma once

#include <string>

#include "twin/model/model.h"
#include "viewer/camera_views.h"

namespace viewer {

CameraPose namedCameraPose(const twin::PresentationCamera& camera);

struct TourFrame {
  CameraPose pose;
  std::string caption;  // of the stop it moves to or holds at
  bool done = false;    // past the tour's end (the last stop held)
};

// Seconds the tour lasts: the first stop's hold, then each later stop's move and hold. Throws
// twin::InputError naming `flag` and the park's tours when it has no tour `tour`.
double tourDuration(const twin::ParkModel& model, const std::string& tour,
                    const std::string& flag = "--tour");
// Seconds into the tour at which the stop after (direction +1) or before (-1) the one shown at `t`
// begins its move: a clicker's next and previous. Past the last stop: the tour's end; before
// the first: 0. "Before" skips back to the current stop's start when more than a second in.
double tourSkip(const twin::ParkModel& model, const std::string& tour, double t, int direction);
// The camera `t` seconds into the tour.
TourFrame tourFrame(const twin::ParkModel& model, const std::string& tour, double t, bool zh);

}  // namespace viewer
