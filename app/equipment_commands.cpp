// `parktwin motor` and `parktwin transformer`: the equipment-efficiency models as calculators.
// Ratings, classes and grades outside what the standards' tables cover are bad input (exit 2),
// with the coverage in the message.
#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "app/flags.h"
#include "physics/motor_efficiency.h"
#include "physics/transformer_grades.h"
#include "physics/units.h"
#include "twin/base/error.h"
#include "twin/base/text.h"
#include "twin/parkfile/quantity.h"

namespace twin::cli {
namespace {

namespace u = physics::units;

physics::MotorClass motorClass(const std::string& name) {
  if (const std::optional<physics::MotorClass> c = physics::motorClassFromName(name)) return *c;
  std::string names;
  for (size_t i = 0; i < physics::kMotorClassNames.size(); ++i) {
    names += i == 0 ? "" : i + 1 < physics::kMotorClassNames.size() ? ", " : " or ";
    names += physics::kMotorClassNames[i];
  }
  throw InputError("--class: expected " + names + ", got " + quote(name));
}

double loadFlag(const std::string& text) {
  const double load = quantityFlag("--load", text, Dimension::kFraction);
  if (load > 1.25) throw InputError("--load: expected 0 to 125 %, got " + quote(text));
  return load;
}

nlohmann::ordered_json motorPoint(const physics::MotorLoadPoint& p) {
  nlohmann::ordered_json j;
  j["load"] = p.load_fraction;
  j["efficiency_pct"] = p.efficiency / u::pct;
  j["power_factor"] = p.power_factor;
  j["input_power_kw"] = p.input_power / u::kW;
  j["current_a"] = p.current;
  j["losses_kw"] = p.losses / u::kW;
  return j;
}

}  // namespace

int motorCommand(const MotorRequest& r) {
  const double rated_power = quantityFlag("--rated-power", r.rated_power, Dimension::kPower);
  const double voltage = quantityFlag("--voltage", r.voltage, Dimension::kVoltage);
  const double unbalance =
      r.voltage_unbalance.empty()
          ? 0.0
          : quantityFlag("--voltage-unbalance", r.voltage_unbalance, Dimension::kFraction);
  const physics::MotorClass cls = motorClass(r.motor_class);
  const std::optional<double> eta = physics::ratedEfficiency(cls, rated_power, r.poles);
  if (!eta) {
    throw InputError("--class " + r.motor_class + ": expected a rating and pole count covered by " +
                     std::string(physics::coverage(cls).text) + "; got " +
                     fmt::format("{:g} kW, {} poles", rated_power / u::kW, r.poles));
  }
  const std::optional<double> derating = physics::nemaUnbalanceDerating(unbalance);
  if (!derating) {
    throw InputError("--voltage-unbalance: expected 0 to 5 % (NEMA MG 1 Part 14.35), got " +
                     quote(r.voltage_unbalance));
  }
  const physics::MotorModel motor =
      physics::makeMotorModel(rated_power, r.poles, *eta, std::nullopt, voltage);
  nlohmann::ordered_json j;
  j["class"] = r.motor_class;
  j["standard"] = physics::coverage(cls).text;
  j["rated_power_kw"] = rated_power / u::kW;
  j["poles"] = r.poles;
  j["rated_efficiency_pct"] = *eta / u::pct;
  j["rated_power_factor"] = motor.rated_power_factor;
  j["voltage_unbalance_pct"] = unbalance / u::pct;
  j["unbalance_derating"] = *derating;
  if (!r.load.empty()) {
    const nlohmann::ordered_json at =
        motorPoint(physics::motorAtLoad(motor, loadFlag(r.load), voltage, unbalance));
    for (const auto& [key, value] : at.items()) j[key] = value;
  } else {
    nlohmann::ordered_json curve = nlohmann::ordered_json::array();
    for (int step = 0; step <= 25; ++step) {
      curve.push_back(motorPoint(physics::motorAtLoad(motor, 0.05 * step, voltage, unbalance)));
    }
    j["curve"] = curve;
  }
  if (r.json) {
    std::cout << j.dump(2) << '\n';
    return 0;
  }
  std::printf("%s motor, %g kW, %d poles: rated efficiency %.1f %% (%s)\n", r.motor_class.c_str(),
              rated_power / u::kW, r.poles, *eta / u::pct,
              std::string(physics::coverage(cls).text).c_str());
  if (unbalance > 0) {
    std::printf("voltage unbalance %.1f %%: derate to %.0f %% of rating (NEMA MG 1 14.35)\n",
                unbalance / u::pct, *derating * 100);
  }
  const nlohmann::ordered_json points =
      j.contains("curve") ? j["curve"] : nlohmann::ordered_json::array({j});
  std::printf("%6s %10s %6s %10s %9s %9s\n", "load", "eff %", "pf", "input kW", "current A",
              "losses kW");
  for (const auto& p : points) {
    std::printf("%5.0f%% %10.2f %6.3f %10.3f %9.2f %9.3f\n", p["load"].get<double>() * 100,
                p["efficiency_pct"].get<double>(), p["power_factor"].get<double>(),
                p["input_power_kw"].get<double>(), p["current_a"].get<double>(),
                p["losses_kw"].get<double>());
  }
  return 0;
}

int transformerCommand(const TransformerRequest& r) {
  const double rated_power =
      quantityFlag("--rated-power", r.rated_power, Dimension::kApparentPower);
  const auto type =
      r.type == "dry" ? physics::TransformerType::kDry : physics::TransformerType::kOil;
  const auto core =
      r.core == "amorphous" ? physics::CoreMaterial::kAmorphous : physics::CoreMaterial::kSteel;
  const std::optional<physics::TransformerRating> rating =
      physics::gb20052Rating(type, core, r.grade, rated_power);
  if (!rating) {
    throw InputError("--rated-power: expected a rating of " + physics::gb20052Coverage(type) +
                     ", got " + formatNumber(rated_power / u::kVA) + " kVA");
  }
  nlohmann::ordered_json j;
  j["standard"] = physics::gb20052Coverage(type);
  j["rated_power_kva"] = rated_power / u::kVA;
  j["type"] = r.type;
  j["core"] = r.core;
  j["grade"] = r.grade;
  j["no_load_loss_kw"] = rating->no_load_loss / u::kW;
  j["load_loss_kw"] = rating->load_loss / u::kW;
  const physics::TransformerOperatingPoint best =
      physics::transformerBestEfficiency(*rating, r.power_factor);
  j["best_efficiency_loading"] = best.loading;
  j["best_efficiency_pct"] = best.efficiency / u::pct;
  if (!r.load.empty()) {
    const physics::TransformerOperatingPoint at =
        physics::transformerOperatingPoint(*rating, loadFlag(r.load), r.power_factor);
    j["load"] = at.loading;
    j["power_factor"] = r.power_factor;
    j["losses_kw"] = at.losses / u::kW;
    j["efficiency_pct"] = at.efficiency / u::pct;
  }
  if (r.json) {
    std::cout << j.dump(2) << '\n';
    return 0;
  }
  std::printf("%g kVA %s transformer, %s core, GB 20052-2024 grade %d\n", rated_power / u::kVA,
              r.type == "dry" ? "dry-type" : "oil-immersed", r.core.c_str(), r.grade);
  std::printf("  no-load loss %.3f kW, load loss at rating %.3f kW\n", rating->no_load_loss / u::kW,
              rating->load_loss / u::kW);
  std::printf("  best efficiency %.3f %% at %.0f %% loading (pf %.2f)\n", best.efficiency / u::pct,
              best.loading * 100, r.power_factor);
  if (j.contains("losses_kw")) {
    std::printf("  at %.0f %% loading: losses %.3f kW, efficiency %.3f %%\n",
                j["load"].get<double>() * 100, j["losses_kw"].get<double>(),
                j["efficiency_pct"].get<double>());
  }
  return 0;
}

}  // namespace twin::cli
