#include "physics/pv_module.h"

#include <cmath>
#include <limits>

namespace physics {
namespace {

// Boltzmann constant in eV/K: k / e, both exact in the 2019 SI (CODATA 2018).
constexpr double kBoltzmannEv = 1.380649e-23 / 1.602176634e-19;
constexpr double kRelativeTolerance = 1e-12;
constexpr int kMaxIterations = 100;

// The single-diode curve as explicit functions of the diode voltage vd = V + I r_s
// (Bishop 1988): I(vd) = i_l - i_o expm1(vd / a) - vd / r_sh, V(vd) = vd - r_s I(vd).
class DiodeCurve {
 public:
  explicit DiodeCurve(const SingleDiodeParams& p)
      : p_(p), g_sh_(std::isinf(p.r_sh) ? 0.0 : 1.0 / p.r_sh) {}

  struct Point {
    double i, v;     // A, V
    double di, d2i;  // dI/dvd (1/ohm), d2I/dvd2
  };

  Point at(double vd) const {
    const double e = std::exp(vd / p_.n_ns_vth);
    Point pt;
    pt.i = p_.i_l - p_.i_o * (e - 1.0) - g_sh_ * vd;
    pt.v = vd - p_.r_s * pt.i;
    pt.d2i = -p_.i_o * e / (p_.n_ns_vth * p_.n_ns_vth);
    pt.di = pt.d2i * p_.n_ns_vth - g_sh_;
    return pt;
  }

  // Open circuit, I(vd) = 0. I is concave and decreasing, and the start (the ideal-diode Voc)
  // lies at or above the root, so Newton steps decrease monotonically onto it.
  double openCircuitVd() const {
    double vd = p_.n_ns_vth * std::log1p(p_.i_l / p_.i_o);
    for (int k = 0; k < kMaxIterations; ++k) {
      const Point pt = at(vd);
      const double step = pt.i / pt.di;
      vd -= step;
      if (std::abs(step) <= kRelativeTolerance * vd) break;
    }
    return vd;
  }

  // Short circuit, V(vd) = 0 on [0, vd_oc]. V is convex and increasing there; the start (the
  // root without diode current) lies at or above the root, so Newton steps decrease onto it.
  double shortCircuitVd(double vd_oc) const {
    double vd = std::fmin(p_.r_s * p_.i_l / (1.0 + p_.r_s * g_sh_), vd_oc);
    for (int k = 0; k < kMaxIterations; ++k) {
      const Point pt = at(vd);
      if (pt.v == 0.0) break;
      const double step = pt.v / (1.0 - p_.r_s * pt.di);
      vd = std::fmin(std::fmax(vd - step, 0.0), vd_oc);
      if (std::abs(step) <= kRelativeTolerance * vd) break;
    }
    return vd;
  }

  // Maximum of P(vd) = V I on (lo, hi) where dP/dvd > 0 at lo and < 0 at hi: Newton on
  // dP/dvd = 0, falling back to bisection whenever a step leaves the bracket.
  double maxPowerVd(double lo, double hi, double guess) const {
    double vd = (guess > lo && guess < hi) ? guess : 0.5 * (lo + hi);
    for (int k = 0; k < kMaxIterations; ++k) {
      const Point pt = at(vd);
      const double dv = 1.0 - p_.r_s * pt.di;
      const double d2v = -p_.r_s * pt.d2i;
      const double dp = dv * pt.i + pt.v * pt.di;
      const double d2p = d2v * pt.i + 2.0 * dv * pt.di + pt.v * pt.d2i;
      const double newton_step = dp / d2p;
      if (d2p < 0.0 && std::abs(newton_step) <= kRelativeTolerance * vd) return vd - newton_step;
      (dp > 0.0 ? lo : hi) = vd;
      double next = vd - newton_step;
      if (!(d2p < 0.0 && next > lo && next < hi)) next = 0.5 * (lo + hi);
      const double step = next - vd;
      vd = next;
      if (std::abs(step) <= kRelativeTolerance * vd) break;
    }
    return vd;
  }

 private:
  SingleDiodeParams p_;
  double g_sh_;  // 1/ohm, shunt conductance
};

}  // namespace

SingleDiodeParams calcparamsCec(double effective_irradiance, double temp_cell, const CecModule& m) {
  const double dt = temp_cell - m.temp_ref;
  const double t_ratio = temp_cell / m.temp_ref;
  const double eg = m.egref * (1.0 + m.degdt * dt);
  SingleDiodeParams out;
  out.n_ns_vth = m.a_ref * t_ratio;
  out.i_o = m.i_o_ref * t_ratio * t_ratio * t_ratio *
            std::exp(m.egref / (kBoltzmannEv * m.temp_ref) - eg / (kBoltzmannEv * temp_cell));
  out.r_s = m.r_s;
  if (effective_irradiance > 0.0) {
    const double alpha_sc = m.alpha_sc * (1.0 - m.adjust);
    out.i_l = effective_irradiance / m.irrad_ref * (m.i_l_ref + alpha_sc * dt);
    out.r_sh = m.r_sh_ref * m.irrad_ref / effective_irradiance;
  } else {
    out.i_l = 0.0;
    out.r_sh = std::numeric_limits<double>::infinity();
  }
  return out;
}

MaxPowerPoint maxPowerPoint(const SingleDiodeParams& p) {
  if (!(p.i_l > 0.0 && p.i_o > 0.0 && p.n_ns_vth > 0.0 && p.r_s >= 0.0 && p.r_sh > 0.0)) {
    return {};
  }
  const DiodeCurve curve(p);
  const double vd_oc = curve.openCircuitVd();
  const double vd_sc = curve.shortCircuitVd(vd_oc);
  // Ideal-diode estimate vmp = voc - a ln(1 + vmp / a), iterated twice from vmp = voc.
  const double a = p.n_ns_vth;
  double guess = vd_oc - a * std::log1p(vd_oc / a);
  guess = vd_oc - a * std::log1p(guess / a);
  const DiodeCurve::Point mp = curve.at(curve.maxPowerVd(vd_sc, vd_oc, guess));
  MaxPowerPoint out;
  out.v_mp = mp.v;
  out.i_mp = mp.i;
  out.p_mp = mp.v * mp.i;
  out.v_oc = vd_oc;
  out.i_sc = curve.at(vd_sc).i;
  return out;
}

}  // namespace physics
