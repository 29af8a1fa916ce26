#include "twin/diagnosis/motor_diagnosis.h"

#include <algorithm>
#include <set>

#include "physics/units.h"
#include "twin/base/calendar.h"
#include "twin/diagnosis/duty_totals.h"
#include "twin/diagnosis/reading_estimate.h"
#include "twin/model/compile_measures.h"

namespace twin::diagnosis {
namespace {

namespace u = physics::units;

std::optional<physics::MotorClass> declaredClass(const Motor& m) {
  if (m.efficiency_class == EfficiencyClass::kUnknown) return std::nullopt;
  return static_cast<physics::MotorClass>(m.efficiency_class);
}

// The part-load model of a motor of this rating and poles with the rated efficiency of `c`, at
// the same voltage and power factor; none outside the class table's coverage.
std::optional<physics::MotorModel> classModel(const physics::MotorModel& m, physics::MotorClass c) {
  const std::optional<double> eta = physics::ratedEfficiency(c, m.rated_power, m.poles);
  if (!eta) return std::nullopt;
  return physics::makeMotorModel(m.rated_power, m.poles, *eta, m.rated_power_factor,
                                 m.rated_voltage);
}

Replacement replacementCase(std::string to, const SavingTotals& s, double annual, double investment,
                            double emission_factor) {
  Replacement r;
  r.to = std::move(to);
  r.energy = s.energy * annual;
  r.money = s.money * annual;
  r.co2 = r.energy * emission_factor;
  r.investment = investment;
  if (r.money > 0) r.payback = investment / r.money;
  return r;
}

void setFlags(MotorFinding& f, bool gap) {
  if (f.mean_load && *f.mean_load < kUnderloadedBelow) f.flags.push_back(Flag::kUnderloaded);
  if (f.load_p95 && *f.load_p95 < kOversizedBelow) f.flags.push_back(Flag::kOversized);
  if (f.unbalance_mean && *f.unbalance_mean > kUnbalanceAbove) {
    f.flags.push_back(Flag::kVoltageUnbalance);
  }
  if (f.efficiency && f.class_efficiency &&
      *f.efficiency + *f.efficiency_uncertainty < *f.class_efficiency) {
    f.flags.push_back(Flag::kBelowClass);
  }
  if (gap) f.flags.push_back(Flag::kDataGap);
}

void fillEstimates(MotorFinding& f, const DutyTotals& t) {
  if (t.estimated == 0) return;
  const double n = static_cast<double>(t.estimated);
  f.mean_load = t.load_sum / n;
  f.load_uncertainty = t.load_uncertainty_sum / n;
  f.load_p95 = t.loadPercentile(0.95);
  if (t.input_estimated > 0) {
    f.efficiency = t.shaft / t.input_estimated;
    f.efficiency_uncertainty = t.efficiency_uncertainty_energy / t.input_estimated;
  }
  if (t.class_input > 0) f.class_efficiency = t.shaft / t.class_input;
}

MotorFinding findingFor(const ParkModel& model, const Motor& motor, const MeterSeries& series,
                        physics::MotorClass target, bool gap) {
  MotorFinding f;
  f.id = motor.id;
  f.name = motor.name;
  f.kind = kDrivenKindNames[static_cast<size_t>(motor.driven)];
  f.rated_power = motor.nameplate.rated_power;
  f.efficiency_class = kEfficiencyClassNames[static_cast<size_t>(motor.efficiency_class)];
  const MotorContext c = makeMotorContext(motor, model.network.buses);
  const std::optional<physics::MotorClass> declared = declaredClass(motor);
  const DutyModels models{&c, declared ? classModel(c.model, *declared) : std::nullopt,
                          classModel(c.model, target)};
  std::set<std::pair<std::string, std::string>> skipped;
  const DutyTotals t = totalDuty(models, model, series, skipped);
  for (const auto& [method, reason] : skipped) f.skipped_methods.push_back({method, reason});
  f.readings = static_cast<long>(series.readings.size());
  f.energised = t.energised;
  f.hours = t.seconds / u::hour;
  for (size_t i = 0; i < physics::kEstimationMethodNames.size(); ++i) {
    if (t.methods & (1u << i)) f.methods.emplace_back(physics::kEstimationMethodNames[i]);
  }
  fillEstimates(f, t);
  const double annual = t.seconds > 0 ? u::year / t.seconds : 0.0;
  f.energy_per_year = t.input * annual;
  if (t.unbalance_count > 0) {
    f.unbalance_mean = t.unbalance_sum / static_cast<double>(t.unbalance_count);
    f.unbalance_max = t.unbalance_max;
    f.unbalance_derating = physics::nemaUnbalanceDerating(*f.unbalance_max);
    f.unbalance_loss_per_year = t.unbalance_losses * annual;
  }
  setFlags(f, gap);
  const double factor = model.grid_emission_factor;
  if (models.target) {
    const CostDefaults& d = costDefaults(MeasureKind::kMotorUpgrade);
    f.replacement =
        replacementCase(std::string(physics::kMotorClassNames[size_t(target)]), t.replacement,
                        annual, d.unit_cost * f.rated_power + d.fixed, factor);
  }
  if (t.drive_possible) {
    const CostDefaults& d = costDefaults(MeasureKind::kVsd);
    f.drive =
        replacementCase("drive", t.drive, annual, d.unit_cost * f.rated_power + d.fixed, factor);
  }
  return f;
}

void rank(std::vector<MotorFinding>& motors) {
  auto key = [](const MotorFinding& f) {
    return f.replacement ? std::pair(f.replacement->money, f.replacement->energy)
                         : std::pair(-1e300, -1e300);
  };
  std::stable_sort(motors.begin(), motors.end(), [&](const MotorFinding& a, const MotorFinding& b) {
    return key(a) != key(b) ? key(a) > key(b) : a.id < b.id;
  });
  for (size_t i = 0; i < motors.size(); ++i) motors[i].rank = static_cast<int>(i) + 1;
}

}  // namespace

Diagnosis diagnoseMotors(const ParkModel& model, const MeterData& meters,
                         physics::MotorClass target) {
  Diagnosis d;
  d.to_class = physics::kMotorClassNames[static_cast<size_t>(target)];
  std::set<std::string> gapped;
  for (const MeterGap& g : meters.gaps) gapped.insert(g.id);
  for (const MeterSeries& s : meters.meters) {
    auto motor = std::find_if(model.motors.begin(), model.motors.end(),
                              [&](const Motor& m) { return m.id == s.id; });
    if (motor != model.motors.end()) {
      d.motors.push_back(findingFor(model, *motor, s, target, gapped.count(s.id) > 0));
      continue;
    }
    const auto units = std::count_if(model.motors.begin(), model.motors.end(),
                                     [&](const Motor& m) { return m.entry == s.id; });
    if (units > 0) {
      d.notes.push_back(s.id + ": a meter on a group of " + std::to_string(units) +
                        " motors; diagnose needs a meter per motor (" + s.id + "-01, ...)");
    }
  }
  rank(d.motors);
  return d;
}

bool isParkMeterId(const ParkModel& model, std::string_view id) {
  if (id == "grid") return true;
  auto named = [&](const auto& items) {
    return std::any_of(items.begin(), items.end(), [&](const auto& x) { return x.id == id; });
  };
  auto entry = [&](const auto& items) {
    return std::any_of(items.begin(), items.end(), [&](const auto& x) { return x.entry == id; });
  };
  return named(model.motors) || entry(model.motors) || named(model.loads) || entry(model.loads) ||
         named(model.network.buses) || named(model.network.transformers) || named(model.storage) ||
         named(model.ev_chargers) || named(model.pv);
}

std::string_view flagMeaning(Flag flag, bool chinese) {
  static constexpr std::array<std::array<std::string_view, 2>, 5> kMeanings = {{
      {"mean load below 40 % of rating: efficiency and power factor fall; check the duty or a "
       "smaller motor",
       "平均负载率低于40%：效率和功率因数下降；核查工况或换用较小电机"},
      {"even its highest loads (95th percentile) stay below 60 %: a smaller rating would carry "
       "the duty",
       "最高负载（95%分位）仍低于60%：较小功率的电机即可满足工况"},
      {"supply voltage unbalance above 1 % (NEMA MG 1): extra heating and losses; check the "
       "supply and single-phase loads on the bus",
       "电压不平衡度超过1%（NEMA MG 1）：发热和损耗增加；检查供电及母线上的单相负荷"},
      {"measured efficiency below its class curve by more than the uncertainty: worn, rewound or "
       "misdeclared; a candidate for replacement",
       "实测效率低于其能效等级曲线且超出不确定度：老化、重绕或铭牌不符，建议更换"},
      {"the readings have gaps: figures cover fewer hours; annual values are extrapolated",
       "读数存在缺口：统计覆盖时长不足，年值为外推"},
  }};
  return kMeanings[static_cast<size_t>(flag)][chinese ? 1 : 0];
}

}  // namespace twin::diagnosis
