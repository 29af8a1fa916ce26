// Inputs of a run prepared once from the model and the time grid: schedule values and tariff
// prices per step of the day (means over the step's minutes), the equipment on each bus, the sun's
// ephemeris over the run, the weather record of each day, each PV array's physics, and the
// network's power-flow case.
#pragma once

#include <optional>
#include <vector>

#include "physics/hvac_lighting.h"
#include "physics/motor_efficiency.h"
#include "physics/power_flow.h"
#include "physics/pv_series.h"
#include "physics/pv_system.h"
#include "physics/solar_position.h"
#include "twin/model/model.h"
#include "twin/model/time_grid.h"
#include "twin/shading/shade_table.h"

namespace twin {

struct RunPlan {
  const ParkModel& model;
  TimeGrid grid;
  physics::SunEphemeris sun;  // geocentric sun over the run's steps
  physics::SiteLocation site;
  physics::RefractionAir air;  // annual means of the weather, for refraction
  // first_record[day - grid.start_day]: the weather record of hour 1 (00:00-01:00) of that day.
  std::vector<size_t> first_record;
  std::vector<physics::PvSystem> pv_systems;  // per array
  // How the sun, the sky and unshaded arrays are computed: vectorised (the default) or step by
  // step, for checks (PARKTWIN_PV_KERNEL=scalar in the environment; docs/performance.md).
  physics::PvKernel pv_kernel = physics::PvKernel::kVector;
  // per array: its shading by the park's geometry (twin/shading/shade_table.h), none when it has
  // no laid-out modules or says `shading: none`
  std::vector<std::optional<shading::ShadeTable>> pv_shade;
  std::vector<std::vector<int>> pv_on_bus;
  // schedule_steps[schedule][day type][step of day], fraction of rated power.
  std::vector<std::array<std::vector<double>, kDayTypes>> schedule_steps;
  // price_steps[season][step of day], currency per J.
  std::vector<std::vector<double>> price_steps;
  std::vector<physics::MotorModel> motor_models;  // per motor: part-load model of its nameplate
  // motor_load_steps[motor][day type][step of day]: shaft load, fraction of the rating (from the
  // duty and schedule, through the pump or fan curve when the flow is controlled).
  std::vector<std::array<std::vector<double>, kDayTypes>> motor_load_steps;
  std::vector<double> load_reactive_ratio;                     // per load, tan(acos(pf))
  std::vector<physics::SplitAirConditioner> air_conditioners;  // per load; used where Load::cooling
  std::vector<std::vector<int>> motors_on_bus;
  std::vector<std::vector<int>> loads_on_bus;
  std::vector<std::vector<int>> ev_on_bus;
  std::vector<std::vector<int>> storage_on_bus;
  physics::PfNetwork
      power_flow;  // the network as an AC power-flow case (twin/model/park_network.h)
  // Demand-response events as run steps [first, end), clipped to the run; the rebound of each
  // lasts rebound_steps steps.
  struct DrWindow {
    int64_t first = 0;
    int64_t end = 0;
    double request = 0.0;  // W
    int event = 0;         // index into model.demand_response.events
  };
  std::vector<DrWindow> dr_windows;
  int rebound_steps = 0;
  // W per run step: the park's net load without batteries, computed before the run when the
  // optimal dispatch forecasts it perfectly over more than one day (empty otherwise).
  std::vector<double> net_forecast;
  // W [run step x planned entry]: the shiftable power of each load entry the optimal dispatch
  // plans, as scheduled, computed with net_forecast.
  std::vector<double> shift_forecast;
  // Per load entry the optimal dispatch plans, its units (load_shifting.h, plannedLoads).
  std::vector<std::vector<size_t>> planned_loads;
};

// physics::SunEphemeris(start, end, delta_t) with its nodes computed in parallel (TBB): the same
// ephemeris bit for bit, a year's 2,900 nodes in 10 ms / threads.
physics::SunEphemeris parallelSunEphemeris(double start, double end, double delta_t);

RunPlan makeRunPlan(const ParkModel& model, const TimeGrid& grid);

}  // namespace twin
