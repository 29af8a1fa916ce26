#include "twin/shading/shade_table_cache.h"

#include <deque>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "twin/base/disk_cache.h"
#include "twin/shading/shade_table_codec.h"

namespace twin::shading {
namespace {

constexpr size_t kKept = 8;

struct Cache {
  std::mutex mutex;
  std::map<std::string, std::shared_future<std::shared_ptr<const ShadeTables>>> tables;
  std::deque<std::string> order;  // keys, oldest first
  size_t computations = 0;
};

Cache& cache() {
  static Cache c;
  return c;
}

// The tables an earlier process kept on disk under `key`, else compute()'s, kept there.
ShadeTables storedOrComputed(const std::string& key, size_t arrays,
                             const std::function<ShadeTables()>& compute) {
  std::optional<ShadeTables> tables;
  keptOrComputed(
      "shade", key,
      [&](const std::string& kept) {
        tables = shadeTablesFrom(kept, arrays);
        return tables.has_value();
      },
      [&] {
        {
          Cache& c = cache();
          const std::lock_guard<std::mutex> lock(c.mutex);
          ++c.computations;
        }
        tables = compute();
        return shadeTablesBytes(*tables);
      });
  return std::move(*tables);
}

}  // namespace

ShadeTables cachedShadeTables(const std::string& key, size_t arrays,
                              const std::function<ShadeTables()>& compute) {
  Cache& c = cache();
  std::promise<std::shared_ptr<const ShadeTables>> promise;
  std::shared_future<std::shared_ptr<const ShadeTables>> future;
  bool mine = false;
  {
    const std::lock_guard<std::mutex> lock(c.mutex);
    const auto it = c.tables.find(key);
    if (it != c.tables.end()) {
      future = it->second;
    } else {
      future = promise.get_future().share();
      c.tables.emplace(key, future);
      c.order.push_back(key);
      mine = true;
      if (c.order.size() > kKept) {
        c.tables.erase(c.order.front());
        c.order.pop_front();
      }
    }
  }
  if (mine) {
    try {
      promise.set_value(
          std::make_shared<const ShadeTables>(storedOrComputed(key, arrays, compute)));
    } catch (...) {
      promise.set_exception(std::current_exception());
      const std::lock_guard<std::mutex> lock(c.mutex);
      c.tables.erase(key);
      std::erase(c.order, key);
    }
  }
  return *future.get();  // a copy: the run plan owns its tables
}

size_t shadeTableComputations() {
  Cache& c = cache();
  const std::lock_guard<std::mutex> lock(c.mutex);
  return c.computations;
}

void forgetShadeTables() {
  Cache& c = cache();
  const std::lock_guard<std::mutex> lock(c.mutex);
  c.tables.clear();
  c.order.clear();
}

}  // namespace twin::shading
