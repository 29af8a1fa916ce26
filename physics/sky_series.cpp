// sky_series.h: the per-target kernel (Highway's foreach_target includes this file once per SIMD
// target) with SLEEF's functions for that target, and, once, the dispatch and the scalar path.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "physics/sky_series.cpp"
// clang-format off
#include <hwy/foreach_target.h>  // must come before highway.h
#include <hwy/highway.h>
// clang-format on

#include "physics/sky_series.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <vector>

#include "physics/sky_series_args.h"
#include "physics/sleef_pairs.h"

HWY_BEFORE_NAMESPACE();
namespace physics::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;
using sky_series_detail::SkyArgs;

#include "physics/simd_math.h"  // SLEEF's functions as this target's vectors

template <class D, class V = hn::Vec<D>>
HWY_INLINE V WrapTwoPi(D d, V angle) {
  const V two_pi = hn::Set(d, 2.0 * units::pi);
  const V wrapped = hn::Sub(angle, hn::Mul(two_pi, hn::Floor(hn::Div(angle, two_pi))));
  return hn::IfThenElseZero(hn::Lt(wrapped, two_pi), wrapped);
}

// SunEphemeris::at: 4-point Lagrange interpolation between the nodes around each step's middle.
struct GeocentricLanes {
  hn::Vec<hn::ScalableTag<double>> right_ascension, declination, sidereal_time, earth_radius;
};

template <class D>
HWY_INLINE GeocentricLanes Geocentric(D d, const SkyArgs& a, hn::Vec<D> t) {
  using V = hn::Vec<D>;
  const hn::RebindToSigned<D> di;
  const V s = hn::Div(hn::Sub(t, hn::Set(d, a.first_node)), hn::Set(d, a.node_spacing));
  const V i_real = hn::Max(hn::Set(d, 1.0), hn::Min(hn::Floor(s), hn::Set(d, a.last_stencil)));
  const V f = hn::Sub(s, i_real);
  const V one = hn::Set(d, 1.0), two = hn::Set(d, 2.0);
  const V w_m1 =
      hn::Div(hn::Mul(hn::Mul(hn::Neg(f), hn::Sub(f, one)), hn::Sub(f, two)), hn::Set(d, 6.0));
  const V w_1 = hn::Div(hn::Mul(hn::Mul(hn::Neg(hn::Add(f, one)), f), hn::Sub(f, two)), two);
  const V w_2 = hn::Div(hn::Mul(hn::Mul(hn::Add(f, one), f), hn::Sub(f, one)), hn::Set(d, 6.0));
  // Node i of the window sits at index i - a.window_first of the node columns.
  const auto i0 = hn::ConvertTo(di, hn::Sub(i_real, hn::Set(d, a.window_first)));
  const auto interpolate = [&](const double* column) {
    const V n_m1 = hn::GatherIndex(d, column, hn::Sub(i0, hn::Set(di, 1)));
    const V base = hn::GatherIndex(d, column, i0);
    const V n_1 = hn::GatherIndex(d, column, hn::Add(i0, hn::Set(di, 1)));
    const V n_2 = hn::GatherIndex(d, column, hn::Add(i0, hn::Set(di, 2)));
    return hn::Add(hn::Add(hn::Add(base, hn::Mul(w_m1, hn::Sub(n_m1, base))),
                           hn::Mul(w_1, hn::Sub(n_1, base))),
                   hn::Mul(w_2, hn::Sub(n_2, base)));
  };
  return {WrapTwoPi(d, interpolate(a.nodes[0])), interpolate(a.nodes[1]),
          WrapTwoPi(d, interpolate(a.nodes[2])), interpolate(a.nodes[3])};
}

// topocentricSolarPosition's unit vector to the sun (east, north, up), SPA sec. 3.11-3.13.
struct SunLanes {
  hn::Vec<hn::ScalableTag<double>> east, north, up;
};

