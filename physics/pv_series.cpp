// pv_series.h: the vector kernel, compiled once per SIMD target by Highway's foreach_target (this
// file includes itself once per target), and the dispatch, the scalar path and the series'
// storage (HWY_ONCE: compiled once).
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "physics/pv_series.cpp"
// clang-format off
#include <hwy/foreach_target.h>  // must come before highway.h
#include <hwy/highway.h>
// clang-format on

#include "physics/pv_series.h"

#include <stdexcept>

#include "physics/pv_series_args.h"

HWY_BEFORE_NAMESPACE();
namespace physics::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;
using pv_series_detail::OutputFields;
using pv_series_detail::SkyFields;
using pv_series_detail::SystemConstants;

// iamPhysical (irradiance.h) on a vector of cos(aoi); 0 where cos(aoi) <= 0.
template <class D, class V>
HWY_INLINE V PhysicalIam(D d, V cos_aoi) {
  constexpr double n = 1.526, kl = 4.0 * 0.002, r0 = (n - 1.0) / (n + 1.0);
  const V one = hn::Set(d, 1.0), vn = hn::Set(d, n);
  const V c = hn::Min(hn::Max(cos_aoi, hn::Zero(d)), one);
  const V cr =
      hn::Sqrt(hn::Sub(one, hn::Mul(hn::Sub(one, hn::Mul(c, c)), hn::Set(d, 1.0 / (n * n)))));
  const V ncr = hn::Mul(vn, cr), nc = hn::Mul(vn, c);
  const V ps = hn::Mul(hn::Sub(c, ncr), hn::Add(cr, nc));
  const V pp = hn::Mul(hn::Sub(cr, nc), hn::Add(c, ncr));
  const V q = hn::Mul(hn::Add(c, ncr), hn::Add(cr, nc));
  const V fresnel = hn::Sub(
      one,
      hn::Div(hn::Mul(hn::Set(d, 0.5), hn::Add(hn::Mul(ps, ps), hn::Mul(pp, pp))), hn::Mul(q, q)));
  // exp(x) for x = kl (1 - 1/cr) in [-kl (1/sqrt(1 - 1/n^2) - 1), 0] = [-0.0026, 0]: its Taylor
  // series to x^6 leaves |x|^7 / 7! < 2e-22, below a double's rounding.
  const V x = hn::Sub(hn::Set(d, kl), hn::Div(hn::Set(d, kl), cr));
  V absorbed = hn::Set(d, 1.0 / 720.0);
  for (const double coefficient : {1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5, 1.0, 1.0}) {
    absorbed = hn::MulAdd(absorbed, x, hn::Set(d, coefficient));
  }
  const V iam = hn::Mul(hn::Mul(fresnel, hn::Set(d, 1.0 / (1.0 - r0 * r0))), absorbed);
  return hn::IfThenElseZero(hn::Gt(cos_aoi, hn::Zero(d)), iam);
}

// iamAshrae with b0 = 0.05; 0 where cos(aoi) <= 0.
template <class D, class V>
HWY_INLINE V AshraeIam(D d, V cos_aoi) {
  const V one = hn::Set(d, 1.0);
  const V c = hn::Max(cos_aoi, hn::Set(d, 1e-300));
  const V iam =
      hn::Max(hn::Sub(one, hn::Mul(hn::Set(d, 0.05), hn::Sub(hn::Div(one, c), one))), hn::Zero(d));
  return hn::IfThenElseZero(hn::Gt(cos_aoi, hn::Zero(d)), iam);
}

// pvwattsInverter on a vector of DC power.
template <class D, class V>
HWY_INLINE V PvwattsAc(D d, V pdc, const SystemConstants& k) {
  const V safe = hn::Max(pdc, hn::Set(d, 1e-300));
  const V z = hn::Mul(safe, hn::Set(d, k.inv_pdc0_inverter));
  const V eta =
      hn::Mul(hn::Set(d, k.eta_ratio),
              hn::Add(hn::Sub(hn::Mul(hn::Set(d, -0.0162), z), hn::Div(hn::Set(d, 0.0059), z)),
                      hn::Set(d, 0.9858)));
  const V pac = hn::Min(hn::Max(hn::Mul(eta, pdc), hn::Zero(d)), hn::Set(d, k.pac0));
  return hn::IfThenElseZero(hn::Gt(pdc, hn::Zero(d)), pac);
}

