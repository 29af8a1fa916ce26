// Stationary battery storage (LFP typical) on an AC bus: an energy-reservoir model stepped in
// fixed time steps, a simplified empirical ageing estimate and three dispatch policies.
//
// Energy model (a simplified model, named as such): the cells hold an energy E (J) between
// soc_min C and soc_max C, C the usable capacity. Constant conversion efficiencies between the AC
// terminals and the cells: charging at AC power P < 0 stores |P| eta_c dt, discharging at P > 0
// removes P / eta_d dt; round trip eta_c eta_d. Self-discharge removes a constant fraction s of
// the stored energy per day, E -> E (1 - s)^(dt / 1 d), applied to the energy at the step start.
// Not modelled: efficiency vs power or SOC, voltage, internal resistance, current limits that
// depend on SOC or temperature, thermal behaviour, auxiliary (HVAC, BMS) consumption, reactive
// power.
//
// Ageing (a simplified semi-empirical model, named as such): capacity fade = calendar fade +
// cycle fade, added (superposition, the split Naumann et al. 2020 use for the same cell).
// - Calendar: Naumann, Schimpe, Keil, Hesse, Jossen, "Analysis and modeling of calendar aging of
//   a commercial LiFePO4/graphite cell", J. Energy Storage 17 (2018) 153-169 (Sony/Murata
//   US26650FTC1): Q_loss = k_T(T) k_SOC(SOC) sqrt(t), t in s, Q_loss a fraction of nominal,
//   k_T = 1.2571e-5 s^-0.5 exp(-Ea/R (1/T - 1/298.15 K)), Ea = 17126 J/mol,
//   k_SOC = 2.8575 (SOC - 0.5)^3 + 0.60225 (coefficients as implemented in SimSES, the TUM
//   group's simulator). Varying SOC is followed by "virtual time" continuation: the time that
//   would give the accumulated fade at this step's stress, plus dt. At 25 C and SOC 0.5 this is
//   4.25 % after one year and 20 % after 22.1 years. The step's SOC is the mean of its start
//   and end SOC; the cell temperature is a rating parameter (no thermal model).
// - Cycle: linear in equivalent full cycles (EFC = cell-side charge + discharge energy over
//   2 x nameplate capacity), 20 % at cycle_life EFC, the datasheet convention (cycles to 80 %).
//   Depth of discharge, C-rate and temperature effects on cycling are not modelled (Naumann et
//   al., J. Power Sources 451 (2020) 227666, fit a sqrt(FEC) law with C-rate and DOD factors for
//   their cell; it is not used here).
// The state carries the faded `capacity`: stepBattery sets it from the counters at the start of
// each step, and the SOC window of that step is soc_min..soc_max of it. Fade does not move stored
// energy except where the shrinking upper limit falls below it: the excess is counted as lost
// (`fade_spilled`), as calendar ageing consumes charged lithium, so the SOC never exceeds
// soc_max. Capacity fade is not applied to power limits; resistance growth is not modelled.
#pragma once