template <class D>
HWY_INLINE SunLanes Topocentric(D d, const SkyArgs& a, const GeocentricLanes& g) {
  using V = hn::Vec<D>;
  const V sin_xi = Sin(d, hn::Div(hn::Set(d, a.parallax_arcsec), g.earth_radius));
  const V hour_angle =
      hn::Sub(hn::Add(g.sidereal_time, hn::Set(d, a.longitude)), g.right_ascension);
  const auto [sin_h, cos_h] = SinCos(d, hour_angle);
  const auto [sin_dec, cos_dec] = SinCos(d, g.declination);
  const V x = hn::Set(d, a.x), y = hn::Set(d, a.y), one = hn::Set(d, 1.0);
  const V para_y = hn::Mul(hn::Mul(hn::Neg(x), sin_xi), sin_h);
  const V para_x = hn::Sub(cos_dec, hn::Mul(hn::Mul(x, sin_xi), cos_h));
  const V inv_para =
      hn::Div(one, hn::Sqrt(hn::Add(hn::Mul(para_x, para_x), hn::Mul(para_y, para_y))));
  const V cos_da = hn::Mul(para_x, inv_para), sin_da = hn::Mul(para_y, inv_para);
  const V sin_hp = hn::Sub(hn::Mul(sin_h, cos_da), hn::Mul(cos_h, sin_da));
  const V cos_hp = hn::Add(hn::Mul(cos_h, cos_da), hn::Mul(sin_h, sin_da));
  const V dec_y = hn::Mul(hn::Sub(sin_dec, hn::Mul(y, sin_xi)), cos_da);
  const V inv_dec = hn::Div(one, hn::Sqrt(hn::Add(hn::Mul(dec_y, dec_y), hn::Mul(para_x, para_x))));
  const V sin_decp = hn::Mul(dec_y, inv_dec), cos_decp = hn::Mul(para_x, inv_dec);
  const V sin_lat = hn::Set(d, a.sin_lat), cos_lat = hn::Set(d, a.cos_lat);
  return {hn::Neg(hn::Mul(cos_decp, sin_hp)),
          hn::Sub(hn::Mul(cos_lat, sin_decp), hn::Mul(hn::Mul(sin_lat, cos_decp), cos_hp)),
          hn::Add(hn::Mul(sin_lat, sin_decp), hn::Mul(hn::Mul(cos_lat, cos_decp), cos_hp))};
}

// The apparent zenith: SPA eq. 42's refraction while the sun's upper limb may be visible.
template <class D, class V = hn::Vec<D>>
HWY_INLINE V ApparentZenith(D d, const SkyArgs& a, V zenith) {
  constexpr double deg = units::deg;
  const V e0 = hn::Div(hn::Sub(hn::Set(d, 0.5 * units::pi), zenith), hn::Set(d, deg));
  const V angle = hn::Mul(hn::Add(e0, hn::Div(hn::Set(d, 10.3), hn::Add(e0, hn::Set(d, 5.11)))),
                          hn::Set(d, deg));
  const V refraction =
      hn::Mul(hn::Div(hn::Set(d, a.refraction_scale), hn::Mul(hn::Set(d, 60.0), Tan(d, angle))),
              hn::Set(d, deg));
  const auto visible = hn::Ge(e0, hn::Set(d, -(0.26667 + 0.5667)));
  return hn::Sub(zenith, hn::IfThenElseZero(visible, refraction));
}