// The steps [i, i + Lanes(d)) of the series.
template <class D>
HWY_INLINE void PvLanes(D d, const SkyFields& in, const SystemConstants& k, size_t i,
                        const OutputFields& out) {
  using V = hn::Vec<D>;
  using namespace pv_series_detail;  // the field indices
  const auto load = [&](SkyField f) { return hn::LoadU(d, in[f] + i); };
  const V zero = hn::Zero(d);
  const auto lit = hn::Gt(load(kLit), zero);
  const V temp_air = load(kTempAir);
  if (hn::AllFalse(d, lit)) {  // night: what pvPower returns for it
    for (const OutputField f : {kPoaGlobal, kDcPower, kAcPower}) hn::StoreU(zero, d, out[f] + i);
    hn::StoreU(temp_air, d, out[kTempCell] + i);
    return;
  }
  const V dot = hn::Add(hn::Add(hn::Mul(hn::Set(d, k.east), load(kSunEast)),
                                hn::Mul(hn::Set(d, k.north), load(kSunNorth))),
                        hn::Mul(hn::Set(d, k.up), load(kSunUp)));
  const V cos_aoi = hn::Min(hn::Max(dot, hn::Set(d, -1.0)), hn::Set(d, 1.0));
  V sky = hn::Mul(load(kSkyIsotropic), hn::Set(d, k.iso_view));
  if (in[kSkyCircumsolar])
    sky = hn::Add(sky, hn::Mul(load(kSkyCircumsolar), hn::Max(cos_aoi, zero)));
  if (in[kSkyHorizon]) sky = hn::Add(sky, hn::Mul(load(kSkyHorizon), hn::Set(d, k.horizon_view)));
  if (k.clip_sky) sky = hn::Max(sky, zero);
  const V beam = hn::Max(hn::Mul(load(kDni), cos_aoi), zero);
  const V ground = hn::Mul(load(kGhi), hn::Set(d, k.ground_view));
  const V poa = hn::Add(hn::Add(beam, sky), ground);
  V effective_beam = beam;
  if (k.iam == IncidenceModifier::kPhysical)
    effective_beam = hn::Mul(beam, PhysicalIam(d, cos_aoi));
  if (k.iam == IncidenceModifier::kAshrae) effective_beam = hn::Mul(beam, AshraeIam(d, cos_aoi));
  const V effective = hn::Add(hn::Add(effective_beam, sky), ground);
  V temp_cell;
  if (k.faiman) {
    const V u = hn::Add(hn::Set(d, 25.0), hn::Mul(hn::Set(d, 6.84), load(kWindSpeed)));
    temp_cell = hn::Add(temp_air, hn::Div(poa, u));
  } else {
    temp_cell =
        hn::Add(temp_air, hn::Mul(poa, hn::Add(load(kSapmRise), hn::Set(d, k.sapm_delta_t))));
  }
  const V thermal = hn::Add(hn::Set(d, 1.0),
                            hn::Mul(hn::Set(d, k.gamma), hn::Sub(temp_cell, hn::Set(d, 298.15))));
  const V dc = hn::Mul(hn::Mul(effective, hn::Set(d, k.dc_scale)), thermal);
  hn::StoreU(hn::IfThenElseZero(lit, poa), d, out[kPoaGlobal] + i);
  hn::StoreU(hn::IfThenElse(lit, temp_cell, temp_air), d, out[kTempCell] + i);
  hn::StoreU(hn::IfThenElseZero(lit, dc), d, out[kDcPower] + i);
  hn::StoreU(hn::IfThenElseZero(lit, PvwattsAc(d, dc, k)), d, out[kAcPower] + i);
}

