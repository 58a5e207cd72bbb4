# cmake/icu.cmake -- ICU 72.1 for nianbao, natively and under Emscripten.
#
# Defines the INTERFACE target `nianbao_icu` (alias `nianbao::icu`): ICU include
# dirs, libicuuc, the trimmed ICU data (NFKC; natively also GB18030) compiled from the
# genccode C file, and the generated Traditional -> Simplified table
# (nianbao::hant_hans::table, used by core/src/normalize.cpp instead of ICU's
# Transliterator), each as an OBJECT library whose object is put on every consumer's link
# line. No libicudata and no libicui18n is linked, so the native and the wasm build see
# exactly the same data and the same table. Never call u_init().
#
# Usage, in the top-level CMakeLists.txt (CMake >= 3.21, C and CXX enabled):
#   include(cmake/icu.cmake)
#   target_link_libraries(my_target PRIVATE nianbao::icu)
#
# Configure (paths are the last stdout line of the scripts; scripts/setup runs them):
#   ICU_DATA_C="$(scripts/icu/make-icu-data | tail -n1)/icudt72_dat.c"
#   HANT_HANS="$(scripts/icu/make-hant-hans-table | tail -n1)"
#   native:
#     cmake -S . -B build/native -DNIANBAO_ICU_DATA_C="$ICU_DATA_C" -DNIANBAO_HANT_HANS_TABLE="$HANT_HANS"
#   wasm (Debian emscripten 3.1.6; NODE_PATH=/usr/share/nodejs must be exported):
#     emcmake cmake -S . -B build/wasm -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node \
#       -DNIANBAO_ICU_WASM_ROOT="$(scripts/icu/build-icu-wasm | tail -n1)" \
#       -DNIANBAO_ICU_DATA_C="$ICU_DATA_C" -DNIANBAO_HANT_HANS_TABLE="$HANT_HANS"
#
# Cache variables:
#   NIANBAO_ICU_DATA_C       genccode C file defining icudt72_dat (required, both builds)
#   NIANBAO_HANT_HANS_TABLE  the generated hant_hans_table.cpp (both builds; when empty, this
#                            module runs scripts/icu/make-hant-hans-table itself, cached, and
#                            uses the path it prints)
#   NIANBAO_ICU_WASM_ROOT    dir with include/ and lib/libicuuc.a (Emscripten only)
#   NIANBAO_ICU_STATIC       native only: link Debian's libicuuc.a (default ON when found).
#                            OFF/not found -> shared libicuuc; our icudt72_dat in the
#                            executable interposes libicudata's symbol (ELF), so the
#                            trimmed data is still what ICU sees.
#
# Only this module knows ICU paths; code just includes <unicode/...>.

if(CMAKE_VERSION VERSION_LESS 3.21)
  message(FATAL_ERROR "cmake/icu.cmake needs CMake >= 3.21 ($<TARGET_OBJECTS> in link interfaces)")
endif()
if(TARGET nianbao_icu)
  return()
endif()

get_property(_nianbao_icu_langs GLOBAL PROPERTY ENABLED_LANGUAGES)
if(NOT "C" IN_LIST _nianbao_icu_langs)
  enable_language(C)
endif()

set(NIANBAO_ICU_DATA_C "" CACHE FILEPATH
    "genccode C file with the trimmed ICU data (output of scripts/icu/make-icu-data)/icudt72_dat.c")
if(NOT NIANBAO_ICU_DATA_C OR NOT EXISTS "${NIANBAO_ICU_DATA_C}")
  message(FATAL_ERROR
    "NIANBAO_ICU_DATA_C is not set or does not exist ('${NIANBAO_ICU_DATA_C}').\n"
    "Run scripts/setup (or scripts/icu/make-icu-data) and pass\n"
    "  -DNIANBAO_ICU_DATA_C=<last line of its output>/icudt72_dat.c")
endif()