// pvSky on the lanes, from the sun's unit vector; stores every output column at step i.
template <class D>
HWY_INLINE void SkyLanes(D d, const SkyArgs& a, const SunLanes& sun, size_t i) {
  using V = hn::Vec<D>;
  const V zero = hn::Zero(d), one = hn::Set(d, 1.0);
  const V zenith = Atan2(
      d, hn::Sqrt(hn::Add(hn::Mul(sun.east, sun.east), hn::Mul(sun.north, sun.north))), sun.up);
  const V z = ApparentZenith(d, a, zenith);
  const V azimuth = WrapTwoPi(d, Atan2(d, sun.east, sun.north));
  hn::StoreU(z, d, a.apparent_zenith + i);
  hn::StoreU(azimuth, d, a.azimuth + i);
  const V ghi = hn::LoadU(d, a.ghi + i), dni = hn::LoadU(d, a.dni + i),
          dhi = hn::LoadU(d, a.dhi + i);
  const auto up = hn::Lt(z, hn::Set(d, 0.5 * units::pi));
  const auto lit = hn::Or(up, hn::Or(hn::Gt(ghi, zero), hn::Gt(dhi, zero)));
  const auto [sin_z, cos_z] = SinCos(d, z);
  const auto [sin_az, cos_az] = SinCos(d, azimuth);
  hn::StoreU(hn::IfThenElseZero(up, hn::Mul(sin_z, sin_az)), d, a.sun_east + i);
  hn::StoreU(hn::IfThenElseZero(up, hn::Mul(sin_z, cos_az)), d, a.sun_north + i);
  hn::StoreU(hn::IfThenElseZero(up, cos_z), d, a.sun_up + i);
  hn::StoreU(hn::IfThenElseZero(lit, one), d, a.lit + i);
  if (hn::AllFalse(d, lit)) {  // night: pvSky leaves the sky empty
    for (double* column : {a.perez_isotropic, a.perez_circumsolar, a.perez_horizon,
                           a.hay_davies_isotropic, a.hay_davies_circumsolar}) {
      hn::StoreU(zero, d, column + i);
    }
    for (double* column : a.sapm_rise) hn::StoreU(zero, d, column + i);
    return;
  }
  // relativeAirMass (Kasten & Young 1989), 0 with the sun down.
  const V z_deg = hn::Div(z, hn::Set(d, units::deg));
  const V kasten = Pow(d, hn::Sub(hn::Set(d, 96.07995), z_deg), hn::Set(d, -1.6364));
  const V air_mass =
      hn::IfThenElseZero(hn::Lt(z, hn::Set(d, 90.0 * units::deg)),
                         hn::Div(one, hn::Add(cos_z, hn::Mul(hn::Set(d, 0.50572), kasten))));
  // perezSky: the clearness bin by counting the edges at or below epsilon, its coefficients.
  const V dni_extra = hn::Set(d, a.dni_extra);
  const V z3 = hn::Mul(hn::Mul(hn::Mul(hn::Set(d, 1.041), z), z), z);
  const V epsilon = hn::Div(hn::Add(hn::Div(hn::Add(dhi, dni), dhi), z3), hn::Add(one, z3));
  const V delta = hn::Div(hn::Mul(dhi, air_mass), dni_extra);
  const hn::RebindToSigned<D> di;
  auto bin = hn::Zero(di);
  for (const double edge : perezEpsilonEdges()) {
    bin = hn::Sub(bin, hn::VecFromMask(di, hn::RebindMask(di, hn::Ge(epsilon, hn::Set(d, edge)))));
  }
  V c[6];
  for (size_t k = 0; k < 6; ++k) c[k] = hn::GatherIndex(d, a.perez[k], bin);
  const V f1 = hn::Max(hn::Add(hn::Add(c[0], hn::Mul(c[1], delta)), hn::Mul(c[2], z)), zero);
  const V f2 = hn::Add(hn::Add(c[3], hn::Mul(c[4], delta)), hn::Mul(c[5], z));
  const V perez_cos = hn::Max(cos_z, hn::Set(d, std::cos(85.0 * units::deg)));
  const auto perez = hn::And(lit, hn::And(hn::Gt(air_mass, zero), hn::Gt(dhi, zero)));
  hn::StoreU(hn::IfThenElseZero(perez, hn::Mul(dhi, hn::Sub(one, f1))), d, a.perez_isotropic + i);
  hn::StoreU(hn::IfThenElseZero(perez, hn::Div(hn::Mul(dhi, f1), perez_cos)), d,
             a.perez_circumsolar + i);
  hn::StoreU(hn::IfThenElseZero(perez, hn::Mul(dhi, f2)), d, a.perez_horizon + i);
  // hayDaviesSky.
  const V anisotropy = hn::Div(dni, dni_extra);
  const V hd_cos = hn::Max(cos_z, hn::Set(d, 0.01745));
  hn::StoreU(hn::IfThenElseZero(lit, hn::Max(hn::Mul(dhi, hn::Sub(one, anisotropy)), zero)), d,
             a.hay_davies_isotropic + i);
  hn::StoreU(hn::IfThenElseZero(lit, hn::Max(hn::Div(hn::Mul(dhi, anisotropy), hd_cos), zero)), d,
             a.hay_davies_circumsolar + i);
  // sapmHeatFactor per preset.
  const V wind = hn::LoadU(d, a.wind_speed + i);
  for (size_t p = 0; p < kSapmPresets.size(); ++p) {
    const V rise = Exp(
        d, hn::Add(hn::Set(d, kSapmPresets[p].a), hn::Mul(hn::Set(d, kSapmPresets[p].b), wind)));
    hn::StoreU(hn::IfThenElseZero(lit, rise), d, a.sapm_rise[p] + i);
  }
}

