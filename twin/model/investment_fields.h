// The park-file fields of what an investment costs, shared by a scenario's `investment:` and a
// measure's `cost:` (docs/economics.md, docs/measures.md). Private to twin/model.
#pragma once

#include "physics/units.h"
#include "twin/parkfile/field_reader.h"

namespace twin::investment_fields {

inline constexpr QuantityField kCapex{"capex", Dimension::kMoney, 0.0, 1e12, false, "CNY", 1.0};
inline constexpr QuantityField kOm{"om", Dimension::kMoney, 0.0, 1e12, false, "CNY", 1.0};
inline constexpr QuantityField kSubsidy{"subsidy", Dimension::kMoney, 0.0, 1e12, false, "CNY", 1.0};
inline constexpr QuantityField kSalvage{"salvage", Dimension::kMoney, -1e12, 1e12, false, "CNY",
                                        1.0};
inline constexpr QuantityField kLifetime{
    "lifetime", Dimension::kDuration, 0.0, 100 * physics::units::year, true,
    "a",        physics::units::year};

}  // namespace twin::investment_fields
