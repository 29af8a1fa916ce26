// The `parktwin` subcommands. Each returns the process exit code; bad input is thrown as
// twin::InputError and turned into exit code 2 by main.
#pragma once

#include <string>
#include <vector>

#include "twin/time_grid.h"

namespace twin::cli {

struct PeriodFlags {
  std::string start;  // YYYY-MM-DD, "" = the park file's
  std::string end;
  std::string step;  // e.g. 15min
};

struct RunRequest {
  std::string park_path;
  std::string output;
  PeriodFlags period;
  std::vector<std::string> scenarios;  // empty: every scenario of the park file
  bool baseline_only = false;
  std::string command_line;
};

int runCommand(const RunRequest& request);
// Writes DIR/park.yaml (the embedded demo park) and runs it into DIR/results.h5.
int demoCommand(const std::string& dir, const PeriodFlags& period, const std::string& command_line);
int validateCommand(const std::string& park_path);
int infoCommand(const std::string& path, bool json);

PeriodOverride parsePeriodFlags(const PeriodFlags& flags);

}  // namespace twin::cli
