#include "twin/economics/appraisal_fields.h"

namespace twin::economics {
namespace {

constexpr double kKwh = 3.6e6;  // J
constexpr double kTonne = 1e3;  // kg
constexpr double kPct = 0.01;

}  // namespace

const std::array<AppraisalField, 10> kAppraisalFields = {{
    {"investment_cny", 1.0, "CNY", "investment", "投资", "kCNY", 1e3, 1,
     [](const Appraisal& a) -> std::optional<double> { return a.investment; }},
    {"annual_savings_cny", 1.0, "CNY/a", "savings", "年节省电费", "kCNY/a", 1e3, 1,
     [](const Appraisal& a) -> std::optional<double> { return a.annual_savings; }},
    {"annual_om_cny", 1.0, "CNY/a", "O&M", "年运维费", "kCNY/a", 1e3, 1,
     [](const Appraisal& a) -> std::optional<double> { return a.annual_om; }},
    {"npv_cny", 1.0, "CNY", "NPV", "净现值", "kCNY", 1e3, 1,
     [](const Appraisal& a) -> std::optional<double> { return a.npv; }},
    {"irr_pct", kPct, "%", "IRR", "内部收益率", "%", kPct, 1,
     [](const Appraisal& a) { return a.irr; }},
    {"simple_payback_years", 1.0, "a", "payback", "静态回收期", "a", 1.0, 1,
     [](const Appraisal& a) { return a.simple_payback; }},
    {"discounted_payback_years", 1.0, "a", "disc. payback", "动态回收期", "a", 1.0, 1,
     [](const Appraisal& a) { return a.discounted_payback; }},
    {"lcse_cny_per_kwh", 1.0 / kKwh, "CNY/kWh", "LCSE", "节电成本", "CNY/kWh", 1.0 / kKwh, 3,
     [](const Appraisal& a) { return a.lcse; }},
    {"co2_avoided_t_per_year", kTonne, "t/a", "CO2 avoided", "年减碳量", "t/a", kTonne, 1,
     [](const Appraisal& a) -> std::optional<double> { return a.co2_avoided; }},
    {"abatement_cost_cny_per_t", 1.0 / kTonne, "CNY/t", "abatement", "减排成本", "CNY/t",
     1.0 / kTonne, 0, [](const Appraisal& a) { return a.abatement_cost; }},
}};

}  // namespace twin::economics
