# Turns one file, or several concatenated in order, into a C++ source defining
# `const std::string_view <SYMBOL>` with their bytes.
# Usage: cmake -DINPUT=a[|b|...] -DOUTPUT=... -DSYMBOL=... -P embed_file.cmake
string(REPLACE "|" ";" INPUT "${INPUT}")
set(content "")
foreach(input IN LISTS INPUT)
  file(READ "${input}" part HEX)
  string(APPEND content "${part}")
endforeach()
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){16})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT}; do not edit.\n#include <string_view>\n\n"
  "namespace {\nconstexpr char kBytes[] = {\n${bytes}'\\0'};\n}  // namespace\n\n"
  "namespace twin {\nextern const std::string_view ${SYMBOL};\n"
  "const std::string_view ${SYMBOL}(kBytes, sizeof(kBytes) - 1);\n}  // namespace twin\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
