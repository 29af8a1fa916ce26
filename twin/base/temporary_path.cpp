#include "twin/base/temporary_path.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <optional>

#include "twin/base/text.h"

namespace twin {

namespace {

// Removes DIR/.NAME.partial-PID files of `target` left by runs that are gone (killed, or their
// machine crashed); those of running processes, and anything else, stay.
void removeStalePartials(const std::filesystem::path& target) {
  const std::string prefix = "." + target.filename().string() + ".partial-";
  const std::filesystem::path dir =
      target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::optional<int> pid = parseDigits(std::string_view(name).substr(prefix.size()));
    if (!pid || *pid <= 0 || *pid == getpid()) continue;
    if (::kill(*pid, 0) == -1 && errno == ESRCH) {
      std::error_code ignored;
      std::filesystem::remove(it->path(), ignored);
    }
  }
}

}  // namespace

std::string temporaryPathBeside(const std::string& path) {
  const std::filesystem::path target(path);
  removeStalePartials(target);
  return (target.parent_path() /
          ("." + target.filename().string() + ".partial-" + std::to_string(getpid())))
      .string();
}

}  // namespace twin
