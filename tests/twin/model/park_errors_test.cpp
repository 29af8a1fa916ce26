// Every park-file error message, pinned: FILE:LINE:COL: field.path: expected ..., got ...
// (ARCHITECTURE.md §4). Each case mutates the small valid test park in one place.
#include <gtest/gtest.h>

#include "twin/base/error.h"
#include "twin/error_cases.h"
#include "twin/test_park.h"

namespace twin {
namespace {

using test::ErrorCase;

std::vector<std::string> errorsOf(const std::string& text) {
  return test::messagesOf([&] { test::compileText(text); });
}

class ParkErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ParkErrorTest, ReportsOneLocatedMessage) {
  const ErrorCase& c = GetParam();
  const std::vector<std::string> errors =
      errorsOf(test::replaced(test::smallParkYaml(), c.from, c.to));
  ASSERT_EQ(errors.size(), 1u) << (errors.empty() ? "no error" : errors[0]);
  EXPECT_EQ(errors[0], c.expected);
}

const ErrorCase kCases[] = {
    {"UnknownKey", "    roof: flat\n", "    roof: flat\n    colour: red\n",
     "test.yaml:27:5: buildings[0].colour: unknown key (expected one of: id, name, name_zh, "
     "kind, footprint, height, roof)"},
    {"WrongDimension", "rated_power: \"15 kW\"", "rated_power: \"15 kWh\"",
     "test.yaml:45:26: equipment[0].motor.rated_power: expected a power (e.g. \"15 kW\"), got "
     "\"15 kWh\" (an energy)"},
    {"NoUnit", "height: \"12 m\"", "height: \"12\"",
     "test.yaml:25:13: buildings[0].height: expected a length (e.g. \"350 m\"), got \"12\" (no "
     "unit)"},
    {"UnknownUnit", "length: \"200 m\"", "length: \"200 furlong\"",
     "test.yaml:34:45: network.cables[0].length: expected a length (e.g. \"350 m\"), got \"200 "
     "furlong\" (unknown unit \"furlong\")"},
    {"BadNumber", "rated_efficiency: \"90.6 %\"", "rated_efficiency: \"ninety %\"",
     "test.yaml:46:31: equipment[0].motor.rated_efficiency: expected a fraction (e.g. \"75 %\"), "
     "got \"ninety %\""},
    {"OutOfRange", "rated_efficiency: \"90.6 %\"", "rated_efficiency: \"120 %\"",
     "test.yaml:46:31: equipment[0].motor.rated_efficiency: expected a value above 0 % up to 99.9 "
     "%, got \"120 %\""},
    {"DanglingBus", "    bus: LV1\n    count: 2", "    bus: LV9\n    count: 2",
     "test.yaml:43:10: equipment[0].bus: unknown bus \"LV9\" (no bus has that id)"},
    {"DanglingSchedule", "schedule: day-shift}", "schedule: night}",
     "test.yaml:47:36: equipment[0].duty.schedule: unknown schedule \"night\" (no schedule has "
     "that id)"},
    {"DuplicateId", "- id: LIGHT", "- id: CB1",
     "test.yaml:49:9: loads[0].id: duplicate id \"CB1\" (first defined at test.yaml:34:12)"},
    {"MissingField", "    height: \"12 m\"\n", "",
     "test.yaml:21:5: buildings[0].height: missing required field"},
    {"BadDate", "end: 2025-01-08", "end: 2025-02-30",
     "test.yaml:10:8: simulation.end: expected a date YYYY-MM-DD, got \"2025-02-30\""},
    {"EndBeforeStart", "end: 2025-01-08", "end: 2024-12-31",
     "test.yaml:10:8: simulation.end: expected a date after simulation.start, got \"2024-12-31\""},
    {"PeriodOverAHundredYears", "end: 2025-01-08", "end: 2125-01-03",
     "test.yaml:10:8: simulation.end: expected at most 100 years (36525 days) after "
     "simulation.start, got \"2125-01-03\" (36526 days)"},
    {"StepNotDividingHour", "step: 15min", "step: 7min",
     "test.yaml:11:9: simulation.step: expected a whole number of minutes that divides an hour (1, "
     "2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60 min), got \"7min\""},
    {"BadChoice", "kind: pump", "kind: pomp",
     "test.yaml:41:11: equipment[0].kind: expected one of pump | fan | air_compressor | conveyor | "
     "machine_tool | mixer | other, got \"pomp\""},
    {"BadCount", "count: 2", "count: 0",
     "test.yaml:44:12: equipment[0].count: expected a whole number from 1 to 100000, got \"0\""},
    {"CableAcrossVoltages", "  transformers:\n",
     "    - {id: CB2, from: PCC, to: LV1, length: \"9 m\", resistance: \"0.2 ohm/km\",\n"
     "       reactance: \"0.1 ohm/km\", ampacity: \"300 A\"}\n  transformers:\n",
     "test.yaml:36:32: network.cables[1].to: expected a bus at the same voltage as \"from\" (10 "
     "kV), got one at 0.4 kV (use a transformer)"},
    {"TransformerUpsideDown", "equipment:\n",
     "    - {id: TR2, from: LV1, to: MV1, rated_power: \"630 kVA\", no_load_loss: \"1 kW\",\n"
     "       load_loss: \"6 kW\"}\nequipment:\n",
     "test.yaml:39:23: network.transformers[1].from: expected the high-voltage side, but \"from\" "
     "is at 0.4 kV and \"to\" at 10 kV"},
    {"UnconnectedBus", "    - {id: LV1, voltage: \"0.4 kV\"}\n",
     "    - {id: LV1, voltage: \"0.4 kV\"}\n    - {id: LV2, voltage: \"0.4 kV\"}\n",
     "test.yaml:33:7: network.buses[3]: bus \"LV2\" is not connected to the grid bus \"PCC\" "
     "through cables and transformers"},
    {"HourlyProfileLength", "weekday: {constant: 1}", "weekday: [1, 1, 1]",
     "test.yaml:19:14: schedules[1].weekday: expected 24 hourly values, got 3"},
    {"BadShiftWindow", "[\"08:00-16:00\"], on", "[\"08:00-25:00\"], on",
     "test.yaml:16:24: schedules[0].weekday.shifts[0]: expected a window \"HH:MM-HH:MM\" (e.g. "
     "\"08:00-16:00\", \"22:00-06:00\"), got \"08:00-25:00\""},
    {"TariffGap", "hours: [\"20:00-08:00\"]", "hours: [\"21:00-08:00\"]",
     "test.yaml:62:9: tariff.seasons[0].periods: expected periods covering the whole day, but "
     "20:00 is in none"},
    {"TariffOverlap", "hours: [\"20:00-08:00\"]", "hours: [\"19:00-08:00\"]",
     "test.yaml:63:55: tariff.seasons[0].periods[1].hours: overlaps period \"peak\" at 19:00"},
    {"MonthInTwoSeasons", "11, 12]", "11, 12, 1]",
     "test.yaml:60:55: tariff.seasons[0].months[12]: month 1 already belongs to another season"},
    {"WrongSchema", "schema: 1", "schema: 2",
     "test.yaml:1:9: schema: expected a whole number from 1 to 1, got \"2\""},
    {"ScenarioOverlayError", "rated_efficiency: \"93.9 %\"", "rated_efficiency: \"193.9 %\"",
     "test.yaml:71:58: scenario ie4: equipment[0].motor.rated_efficiency: expected a value above "
     "0 % up to 99.9 %, got \"193.9 %\""},
    {"ScenarioUnknownKey", "    description: IE4 pump motors\n",
     "    description: IE4 pump motors\n    motors: []\n",
     "test.yaml:69:5: scenarios[0].motors: unknown key (expected name, description, remove, "
     "investment, measures, or a section to overlay: weather, calendar, schedules, buildings, "
     "network, equipment, loads, pv, storage, ev_charging, demand_response, tariff, emissions)"},
    {"InvestmentWithoutCurrency", "    description: IE4 pump motors\n",
     "    description: IE4 pump motors\n    investment: {capex: \"200000\"}\n",
     "test.yaml:69:25: scenario ie4: investment.capex: expected an amount of money (e.g. "
     "\"1200000 CNY\"), got \"200000\" (no unit)"},
    {"InvestmentNegativeLifetime", "    description: IE4 pump motors\n",
     "    description: IE4 pump motors\n    investment: {capex: \"1 CNY\", lifetime: \"-5 a\"}\n",
     "test.yaml:69:44: scenario ie4: investment.lifetime: expected a value above 0 a up to 100 a, "
     "got \"-5 a\""},
    {"InvestmentWrongDimension", "    description: IE4 pump motors\n",
     "    description: IE4 pump motors\n    investment: {om: \"5 kWh\"}\n",
     "test.yaml:69:22: scenario ie4: investment.om: expected an amount of money (e.g. "
     "\"1200000 CNY\"), got \"5 kWh\" (an energy)"},
    {"SubsidyAboveCapex", "    description: IE4 pump motors\n",
     "    description: IE4 pump motors\n    investment: {capex: \"1 CNY\", subsidy: \"2 CNY\"}\n",
     "test.yaml:69:43: scenario ie4: investment.subsidy: expected a subsidy no larger than the "
     "capex (1 CNY), got 2 CNY"},
    {"DiscountRateOver100", "scenarios:\n", "economics: {discount_rate: \"120 %\"}\nscenarios:\n",
     "test.yaml:66:28: economics.discount_rate: expected a value from 0 % up to 100 %, got "
     "\"120 %\""},
    {"AnalysisPeriodNotWholeYears", "scenarios:\n",
     "economics: {analysis_period: \"20.5 a\"}\nscenarios:\n",
     "test.yaml:66:30: economics.analysis_period: expected a whole number of years (\"20 a\"), "
     "got 20.5 a"},
    {"InvestmentInBaseline", "scenarios:\n", "investment: {capex: \"1 CNY\"}\nscenarios:\n",
     "test.yaml:66:1: investment: expected investment under a scenario (the baseline is what is "
     "there today)"},
    {"EconomicsInScenario", "    description: IE4 pump motors\n",
     "    description: IE4 pump motors\n    economics: {discount_rate: \"5 %\"}\n",
     "test.yaml:69:5: scenarios[0].economics: unknown key (expected name, description, remove, "
     "investment, measures, or a section to overlay: weather, calendar, schedules, buildings, "
     "network, equipment, loads, pv, storage, ev_charging, demand_response, tariff, emissions)"},
    {"ScenarioRemovesUnknownId", "    description: IE4 pump motors\n",
     "    description: IE4 pump motors\n    remove: [NOPE]\n",
     "test.yaml:69:14: scenarios[0].remove[0]: unknown id \"NOPE\" (no list entry of the baseline "
     "has that id; a counted group is removed by its own id)"},
    {"ScheduleValueAboveOne", "on: 1.0, off: 0.1}", "on: \"150 %\", off: 0.1}",
     "test.yaml:16:44: schedules[0].weekday.on: expected a fraction from 0 to 1 (0 % to 100 %), "
     "got \"150 %\""},
    {"EmptyValueLocatedAtItsKey", "  name: Test park\n", "  name:\n",
     "test.yaml:3:3: site.name: expected a text value, got nothing"},
    {"DuplicatePeriodName", "{name: valley, price", "{name: peak, price",
     "test.yaml:63:18: tariff.seasons[0].periods[1].name: duplicate period name \"peak\" in this "
     "season"},
    {"ScenarioNameNotAPath", "  - name: ie4\n", "  - name: .\n",
     "test.yaml:67:11: scenarios[0].name: expected a unique scenario name that starts with a "
     "letter "
     "or digit and is not \"baseline\", got \".\""},
    {"MotorVoltageOffBus", "poles: 4, efficiency", "rated_voltage: \"10 kV\", poles: 4, efficiency",
     "test.yaml:45:50: equipment[0].motor.rated_voltage: expected a voltage within 10 % of bus "
     "\"LV1\" (0.4 kV), got \"10 kV\""},
    {"DayProfileOfWrongShape", "weekday: {constant: 1}", "weekday: 1",
     "test.yaml:19:14: schedules[1].weekday: expected 24 hourly values, {constant: x} or {shifts: "
     "[...], on: x, off: y}, got \"1\""},
    {"DuplicateKey", "    roof: flat\n", "    roof: flat\n    roof: pitched\n",
     "test.yaml:27:5: buildings[0].roof: duplicate key (first given at line 26, column 5)"},
    {"PvSizedTwice", "tariff:",
     "pv:\n  - {id: PV1, surface: roof, building: W1, bus: LV1, tilt: \"10 deg\",\n"
     "     capacity: \"100 kWp\", area: \"500 m2\", module: {power: \"550 W\"}}\ntariff:",
     "test.yaml:57:5: pv[0]: expected exactly one of capacity, area or install: wherever_possible, "
     "got capacity and area"},
    {"PvAreaWithoutModule", "tariff:",
     "pv:\n  - {id: PV1, surface: roof, building: W1, bus: LV1, tilt: \"10 deg\", area: \"500 "
     "m2\"}\n"
     "tariff:",
     "test.yaml:57:76: pv[0].area: expected a module (power, length, width) to size the array by "
     "area"},
    {"PvAzimuthOnFacade", "tariff:",
     "pv:\n  - {id: PV1, surface: facade, building: W1, facade: 0, bus: LV1, azimuth: \"90 deg\",\n"
     "     capacity: \"10 kWp\"}\ntariff:",
     "test.yaml:57:76: pv[0].azimuth: expected no azimuth for a facade array (it faces the wall's "
     "outward normal)"},
    {"PvFacadeEdgeOutOfRange", "tariff:",
     "pv:\n  - {id: PV1, surface: facade, building: W1, facade: 4, bus: LV1, capacity: \"10 "
     "kWp\"}\n"
     "tariff:",
     "test.yaml:57:54: pv[0].facade: expected a whole number from 0 to 3, got \"4\""},
    {"PvTiltOutOfRange", "tariff:",
     "pv:\n  - {id: PV1, surface: roof, building: W1, bus: LV1, tilt: \"95 deg\", capacity: \"1 "
     "kWp\"}\n"
     "tariff:",
     "test.yaml:57:60: pv[0].tilt: expected a value from 0 deg up to 90 deg, got \"95 deg\""},
    {"PvGammaWithoutPerKelvin", "tariff:",
     "pv:\n  - {id: PV1, surface: roof, building: W1, bus: LV1, tilt: \"10 deg\", capacity: \"1 "
     "kWp\",\n"
     "     gamma: \"-0.37 %\"}\ntariff:",
     "test.yaml:58:13: pv[0].gamma: expected a temperature coefficient (e.g. \"-0.37 %/K\"), got "
     "\"-0.37 %\" (a fraction)"},
    {"PvUnknownBus", "tariff:",
     "pv:\n  - {id: PV1, surface: roof, building: W1, bus: LV9, tilt: \"10 deg\", capacity: \"1 "
     "kWp\"}\n"
     "tariff:",
     "test.yaml:57:49: pv[0].bus: unknown bus \"LV9\" (no bus has that id)"},
    {"PvNothingFits", "tariff:",
     "pv:\n  - id: PV1\n    surface: roof\n    building: W1\n    bus: LV1\n    tilt: \"10 deg\"\n"
     "    install: wherever_possible\n    module: {power: \"550 W\"}\n"
     "    layout: {setback: \"30 m\"}\ntariff:",
     "test.yaml:62:14: pv[0].install: expected room for at least one module on the surface, got "
     "none after setbacks and obstructions (usable area 0 m2)"},
    {"PvGroundWithBuilding", "tariff:",
     "pv:\n  - {id: PV1, surface: ground, building: W1, bus: LV1, tilt: \"10 deg\", capacity: \"1 "
     "kWp\"}\n"
     "tariff:",
     "test.yaml:57:42: pv[0].building: expected no building for a ground-mounted array"},
    // Found by the park fuzzer: a vertex 4e59 m away made the PV layout lay rows for hours.
    {"VertexFarFromSite", "[100, 50], [0, 50]]", "[100, 4e59], [0, 50]]",
     "test.yaml:24:35: buildings[0].footprint[2]: expected a vertex [east_m, north_m] within 10 km "
     "of the site origin"},
    {"WeatherMonthlyCount",
     "tariff:", "weather: {source: synthetic, monthly_temperature_degC: [1, 2, 3]}\ntariff:",
     "test.yaml:56:56: weather.monthly_temperature_degC: expected 12 monthly values (January "
     "first), got 3"},
    {"WeatherMonthlyValue", "tariff:",
     "weather: {source: synthetic, monthly_ghi_kWh_m2_day: [2, 3, 3, 4, 4, 4, 5, 5, 4, 3, 2, x]}\n"
     "tariff:",
     "test.yaml:56:88: weather.monthly_ghi_kWh_m2_day[11]: expected a number from 0 to 12, got "
     "\"x\""},
    {"MotorWithoutEfficiency", "efficiency_class: IE2,\n            rated_efficiency: \"90.6 %\", ",
     "",
     "test.yaml:45:12: equipment[0].motor: expected rated_efficiency or efficiency_class, got "
     "neither"},
    {"MotorClassNotCovered",
     "rated_power: \"15 kW\", poles: 4, efficiency_class: IE2,\n            rated_efficiency: "
     "\"90.6 %\", ",
     "rated_power: \"1500 kW\", poles: 4, efficiency_class: IE1,\n            ",
     "test.yaml:45:65: equipment[0].motor.efficiency_class: expected a class whose table covers "
     "the motor (IE1 (IEC 60034-30-1:2014 table, 50 Hz): 0.12-1000 kW, 2/4/6/8 poles; other "
     "ratings by the next lower tabulated rating, the 200 kW value above 200 kW), got IE1 for 1500 "
     "kW, 4 poles; give rated_efficiency"},
    {"TransformerGradeOffTable",
     "rated_power: \"630 kVA\", no_load_loss: \"0.81 kW\",\n       load_loss: \"6.2 kW\"}",
     "rated_power: \"700 kVA\", grade: 1}",
     "test.yaml:37:50: network.transformers[0].rated_power: expected a rating of GB 20052-2024 "
     "Table 1 (10 kV oil-immersed, electrical-steel or amorphous core, Dyn11 or Yyn0): grades 1-3 "
     "at 30, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, "
     "2500 kVA to take the losses of grade 1, got \"700 kVA\"; give no_load_loss and load_loss"},
    {"TransformerImpedanceBelowResistance", "load_loss: \"6.2 kW\"}",
     "load_loss: \"12 kW\", impedance: \"1.5 %\"}",
     "test.yaml:38:39: network.transformers[0].impedance: expected more than the load loss's "
     "resistance (1.9 % of the rated impedance), got \"1.5 %\""},
    {"TransformerTapOutOfRange", "load_loss: \"6.2 kW\"}", "load_loss: \"6.2 kW\", tap: \"15 %\"}",
     "test.yaml:38:34: network.transformers[0].tap: expected a value from -10 % up to 10 %, got "
     "\"15 %\""},
    {"GridVoltageFarFromNominal", "contracted_capacity: \"1000 kVA\"}",
     "contracted_capacity: \"1000 kVA\", voltage: \"12 kV\"}",
     "test.yaml:28:62: network.grid.voltage: expected within 10 % of the grid bus's 10 kV, got "
     "\"12 kV\""},
    {"StoragePeakShavingWithoutThreshold", "tariff:\n",
     "storage:\n  - {id: B1, bus: LV1, energy: \"100 kWh\", power: \"50 kW\", dispatch: {policy: "
     "peak_shaving}}\ntariff:\n",
     "test.yaml:57:69: storage[0].dispatch.threshold: missing required field"},
    {"EvChargingSessionsAndArrivals", "tariff:\n",
     "ev_charging:\n  - {id: EV1, bus: LV1, chargers: 2, charger_power: \"7 kW\", arrivals: "
     "{per_day: {workday: 2}}, sessions: {list: []}}\ntariff:\n",
     "test.yaml:57:5: ev_charging[0]: expected either arrivals (a stochastic session model) or "
     "sessions (a fixed list), not both or neither"},
    {"DemandResponseEventsOverlap", "tariff:\n",
     "demand_response:\n  events:\n    - {id: E1, date: 2025-01-02, start: \"10:00\", duration: "
     "\"2 h\", request: \"10 kW\"}\n    - {id: E2, date: 2025-01-02, start: \"11:00\", "
     "duration: \"1 h\", request: \"10 kW\"}\ntariff:\n",
     "test.yaml:58:5: demand_response.events: expected events that do not overlap, but \"E2\" "
     "starts before \"E1\" ends"},
    {"YamlSyntax", "  name: Test park\n", "  name: [Test park\n",
     "test.yaml:4:11: YAML syntax: end of sequence flow not found"},
};

INSTANTIATE_TEST_SUITE_P(Messages, ParkErrorTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<ErrorCase>& param_info) {
                           return std::string(param_info.param.name);
                         });