// Whole vectors, then the last steps through a zero-padded copy (the same instructions, so a
// step's result does not depend on its position).
void PvSeriesKernel(const SkyFields& in, const SystemConstants& k, size_t n,
                    const OutputFields& out) {
  const hn::ScalableTag<double> d;
  const size_t lanes = hn::Lanes(d);
  size_t i = 0;
  for (; i + lanes <= n; i += lanes) PvLanes(d, in, k, i, out);
  if (i == n) return;
  constexpr size_t kMax = HWY_MAX_BYTES / sizeof(double);
  HWY_ALIGN double pad_in[pv_series_detail::kSkyFields][kMax] = {};
  HWY_ALIGN double pad_out[pv_series_detail::kOutputFields][kMax] = {};
  SkyFields tail{};
  for (size_t f = 0; f < in.size(); ++f) {
    if (!in[f]) continue;
    std::copy(in[f] + i, in[f] + n, pad_in[f]);
    tail[f] = pad_in[f];
  }
  OutputFields tail_out{};
  for (size_t f = 0; f < out.size(); ++f) tail_out[f] = pad_out[f];
  PvLanes(d, tail, k, 0, tail_out);
  for (size_t f = 0; f < out.size(); ++f) std::copy(pad_out[f], pad_out[f] + (n - i), out[f] + i);
}

const char* TargetName() { return hwy::TargetName(HWY_TARGET); }

}  // namespace physics::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace physics {
namespace pv_series_detail {

SystemConstants systemConstants(const PvSystem& s, double degradation) {
  SystemConstants k{};
  k.east = s.normal.east;
  k.north = s.normal.north;
  k.up = s.normal.up;
  k.iso_view = 0.5 * (1.0 + s.normal.up);
  k.horizon_view = s.transposition == Transposition::kPerez ? s.normal.sin_tilt : 0.0;
  k.ground_view = s.albedo * 0.5 * (1.0 - s.normal.up);
  k.clip_sky = s.transposition == Transposition::kPerez;
  k.iam = s.iam;
  k.faiman = s.temperature == CellTemperature::kFaiman;
  k.sapm_delta_t =
      k.faiman ? 0.0 : kSapmPresets[static_cast<size_t>(s.temperature)].delta_t / 1000.0;
  k.dc_scale = s.dc_capacity / 1000.0 * (1.0 - s.losses) * degradation;
  k.gamma = s.gamma;
  const PvwattsInverterRating rating =
      pvwattsInverterRating(s.dc_capacity, s.dc_ac_ratio, s.inverter_efficiency);
  k.inv_pdc0_inverter = 1.0 / rating.pdc0;
  k.pac0 = s.inverter_efficiency * rating.pdc0;
  k.eta_ratio = s.inverter_efficiency / 0.9637;  // pvwattsInverter's eta_inv_ref
  return k;
}

SkyFields skyFields(const PvSystem& s, const PvSkySeries& sky) {
  SkyFields f{};
  f[kGhi] = sky.ghi.data();
  f[kDni] = sky.dni.data();
  f[kTempAir] = sky.temp_air.data();
  f[kWindSpeed] = sky.wind_speed.data();
  f[kSunEast] = sky.sun_east.data();
  f[kSunNorth] = sky.sun_north.data();
  f[kSunUp] = sky.sun_up.data();
  f[kLit] = sky.lit.data();
  switch (s.transposition) {
    case Transposition::kPerez:
      f[kSkyIsotropic] = sky.perez_isotropic.data();
      f[kSkyCircumsolar] = sky.perez_circumsolar.data();
      f[kSkyHorizon] = sky.perez_horizon.data();
      break;
    case Transposition::kHayDavies:
      f[kSkyIsotropic] = sky.hay_davies_isotropic.data();
      f[kSkyCircumsolar] = sky.hay_davies_circumsolar.data();
      break;
    case Transposition::kIsotropic:
      f[kSkyIsotropic] = sky.dhi.data();
      break;
  }
  if (s.temperature != CellTemperature::kFaiman) {
    f[kSapmRise] = sky.sapm_rise[static_cast<size_t>(s.temperature)].data();
  }
  return f;
}

}  // namespace pv_series_detail

HWY_EXPORT(PvSeriesKernel);
HWY_EXPORT(TargetName);

