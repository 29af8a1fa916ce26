#include "twin/base/error.h"

namespace twin {
namespace {

std::string joinDiagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const Diagnostic& d : diagnostics) {
    if (!text.empty()) text += '\n';
    text += d.format();
  }
  return text;
}

}  // namespace

std::string Diagnostic::format() const {
  std::string text = loc.file;
  if (loc.line > 0) text += ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
  text += ": ";
  if (!path.empty()) text += path + ": ";
  return text + message;
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(joinDiagnostics(diagnostics)), diagnostics_(std::move(diagnostics)) {}

InputError::InputError(const std::string& message) : std::runtime_error(message) {}

void Diagnostics::error(const SourceLoc& loc, std::string path, std::string message) {
  list_.push_back(Diagnostic{loc, std::move(path), std::move(message)});
}

void Diagnostics::warning(const SourceLoc& loc, std::string path, std::string message) {
  warnings_.push_back(Diagnostic{loc, std::move(path), std::move(message)});
}

void Diagnostics::throwIfAny() const {
  if (!list_.empty()) throw InputError(list_);
}

}  // namespace twin
