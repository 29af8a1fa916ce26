#include "twin/results/hdf5_io.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <type_traits>

namespace twin {
namespace {

H5::StrType utf8String() {
  H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
  type.setCset(H5T_CSET_UTF8);
  return type;
}

std::vector<const char*> pointersTo(const std::vector<std::string>& values) {
  std::vector<const char*> pointers;
  for (const std::string& v : values) pointers.push_back(v.c_str());
  return pointers;
}

// Refuses a contiguous string or list of strings whose stored lengths add up to more than the
// whole file. HDF5 1.10 allocates and clears the length each string claims before it finds that
// the global heap holds less: a damaged 228 KB file claiming hundreds of MB took seconds (found by
// fuzzing). Each stored element is the length (4 bytes, little-endian), the heap collection's
// address and the index in it (4 bytes). A compact list, in the object header, is read as it is.
void checkStringClaims(const H5::DataSet& ds, hsize_t count, const std::string& what) {
  const haddr_t offset = H5Dget_offset(ds.getId());
  if (offset == HADDR_UNDEF) return;
  const hid_t file = H5Iget_file_id(ds.getId());  // a reference of its own, closed below
  if (file < 0) return;
  size_t address_bytes = 0;
  hsize_t file_bytes = 0;
  const hid_t created = H5Fget_create_plist(file);
  const bool known = created >= 0 && H5Pget_sizes(created, &address_bytes, nullptr) >= 0 &&
                     H5Fget_filesize(file, &file_bytes) >= 0;
  if (created >= 0) H5Pclose(created);
  H5Fclose(file);
  if (!known) return;
  const hsize_t element = 8 + address_bytes;
  if (offset > file_bytes || count > (file_bytes - offset) / element) {
    throw LayoutError(what + " lies past the end of the file");
  }
  std::vector<char> raw(count * element);
  std::ifstream in(ds.getFileName(), std::ios::binary);
  in.seekg(static_cast<std::streamoff>(offset));
  if (!in.read(raw.data(), static_cast<std::streamsize>(raw.size()))) return;  // HDF5 will say
  hsize_t claimed = 0;
  for (hsize_t i = 0; i < count; ++i) {
    const auto* p = reinterpret_cast<const unsigned char*>(raw.data() + i * element);
    claimed += uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
  }
  if (claimed > file_bytes) {
    throw LayoutError(what + ": its strings claim " + std::to_string(claimed) +
                      " bytes, more than the whole file (" + std::to_string(file_bytes) + ")");
  }
}

template <typename Object>
std::vector<std::string> readStrings(const Object& object, const std::string& what) {
  const std::vector<hsize_t> dims = dimsOf(object.getSpace());
  if (object.getTypeClass() != H5T_STRING || dims.size() != 1 ||
      !object.getStrType().isVariableStr()) {
    throw LayoutError(what + " is not a list of strings");
  }
  // ParkTwin's lists name columns and runs; a file claiming more would only make HDF5 allocate.
  constexpr hsize_t kMaxStrings = hsize_t{1} << 24;
  if (dims[0] > kMaxStrings) {
    throw LayoutError(what + " claims " + std::to_string(dims[0]) + " strings; expected at most " +
                      std::to_string(kMaxStrings));
  }
  std::vector<char*> raw(dims[0], nullptr);
  if (raw.empty()) return {};
  if constexpr (std::is_same_v<Object, H5::Attribute>) {
    object.read(object.getStrType(), raw.data());
  } else {
    checkStringClaims(object, dims[0], what);
    object.read(raw.data(), object.getStrType());
  }
  std::vector<std::string> out;
  for (char* p : raw) {
    out.emplace_back(p ? p : "");
    std::free(p);
  }
  return out;
}

}  // namespace

void writeStringAttribute(H5::H5Object& object, const std::string& name, const std::string& value) {
  const H5::StrType type = utf8String();
  H5::Attribute attr = object.createAttribute(name, type, H5::DataSpace(H5S_SCALAR));
  attr.write(type, value);
}

void writeStringListAttribute(H5::H5Object& object, const std::string& name,
                              const std::vector<std::string>& values) {
  const H5::StrType type = utf8String();
  const hsize_t n = values.size();
  H5::Attribute attr = object.createAttribute(name, type, H5::DataSpace(1, &n));
  // An empty list (a park without cables) is an attribute of no strings, with nothing to write.
  if (n > 0) attr.write(type, pointersTo(values).data());
}

void writeStringDataset(H5::Group& group, const std::string& name, const std::string& value) {
  const H5::StrType type = utf8String();
  H5::DataSet ds = group.createDataSet(name, type, H5::DataSpace(H5S_SCALAR));
  ds.write(value, type, H5::DataSpace::ALL, H5::DataSpace::ALL, smallTransfer());
}

H5::DataSet writeStringVector(H5::Group& group, const std::string& name,
                              const std::vector<std::string>& values) {
  const H5::StrType type = utf8String();
  const hsize_t n = values.size();
  H5::DataSet ds = group.createDataSet(name, type, H5::DataSpace(1, &n));
  if (n > 0) {
    ds.write(pointersTo(values).data(), type, H5::DataSpace::ALL, H5::DataSpace::ALL,
             smallTransfer());
  }
  return ds;
}

H5::DataSet writeDoubleVector(H5::Group& group, const std::string& name,
                              const std::vector<double>& values, std::string_view units) {
  const hsize_t n = values.size();
  H5::DataSet ds = group.createDataSet(name, H5::PredType::NATIVE_DOUBLE, H5::DataSpace(1, &n));
  if (n > 0) {
    ds.write(values.data(), H5::PredType::NATIVE_DOUBLE, H5::DataSpace::ALL, H5::DataSpace::ALL,
             smallTransfer());
  }
  writeStringAttribute(ds, "units", std::string(units));
  return ds;
}

H5::DataSet writeInt64Vector(H5::Group& group, const std::string& name,
                             const std::vector<int64_t>& values) {
  const hsize_t n = values.size();
  H5::DataSet ds = group.createDataSet(name, H5::PredType::NATIVE_INT64, H5::DataSpace(1, &n));
  if (n > 0) {
    ds.write(values.data(), H5::PredType::NATIVE_INT64, H5::DataSpace::ALL, H5::DataSpace::ALL,
             smallTransfer());
  }
  return ds;
}

const H5::DSetMemXferPropList& smallTransfer() {
  static const H5::DSetMemXferPropList xfer = [] {
    H5::DSetMemXferPropList p;
    p.setBuffer(64 * 1024, nullptr, nullptr);
    return p;
  }();
  return xfer;
}

std::vector<hsize_t> dimsOf(const H5::DataSpace& space) {
  std::vector<hsize_t> dims(static_cast<size_t>(std::max(0, space.getSimpleExtentNdims())));
  if (!dims.empty()) space.getSimpleExtentDims(dims.data());
  return dims;
}

void expectLayout(const H5::AbstractDs& object, H5T_class_t type_class,
                  const std::vector<hsize_t>& dims, const std::string& what) {
  const std::vector<hsize_t> actual = dimsOf(object.getSpace());
  const bool scalar_like = dims.empty() && object.getSpace().getSimpleExtentNpoints() == 1;
  if (object.getTypeClass() != type_class || (!scalar_like && actual != dims)) {
    throw LayoutError(what + " has an unexpected type or shape");
  }
}

std::string readString(const H5::DataSet& ds, const std::string& what) {
  expectLayout(ds, H5T_STRING, {}, what);
  if (ds.getStrType().isVariableStr()) checkStringClaims(ds, 1, what);
  std::string value;
  ds.read(value, ds.getStrType());
  return value;
}

std::string stringAttribute(const H5::H5Object& object, const std::string& name) {
  if (!object.attrExists(name)) return "";
  H5::Attribute attr = object.openAttribute(name);
  expectLayout(attr, H5T_STRING, {}, "attribute " + name);
  std::string value;
  attr.read(attr.getStrType(), value);
  return value;
}

std::vector<std::string> readStringList(const H5::Attribute& attr, const std::string& what) {
  return readStrings(attr, what);
}

std::vector<std::string> readStringList(const H5::DataSet& ds, const std::string& what) {
  return readStrings(ds, what);
}

std::vector<double> readDoubleVector(const H5::DataSet& ds, size_t n, const std::string& what) {
  expectLayout(ds, H5T_FLOAT, {n}, what);
  std::vector<double> values(n);
  if (n > 0) ds.read(values.data(), H5::PredType::NATIVE_DOUBLE);
  return values;
}

std::vector<int64_t> readInt64Vector(const H5::DataSet& ds, size_t n, const std::string& what) {
  expectLayout(ds, H5T_INTEGER, {n}, what);
  std::vector<int64_t> values(n);
  if (n > 0) ds.read(values.data(), H5::PredType::NATIVE_INT64);
  return values;
}

namespace {

herr_t collectName(hid_t, const char* name, const H5L_info_t*, void* names) {
  static_cast<std::vector<std::string>*>(names)->emplace_back(name);
  return 0;
}

}  // namespace

std::vector<std::string> childNames(const H5::Group& group) {
  // Iterated in the name index's native order, then sorted: unlike H5Lget_name_by_idx, this
  // builds no link table, whose release frees garbage pointers in HDF5 1.10 when a damaged
  // link message stops the build (found by fuzzing).
  std::vector<std::string> names;
  hsize_t next = 0;
  if (H5Literate(group.getId(), H5_INDEX_NAME, H5_ITER_NATIVE, &next, collectName, &names) < 0) {
    throw LayoutError("a group's links are unreadable");
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace twin
