// Shade tables as bytes and back, for keeping them on disk between processes
// (twin/base/disk_cache.h, through cachedShadeTables): the doubles as they are, so the tables read
// back are the same bits.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "twin/shading/shade_table_cache.h"

namespace twin::shading {

std::string shadeTablesBytes(const ShadeTables& tables);

// The tables of shadeTablesBytes(); nullopt for bytes of another shape, or not `arrays` entries.
std::optional<ShadeTables> shadeTablesFrom(std::string_view bytes, size_t arrays);

}  // namespace twin::shading
