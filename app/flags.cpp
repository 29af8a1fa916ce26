#include "app/flags.h"

#include "twin/base/error.h"

namespace twin::cli {

double quantityFlag(std::string_view flag, const std::string& text, Dimension dimension) {
  const QuantityResult r = parseQuantity(text, dimension);
  if (const std::string* message = std::get_if<std::string>(&r)) {
    throw InputError(std::string(flag) + ": " + *message);
  }
  return std::get<double>(r);
}

}  // namespace twin::cli