void PvSkySeries::resize(size_t steps) {
  for (auto* v : {&ghi, &dni, &dhi, &temp_air, &wind_speed, &sun_east, &sun_north, &sun_up, &lit,
                  &perez_isotropic, &perez_circumsolar, &perez_horizon, &hay_davies_isotropic,
                  &hay_davies_circumsolar}) {
    v->resize(steps);
  }
  for (auto& v : sapm_rise) v.resize(steps);
}

void PvSkySeries::set(size_t i, const PvSky& s) {
  ghi[i] = s.weather.ghi;
  dni[i] = s.weather.dni;
  dhi[i] = s.weather.dhi;
  temp_air[i] = s.weather.temp_air;
  wind_speed[i] = s.weather.wind_speed;
  sun_east[i] = s.sun_up ? s.sun.east : 0.0;
  sun_north[i] = s.sun_up ? s.sun.north : 0.0;
  sun_up[i] = s.sun_up ? s.sun.up : 0.0;
  lit[i] = s.lit() ? 1.0 : 0.0;
  perez_isotropic[i] = s.perez.isotropic;
  perez_circumsolar[i] = s.perez.circumsolar;
  perez_horizon[i] = s.perez.horizon;
  hay_davies_isotropic[i] = s.hay_davies.isotropic;
  hay_davies_circumsolar[i] = s.hay_davies.circumsolar;
  for (size_t p = 0; p < sapm_rise.size(); ++p) sapm_rise[p][i] = s.sapm[p].rise_per_irradiance;
}

void PvSkySeries::assign(std::span<const PvSky> skies) {
  resize(skies.size());
  apparent_zenith.clear();
  azimuth.clear();
  for (size_t i = 0; i < skies.size(); ++i) set(i, skies[i]);
}

PvSky PvSkySeries::at(size_t i) const {
  PvSky s;
  s.weather = {ghi[i], dni[i], dhi[i], temp_air[i], wind_speed[i]};
  s.sun = {sun_east[i], sun_north[i], sun_up[i]};
  s.sun_up = sun_east[i] != 0.0 || sun_north[i] != 0.0 || sun_up[i] != 0.0;  // a unit vector
  s.perez.isotropic = perez_isotropic[i];
  s.perez.circumsolar = perez_circumsolar[i];
  s.perez.horizon = perez_horizon[i];
  s.hay_davies = {hay_davies_isotropic[i], hay_davies_circumsolar[i]};
  for (size_t p = 0; p < sapm_rise.size(); ++p)
    s.sapm[p] = {sapm_rise[p][i], kSapmPresets[p].delta_t};
  return s;
}

void PvSeriesOutput::resize(size_t steps) {
  for (auto* v : {&poa_global, &temp_cell, &dc_power, &ac_power}) v->resize(steps);
}

bool pvSeriesVectorised(const PvSystem& s) { return s.dc_model == DcModel::kPvwatts; }

void pvPowerSeries(const PvSystem& s, const PvSkySeries& sky, size_t first, size_t count,
                   double degradation, PvSeriesOutput& out, PvKernel kernel) {
  if (first > sky.size() || count > sky.size() - first) {
    throw std::out_of_range("pvPowerSeries: steps beyond the series");
  }
  out.resize(count);
  if (kernel == PvKernel::kVector && pvSeriesVectorised(s)) {
    using namespace pv_series_detail;
    SkyFields in = skyFields(s, sky);
    for (const double*& field : in) field = field ? field + first : nullptr;
    const OutputFields fields{out.poa_global.data(), out.temp_cell.data(), out.dc_power.data(),
                              out.ac_power.data()};
    HWY_DYNAMIC_DISPATCH(PvSeriesKernel)(in, systemConstants(s, degradation), count, fields);
    return;
  }
  for (size_t i = 0; i < count; ++i) {
    const PvOutput o = pvPower(s, sky.at(first + i), degradation);
    out.poa_global[i] = o.poa_global;
    out.temp_cell[i] = o.temp_cell;
    out.dc_power[i] = o.dc_power;
    out.ac_power[i] = o.ac_power;
  }
}

const char* pvSeriesTarget() { return HWY_DYNAMIC_DISPATCH(TargetName)(); }

}  // namespace physics
#endif  // HWY_ONCE
