// The flags of the commands that draw a results file (snapshot, view, video), as CLI11 options
// on their requests.
#pragma once

#include <CLI/CLI.hpp>

#include "viewer/video_command.h"
#include "viewer/viewer_commands.h"

namespace twin::cli {

void addSnapshotFlags(CLI::App& cmd, viewer::SnapshotRequest& r);
void addViewFlags(CLI::App& cmd, viewer::ViewRequest& r);
void addVideoFlags(CLI::App& cmd, viewer::VideoRequest& r);

}  // namespace twin::cli
