// The machinery behind the /model declaration (twin/results/model_tables.h): a column maps one
// field of a model row to one dataset, a table maps one array of the model to one group. Private
// to twin/results.
#pragma once

#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "twin/model/model.h"

namespace twin::model_columns {

template <class Row>
struct Column {
  std::string_view name;                // dataset; numbers carry their unit suffix
  std::string_view units;               // `units` attribute; "" for text
  double unit_si = 0.0;                 // SI value of one unit
  std::string_view meaning;             // `description` attribute
  double (*get)(const Row&) = nullptr;  // numbers, SI
  bool (*set)(Row&, double) = nullptr;  // false for a value the field cannot hold
  // Text, words and references (ids of rows of other tables, "" for none); set_text says false
  // for a word or id it does not know.
  std::string (*get_text)(const ParkModel&, const Row&) = nullptr;
  bool (*set_text)(const ParkModel&, Row&, const std::string&) = nullptr;
  bool isText() const { return get_text != nullptr; }
};

template <class Row>
struct Table {
  std::string_view name;
  std::string_view meaning;
  std::vector<Row> (*rows)(const ParkModel&);
  void (*assign)(ParkModel&, std::vector<Row>&&);
  std::vector<Column<Row>> columns;
};

// Stores `v` in `field`; false where the field cannot hold it (an integer field takes whole
// numbers in its range only).
template <class T>
bool assignNumber(T& field, double v) {
  if constexpr (std::is_integral_v<T>) {
    const bool in_range = v >= static_cast<double>(std::numeric_limits<T>::min()) &&
                          v <= static_cast<double>(std::numeric_limits<T>::max());
    if (!in_range || v != std::trunc(v)) return false;
  }
  field = static_cast<T>(v);
  return true;
}

// The one row of /model/investment.
struct InvestmentRow {
  bool given = false;
  Investment investment;
};

// Index of `word` in `words`, or -1.
template <class Words>
int wordIndex(const Words& words, const std::string& word) {
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i] == word) return static_cast<int>(i);
  }
  return -1;
}

// Index of the row with id `id` in `rows`, or -1.
template <class Rows>
int idIndex(const Rows& rows, const std::string& id) {
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

const Table<Site>& siteTable();
const Table<Building>& buildingTable();
const Table<Obstacle>& obstacleTable();
const Table<PresentationCamera>& cameraTable();
const Table<TourStop>& tourStopTable();
const Table<Bus>& busTable();
const Table<Cable>& cableTable();
const Table<Transformer>& transformerTable();
const Table<Feeder>& feederTable();
const Table<Network>& networkTable();
const Table<Motor>& motorTable();
const Table<Load>& loadTable();
const Table<PvArray>& pvTable();
const Table<Storage>& storageTable();
const Table<EvChargerGroup>& evChargerTable();
const Table<EconomicsSettings>& economicsTable();
const Table<InvestmentRow>& investmentTable();
const Table<Measure>& measureTable();

// Calls fn(table) for every table, in the order they are read back (a table's references point
// to tables before it).
template <class Fn>
void forEachTable(Fn&& fn) {
  fn(siteTable());
  fn(buildingTable());
  fn(obstacleTable());
  fn(cameraTable());
  fn(tourStopTable());
  fn(busTable());
  fn(cableTable());
  fn(transformerTable());
  fn(feederTable());
  fn(networkTable());
  fn(motorTable());
  fn(loadTable());
  fn(pvTable());
  fn(storageTable());
  fn(evChargerTable());
  fn(economicsTable());
  fn(investmentTable());
  fn(measureTable());
}

}  // namespace twin::model_columns
