#include "physics/transformer_grades.h"

#include <array>
#include <cmath>

#include "physics/units.h"

namespace physics {
namespace {

using GradeValues = std::array<double, 3>;  // kW, grades 1, 2, 3

struct OilRow {
  int rated_kva;
  GradeValues no_load;     // kW
  GradeValues load_dyn11;  // kW, Dyn11/Yzn11 (from 630 kVA: the single printed value)
  GradeValues load_yyn0;   // kW, Yyn0
};

struct DryRow {
  int rated_kva;
  GradeValues no_load_steel;        // kW
  GradeValues no_load_amorphous;    // kW
  std::array<GradeValues, 3> load;  // kW, insulation B (100 C), F (120 C), H (145 C); both cores
};

// GB 20052-2024 Table 1, electrical-steel (电工钢带) core.
constexpr std::array<OilRow, 19> kOilSteel{{
    {30, {0.065, 0.07, 0.08}, {0.455, 0.505, 0.63}, {0.43, 0.48, 0.6}},
    {50, {0.08, 0.09, 0.1}, {0.655, 0.73, 0.91}, {0.625, 0.695, 0.87}},
    {63, {0.09, 0.1, 0.11}, {0.785, 0.87, 1.09}, {0.745, 0.83, 1.04}},
    {80, {0.105, 0.115, 0.13}, {0.945, 1.05, 1.31}, {0.9, 1.0, 1.25}},
    {100, {0.12, 0.135, 0.15}, {1.14, 1.265, 1.58}, {1.08, 1.2, 1.5}},
    {125, {0.135, 0.15, 0.17}, {1.36, 1.51, 1.89}, {1.295, 1.44, 1.8}},
    {160, {0.16, 0.18, 0.2}, {1.665, 1.85, 2.31}, {1.585, 1.76, 2.2}},
    {200, {0.19, 0.215, 0.24}, {1.97, 2.185, 2.73}, {1.87, 2.08, 2.6}},
    {250, {0.23, 0.26, 0.29}, {2.3, 2.56, 3.2}, {2.195, 2.44, 3.05}},
    {315, {0.27, 0.305, 0.34}, {2.76, 3.065, 3.83}, {2.63, 2.92, 3.65}},
    {400, {0.33, 0.37, 0.41}, {3.25, 3.615, 4.52}, {3.095, 3.44, 4.3}},
    {500, {0.385, 0.43, 0.48}, {3.9, 4.33, 5.41}, {3.71, 4.12, 5.15}},
    {630, {0.46, 0.51, 0.57}, {4.46, 4.96, 6.2}, {4.46, 4.96, 6.2}},
    {800, {0.56, 0.63, 0.7}, {5.4, 6.0, 7.5}, {5.4, 6.0, 7.5}},
    {1000, {0.665, 0.745, 0.83}, {7.415, 8.24, 10.3}, {7.415, 8.24, 10.3}},
    {1250, {0.78, 0.87, 0.97}, {8.64, 9.6, 12.0}, {8.64, 9.6, 12.0}},
    {1600, {0.94, 1.05, 1.17}, {10.44, 11.6, 14.5}, {10.44, 11.6, 14.5}},
    {2000, {1.085, 1.225, 1.36}, {13.18, 14.64, 18.3}, {13.18, 14.64, 18.3}},
    {2500, {1.28, 1.44, 1.6}, {15.27, 16.96, 21.2}, {15.27, 16.96, 21.2}},
}};

// GB 20052-2024 Table 1, amorphous-alloy (非晶合金) core. As printed: grades 2 and 3 share the
// no-load loss except at 2000 and 2500 kVA.
constexpr std::array<OilRow, 19> kOilAmorphous{{
    {30, {0.025, 0.033, 0.033}, {0.51, 0.535, 0.63}, {0.48, 0.51, 0.6}},
    {50, {0.035, 0.043, 0.043}, {0.735, 0.78, 0.91}, {0.7, 0.745, 0.87}},
    {63, {0.04, 0.05, 0.05}, {0.88, 0.93, 1.09}, {0.84, 0.89, 1.04}},
    {80, {0.05, 0.06, 0.06}, {1.06, 1.12, 1.31}, {1.01, 1.07, 1.25}},
    {100, {0.06, 0.075, 0.075}, {1.27, 1.35, 1.58}, {1.215, 1.285, 1.5}},
    {125, {0.07, 0.085, 0.085}, {1.53, 1.615, 1.89}, {1.45, 1.54, 1.8}},
    {160, {0.08, 0.1, 0.1}, {1.87, 1.975, 2.31}, {1.78, 1.88, 2.2}},
    {200, {0.095, 0.12, 0.12}, {2.21, 2.33, 2.73}, {2.1, 2.225, 2.6}},
    {250, {0.11, 0.14, 0.14}, {2.59, 2.735, 3.2}, {2.47, 2.61, 3.05}},
    {315, {0.135, 0.17, 0.17}, {3.1, 3.275, 3.83}, {2.95, 3.12, 3.65}},
    {400, {0.16, 0.2, 0.2}, {3.66, 3.865, 4.52}, {3.48, 3.675, 4.3}},
    {500, {0.19, 0.24, 0.24}, {4.38, 4.625, 5.41}, {4.17, 4.4, 5.15}},
    {630, {0.25, 0.32, 0.32}, {5.02, 5.3, 6.2}, {5.02, 5.3, 6.2}},
    {800, {0.3, 0.38, 0.38}, {6.075, 6.415, 7.5}, {6.075, 6.415, 7.5}},
    {1000, {0.36, 0.45, 0.45}, {8.34, 8.8, 10.3}, {8.34, 8.8, 10.3}},
    {1250, {0.425, 0.53, 0.53}, {9.72, 10.26, 12.0}, {9.72, 10.26, 12.0}},
    {1600, {0.5, 0.63, 0.63}, {11.745, 12.4, 14.5}, {11.745, 12.4, 14.5}},
    {2000, {0.55, 0.71, 0.72}, {14.0, 14.8, 18.3}, {14.0, 14.8, 18.3}},
    {2500, {0.67, 0.86, 0.865}, {16.23, 17.15, 21.2}, {16.23, 17.15, 21.2}},
}};

// GB 20052-2024 Table 2. The load loss is the same for both core materials, and as printed it is
// the same for grades 1 and 2.
constexpr std::array<DryRow, 18> kDry{{
    {30,
     {0.105, 0.13, 0.15},
     {0.05, 0.06, 0.07},
     {{{0.605, 0.605, 0.67}, {0.64, 0.64, 0.71}, {0.685, 0.685, 0.76}}}},
    {50,
     {0.155, 0.185, 0.215},
     {0.06, 0.075, 0.09},
     {{{0.845, 0.845, 0.94}, {0.9, 0.9, 1.0}, {0.965, 0.965, 1.07}}}},
    {80,
     {0.21, 0.25, 0.295},
     {0.085, 0.1, 0.12},
     {{{1.16, 1.16, 1.29}, {1.24, 1.24, 1.38}, {1.33, 1.33, 1.48}}}},
    {100,
     {0.23, 0.27, 0.32},
     {0.09, 0.11, 0.13},
     {{{1.33, 1.33, 1.48}, {1.415, 1.415, 1.57}, {1.52, 1.52, 1.69}}}},
    {125,
     {0.27, 0.32, 0.375},
     {0.105, 0.13, 0.15},
     {{{1.565, 1.565, 1.74}, {1.665, 1.665, 1.85}, {1.78, 1.78, 1.98}}}},
    {160,
     {0.31, 0.365, 0.43},
     {0.12, 0.145, 0.17},
     {{{1.8, 1.8, 2.0}, {1.915, 1.915, 2.13}, {2.05, 2.05, 2.28}}}},
    {200,
     {0.36, 0.42, 0.495},
     {0.14, 0.17, 0.2},
     {{{2.135, 2.135, 2.37}, {2.275, 2.275, 2.53}, {2.44, 2.44, 2.71}}}},
    {250,
     {0.415, 0.49, 0.575},
     {0.16, 0.195, 0.23},
     {{{2.33, 2.33, 2.59}, {2.485, 2.485, 2.76}, {2.665, 2.665, 2.96}}}},
    {315,
     {0.51, 0.6, 0.705},
     {0.195, 0.235, 0.28},
     {{{2.945, 2.945, 3.27}, {3.125, 3.125, 3.47}, {3.355, 3.355, 3.73}}}},
    {400,
     {0.57, 0.665, 0.785},
     {0.215, 0.265, 0.31},
     {{{3.375, 3.375, 3.75}, {3.59, 3.59, 3.99}, {3.85, 3.85, 4.28}}}},
    {500,
     {0.67, 0.79, 0.93},
     {0.25, 0.305, 0.36},
     {{{4.13, 4.13, 4.59}, {4.39, 4.39, 4.88}, {4.705, 4.705, 5.23}}}},
    {630,
     {0.775, 0.91, 1.07},
     {0.295, 0.36, 0.42},
     {{{4.975, 4.975, 5.53}, {5.29, 5.29, 5.88}, {5.66, 5.66, 6.29}}}},
    {800,
     {0.875, 1.035, 1.215},
     {0.335, 0.41, 0.48},
     {{{5.895, 5.895, 6.55}, {6.265, 6.265, 6.96}, {6.715, 6.715, 7.46}}}},
    {1000,
     {1.02, 1.205, 1.415},
     {0.385, 0.47, 0.55},
     {{{6.885, 6.885, 7.65}, {7.315, 7.315, 8.13}, {7.885, 7.885, 8.76}}}},
    {1250,
     {1.205, 1.42, 1.67},
     {0.455, 0.55, 0.65},
     {{{8.19, 8.19, 9.1}, {8.72, 8.72, 9.69}, {9.335, 9.335, 10.37}}}},
    {1600,
     {1.415, 1.665, 1.96},
     {0.53, 0.645, 0.76},
     {{{9.945, 9.945, 11.05}, {10.555, 10.555, 11.73}, {11.32, 11.32, 12.58}}}},
    {2000,
     {1.76, 2.075, 2.44},
     {0.7, 0.85, 1.0},
     {{{12.24, 12.24, 13.6}, {13.005, 13.005, 14.45}, {14.005, 14.005, 15.56}}}},
    {2500,
     {2.08, 2.45, 2.88},
     {0.84, 1.02, 1.2},
     {{{14.535, 14.535, 16.15}, {15.445, 15.445, 17.17}, {16.605, 16.605, 18.45}}}},
}};

constexpr std::array<int, 19> kOilRatingsKva = [] {
  std::array<int, 19> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = kOilSteel[i].rated_kva;
  return out;
}();

constexpr std::array<int, 18> kDryRatingsKva = [] {
  std::array<int, 18> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = kDry[i].rated_kva;
  return out;
}();

constexpr double kRatingMatchTolerance = 1.0 * units::VA;

template <typename Row, std::size_t N>
const Row* findRow(const std::array<Row, N>& table, double rated_power) {
  for (const Row& row : table) {
    if (std::abs(row.rated_kva * units::kVA - rated_power) <= kRatingMatchTolerance) return &row;
  }
  return nullptr;
}

}  // namespace

std::optional<TransformerRating> gb20052Rating(TransformerType type, CoreMaterial core, int grade,
                                               double rated_power, TransformerConnection connection,
                                               DryInsulationClass insulation) {
  if (grade < kGb20052BestGrade || grade > kGb20052WorstGrade) return std::nullopt;
  const auto g = static_cast<std::size_t>(grade - 1);
  if (type == TransformerType::kOil) {
    const OilRow* row =
        findRow(core == CoreMaterial::kSteel ? kOilSteel : kOilAmorphous, rated_power);
    if (row == nullptr) return std::nullopt;
    const GradeValues& load =
        connection == TransformerConnection::kDyn11 ? row->load_dyn11 : row->load_yyn0;
    return TransformerRating{row->rated_kva * units::kVA, row->no_load[g] * units::kW,
                             load[g] * units::kW};
  }
  const DryRow* row = findRow(kDry, rated_power);
  if (row == nullptr) return std::nullopt;
  const GradeValues& no_load =
      core == CoreMaterial::kSteel ? row->no_load_steel : row->no_load_amorphous;
  const GradeValues& load = row->load[static_cast<std::size_t>(insulation)];
  return TransformerRating{row->rated_kva * units::kVA, no_load[g] * units::kW,
                           load[g] * units::kW};
}

std::span<const int> gb20052RatingsKva(TransformerType type) {
  if (type == TransformerType::kOil) return kOilRatingsKva;
  return kDryRatingsKva;
}

std::string gb20052Coverage(TransformerType type) {
  std::string out =
      type == TransformerType::kOil
          ? "GB 20052-2024 Table 1 (10 kV oil-immersed, electrical-steel or amorphous "
            "core, Dyn11 or Yyn0)"
          : "GB 20052-2024 Table 2 (10 kV dry-type, electrical-steel or amorphous "
            "core, insulation B/F/H)";
  out += ": grades 1-3 at ";
  const std::span<const int> ratings = gb20052RatingsKva(type);
  for (std::size_t i = 0; i < ratings.size(); ++i) {
    if (i > 0) out += ", ";
    out += std::to_string(ratings[i]);
  }
  out += " kVA";
  return out;
}

TransformerOperatingPoint transformerOperatingPoint(const TransformerRating& rating, double loading,
                                                    double power_factor) {
  TransformerOperatingPoint out;
  const TransformerLosses losses = transformerLosses(rating, loading * rating.rated_power);
  out.loading = losses.loading;
  out.losses = losses.losses;
  out.output_power = loading * rating.rated_power * power_factor;
  const double input = out.output_power + out.losses;
  out.efficiency = input > 0.0 ? out.output_power / input : 0.0;
  return out;
}

TransformerOperatingPoint transformerBestEfficiency(const TransformerRating& rating,
                                                    double power_factor) {
  return transformerOperatingPoint(rating, std::sqrt(rating.no_load_loss / rating.load_loss),
                                   power_factor);
}

}  // namespace physics
