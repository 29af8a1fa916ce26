// The declared result variables: one line per series gives its HDF5 kind and field name, edge
// unit and meaning, so that a unit is written once (ARCHITECTURE.md §3). Values are SI inside;
// the store writes (value - unit_offset) / unit_si.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "twin/model/model.h"

namespace twin {

// What the columns of a series are: the equipment of one kind (PV arrays, motors, ..., cables)
// in the model's order, or the one column of the site (weather) or of the park.
enum class ColumnKind {
  kWeather,
  kPv,
  kMotor,
  kLoad,
  kEv,
  kStorage,
  kBus,
  kTransformer,
  kCable,
  kPark
};

enum SeriesId : int {
  kWeatherGhi,
  kWeatherDni,
  kWeatherDhi,
  kWeatherTempAir,
  kWeatherWindSpeed,
  kSunZenith,
  kSunAzimuth,
  kPvPoaGlobal,
  kPvTempCell,
  kPvDcPower,
  kPvAcPower,
  kPvBeamShading,
  kPvShadingLoss,
  kMotorShaftPower,
  kMotorInputPower,
  kMotorReactivePower,
  kMotorLosses,
  kMotorLoad,
  kMotorEfficiency,
  kLoadPower,
  kLoadReactivePower,
  kEvPower,
  kStoragePower,
  kStorageSoc,
  kStorageFade,
  kBusLoadPower,
  kBusLoadReactivePower,
  kBusPvPower,
  kBusStoragePower,
  kBusVoltage,
  kTransformerHvPower,
  kTransformerLoading,
  kTransformerLosses,
  kCablePower,
  kCableCurrent,
  kCableLoading,
  kCableLosses,
  kParkGridImport,
  kParkDemand,
  kParkNetworkLosses,
  kParkPvPower,
  kParkEvPower,
  kParkStoragePower,
  kParkFlexible,
  kParkFlexUp1h,
  kParkFlexUp2h,
  kParkFlexDown1h,
  kParkFlexDown2h,
  kParkDrDelivered,
  kParkPowerFlowConverged,
  kParkPowerFlowIterations,
  kParkPowerFlowMismatch,
  kSeriesCount
};

struct SeriesDecl {
  ColumnKind column_kind;  // what its columns are
  std::string_view kind;   // HDF5 group under /series
  std::string_view field;  // dataset name, with its unit suffix
  std::string_view unit;   // the `units` attribute
  double unit_si;          // SI value of one unit
  std::string_view meaning;
  double unit_offset = 0.0;  // SI value of the unit's zero (Celsius: 273.15 K)
};

extern const std::array<SeriesDecl, kSeriesCount> kSeries;

// The ids of the columns of a kind, in the model's order ("site", "park" for the single ones).
std::vector<std::string> columnIds(const ParkModel& model, ColumnKind kind);
size_t columnCount(const ParkModel& model, ColumnKind kind);

}  // namespace twin