set(NIANBAO_HANT_HANS_TABLE "" CACHE FILEPATH
    "generated Traditional -> Simplified table (last line of scripts/icu/make-hant-hans-table)")
set(_nianbao_hant_hans "${NIANBAO_HANT_HANS_TABLE}")
if(NOT _nianbao_hant_hans)
  # Not passed (a configure that predates the variable): make it the way scripts/build does.
  execute_process(
      COMMAND "${CMAKE_CURRENT_LIST_DIR}/../scripts/icu/make-hant-hans-table"
      OUTPUT_VARIABLE _nianbao_hant_hans_out RESULT_VARIABLE _nianbao_hant_hans_rc)
  string(STRIP "${_nianbao_hant_hans_out}" _nianbao_hant_hans_out)
  string(REGEX REPLACE "^.*\n" "" _nianbao_hant_hans "${_nianbao_hant_hans_out}")
  if(NOT _nianbao_hant_hans_rc EQUAL 0)
    message(FATAL_ERROR "scripts/icu/make-hant-hans-table failed (${_nianbao_hant_hans_rc}); run it "
                        "(or scripts/setup) and pass -DNIANBAO_HANT_HANS_TABLE=<last line of its output>")
  endif()
endif()
if(NOT EXISTS "${_nianbao_hant_hans}")
  message(FATAL_ERROR
    "NIANBAO_HANT_HANS_TABLE does not exist ('${_nianbao_hant_hans}').\n"
    "Run scripts/setup (or scripts/icu/make-hant-hans-table) and pass\n"
    "  -DNIANBAO_HANT_HANS_TABLE=<last line of its output>")
endif()

add_library(nianbao_icu INTERFACE)
add_library(nianbao::icu ALIAS nianbao_icu)

if(EMSCRIPTEN)
  set(NIANBAO_ICU_WASM_ROOT "" CACHE PATH
      "ICU 72.1 wasm build (output of scripts/icu/build-icu-wasm), containing include/ and lib/")
  if(NOT NIANBAO_ICU_WASM_ROOT
     OR NOT EXISTS "${NIANBAO_ICU_WASM_ROOT}/lib/libicuuc.a"
     OR NOT EXISTS "${NIANBAO_ICU_WASM_ROOT}/include/unicode/normalizer2.h")
    message(FATAL_ERROR
      "NIANBAO_ICU_WASM_ROOT is not set or incomplete ('${NIANBAO_ICU_WASM_ROOT}').\n"
      "Run scripts/setup (or scripts/icu/build-icu-wasm) and pass\n"
      "  -DNIANBAO_ICU_WASM_ROOT=<last line of its output>")
  endif()
  set(_nianbao_icu_include "${NIANBAO_ICU_WASM_ROOT}/include")
  # Only libicuuc (Normalizer2): nothing of libicui18n is used since the Transliterator went.
  set(_nianbao_icu_libs "${NIANBAO_ICU_WASM_ROOT}/lib/libicuuc.a")
  set(_nianbao_icu_defs U_STATIC_IMPLEMENTATION=1)
  set(_nianbao_icu_mode "wasm static (${NIANBAO_ICU_WASM_ROOT})")
