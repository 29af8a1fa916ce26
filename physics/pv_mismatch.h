// Electrical mismatch of a partly shaded series string of PV modules with bypass diodes: a
// simplified "stepped" model, stated in docs/shading.md (after the bypass-diode analysis of Deline
// et al. 2013, "A simplified model of uniform shading in large photovoltaic arrays", Solar Energy
// 96, 274-282, and MacAlpine, Erickson & Brandemuehl 2013, IEEE Trans. Power Electron. 28(6)).
//
// Every bypass-diode substring of the string is a current source proportional to the light on its
// most shaded cell (`light`, relative to the unshaded substring: 0..1). At a string current I, the
// substrings whose light is below I are bypassed by their diodes and give no voltage; the others
// each give the same voltage (its weak dependence on light is neglected). The power at the j-th
// highest light g_(j) is then g_(j) x j substring voltages, and the inverter's maximum power point
// tracker finds the best of these steps: P / P_unshaded = max_j g_(j) j / n.
#pragma once

#include <span>

namespace physics {

// The share (0..1) of its unshaded power that a string of bypass-diode substrings gives with each
// substring at `light` (0..1). `light` is reordered (sorted, highest first). 1 for an empty string.
double bypassStringPower(std::span<double> light);

// The same for substrings that lose `loss` (0..1, sorted from the least to the most) of the beam,
// the beam being `beam_share` (0..1) of the light on the plane (the rest, the diffuse, reaches
// shaded cells too): light = 1 - beam_share x loss.
double bypassStringPowerSorted(std::span<const double> loss, double beam_share);

}  // namespace physics