void SkyKernel(const SkyArgs& a, size_t n) {
  static_assert(HWY_MAX_BYTES / sizeof(double) <= 8, "computeSkies pads to 8 doubles");
  const hn::ScalableTag<double> d;
  const size_t lanes = hn::Lanes(d);
  for (size_t i = 0; i < n; i += lanes) {  // the series' columns are padded to whole vectors
    const auto middle =
        hn::Mul(hn::Add(hn::Iota(d, static_cast<double>(i)), hn::Set(d, 0.5)), hn::Set(d, a.step));
    const auto t = hn::Add(hn::Set(d, a.first_start), middle);
    const SunLanes sun = Topocentric(d, a, Geocentric(d, a, t));
    SkyLanes(d, a, sun, i);
  }
}

}  // namespace physics::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace physics {

HWY_EXPORT(SkyKernel);

namespace {

// Doubles in the widest x86 vector (AVX-512); SkyKernel checks it for each target. (HWY_MAX_BYTES
// here would be the last target's, not the widest.)
constexpr size_t kMaxLanes = 8;

// perezCoefficients() column by column.
const std::array<std::array<double, 8>, 6>& perezColumns() {
  static const auto columns = [] {
    std::array<std::array<double, 8>, 6> c{};
    for (size_t bin = 0; bin < 8; ++bin) {
      for (size_t k = 0; k < 6; ++k) c[k][bin] = perezCoefficients()[bin][k];
    }
    return c;
  }();
  return columns;
}

// The nodes the stencils of steps [0, steps) read, column by column, from window_first on.
struct NodeWindow {
  std::array<std::vector<double>, 4> columns;
  double first = 0.0, last_stencil = 0.0;
};

// One node of margin on each side: the kernel forms the steps' times in vector arithmetic (FMA
// where the target has it), which may round a time across a node boundary.
NodeWindow nodeWindow(const SunEphemeris& sun, double first_middle, double last_middle) {
  const std::vector<GeocentricSun>& nodes = sun.nodes();
  NodeWindow w;
  w.last_stencil = sun.lastStencil();
  const auto lo = static_cast<size_t>(std::max(0.0, sun.stencil(first_middle) - 2.0));
  const size_t hi = std::min(nodes.size() - 1, static_cast<size_t>(sun.stencil(last_middle)) + 3);
  w.first = static_cast<double>(lo);
  for (size_t k = lo; k <= hi; ++k) {
    w.columns[0].push_back(nodes[k].right_ascension);
    w.columns[1].push_back(nodes[k].declination);
    w.columns[2].push_back(nodes[k].sidereal_time);
    w.columns[3].push_back(nodes[k].earth_radius);
  }
  return w;
}

void scalarSkies(const SunEphemeris& sun, const SiteLocation& site, const RefractionAir& air,
                 double first_start, double step, int day_of_year, PvSkySeries& series) {
  for (size_t i = 0; i < series.size(); ++i) {
    const double middle = first_start + (static_cast<double>(i) + 0.5) * step;
    const SolarPosition pos = topocentricSolarPosition(sun.at(middle), site, air);
    const WeatherStep w{series.ghi[i], series.dni[i], series.dhi[i], series.temp_air[i],
                        series.wind_speed[i]};
    series.set(i, pvSky(pos, w, day_of_year));
    series.apparent_zenith[i] = pos.apparent_zenith;
    series.azimuth[i] = pos.azimuth;
  }
}

sky_series_detail::SkyArgs skyArgs(const SunEphemeris& sun, const SiteLocation& site,
                                   const RefractionAir& air, int day_of_year,
                                   const NodeWindow& window, PvSkySeries& s) {
  sky_series_detail::SkyArgs a;
  a.first_node = sun.firstNode();
  a.node_spacing = SunEphemeris::kNodeSpacing;
  a.last_stencil = window.last_stencil;
  a.window_first = window.first;
  for (size_t k = 0; k < 4; ++k) a.nodes[k] = window.columns[k].data();
  const ObserverTerms o = observerTerms(site);
  a.longitude = site.longitude;
  a.sin_lat = o.sin_lat;
  a.cos_lat = o.cos_lat;
  a.x = o.x;
  a.y = o.y;
  a.parallax_arcsec = kParallaxArcsec;
  a.refraction_scale = refractionScale(air);
  a.dni_extra = extraterrestrialNormalIrradiance(day_of_year, kPvwattsSolarConstant);
  for (size_t k = 0; k < 6; ++k) a.perez[k] = perezColumns()[k].data();
  a.ghi = s.ghi.data();
  a.dni = s.dni.data();
  a.dhi = s.dhi.data();
  a.wind_speed = s.wind_speed.data();
  a.apparent_zenith = s.apparent_zenith.data();
  a.azimuth = s.azimuth.data();
  a.sun_east = s.sun_east.data();
  a.sun_north = s.sun_north.data();
  a.sun_up = s.sun_up.data();
  a.lit = s.lit.data();
  a.perez_isotropic = s.perez_isotropic.data();
  a.perez_circumsolar = s.perez_circumsolar.data();
  a.perez_horizon = s.perez_horizon.data();
  a.hay_davies_isotropic = s.hay_davies_isotropic.data();
  a.hay_davies_circumsolar = s.hay_davies_circumsolar.data();
  for (size_t p = 0; p < s.sapm_rise.size(); ++p) a.sapm_rise[p] = s.sapm_rise[p].data();
  return a;
}

}  // namespace

