// Small typed reads and writes of HDF5 objects shared by the results writer and reader: UTF-8
// strings and string lists, 1-D numeric vectors with their `units`, and layout checks that name
// what was expected.
#pragma once

#include <H5Cpp.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace twin {

// The layout version of results files, the root attribute `parktwin_schema` (files without it
// are version 1). Readers refuse files of a newer version, naming both.
inline constexpr int kResultsSchema = 1;

// A file that is HDF5 but not laid out as ParkTwin writes it; readers turn it into an InputError
// naming the file.
struct LayoutError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

void writeStringAttribute(H5::H5Object& object, const std::string& name, const std::string& value);
void writeStringListAttribute(H5::H5Object& object, const std::string& name,
                              const std::vector<std::string>& values);
void writeStringDataset(H5::Group& group, const std::string& name, const std::string& value);
// A 1-D dataset of variable-length UTF-8 strings.
H5::DataSet writeStringVector(H5::Group& group, const std::string& name,
                              const std::vector<std::string>& values);
// A 1-D float64 dataset with its `units` attribute.
H5::DataSet writeDoubleVector(H5::Group& group, const std::string& name,
                              const std::vector<double>& values, std::string_view units);
H5::DataSet writeInt64Vector(H5::Group& group, const std::string& name,
                             const std::vector<int64_t>& values);

// Transfer properties for small datasets: a 64 KiB conversion buffer instead of HDF5's 1 MiB,
// which HDF5 clears on every write (measured: 1 ms per write, 150 ms for a park's /model).
const H5::DSetMemXferPropList& smallTransfer();

std::vector<hsize_t> dimsOf(const H5::DataSpace& space);
// Checks an object's type class and shape ({} = scalar) before anything is read from it.
void expectLayout(const H5::AbstractDs& object, H5T_class_t type_class,
                  const std::vector<hsize_t>& dims, const std::string& what);
std::string readString(const H5::DataSet& ds, const std::string& what);
// "" when the attribute is absent.
std::string stringAttribute(const H5::H5Object& object, const std::string& name);
std::vector<std::string> readStringList(const H5::Attribute& attr, const std::string& what);
std::vector<std::string> readStringList(const H5::DataSet& ds, const std::string& what);
// A 1-D float64 (int64) dataset of exactly `n` values.
std::vector<double> readDoubleVector(const H5::DataSet& ds, size_t n, const std::string& what);
std::vector<int64_t> readInt64Vector(const H5::DataSet& ds, size_t n, const std::string& what);
std::vector<std::string> childNames(const H5::Group& group);

}  // namespace twin
