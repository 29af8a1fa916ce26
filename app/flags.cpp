#include "app/flags.h"

#include "physics/units.h"
#include "twin/base/error.h"
#include "twin/base/text.h"

namespace twin::cli {

double quantityFlag(std::string_view flag, const std::string& text, Dimension dimension) {
  const QuantityResult r = parseQuantity(text, dimension);
  if (const std::string* message = std::get_if<std::string>(&r)) {
    throw InputError(std::string(flag) + ": " + *message);
  }
  return std::get<double>(r);
}

double flowOrShare(std::string_view flag, const std::string& text, double reference,
                   std::string_view reference_name) {
  const QuantityResult share = parseQuantity(text, Dimension::kFraction);
  if (const double* v = std::get_if<double>(&share)) return *v * reference;
  const QuantityResult flow = parseQuantity(text, Dimension::kVolumeFlow);
  if (const double* v = std::get_if<double>(&flow)) return *v;
  throw InputError(std::string(flag) + ": expected a volume flow (e.g. \"" +
                   std::string(dimensionExample(Dimension::kVolumeFlow)) +
                   "\") or a share of the " + std::string(reference_name) +
                   " (e.g. \"70 %\"), got " + quote(text));
}

AnnualFlags annualFlags(const std::string& hours, const std::string& price) {
  AnnualFlags out;
  if (!hours.empty()) {
    const double d = quantityFlag("--hours", hours, Dimension::kDuration);
    if (d < 0.0 || d > 8784.0 * physics::units::hour) {
      throw InputError("--hours: expected 0 to 8784 h a year, got " + quote(hours));
    }
    out.duration = d;
  }
  if (!price.empty()) {
    if (!out.duration) throw InputError("--price: needs --hours (the running hours a year)");
    const double p = quantityFlag("--price", price, Dimension::kEnergyPrice);
    if (p < 0.0) throw InputError("--price: expected a price of 0 or more, got " + quote(price));
    out.price = p;
  }
  return out;
}

}  // namespace twin::cli