void computeSkies(const SunEphemeris& sun, const SiteLocation& site, const RefractionAir& air,
                  double first_start, double step, int day_of_year, PvSkySeries& series,
                  PvKernel kernel) {
  const size_t n = series.size();
  series.apparent_zenith.resize(n);
  series.azimuth.resize(n);
  if (kernel == PvKernel::kScalar)
    return scalarSkies(sun, site, air, first_start, step, day_of_year, series);
  if (n == 0) return;
  // Whole vectors: the columns grow by zero (dark) steps for the kernel, and shrink back.
  const size_t padded = (n + kMaxLanes - 1) / kMaxLanes * kMaxLanes;
  series.resize(padded);
  series.apparent_zenith.resize(padded);
  series.azimuth.resize(padded);
  const NodeWindow window = nodeWindow(sun, first_start + 0.5 * step,
                                       first_start + (static_cast<double>(padded) - 0.5) * step);
  sky_series_detail::SkyArgs a = skyArgs(sun, site, air, day_of_year, window, series);
  a.first_start = first_start;
  a.step = step;
  HWY_DYNAMIC_DISPATCH(SkyKernel)(a, padded);
  series.resize(n);
  series.apparent_zenith.resize(n);
  series.azimuth.resize(n);
}

}  // namespace physics
#endif  // HWY_ONCE
