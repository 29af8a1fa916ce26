#include "twin/diagnosis/finding_fields.h"

#include "physics/units.h"

namespace twin::diagnosis {
namespace {

namespace u = physics::units;

std::optional<double> pct(std::optional<double> fraction) {
  if (!fraction) return std::nullopt;
  return *fraction / u::pct;
}

}  // namespace

const std::array<FindingField, 12> kFindingFields = {{
    {"readings", "Readings", "读数", "",
     [](const MotorFinding& f) -> std::optional<double> { return double(f.readings); }},
    {"energised_readings", "Energised", "通电读数", "",
     [](const MotorFinding& f) -> std::optional<double> { return double(f.energised); }},
    {"hours", "Hours covered", "覆盖时长", "h",
     [](const MotorFinding& f) -> std::optional<double> { return f.hours; }},
    {"mean_load_pct", "Mean load", "平均负载率", "%",
     [](const MotorFinding& f) { return pct(f.mean_load); }},
    {"load_uncertainty_pct", "Load +-", "负载率不确定度", "%",
     [](const MotorFinding& f) { return pct(f.load_uncertainty); }},
    {"efficiency_pct", "Efficiency", "效率", "%",
     [](const MotorFinding& f) { return pct(f.efficiency); }},
    {"efficiency_uncertainty_pct", "Efficiency +-", "效率不确定度", "%",
     [](const MotorFinding& f) { return pct(f.efficiency_uncertainty); }},
    {"class_efficiency_pct", "Class efficiency", "等级效率", "%",
     [](const MotorFinding& f) { return pct(f.class_efficiency); }},
    {"energy_kwh_per_year", "Energy", "年耗电量", "kWh/a",
     [](const MotorFinding& f) -> std::optional<double> { return f.energy_per_year / u::kWh; }},
    {"voltage_unbalance_pct", "Unbalance mean", "电压不平衡度均值", "%",
     [](const MotorFinding& f) { return pct(f.unbalance_mean); }},
    {"voltage_unbalance_max_pct", "Unbalance max", "电压不平衡度最大值", "%",
     [](const MotorFinding& f) { return pct(f.unbalance_max); }},
    {"unbalance_loss_kwh_per_year", "Unbalance losses", "不平衡附加损耗", "kWh/a",
     [](const MotorFinding& f) -> std::optional<double> {
       if (!f.unbalance_loss_per_year) return std::nullopt;
       return *f.unbalance_loss_per_year / u::kWh;
     }},
}};

const std::array<ReplacementField, 5> kReplacementFields = {{
    {"saving_kwh_per_year", "Saving", "节电量", "kWh/a",
     [](const Replacement& r) -> std::optional<double> { return r.energy / u::kWh; }},
    {"saving_cny_per_year", "Saving", "节约电费", "CNY/a",
     [](const Replacement& r) -> std::optional<double> { return r.money; }},
    {"co2_t_per_year", "CO2 avoided", "CO2减排", "t/a",
     [](const Replacement& r) -> std::optional<double> { return r.co2 / u::t; }},
    {"investment_cny", "Investment", "投资", "CNY",
     [](const Replacement& r) -> std::optional<double> { return r.investment; }},
    {"simple_payback_years", "Payback", "静态回收期", "a",
     [](const Replacement& r) { return r.payback; }},
}};

}  // namespace twin::diagnosis
