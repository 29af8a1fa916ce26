// The flags of the calculator commands (pv, solar, motor, transformer, pump, fan, compressor), as
// CLI11 options on their requests.
#pragma once

#include <CLI/CLI.hpp>

#include "app/commands.h"

namespace twin::cli {

void addPvFlags(CLI::App& cmd, PvRequest& pv);
void addSolarFlags(CLI::App& cmd, SolarRequest& solar);
void addMotorFlags(CLI::App& cmd, MotorRequest& m);
void addTransformerFlags(CLI::App& cmd, TransformerRequest& t);
void addPumpFlags(CLI::App& cmd, FlowMachineRequest& r);
void addFanFlags(CLI::App& cmd, FlowMachineRequest& r);
void addCompressorFlags(CLI::App& cmd, CompressorRequest& r);

}  // namespace twin::cli
