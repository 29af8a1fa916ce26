// PV module DC output.
// PVWatts v5 linear model: Dobos 2014, NREL/TP-6A20-62641, module model section:
// P = Pdc0 E/1000 (1 + gamma (Tc - Tref)).
// CEC single-diode model: De Soto, Klein, Beckman 2006, Solar Energy 80:78-88 (translation of
// a, IL, I0, Eg, Rs, Rsh to operating conditions) with the CEC 'Adjust' on alpha_sc (Dobos 2012,
// J. Sol. Energy Eng. 134; as in pvlib calcparams_cec). Maximum power point solved on the exact
// implicit single-diode equation, parametrised by the diode voltage (Bishop 1988).
#pragma once

namespace physics {

// PVWatts DC power, W. effective_irradiance: W/m2 >= 0 (after reflection, soiling, spectrum);
// temp_cell, temp_ref: K; pdc0: W at 1000 W/m2 and temp_ref; gamma_pdc: 1/K (e.g. -0.0037).
inline double pvwattsDc(double effective_irradiance, double temp_cell, double pdc0,
                        double gamma_pdc, double temp_ref = 298.15) {
  return pdc0 * effective_irradiance / 1000.0 * (1.0 + gamma_pdc * (temp_cell - temp_ref));
}

// One module's CEC six-parameter set (SAM CEC module database), reference values at
// irrad_ref and temp_ref.
struct CecModule {
  double alpha_sc = 0.0;      // A/K, short-circuit current temperature coefficient
  double a_ref = 0.0;         // V, n Ns Vth at reference conditions
  double i_l_ref = 0.0;       // A, light current
  double i_o_ref = 0.0;       // A, diode saturation current
  double r_sh_ref = 0.0;      // ohm, shunt resistance
  double r_s = 0.0;           // ohm, series resistance
  double adjust = 0.0;        // fraction (database 'Adjust' in % times units::pct)
  double egref = 1.121;       // eV, band gap at temp_ref (1.121 for the whole CEC database)
  double degdt = -0.0002677;  // 1/K, band-gap temperature dependence
  int cells_in_series = 0;
  double v_mp_ref = 0.0;      // V, datasheet values at reference conditions
  double i_mp_ref = 0.0;      // A
  double v_oc_ref = 0.0;      // V
  double i_sc_ref = 0.0;      // A
  double irrad_ref = 1000.0;  // W/m2
  double temp_ref = 298.15;   // K
};

// The five single-diode parameters at one operating point:
// I = i_l - i_o (exp((V + I r_s) / n_ns_vth) - 1) - (V + I r_s) / r_sh.
struct SingleDiodeParams {
  double i_l = 0.0;       // A
  double i_o = 0.0;       // A
  double r_s = 0.0;       // ohm
  double r_sh = 0.0;      // ohm; +infinity when there is no light
  double n_ns_vth = 0.0;  // V
};

// effective_irradiance: W/m2 (<= 0 gives i_l = 0, r_sh = +inf); temp_cell: K, > 0.
SingleDiodeParams calcparamsCec(double effective_irradiance, double temp_cell,
                                const CecModule& module);

struct MaxPowerPoint {
  double v_mp = 0.0;  // V
  double i_mp = 0.0;  // A
  double p_mp = 0.0;  // W
  double v_oc = 0.0;  // V
  double i_sc = 0.0;  // A
};

// Converged to 1e-12 relative in the diode voltage; all zero when i_l <= 0 (no light) or the
// parameters are not physical (i_o, n_ns_vth <= 0, r_s < 0, r_sh <= 0). Allocation-free.
MaxPowerPoint maxPowerPoint(const SingleDiodeParams& p);

}  // namespace physics
