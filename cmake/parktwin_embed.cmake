# parktwin_embed(SYMBOL FILE...): files (concatenated in order) embedded as
# `const std::string_view twin::SYMBOL`; the generated source is appended to EMBEDDED_CPP in the
# caller's scope.
function(parktwin_embed symbol)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/${symbol}_data.cpp)
  list(JOIN ARGN "|" inputs)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${inputs} -DOUTPUT=${output} -DSYMBOL=${symbol}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake
    DEPENDS ${ARGN} ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake
    COMMENT "Embedding ${symbol}"
    VERBATIM)
  set(EMBEDDED_CPP ${EMBEDDED_CPP} ${output} PARENT_SCOPE)
endfunction()
