// Little-endian bytes of integers, doubles (their exact bits) and strings: how sweep rows and
// results travel between MPI ranks and into the resume journal. ByteReader throws
// std::runtime_error naming `what` on a truncated or malformed record.
#pragma once

#include <bit>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace twin::sweep {

class ByteWriter {
 public:
  void u64(uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  }
  void f64(double v) { u64(std::bit_cast<uint64_t>(v)); }
  void str(std::string_view s) {
    u64(s.size());
    out += s;
  }
  std::string out;
};

class ByteReader {
 public:
  ByteReader(std::string_view in, std::string what) : in_(in), what_(std::move(what)) {}
  uint64_t u64() {
    need(8);
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) {
      v |= static_cast<uint64_t>(static_cast<unsigned char>(in_[at_ + i])) << (8 * i);
    }
    at_ += 8;
    return v;
  }
  double f64() { return std::bit_cast<double>(u64()); }
  std::string_view str() {
    const uint64_t n = u64();
    need(n);
    const std::string_view s = in_.substr(at_, n);
    at_ += n;
    return s;
  }
  // A count of items of at least `item_bytes` each that the rest can hold.
  uint64_t count(uint64_t item_bytes) {
    const uint64_t n = u64();
    if (item_bytes > 0 && n > (in_.size() - at_) / item_bytes) fail("is truncated");
    return n;
  }
  bool done() const { return at_ == in_.size(); }
  void end() const {
    if (at_ != in_.size()) fail("has trailing bytes");
  }

 private:
  void need(uint64_t n) const {
    if (n > in_.size() - at_) fail("is truncated");
  }
  [[noreturn]] void fail(const std::string& how) const {
    throw std::runtime_error(what_ + " " + how);
  }
  std::string_view in_;
  std::string what_;
  size_t at_ = 0;
};

}  // namespace twin::sweep
