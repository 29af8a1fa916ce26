# The libFuzzer harnesses of tests/fuzz: each reader of outside data with the libraries it needs
# (TARGET:LIB,LIB), and how a harness is built: tests/fuzz/fuzz_TARGET.cpp linked with libFuzzer's
# main (Clang), the project's code instrumented for its coverage by the build
# (-fsanitize=fuzzer-no-link, see CMakeLists.txt).
set(PARKTWIN_FUZZ_TARGETS park:parktwin_model epw:parktwin_parkfile matpower:parktwin_parkfile
    series:parktwin_parkfile meter_csv:parktwin_parkfile quantity:parktwin_parkfile
    iso_time:parktwin_base results:parktwin_sweep,parktwin_viewer)

# An entry of PARKTWIN_FUZZ_TARGETS as its target and its libraries (a list).
macro(parktwin_fuzz_entry entry target_var libs_var)
  string(REPLACE ":" ";" ${libs_var} "${entry}")
  list(POP_FRONT ${libs_var} ${target_var})
  string(REPLACE "," ";" ${libs_var} "${${libs_var}}")
endmacro()

function(parktwin_fuzzer target)
  set(dir ${PROJECT_SOURCE_DIR}/tests/fuzz)
  add_executable(fuzz_${target} ${dir}/fuzz_${target}.cpp)
  target_include_directories(fuzz_${target} PRIVATE ${dir})
  target_link_libraries(fuzz_${target} PRIVATE ${ARGN} parktwin_warnings)
  target_compile_options(fuzz_${target} PRIVATE -fsanitize=fuzzer)
  target_link_options(fuzz_${target} PRIVATE -fsanitize=fuzzer)
endfunction()
