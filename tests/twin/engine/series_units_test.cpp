// Units once: every declared series and KPI names a unit of the edge-unit table
// (twin/base/units.h) with the same SI value and zero, so readers can convert any dataset by its
// `units` attribute alone.
#include <gtest/gtest.h>

#include "twin/base/units.h"
#include "twin/engine/kpi.h"
#include "twin/engine/series.h"

namespace twin {
namespace {

TEST(SeriesUnits, EverySeriesUnitIsInTheTable) {
  for (const SeriesDecl& d : kSeries) {
    const std::optional<UnitEntry> u = findUnit(d.unit);
    ASSERT_TRUE(u) << d.kind << "/" << d.field << ": " << d.unit;
    EXPECT_DOUBLE_EQ(u->to_si, d.unit_si) << d.field;
    EXPECT_DOUBLE_EQ(u->offset, d.unit_offset) << d.field;
  }
}

TEST(SeriesUnits, EveryKpiUnitIsInTheTable) {
  for (const KpiDecl& k : kKpis) {
    const std::optional<UnitEntry> u = findUnit(k.unit);
    ASSERT_TRUE(u) << k.name << ": " << k.unit;
    EXPECT_DOUBLE_EQ(u->to_si, k.unit_si) << k.name;
  }
}

}  // namespace
}  // namespace twin