TEST(ParkErrors, MotorClassAloneGivesItsTableEfficiency) {
  // IEC 60034-30-1 IE3, 15 kW, 4 poles: 92.1 % (UK SI 2021/745 Sch. 16 Table 28 formula).
  const CompiledPark park = test::compileText(test::replaced(
      test::smallParkYaml(), "efficiency_class: IE2,\n            rated_efficiency: \"90.6 %\", ",
      "efficiency_class: IE3,\n            "));
  EXPECT_NEAR(park.baseline.motors[0].nameplate.rated_efficiency, 0.921, 1e-12);
}

TEST(ParkErrors, TransformerGradeGivesGb20052Losses) {
  // GB 20052-2024 Table 1, 630 kVA oil-immersed, electrical steel, grade 1: P0 0.46 kW,
  // Pk 4.46 kW (../shared/datasets/standards/gb20052_2024_transformer_losses.csv); Table 2, dry
  // type, class F, grade 2: P0 0.91 kW, Pk 5.29 kW.
  const std::string from = "no_load_loss: \"0.81 kW\",\n       load_loss: \"6.2 kW\"}";
  const CompiledPark oil =
      test::compileText(test::replaced(test::smallParkYaml(), from, "grade: 1}"));
  EXPECT_NEAR(oil.baseline.network.transformers[0].rating.no_load_loss, 460.0, 1e-9);
  EXPECT_NEAR(oil.baseline.network.transformers[0].rating.load_loss, 4460.0, 1e-9);
  const CompiledPark dry =
      test::compileText(test::replaced(test::smallParkYaml(), from, "grade: 2, type: dry}"));
  EXPECT_NEAR(dry.baseline.network.transformers[0].rating.no_load_loss, 910.0, 1e-9);
  EXPECT_NEAR(dry.baseline.network.transformers[0].rating.load_loss, 5290.0, 1e-9);
}