else()
  find_path(NIANBAO_ICU_INCLUDE_DIR NAMES unicode/normalizer2.h
            DOC "ICU headers (libicu-dev)")
  if(NOT NIANBAO_ICU_INCLUDE_DIR)
    message(FATAL_ERROR "ICU headers not found: apt-get install libicu-dev (or run scripts/setup)")
  endif()
  find_library(NIANBAO_ICU_UC_STATIC NAMES libicuuc.a DOC "static libicuuc (libicu-dev)")
  if(NIANBAO_ICU_UC_STATIC)
    set(_nianbao_icu_static_default ON)
  else()
    set(_nianbao_icu_static_default OFF)
  endif()
  option(NIANBAO_ICU_STATIC "Link Debian's static ICU libraries" ${_nianbao_icu_static_default})

  set(_nianbao_icu_include "${NIANBAO_ICU_INCLUDE_DIR}")
  set(THREADS_PREFER_PTHREAD_FLAG ON)
  find_package(Threads REQUIRED)
  if(NIANBAO_ICU_STATIC)
    if(NOT NIANBAO_ICU_UC_STATIC)
      message(FATAL_ERROR "NIANBAO_ICU_STATIC=ON but libicuuc.a was not found")
    endif()
    set(_nianbao_icu_libs "${NIANBAO_ICU_UC_STATIC}" Threads::Threads ${CMAKE_DL_LIBS})
    set(_nianbao_icu_defs U_STATIC_IMPLEMENTATION=1)
    set(_nianbao_icu_mode "native static (${NIANBAO_ICU_UC_STATIC})")
  else()
    find_library(NIANBAO_ICU_UC_SHARED NAMES icuuc)
    if(NOT NIANBAO_ICU_UC_SHARED)
      message(FATAL_ERROR "ICU library libicuuc not found: apt-get install libicu-dev")
    endif()
    set(_nianbao_icu_libs "${NIANBAO_ICU_UC_SHARED}" Threads::Threads ${CMAKE_DL_LIBS})
    set(_nianbao_icu_defs "")
    set(_nianbao_icu_mode "native shared (${NIANBAO_ICU_UC_SHARED}); trimmed data interposes libicudata")
  endif()
endif()

# The trimmed data: genccode's C output (includes unicode/umachine.h).
# Natively, the variant with the GB18030 converter next to it (scripts/icu/make-icu-data).
set(_nianbao_icu_data_c "${NIANBAO_ICU_DATA_C}")
get_filename_component(_nianbao_icu_data_dir "${NIANBAO_ICU_DATA_C}" DIRECTORY)
if(NOT EMSCRIPTEN AND EXISTS "${_nianbao_icu_data_dir}/native/icudt72_dat.c")
  set(_nianbao_icu_data_c "${_nianbao_icu_data_dir}/native/icudt72_dat.c")
endif()
add_library(nianbao_icu_data OBJECT "${_nianbao_icu_data_c}")
target_include_directories(nianbao_icu_data PRIVATE "${_nianbao_icu_include}")
set_source_files_properties("${_nianbao_icu_data_c}" PROPERTIES LANGUAGE C)
set_target_properties(nianbao_icu_data PROPERTIES POSITION_INDEPENDENT_CODE ON)

# The Traditional -> Simplified table (plain C++ arrays and one function; no ICU headers).
add_library(nianbao_icu_hant_hans OBJECT "${_nianbao_hant_hans}")
set_source_files_properties("${_nianbao_hant_hans}" PROPERTIES LANGUAGE CXX)
target_compile_features(nianbao_icu_hant_hans PRIVATE cxx_std_17)
set_target_properties(nianbao_icu_hant_hans PROPERTIES POSITION_INDEPENDENT_CODE ON)

target_include_directories(nianbao_icu SYSTEM INTERFACE "${_nianbao_icu_include}")
if(_nianbao_icu_defs)
  target_compile_definitions(nianbao_icu INTERFACE ${_nianbao_icu_defs})
endif()
# $<TARGET_OBJECTS> in the link interface: the data and table objects land on the link line
# of every final consumer (objects go before libraries) and are built first.
target_link_libraries(nianbao_icu INTERFACE
    "$<TARGET_OBJECTS:nianbao_icu_data>" "$<TARGET_OBJECTS:nianbao_icu_hant_hans>"
    ${_nianbao_icu_libs})

message(STATUS "nianbao ICU: ${_nianbao_icu_mode}; data ${_nianbao_icu_data_c}; "
               "Hant-Hans table ${_nianbao_hant_hans}")
unset(_nianbao_icu_langs)
unset(_nianbao_hant_hans_out)
unset(_nianbao_hant_hans_rc)
