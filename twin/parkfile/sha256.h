// SHA-256 digest (FIPS 180-4) of a byte string, as lowercase hex; computed with OpenSSL.
#pragma once

#include <string>
#include <string_view>

namespace twin {

std::string sha256Hex(std::string_view bytes);

}  // namespace twin