namespace physics {

struct BatteryRating {
  double energy_capacity = 0.0;       // J, usable energy at beginning of life (nameplate), > 0
  double charge_power = 0.0;          // W, AC charge limit, > 0
  double discharge_power = 0.0;       // W, AC discharge limit, > 0
  double charge_efficiency = 0.0;     // AC -> cells, in (0, 1]
  double discharge_efficiency = 0.0;  // cells -> AC, in (0, 1]; round trip = product
  double soc_min = 0.0;               // fraction of capacity, 0 <= soc_min < soc_max
  double soc_max = 1.0;               // fraction of capacity, <= 1
  double self_discharge = 0.0;        // fraction of stored energy lost per day, in [0, 1)
  // Equivalent full cycles to 80 % capacity (cycle fade only). Default 6000: the figure LFP
  // energy-storage cell makers state for 0.5C/0.5C cycling at 25 C to 80 % (e.g. EVE LF280K and
  // CATL 280 Ah product specifications; an assumption, not checked against their PDFs; the EVE
  // LF304 datasheet states >= 3500 at the harsher 1C/1C). Replace with the supplier's warranty.
  double cycle_life = 6000.0;
  // K, cell temperature for calendar ageing. Default 298.15 K (25 C): an assumption for an
  // air-conditioned enclosure, and the reference temperature of Naumann et al. (2018).
  double cell_temperature = 298.15;
};

// Why a rating is unusable ("" when it is valid), for messages at the edges.
const char* batteryRatingError(const BatteryRating& rating);

struct BatteryState {
  double stored = 0.0;           // J, energy in the cells
  double capacity = 0.0;         // J, usable capacity after fade (set at each step start)
  double charged = 0.0;          // J, lifetime energy into the cells (after eta_c)
  double discharged = 0.0;       // J, lifetime energy out of the cells (before eta_d)
  double self_discharged = 0.0;  // J, lifetime self-discharge
  double fade_spilled = 0.0;     // J, lifetime energy lost above the fading upper SOC limit
  double calendar_fade = 0.0;    // fraction of nameplate capacity lost to calendar ageing
  double elapsed = 0.0;          // s, time stepped
};

// Beginning-of-life state at the given SOC, clamped to [soc_min, soc_max].
BatteryState initialState(const BatteryRating& rating, double soc);

struct BatteryStep {
  double ac_power = 0.0;  // W, + discharge to the bus, - charge
  double stored = 0.0;    // J, at the end of the step
  double soc = 0.0;       // stored / capacity at the end of the step (0 if capacity is 0)
  double losses = 0.0;    // W, mean over the step: AC in - AC out - (delta stored) / dt
};

// One step of dt > 0 s at a requested AC power (W, + discharge, - charge). In this order: the
// capacity is updated from the ageing counters (and any energy above the new upper limit is
// spilled), self-discharge is applied, then the power is clamped to the power limit and to the
// energy left between the SOC limits after self-discharge: a step that would cross a limit ends
// exactly on it. Self-discharge alone may take the SOC below soc_min (a real battery does; the
// window limits power only); discharge is then refused. Finally the counters and the calendar
// fade are updated. With dt <= 0 nothing changes and an idle step is returned.
BatteryStep stepBattery(const BatteryRating& rating, BatteryState& state, double requested_ac_power,
                        double dt);

// Equivalent full cycles: (charged + discharged) / (2 energy_capacity), cell-side energies.
double equivalentFullCycles(const BatteryState& state, const BatteryRating& rating);

// Fraction of the nameplate capacity lost: calendar_fade + 0.2 EFC / cycle_life, at most 1.
double capacityFade(const BatteryRating& rating, const BatteryState& state);

// Calendar-fade stress factor k_T(T) k_SOC(SOC) of Naumann et al. (2018), s^-0.5: fade after
// t seconds at constant temperature T (K) and SOC (fraction) is this times sqrt(t).
double calendarFadeRate(double cell_temperature, double soc);

// Dispatch policies: requested AC power (W, + discharge) for one step. net_load is site
// consumption minus PV at the point of coupling (W, negative = PV surplus); stepBattery clamps.

// Self-consumption: charge with the PV surplus, discharge to cover the net load; never exports
// from the battery and never charges from the grid (the request is the net load itself).
double selfConsumptionPower(double net_load);

// Peak shaving against an import threshold (W): discharge net_load - threshold above it; below
// threshold - recharge_margin recharge by at most (threshold - recharge_margin - net_load), so
// recharging never lifts the import above threshold - recharge_margin (margin >= 0, W).
double peakShavingPower(double net_load, double threshold, double recharge_margin = 0.0);

// Time-of-use arbitrage: full charge power when price <= charge_below; when price >=
// discharge_above, discharge up to max(net_load, 0) (no export); otherwise idle. Charging is
// tested first; a sensible tariff setting has charge_below < discharge_above. Prices in any one
// currency per energy unit.
double touArbitragePower(const BatteryRating& rating, double price, double charge_below,
                         double discharge_above, double net_load);

// kOptimal: the park's linear programme plans the battery (twin/dispatch/); a step without a
// plan (a day whose programme failed) falls back to self-consumption, the request given here.
enum class DispatchPolicy { kSelfConsumption, kPeakShaving, kTouArbitrage, kOptimal };

struct DispatchParams {
  double peak_threshold = 0.0;   // W, peak shaving import threshold (optional for arbitrage)
  double recharge_margin = 0.0;  // W, peak shaving recharge margin below the threshold
  double charge_below = 0.0;     // price at or below which arbitrage charges
  double discharge_above = 0.0;  // price at or above which arbitrage discharges
};

// The request of the chosen policy for one step. Time-of-use arbitrage with a peak_threshold
// (> 0) also holds the import (net_load - request) at or below it: its charging is capped there
// and a net load above it is shaved whatever the price.
double dispatchRequest(DispatchPolicy policy, const DispatchParams& params,
                       const BatteryRating& rating, double net_load, double price);

}  // namespace physics
