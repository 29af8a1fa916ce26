// Reads MATPOWER case files, format version 2 (Zimmerman, Murillo-Sanchez & Thomas, MATPOWER
// User's Manual, Appendix B "Data File Format"): mpc.version, mpc.baseMVA, mpc.bus, mpc.gen and
// mpc.branch; every other field (gencost, bus_name, ...) is skipped. Converts to the per-unit,
// radian network of physics/power_flow.h. Bad input throws twin::InputError with
// FILE:LINE:COL: mpc.field(row,col): what: expected ..., got ...
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "physics/power_flow.h"

namespace twin {

struct MatpowerCase {
  physics::PfNetwork network;   // pu on base_mva, angles in rad
  std::vector<int> bus_i;       // per network bus: its BUS_I number in the case file
  std::vector<int> gen_row;     // per network gen: its 1-based row in mpc.gen
  std::vector<int> branch_row;  // per network branch: its 1-based row in mpc.branch
  // BUS_I of isolated buses (BUS_TYPE 4): dropped with the gens and branches on them, as
  // MATPOWER's ext2int does.
  std::vector<int> isolated_buses;
};

// Parses the text of a case file; `name` is the file name used in messages.
// Conversions: PD, QD, GS, BS, PG, QG, QMAX, QMIN from MW/MVAr to pu on baseMVA; VA and SHIFT from
// degrees to rad; TAP 0 to 1; GEN_STATUS and BR_STATUS 0 to out of service; PV buses without an
// in-service generator become PQ (MATPOWER's bustypes).
MatpowerCase parseMatpowerCase(std::string_view text, const std::string& name);
// Reads and parses a case file (InputError when it cannot be read).
MatpowerCase readMatpowerCase(const std::string& path);

}  // namespace twin
