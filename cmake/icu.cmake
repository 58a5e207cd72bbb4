# cmake/icu.cmake -- ICU 72.1 for nianbao, natively and under Emscripten.
#
# Defines the INTERFACE target `nianbao_icu` (alias `nianbao::icu`): ICU include
# dirs, libicui18n + libicuuc, and the trimmed ICU data (NFKC + "Hant-Hans"
# transliteration) compiled from the genccode C file as an OBJECT library whose
# object is put on every consumer's link line. No libicudata is linked, so the
# native and the wasm build see exactly the same data. Never call u_init().
#
# Usage, in the top-level CMakeLists.txt (CMake >= 3.21, C and CXX enabled):
#   include(cmake/icu.cmake)
#   target_link_libraries(my_target PRIVATE nianbao::icu)
#
# Configure (paths are the last stdout line of the scripts; scripts/setup runs both):
#   ICU_DATA_C="$(scripts/icu/make-icu-data | tail -n1)/icudt72_dat.c"
#   native:
#     cmake -S . -B build/native -DNIANBAO_ICU_DATA_C="$ICU_DATA_C"
#   wasm (Debian emscripten 3.1.6; NODE_PATH=/usr/share/nodejs must be exported):
#     emcmake cmake -S . -B build/wasm -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node \
#       -DNIANBAO_ICU_WASM_ROOT="$(scripts/icu/build-icu-wasm | tail -n1)" \
#       -DNIANBAO_ICU_DATA_C="$ICU_DATA_C"
#
# Cache variables:
#   NIANBAO_ICU_DATA_C     genccode C file defining icudt72_dat (required, both builds)
#   NIANBAO_ICU_WASM_ROOT  dir with include/ and lib/lib{icuuc,icui18n}.a (Emscripten only)
#   NIANBAO_ICU_STATIC     native only: link Debian's libicuuc.a/libicui18n.a (default ON
#                          when found). OFF/not found -> shared libicuuc/libicui18n; our
#                          icudt72_dat in the executable interposes libicudata's symbol
#                          (ELF), so the trimmed data is still what ICU sees.
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

add_library(nianbao_icu INTERFACE)
add_library(nianbao::icu ALIAS nianbao_icu)

if(EMSCRIPTEN)
  set(NIANBAO_ICU_WASM_ROOT "" CACHE PATH
      "ICU 72.1 wasm build (output of scripts/icu/build-icu-wasm), containing include/ and lib/")
  if(NOT NIANBAO_ICU_WASM_ROOT
     OR NOT EXISTS "${NIANBAO_ICU_WASM_ROOT}/lib/libicuuc.a"
     OR NOT EXISTS "${NIANBAO_ICU_WASM_ROOT}/lib/libicui18n.a"
     OR NOT EXISTS "${NIANBAO_ICU_WASM_ROOT}/include/unicode/translit.h")
    message(FATAL_ERROR
      "NIANBAO_ICU_WASM_ROOT is not set or incomplete ('${NIANBAO_ICU_WASM_ROOT}').\n"
      "Run scripts/setup (or scripts/icu/build-icu-wasm) and pass\n"
      "  -DNIANBAO_ICU_WASM_ROOT=<last line of its output>")
  endif()
  set(_nianbao_icu_include "${NIANBAO_ICU_WASM_ROOT}/include")
  # i18n before uc: static archives, single pass.
  set(_nianbao_icu_libs
      "${NIANBAO_ICU_WASM_ROOT}/lib/libicui18n.a"
      "${NIANBAO_ICU_WASM_ROOT}/lib/libicuuc.a")
  set(_nianbao_icu_defs U_STATIC_IMPLEMENTATION=1)
  set(_nianbao_icu_mode "wasm static (${NIANBAO_ICU_WASM_ROOT})")
else()
  find_path(NIANBAO_ICU_INCLUDE_DIR NAMES unicode/translit.h
            DOC "ICU headers (libicu-dev)")
  if(NOT NIANBAO_ICU_INCLUDE_DIR)
    message(FATAL_ERROR "ICU headers not found: apt-get install libicu-dev (or run scripts/setup)")
  endif()
  find_library(NIANBAO_ICU_UC_STATIC NAMES libicuuc.a DOC "static libicuuc (libicu-dev)")
  find_library(NIANBAO_ICU_I18N_STATIC NAMES libicui18n.a DOC "static libicui18n (libicu-dev)")
  if(NIANBAO_ICU_UC_STATIC AND NIANBAO_ICU_I18N_STATIC)
    set(_nianbao_icu_static_default ON)
  else()
    set(_nianbao_icu_static_default OFF)
  endif()
  option(NIANBAO_ICU_STATIC "Link Debian's static ICU libraries" ${_nianbao_icu_static_default})

  set(_nianbao_icu_include "${NIANBAO_ICU_INCLUDE_DIR}")
  set(THREADS_PREFER_PTHREAD_FLAG ON)
  find_package(Threads REQUIRED)
  if(NIANBAO_ICU_STATIC)
    if(NOT (NIANBAO_ICU_UC_STATIC AND NIANBAO_ICU_I18N_STATIC))
      message(FATAL_ERROR "NIANBAO_ICU_STATIC=ON but libicuuc.a/libicui18n.a were not found")
    endif()
    set(_nianbao_icu_libs "${NIANBAO_ICU_I18N_STATIC}" "${NIANBAO_ICU_UC_STATIC}"
        Threads::Threads ${CMAKE_DL_LIBS})
    set(_nianbao_icu_defs U_STATIC_IMPLEMENTATION=1)
    set(_nianbao_icu_mode "native static (${NIANBAO_ICU_UC_STATIC})")
  else()
    find_library(NIANBAO_ICU_UC_SHARED NAMES icuuc)
    find_library(NIANBAO_ICU_I18N_SHARED NAMES icui18n)
    if(NOT (NIANBAO_ICU_UC_SHARED AND NIANBAO_ICU_I18N_SHARED))
      message(FATAL_ERROR "ICU libraries not found: apt-get install libicu-dev")
    endif()
    set(_nianbao_icu_libs "${NIANBAO_ICU_I18N_SHARED}" "${NIANBAO_ICU_UC_SHARED}"
        Threads::Threads ${CMAKE_DL_LIBS})
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

target_include_directories(nianbao_icu SYSTEM INTERFACE "${_nianbao_icu_include}")
if(_nianbao_icu_defs)
  target_compile_definitions(nianbao_icu INTERFACE ${_nianbao_icu_defs})
endif()
# $<TARGET_OBJECTS> in the link interface: the data object lands on the link line of
# every final consumer (objects go before libraries) and is built first.
target_link_libraries(nianbao_icu INTERFACE
    "$<TARGET_OBJECTS:nianbao_icu_data>" ${_nianbao_icu_libs})

message(STATUS "nianbao ICU: ${_nianbao_icu_mode}; data ${_nianbao_icu_data_c}")
unset(_nianbao_icu_langs)
