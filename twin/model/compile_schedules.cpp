// Compiles the schedules (daily profiles by day type) and the time-of-use tariff.
#include <fmt/format.h>

#include <algorithm>

#include "physics/units.h"
#include "twin/base/calendar.h"
#include "twin/base/text.h"
#include "twin/model/compile_context.h"

namespace twin {
namespace {

namespace u = physics::units;

// Minute of the day as "HH:MM".
std::string clockText(int minute) { return fmt::format("{:02}:{:02}", minute / 60, minute % 60); }

std::optional<double> fractionAt(const Node& node, const std::string& path, FieldReader& r) {
  const QuantityResult v = node.isScalar() ? parseQuantity(node.scalar, Dimension::kFraction)
                                           : QuantityResult{std::string("expected a fraction")};
  if (const std::string* message = std::get_if<std::string>(&v)) {
    r.error(node.loc, path, node.isScalar() ? *message : "expected a fraction from 0 to 1");
    return std::nullopt;
  }
  const double value = std::get<double>(v);
  if (!(value >= 0.0 && value <= 1.0)) {
    r.error(node.loc, path,
            "expected a fraction from 0 to 1 (0 % to 100 %), got " + quote(node.scalar));
    return std::nullopt;
  }
  return value;
}

// One day type: 24 hourly values, {constant: x}, or {shifts: [...], on: x, off: y}.
std::optional<std::vector<double>> readDay(const Node& day, const std::string& path,
                                           FieldReader& r) {
  std::vector<double> minutes(kMinutesPerDay, 0.0);
  if (day.isSequence()) {
    if (day.items.size() != 24) {
      r.error(day.loc, path, "expected 24 hourly values, got " + std::to_string(day.items.size()));
      return std::nullopt;
    }
    bool ok = true;
    for (size_t h = 0; h < 24; ++h) {
      const std::optional<double> v = fractionAt(day.items[h], indexPath(path, h), r);
      ok = ok && v.has_value();
      std::fill_n(minutes.begin() + static_cast<long>(h) * 60, 60, v.value_or(0.0));
    }
    return ok ? std::optional(minutes) : std::nullopt;
  }
  if (!day.isMap()) {
    r.error(day.loc, path,
            "expected 24 hourly values, {constant: x} or {shifts: [...], on: x, off: y}, got " +
                describeNode(day));
    return std::nullopt;
  }
  if (day.find("constant")) {
    r.checkKeys(day, {"constant"}, path);
    const std::optional<double> v = fractionAt(*day.find("constant"), keyPath(path, "constant"), r);
    if (!v) return std::nullopt;
    std::fill(minutes.begin(), minutes.end(), *v);
    return minutes;
  }
  r.checkKeys(day, {"shifts", "on", "off"}, path);
  const Node* shifts = r.required(day, "shifts", path);
  const Node* on = r.required(day, "on", path);
  const Node* off = r.required(day, "off", path);
  if (!shifts || !on || !off) return std::nullopt;
  std::vector<bool> in_shift(kMinutesPerDay, false);
  const bool windows_ok = readWindows(*shifts, keyPath(path, "shifts"), r, in_shift);
  const std::optional<double> v_on = fractionAt(*on, keyPath(path, "on"), r);
  const std::optional<double> v_off = fractionAt(*off, keyPath(path, "off"), r);
  if (!windows_ok || !v_on || !v_off) return std::nullopt;
  for (int m = 0; m < kMinutesPerDay; ++m) minutes[m] = in_shift[m] ? *v_on : *v_off;
  return minutes;
}

void compileSchedule(const Node& node, const std::string& path, CompileContext& c) {
  if (!c.r.expectMap(node, path)) return;
  c.r.checkKeys(node, {"id", "weekday", "weekend", "holiday"}, path);
  Schedule s;
  s.id = c.r.id(node, "id", path).value_or("");
  if (!s.id.empty() && c.claimId(s.id, node.find("id")->loc, keyPath(path, "id"))) {
    c.schedules.emplace(s.id, static_cast<int>(c.model.schedules.size()));
  }
  const Node* weekday = c.r.required(node, "weekday", path);
  const Node* weekend = node.find("weekend");
  const Node* holiday = node.find("holiday");
  if (weekday) {
    s.minutes[0] = readDay(*weekday, keyPath(path, "weekday"), c.r).value_or(s.minutes[0]);
  }
  s.minutes[1] = weekend ? readDay(*weekend, keyPath(path, "weekend"), c.r).value_or(s.minutes[1])
                         : s.minutes[0];
  s.minutes[2] = holiday ? readDay(*holiday, keyPath(path, "holiday"), c.r).value_or(s.minutes[2])
                         : s.minutes[1];
  for (auto& day : s.minutes) day.resize(kMinutesPerDay, 0.0);
  c.model.schedules.push_back(std::move(s));
}

constexpr QuantityField kPrice{
    "price", Dimension::kEnergyPrice, 0, 100 / u::kWh, false, "CNY/kWh", 1 / u::kWh};
constexpr QuantityField kDemandPrice{
    "demand_charge", Dimension::kDemandPrice, 0, 1000 / u::kW, false, "CNY/kW/month", 1 / u::kW};

void compileSeason(const Node& node, const std::string& path, CompileContext& c,
                   std::array<int, 12>& month_owner) {
  if (!c.r.expectMap(node, path)) return;
  c.r.checkKeys(node, {"name", "months", "periods"}, path);
  TariffSeason season;
  season.name = c.r.text(node, "name", path, true).value_or("");
  for (const TariffSeason& other : c.model.tariff.seasons) {
    if (!season.name.empty() && other.name == season.name) {
      c.r.error(node.find("name")->loc, keyPath(path, "name"),
                "duplicate season name \"" + season.name + "\"");
    }
  }
  const int index = static_cast<int>(c.model.tariff.seasons.size());
  if (const Node* months = c.r.required(node, "months", path);
      months && c.r.expectSequence(*months, keyPath(path, "months"))) {
    for (size_t i = 0; i < months->items.size(); ++i) {
      const Node& m = months->items[i];
      const std::string mpath = indexPath(keyPath(path, "months"), i);
      const std::optional<long> month = m.isScalar() ? parseInteger(m.scalar) : std::nullopt;
      if (!month || *month < 1 || *month > 12) {
        c.r.error(m.loc, mpath, "expected a month number 1..12, got " + describeNode(m));
      } else if (month_owner[*month - 1] >= 0) {
        c.r.error(m.loc, mpath, "month " + m.scalar + " already belongs to another season");
      } else {
        month_owner[*month - 1] = index;
      }
    }
  }
  season.period_of_minute.assign(kMinutesPerDay, -1);
  const Node* periods = c.r.required(node, "periods", path);
  if (periods && c.r.expectSequence(*periods, keyPath(path, "periods"))) {
    bool windows_ok = true;
    for (size_t i = 0; i < periods->items.size(); ++i) {
      const Node& p = periods->items[i];
      const std::string ppath = indexPath(keyPath(path, "periods"), i);
      if (!c.r.expectMap(p, ppath)) {
        windows_ok = false;
        continue;
      }
      c.r.checkKeys(p, {"name", "price", "hours"}, ppath);
      TariffPeriod period;
      period.name = c.r.text(p, "name", ppath, true).value_or("");
      period.price = c.r.quantity(p, kPrice, ppath, true).value_or(0.0);
      for (const TariffPeriod& other : season.periods) {
        if (!period.name.empty() && other.name == period.name) {
          c.r.error(p.find("name")->loc, keyPath(ppath, "name"),
                    "duplicate period name \"" + period.name + "\" in this season");
        }
      }
      const int period_index = static_cast<int>(season.periods.size());
      season.periods.push_back(period);
      std::vector<bool> on(kMinutesPerDay, false);
      const Node* hours = c.r.required(p, "hours", ppath);
      if (!hours || !readWindows(*hours, keyPath(ppath, "hours"), c.r, on)) {
        windows_ok = false;
        continue;
      }
      for (int m = 0; m < kMinutesPerDay; ++m) {
        if (!on[m]) continue;
        if (season.period_of_minute[m] >= 0) {
          const int other = season.period_of_minute[m];
          c.r.error(hours->loc, keyPath(ppath, "hours"),
                    other == period_index ? "windows overlap each other at " + clockText(m)
                                          : "overlaps period \"" + season.periods[other].name +
                                                "\" at " + clockText(m));
          windows_ok = false;
          break;
        }
        season.period_of_minute[m] = period_index;
      }
    }
    auto gap = std::find(season.period_of_minute.begin(), season.period_of_minute.end(), -1);
    if (gap != season.period_of_minute.end() && windows_ok) {
      const long m = gap - season.period_of_minute.begin();
      c.r.error(periods->loc, keyPath(path, "periods"),
                "expected periods covering the whole day, but " + clockText(static_cast<int>(m)) +
                    " is in none");
    }
  }
  c.model.tariff.seasons.push_back(std::move(season));
}

}  // namespace

DayType Calendar::dayType(long day) const {
  if (std::binary_search(holidays.begin(), holidays.end(), day)) return DayType::kHoliday;
  // 1970-01-01 was a Thursday: (day + 3) % 7 gives 0 = Monday .. 6 = Sunday.
  const long weekday = ((day + 3) % 7 + 7) % 7;
  if (weekday < 5 || std::binary_search(workdays.begin(), workdays.end(), day)) {
    return DayType::kWorkday;
  }
  return DayType::kWeekend;
}

bool readWindows(const Node& list, const std::string& path, FieldReader& r,
                 std::vector<bool>& minutes_on) {
  if (!r.expectSequence(list, path)) return false;
  bool ok = true;
  for (size_t i = 0; i < list.items.size(); ++i) {
    const Node& w = list.items[i];
    const std::string& t = w.scalar;
    const size_t dash = t.find('-');
    const std::optional<int> from =
        w.isScalar() && dash != std::string::npos ? parseClock(t.substr(0, dash)) : std::nullopt;
    const std::optional<int> to =
        w.isScalar() && dash != std::string::npos ? parseClock(t.substr(dash + 1)) : std::nullopt;
    if (!from || !to || *from == *to) {
      r.error(w.loc, indexPath(path, i),
              "expected a window \"HH:MM-HH:MM\" (e.g. \"08:00-16:00\", \"22:00-06:00\"), got " +
                  quote(t));
      ok = false;
      continue;
    }
    int m = *from % kMinutesPerDay;
    const int end = *to % kMinutesPerDay;
    do {
      minutes_on[m] = true;
      m = (m + 1) % kMinutesPerDay;
    } while (m != end);
  }
  return ok;
}

void compileSchedules(const Node& root, CompileContext& c) {
  const Node* list = c.r.required(root, "schedules", "");
  if (!list || !c.r.expectSequence(*list, "schedules")) return;
  for (size_t i = 0; i < list->items.size(); ++i) {
    compileSchedule(list->items[i], indexPath("schedules", i), c);
  }
}

void compileTariff(const Node& root, CompileContext& c) {
  const Node* tariff = c.r.required(root, "tariff", "");
  if (!tariff || !c.r.expectMap(*tariff, "tariff")) return;
  c.r.checkKeys(*tariff, {"currency", "demand_charge", "export_price", "seasons"}, "tariff");
  Tariff& t = c.model.tariff;
  if (c.r.choice(*tariff, "currency", {"CNY"}, "tariff", false)) t.currency = "CNY";
  t.demand_price = c.r.quantity(*tariff, kDemandPrice, "tariff", false).value_or(0.0);
  constexpr QuantityField kExportPrice{
      "export_price", Dimension::kEnergyPrice, 0, 100 / u::kWh, false, "CNY/kWh", 1 / u::kWh};
  t.export_price = c.r.quantity(*tariff, kExportPrice, "tariff", false).value_or(0.0);
  std::array<int, 12> owner;
  owner.fill(-1);
  const Node* seasons = c.r.required(*tariff, "seasons", "tariff");
  if (!seasons || !c.r.expectSequence(*seasons, "tariff.seasons")) return;
  for (size_t i = 0; i < seasons->items.size(); ++i) {
    compileSeason(seasons->items[i], indexPath("tariff.seasons", i), c, owner);
  }
  for (int m = 0; m < 12; ++m) {
    if (owner[m] < 0) {
      c.r.error(
          seasons->loc, "tariff.seasons",
          "expected every month in a season, but month " + std::to_string(m + 1) + " is in none");
      break;
    }
  }
  t.season_of_month = owner;
}

}  // namespace twin
