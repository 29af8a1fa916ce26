// Distribution-transformer losses by energy-efficiency grade, and efficiency vs loading.
// Tables: GB 20052-2024 "Minimum allowable values of energy efficiency and energy efficiency
// grades for power transformers", Table 1 (10 kV oil-immersed, electrical-steel and amorphous
// cores) and Table 2 (10 kV dry-type, insulation classes B/F/H), grades 1/2/3, typed in from the
// third-party transcription in ../shared/datasets/standards/gb20052_2024_transformer_losses.csv
// (not checked against the standard's PDF; oddities kept as printed, see the CSV's README).
// Tables 3-4 (35 kV) are not covered. Loss model P = P0 + Pk x^2 (IEC 60076-1), branch_losses.h.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "physics/branch_losses.h"

namespace physics {

enum class TransformerType { kOil, kDry };
enum class CoreMaterial { kSteel, kAmorphous };

// Winding connection of an oil-immersed unit. GB 20052 Table 1 gives a separate load loss for
// Dyn11/Yzn11 and for Yyn0 from 30 to 500 kVA; from 630 kVA up it prints a single load loss
// (labelled Yyn0 in the transcription), which is returned for both connections.
enum class TransformerConnection { kDyn11, kYyn0 };

// Dry-type insulation class (reference temperature of the load loss): B 100 C, F 120 C,
// H 145 C (GB 20052-2024 Table 2). The no-load loss does not depend on it.
enum class DryInsulationClass { kB, kF, kH };

// GB 20052 grade limits: grade 1 is the most efficient, grade 3 the minimum allowed.
inline constexpr int kGb20052BestGrade = 1;
inline constexpr int kGb20052WorstGrade = 3;

// No-load and load losses of a 10 kV distribution transformer at a tabulated rating.
// grade: 1..3; rated_power: VA, must equal a tabulated rating (to within 1 VA);
// connection is used for oil units only (default Dyn11, the usual park connection), insulation for
// dry units only (default F, 120 C). nullopt for a grade or rating the table does not give.
std::optional<TransformerRating> gb20052Rating(
    TransformerType type, CoreMaterial core, int grade, double rated_power,
    TransformerConnection connection = TransformerConnection::kDyn11,
    DryInsulationClass insulation = DryInsulationClass::kF);

// The tabulated ratings, in kVA, ascending: oil 30-2500 kVA (19 ratings, with 63 kVA), dry
// 30-2500 kVA (18 ratings, no 63 kVA); the same for both core materials.
std::span<const int> gb20052RatingsKva(TransformerType type);

// What the table covers, for messages: "GB 20052-2024 Table 1 (10 kV oil-immersed): grades 1-3,
// 30, 50, ... 2500 kVA".
std::string gb20052Coverage(TransformerType type);

struct TransformerOperatingPoint {
  double loading = 0.0;       // S / Sr, dimensionless
  double output_power = 0.0;  // W, active power delivered, x Sr cos(phi)
  double losses = 0.0;        // W, P0 + Pk x^2
  double efficiency = 0.0;    // 0..1, P / (P + losses); 0 at no load
};

// Efficiency at loading x = S/Sr >= 0 and power factor cos(phi) in (0, 1]:
// eta = x Sr cos(phi) / (x Sr cos(phi) + P0 + Pk x^2).
TransformerOperatingPoint transformerOperatingPoint(const TransformerRating& rating, double loading,
                                                    double power_factor);

// Loading of best efficiency x* = sqrt(P0 / Pk), where no-load and load losses are equal
// (d eta / dx = 0), and the efficiency there at power factor cos(phi) in (0, 1]. Requires Pk > 0.
TransformerOperatingPoint transformerBestEfficiency(const TransformerRating& rating,
                                                    double power_factor);

}  // namespace physics
