// Opening a results file for reading, and turning HDF5 and layout errors into InputErrors that
// name the file: shared by the readers of twin/results.
#pragma once

#include <H5Cpp.h>

#include <string>

#include "twin/base/error.h"
#include "twin/results/hdf5_io.h"

namespace twin {

// fn() with H5::Exception and LayoutError reported as "PATH: not a valid ParkTwin results file".
template <typename Fn>
auto guarded(const std::string& path, Fn&& fn) {
  try {
    return fn();
  } catch (const H5::Exception& e) {
    throw InputError(path + ": not a valid ParkTwin results file (" + e.getDetailMsg() + ")");
  } catch (const LayoutError& e) {
    throw InputError(path + ": not a valid ParkTwin results file (" + e.what() + ")");
  }
}

// Read-only; InputError when the file is not HDF5 or cannot be opened.
H5::H5File openResults(const std::string& path);

// The root group of scenario "baseline" (the file's root) or of a named scenario.
H5::Group scenarioGroup(H5::H5File& file, const std::string& scenario);

}  // namespace twin
