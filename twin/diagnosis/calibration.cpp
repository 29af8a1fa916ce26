#include "twin/diagnosis/calibration.h"

#include <fmt/format.h>

#include <Eigen/Dense>
#include <algorithm>
#include <charconv>
#include <cmath>

#include "twin/base/error.h"
#include "twin/base/text.h"
#include "twin/model/compile_park.h"
#include "twin/model/sweep.h"
#include "twin/parkfile/source_edit.h"

namespace twin::diagnosis {
namespace {

constexpr const char* kFlag = "--adjust";
constexpr int kMaxIterations = 15;
constexpr double kJacobianStep = 0.01;  // of the factor, forward differences

// A park-file value as a number and the text around it ("45 %" -> 45, " %").
struct WrittenValue {
  double number = 0.0;
  std::string unit;  // what follows the number, spaces included
};

WrittenValue parseWritten(const std::string& path, const std::string& text) {
  const std::string_view t = trim(text);
  WrittenValue v;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v.number);
  if (ec != std::errc() || !std::isfinite(v.number) || v.number <= 0) {
    throw InputError(std::string(kFlag) + " " + path +
                     ": expected a positive number with an optional unit, got " + quote(text));
  }
  v.unit = std::string(end, t.data() + t.size());
  return v;
}

std::string written(const WrittenValue& v, double factor) {
  return fmt::format("{:.6g}", v.number * factor) + v.unit;
}

struct Problem {
  const ParkSource* source = nullptr;
  const MeterData* meters = nullptr;
  TimeGrid grid;
  std::vector<std::string> paths;
  std::vector<WrittenValue> values;
  std::vector<std::string> before;    // as written
  std::vector<MeteredHours> metered;  // per meter of meters->meters
  std::vector<double> weights;        // per meter: meterWeight of its hours
  int runs = 0;
};

std::optional<ParkModel> modelAt(const Problem& p, const std::vector<double>& factors) {
  std::vector<FieldValue> fields;
  for (size_t i = 0; i < p.paths.size(); ++i) {
    fields.push_back({p.paths[i], written(p.values[i], factors[i])});
  }
  try {
    return compileWithFields(*p.source, fields, kFlag);
  } catch (const InputError&) {
    return std::nullopt;  // a value the park file refuses: outside the feasible set
  }
}

std::vector<MeterComparison> comparisons(const Problem& p, const ParkModel& model,
                                         const SimulatedHours& sim) {
  std::vector<MeterComparison> out;
  const std::vector<MeterTarget> targets = meterTargets(model, *p.meters);
  for (size_t t = 0; t < targets.size(); ++t) {
    out.push_back(
        compareMeter(targets[t].id, p.metered[targets[t].meter], sim, t, model.site.utc_offset_s));
  }
  return out;
}

// Weighted hourly residuals of a simulation, meter after meter.
Eigen::VectorXd residuals(const Problem& p, const ParkModel& model, const SimulatedHours& sim) {
  std::vector<double> r;
  const std::vector<MeterTarget> targets = meterTargets(model, *p.meters);
  for (size_t t = 0; t < targets.size(); ++t) {
    const MeteredHours& h = p.metered[targets[t].meter];
    const double weight = p.weights[targets[t].meter];
    for (size_t i = 0; i < h.hours.size() && weight > 0; ++i) {
      const int64_t k = h.hours[i] - sim.first_hour;
      if (k < 0 || k >= static_cast<int64_t>(sim.energy[t].size())) continue;
      r.push_back(weight * (h.energy[i] - sim.energy[t][static_cast<size_t>(k)]));
    }
  }
  return Eigen::Map<Eigen::VectorXd>(r.data(), static_cast<Eigen::Index>(r.size()));
}

// 1 / (mean x sqrt n) of a meter's hourly energy, so that every meter counts alike; 0 without
// energy.
double meterWeight(const MeteredHours& h) {
  double sum = 0.0;
  for (double e : h.energy) sum += e;
  if (h.energy.empty() || sum == 0.0) return 0.0;
  const double n = static_cast<double>(h.energy.size());
  return 1.0 / (sum / n * std::sqrt(n));
}

// Residuals of several factor vectors at once; none for a vector the park file refuses.
std::vector<std::optional<Eigen::VectorXd>> evaluate(Problem& p,
                                                     const std::vector<std::vector<double>>& at) {
  std::vector<std::optional<ParkModel>> models;
  std::vector<const ParkModel*> valid;
  for (const auto& f : at) {
    models.push_back(modelAt(p, f));
    if (models.back()) valid.push_back(&*models.back());
  }
  const std::vector<SimulatedHours> sims = simulateHours(valid, *p.meters, p.grid);
  p.runs += static_cast<int>(valid.size());
  std::vector<std::optional<Eigen::VectorXd>> out;
  size_t k = 0;
  for (const auto& m : models) {
    out.push_back(m ? std::optional(residuals(p, *m, sims[k++])) : std::nullopt);
  }
  return out;
}

std::vector<double> clampFactors(const Eigen::VectorXd& x) {
  std::vector<double> out;
  for (Eigen::Index i = 0; i < x.size(); ++i)
    out.push_back(std::clamp(x[i], kFactorMin, kFactorMax));
  return out;
}

// Levenberg-Marquardt with the damping of Marquardt (1963): (J'J + lambda diag(J'J)) dx = -J'r,
// steps projected onto the bounds; stops when the cost falls by less than 1e-9 of itself.
std::vector<double> fit(Problem& p, int& iterations) {
  const size_t k = p.paths.size();
  std::vector<double> x(k, 1.0);
  Eigen::VectorXd r = *evaluate(p, {x}).front();
  double lambda = 1e-3;
  for (iterations = 0; iterations < kMaxIterations; ++iterations) {
    std::vector<std::vector<double>> probes;
    for (size_t j = 0; j < k; ++j) {
      probes.push_back(x);
      probes.back()[j] *=
          (x[j] * (1 + kJacobianStep) > kFactorMax) ? 1 - kJacobianStep : 1 + kJacobianStep;
    }
    const auto probed = evaluate(p, probes);
    Eigen::MatrixXd jac(r.size(), static_cast<Eigen::Index>(k));
    for (size_t j = 0; j < k; ++j) {
      if (!probed[j])
        throw InputError(std::string(kFlag) + " " + p.paths[j] +
                         ": the park file refuses values near " + written(p.values[j], x[j]));
      jac.col(static_cast<Eigen::Index>(j)) = (*probed[j] - r) / (probes[j][j] - x[j]);
    }
    const Eigen::MatrixXd a = jac.transpose() * jac;
    const Eigen::VectorXd g = jac.transpose() * r;
    bool improved = false;
    for (int tries = 0; tries < 10 && !improved; ++tries) {
      Eigen::MatrixXd damped = a;
      damped.diagonal() += lambda * a.diagonal().cwiseMax(1e-12);
      const Eigen::VectorXd step = damped.ldlt().solve(-g);
      const std::vector<double> trial = clampFactors(
          Eigen::Map<const Eigen::VectorXd>(x.data(), static_cast<Eigen::Index>(k)) + step);
      const auto tr = evaluate(p, {trial}).front();
      if (!tr || tr->squaredNorm() >= r.squaredNorm()) {
        lambda *= 4;  // refused or no better: a shorter step, nearer the gradient
        continue;
      }
      const double gain = r.squaredNorm() - tr->squaredNorm();
      improved = true;
      x = trial;
      r = *tr;
      lambda = std::max(lambda / 12, 1e-9);
      if (gain < 1e-9 * r.squaredNorm()) return x;
    }
    if (!improved) return x;
  }
  return x;
}

}  // namespace

