// PV inverter DC -> AC conversion.
// PVWatts v5: Dobos 2014, NREL/TP-6A20-62641, inverter model section: part-load efficiency
// eta = eta_nom / eta_ref (-0.0162 z - 0.0059 / z + 0.9858), z = Pdc / Pdc0, clipped at Pac0.
// Sandia: King, Gonzalez, Galbraith, Boyson 2007, SAND2007-5036, eqs. 1-4 (Pac from Pdc and Vdc
// through A, B, C), with clipping at Paco and the night tare Pnt.
// Sign convention: AC power is positive when delivered to the grid; the night tare is drawn
// from the grid, so it is returned as -pnt.
#pragma once

namespace physics {

// PVWatts inverter size from the array's DC rating and the DC/AC ratio:
// pac0 = pdc0_array / dc_ac_ratio, pdc0 = pac0 / eta_inv_nom (the DC input at rated AC output).
struct PvwattsInverterRating {
  double pac0 = 0.0;  // W AC, rated output
  double pdc0 = 0.0;  // W DC, the pdc0_inverter argument of pvwattsInverter
};

// pdc0_array: W DC at STC, > 0; dc_ac_ratio: > 0 (typically 1.1-1.3); eta_inv_nom: 0..1.
inline PvwattsInverterRating pvwattsInverterRating(double pdc0_array, double dc_ac_ratio,
                                                   double eta_inv_nom = 0.96) {
  const double pac0 = pdc0_array / dc_ac_ratio;
  return {pac0, pac0 / eta_inv_nom};
}

// AC power, W, in [0, eta_inv_nom pdc0_inverter]. pdc: W DC (<= 0 gives 0; NaN propagates);
// pdc0_inverter: W DC, > 0; eta_inv_nom, eta_inv_ref: 0..1.
inline double pvwattsInverter(double pdc, double pdc0_inverter, double eta_inv_nom = 0.96,
                              double eta_inv_ref = 0.9637) {
  if (pdc <= 0.0) return 0.0;
  const double pac0 = eta_inv_nom * pdc0_inverter;
  const double z = pdc / pdc0_inverter;
  const double eta = eta_inv_nom / eta_inv_ref * (-0.0162 * z - 0.0059 / z + 0.9858);
  const double pac = eta * pdc;
  if (pac > pac0) return pac0;
  if (pac < 0.0) return 0.0;
  return pac;
}

// Sandia inverter coefficients (CEC inverter database columns).
struct SandiaInverter {
  double paco = 0.0;  // W AC, maximum output
  double pdco = 0.0;  // W DC, input at which paco is reached at vdco
  double vdco = 0.0;  // V DC, nominal input voltage
  double pso = 0.0;   // W DC, self-consumption (start-up power)
  double c0 = 0.0;    // 1/W, curvature of Pac(Pdc)
  double c1 = 0.0;    // 1/V, pdco variation with Vdc
  double c2 = 0.0;    // 1/V, pso variation with Vdc
  double c3 = 0.0;    // 1/V, c0 variation with Vdc
  double pnt = 0.0;   // W AC, night tare (consumption below pso)
};

// AC power, W (<= paco; -pnt when p_dc < pso). v_dc: V; p_dc: W.
inline double sandiaInverter(double v_dc, double p_dc, const SandiaInverter& inv) {
  if (p_dc < inv.pso) return -inv.pnt;
  const double dv = v_dc - inv.vdco;
  const double a = inv.pdco * (1.0 + inv.c1 * dv);
  const double b = inv.pso * (1.0 + inv.c2 * dv);
  const double c = inv.c0 * (1.0 + inv.c3 * dv);
  const double x = p_dc - b;
  const double pac = (inv.paco / (a - b) - c * (a - b)) * x + c * x * x;
  return pac > inv.paco ? inv.paco : pac;
}

}  // namespace physics
