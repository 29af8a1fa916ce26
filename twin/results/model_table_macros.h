// The column macros of the /model declaration (model_tables.cpp, model_tables_economics.cpp):
// numbers with their unit, free text, enum words, references to other tables by id, and the
// row sources of a table. Only those two files include it.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "physics/units.h"
#include "twin/results/hdf5_io.h"
#include "twin/results/model_columns.h"

namespace twin::model_columns {

namespace u = physics::units;

// A numeric column on the member `field` of Row; `scale` is the field's value of one `units`.
#define PT_NUMBER(Row, name, units, scale, field, meaning)                                  \
  Column<Row> {                                                                             \
    name, units, scale, meaning, [](const Row& r) { return static_cast<double>(r.field); }, \
        [](Row& r, double v) { return assignNumber(r.field, v); }                           \
  }
// A free-text column.
#define PT_TEXT(Row, name, field, meaning)                                               \
  Column<Row> {                                                                          \
    name, "", 0.0, meaning, nullptr, nullptr,                                            \
        [](const ParkModel&, const Row& r) { return std::string(r.field); },             \
        [](const ParkModel&, Row& r, const std::string& v) { return r.field = v, true; } \
  }
// An enum column stored as its park-file word from `words` (in enum order).
#define PT_WORD(Row, name, field, words, meaning)                  \
  Column<Row> {                                                    \
    name, "", 0.0, meaning, nullptr, nullptr,                      \
        [](const ParkModel&, const Row& r) {                       \
          return std::string(words[static_cast<size_t>(r.field)]); \
        },                                                         \
        [](const ParkModel&, Row& r, const std::string& v) {       \
          const int i = wordIndex(words, v);                       \
          if (i >= 0) r.field = static_cast<decltype(r.field)>(i); \
          return i >= 0;                                           \
        }                                                          \
  }
// An index into another table of the model (`rows`, a ParkModel member) stored as that row's id;
// "" for -1 (none), which only an `optional` reference may be.
#define PT_REF(Row, name, field, rows, optional, meaning)                               \
  Column<Row> {                                                                         \
    name, "", 0.0, meaning, nullptr, nullptr,                                           \
        [](const ParkModel& m, const Row& r) {                                          \
          return r.field < 0 ? std::string() : m.rows[static_cast<size_t>(r.field)].id; \
        },                                                                              \
        [](const ParkModel& m, Row& r, const std::string& v) {                          \
          r.field = v.empty() ? -1 : idIndex(m.rows, v);                                \
          return r.field >= 0 || (optional && v.empty());                               \
        }                                                                               \
  }
// A table over the vector member `member` of ParkModel.
#define PT_ROWS(Row, member)                   \
  [](const ParkModel& m) { return m.member; }, \
      [](ParkModel& m, std::vector<Row>&& rows) { m.member = std::move(rows); }
// A table of one row, the member `member` of ParkModel.
#define PT_ONE(Row, member)                                      \
  [](const ParkModel& m) { return std::vector<Row>{m.member}; }, \
      [](ParkModel& m, std::vector<Row>&& rows) { m.member = std::move(oneRow(rows, #member)); }

// The row of a one-row table.
template <class Row>
inline Row& oneRow(std::vector<Row>& rows, const char* table) {
  if (rows.size() != 1) throw LayoutError(std::string("model/") + table + " must have one row");
  return rows[0];
}

inline constexpr std::array<std::string_view, 2> kOrientationWords = {"landscape", "portrait"};
inline constexpr std::array<std::string_view, 2> kInstallWords = {"as_given", "wherever_possible"};
inline constexpr std::array<std::string_view, 2> kShadingWords = {"none", "geometric"};

}  // namespace twin::model_columns
