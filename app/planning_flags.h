// The flags shared by the commands that simulate a park file (the period), and those of the
// commands that plan with it (size, dr-cost), as CLI11 options on their requests.
#pragma once

#include <CLI/CLI.hpp>

#include "app/commands.h"

namespace twin::cli {

// --start, --end, --step.
void addPeriodFlags(CLI::App& cmd, PeriodFlags& period);
// size's flags; --threads sets `threads`.
void addSizeFlags(CLI::App& cmd, SizeRequest& r, int& threads);
// dr-cost's flags; --threads sets `threads`.
void addDrCostFlags(CLI::App& cmd, DrCostRequest& r, int& threads);

}  // namespace twin::cli
