// The PV chain of one array over many time steps at once (pv_system.h's pvPower, step by step),
// vectorised over the steps. The skies are held as a structure of arrays (PvSkySeries) so that
// one SIMD instruction works on 2, 4 or 8 consecutive steps; the kernel is compiled for every x86
// target Highway knows (SSE2 .. AVX-512) and the best one the CPU has is picked at run time, so
// one binary runs everywhere.
//
// What it computes is pvPower() without shading, for the PVWatts DC model; the CEC single-diode
// model and shaded arrays go through pvPower() step by step (PvKernel::kScalar does that for
// everything, for checks). The vector path differs from the scalar one only by rounding: the
// exponential of the physical incidence-angle modifier is its Taylor series (exact to rounding on
// its range), a few constant divisions are multiplications by a hoisted reciprocal, and targets
// with FMA fuse some products and sums. Results agree to about 1e-14 relative (test: 1e-9).
// Within one machine the result of a step does not depend on where it falls in the series or on
// the thread that computes it; machines with different SIMD targets may differ in the last bits.
// Unlike pvPower(), a NaN irradiance counts as dark and gives 0 (the readers refuse NaN weather).
#pragma once

#include <array>
#include <span>
#include <vector>

#include "physics/pv_system.h"

namespace physics {

// The skies of consecutive steps, field by field (PvSky as a structure of arrays). The sun vector
// is zero where the sun is down, so the angle of incidence needs no test.
struct PvSkySeries {
  std::vector<double> ghi, dni, dhi, temp_air, wind_speed;  // W/m2, K, m/s
  std::vector<double> sun_east, sun_north, sun_up;          // unit vector, 0 when the sun is down
  std::vector<double> lit;  // 1 where pvPower computes, 0 at night (no sun, no diffuse light)
  std::vector<double> perez_isotropic, perez_circumsolar, perez_horizon;  // PerezSky, W/m2
  std::vector<double> hay_davies_isotropic, hay_davies_circumsolar;       // HayDaviesSky, W/m2
  std::array<std::vector<double>, kSapmPresets.size()> sapm_rise;         // K/(W/m2) per preset

  // The sun's apparent zenith and azimuth (rad), where computeSkies (sky_series.h) made the
  // series; assign() leaves them empty.
  std::vector<double> apparent_zenith, azimuth;

  size_t size() const { return ghi.size(); }
  // Every field but the sun's angles, `steps` long.
  void resize(size_t steps);
  void assign(std::span<const PvSky> skies);
  // Step i's fields from a PvSky.
  void set(size_t i, const PvSky& sky);
  // Step i as a PvSky, with the fields pvPower() reads (not Perez's F1 and F2).
  PvSky at(size_t i) const;
};

// The outputs per step, as in PvOutput (no beam factor: no shading here).
struct PvSeriesOutput {
  std::vector<double> poa_global, temp_cell, dc_power, ac_power;  // W/m2, K, W, W
  void resize(size_t steps);
};

enum class PvKernel {
  kVector,  // SIMD where the system allows it (PVWatts DC), pvPower() otherwise
  kScalar,  // pvPower() step by step, for checks
};

// Whether the vector kernel computes this system (else pvPowerSeries falls back to pvPower()).
bool pvSeriesVectorised(const PvSystem& s);

// The steps [first, first + count) of `sky` for one system; out is resized to count and holds
// them from its index 0. degradation as pvPower's. Many systems over a long series go fastest a
// block of steps at a time, all systems per block (the block's skies stay in the cache).
void pvPowerSeries(const PvSystem& s, const PvSkySeries& sky, size_t first, size_t count,
                   double degradation, PvSeriesOutput& out, PvKernel kernel = PvKernel::kVector);
// Every step of `sky`.
inline void pvPowerSeries(const PvSystem& s, const PvSkySeries& sky, double degradation,
                          PvSeriesOutput& out, PvKernel kernel = PvKernel::kVector) {
  pvPowerSeries(s, sky, 0, sky.size(), degradation, out, kernel);
}

// The SIMD target the vector kernel runs on here, e.g. "AVX2" (for reports and benches).
const char* pvSeriesTarget();

}  // namespace physics