Calibration calibrate(const ParkSource& source, const MeterData& meters,
                      const std::vector<std::string>& paths) {
  const ParkModel base = compilePark(source).baseline;
  Problem p;
  p.source = &source;
  p.meters = &meters;
  p.grid = meteredGrid(base, meters);
  p.paths = paths;
  Node tree = source.tree;
  for (const std::string& path : paths) {
    if (std::count(paths.begin(), paths.end(), path) > 1) {
      throw InputError(std::string(kFlag) + " " + path + ": named twice");
    }
    const std::string& text = locateField(tree, path, kFlag).scalar;
    p.values.push_back(parseWritten(path, text));
    p.before.push_back(text);
  }
  for (const MeterSeries& s : meters.meters) {
    p.metered.push_back(meteredHours(s));
    p.weights.push_back(meterWeight(p.metered.back()));
  }
  if (meterTargets(base, meters).empty()) {
    throw InputError(meters.file +
                     ": no meter with power or energy readings names something the "
                     "twin simulates (grid, equipment, loads, transformers, buses)");
  }
  Calibration c;
  c.grid = p.grid;
  const std::vector<SimulatedHours> sim = simulateHours({&base}, meters, p.grid);
  p.runs = 1;
  c.before = comparisons(p, base, sim.front());
  if (!paths.empty()) {
    const std::vector<double> x = fit(p, c.iterations);
    const ParkModel fitted = *modelAt(p, x);
    c.after = comparisons(p, fitted, simulateHours({&fitted}, meters, p.grid).front());
    ++p.runs;
    for (size_t i = 0; i < paths.size(); ++i) {
      c.adjusted.push_back({paths[i], p.before[i], written(p.values[i], x[i]), x[i]});
    }
  }
  c.runs = p.runs;
  return c;
}

std::string calibratedText(const ParkSource& source, const std::vector<Adjustment>& adjusted) {
  Node tree = source.tree;
  std::vector<ScalarEdit> edits;
  for (const Adjustment& a : adjusted) {
    edits.push_back({locateField(tree, a.path, kFlag).loc, a.after});
  }
  return replaceScalars(source.text, std::move(edits));
}

}  // namespace twin::diagnosis