// A roof within the site's 10 km but too large to lay out (tens of millions of modules) is refused
// before the layout runs, naming the array.
TEST(ParkErrors, SurfaceTooLargeToLayOut) {
  std::string text = test::replaced(test::smallParkYaml(), "[[0, 0], [100, 0], [100, 50], [0, 50]]",
                                    "[[0, 0], [9000, 0], [9000, 9000], [0, 9000]]");
  text =
      test::replaced(text, "tariff:",
                     "pv:\n  - {id: PV1, surface: roof, building: W1, bus: LV1, tilt: \"10 deg\",\n"
                     "     install: wherever_possible, module: {power: \"550 W\"}}\ntariff:");
  const std::vector<std::string> errors = errorsOf(text);
  ASSERT_EQ(errors.size(), 1u) << (errors.empty() ? "no error" : errors[0]);
  EXPECT_EQ(errors[0],
            "test.yaml:58:15: pv[0].install: expected a surface for at most 1,000,000 modules, got "
            "one of 81,000,000 m2 with room for about 31,839,540; split it into several arrays");
}

TEST(ParkErrors, ValidFixtureHasNoError) { EXPECT_TRUE(errorsOf(test::smallParkYaml()).empty()); }

TEST(ParkErrors, EveryErrorIsReportedAtOnce) {
  std::string text = test::smallParkYaml();
  text = test::replaced(text, "rated_power: \"15 kW\"", "rated_power: \"15 kWh\"");
  text = test::replaced(text, "    bus: LV1\n    count: 2", "    bus: LV9\n    count: 2");
  text = test::replaced(text, "    roof: flat\n", "    roof: flat\n    colour: red\n");
  text = test::replaced(text, "step: 15min", "step: 7min");
  const std::vector<std::string> errors = errorsOf(text);
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_NE(errors[0].find("simulation.step"), std::string::npos);
  EXPECT_NE(errors[1].find("buildings[0].colour"), std::string::npos);
  EXPECT_NE(errors[2].find("equipment[0].bus"), std::string::npos);
  EXPECT_NE(errors[3].find("equipment[0].motor.rated_power"), std::string::npos);
}

}  // namespace
}  // namespace twin
