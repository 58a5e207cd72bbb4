# cmake/docx.cmake -- the DOCX reader and its two source dependencies, for the native and the
# Emscripten build alike (the same Debian sources compiled by the active toolchain).
#
# Included (OPTIONAL) at the end of the top-level CMakeLists.txt, after nianbao_core and
# unit_tests exist. Adds core/src/read/{docx_reader,docx_render,docx_numbering,zip_reader}.cpp to
# nianbao_core, links it with:
#   nianbao_zlib     static zlib built with NO_GZIP (inflate; deflate for the tests), from its .c
#                    files only -- its configure is never run, no Emscripten port is used;
#   nianbao_pugixml  static pugixml (one .cpp; XPath and exceptions compiled out),
# and adds tests/unit/test_docx.cpp to unit_tests (fixtures in tests/fixtures/docx-unit).
#
# Cache variables (the last stdout line of scripts/deps/docx; scripts/setup and scripts/build
# pass it to both configures):
#   NIANBAO_ZLIB_SOURCE     unpacked `apt-get source zlib`   (has zlib.h, inflate.c)
#   NIANBAO_PUGIXML_SOURCE  unpacked `apt-get source pugixml` (has src/pugixml.cpp)
#   NIANBAO_DOCX            ON: build the reader (OFF: skip this module, e.g. to measure size)
#
# Third-party code is compiled with its warnings off (-w) and its headers as SYSTEM includes,
# so -Wall -Wextra -Wshadow -Wconversion stay on for our code only.

option(NIANBAO_DOCX "Build the DOCX reader (zlib + pugixml from Debian sources)" ON)
if(NOT NIANBAO_DOCX)
  return()
endif()

set(NIANBAO_ZLIB_SOURCE "" CACHE PATH "zlib source tree (output of scripts/deps/docx)")
set(NIANBAO_PUGIXML_SOURCE "" CACHE PATH "pugixml source tree (output of scripts/deps/docx)")
if(NOT NIANBAO_ZLIB_SOURCE OR NOT EXISTS "${NIANBAO_ZLIB_SOURCE}/inflate.c"
   OR NOT NIANBAO_PUGIXML_SOURCE OR NOT EXISTS "${NIANBAO_PUGIXML_SOURCE}/src/pugixml.cpp")
  message(FATAL_ERROR
    "The DOCX reader needs zlib and pugixml sources ('${NIANBAO_ZLIB_SOURCE}', '${NIANBAO_PUGIXML_SOURCE}').\n"
    "Run scripts/setup (or scripts/deps/docx) and pass the -D arguments on its last output line,\n"
    "or configure with -DNIANBAO_DOCX=OFF.")
endif()

if(NOT TARGET nianbao_zlib)
  # zlib's library sources minus gz* (file I/O, not needed). The linker keeps only what is
  # used: the module links inflate (+ adler32); the unit tests also deflate and crc32.
  set(_nianbao_zlib_files adler32.c compress.c crc32.c deflate.c infback.c inffast.c inflate.c
      inftrees.c trees.c uncompr.c zutil.c)
  list(TRANSFORM _nianbao_zlib_files PREPEND "${NIANBAO_ZLIB_SOURCE}/")
  add_library(nianbao_zlib STATIC ${_nianbao_zlib_files})
  target_include_directories(nianbao_zlib SYSTEM PUBLIC "${NIANBAO_ZLIB_SOURCE}")
  target_compile_options(nianbao_zlib PRIVATE -w)
  # Raw deflate only (ZIP): no gzip wrapper, so inflate needs neither crc32 nor its tables
  # (the ZIP reader checks CRCs itself).
  target_compile_definitions(nianbao_zlib PRIVATE NO_GZIP)
  if(EMSCRIPTEN)
    target_compile_options(nianbao_zlib PRIVATE -Oz)  # inflate is not the bottleneck
  endif()
  set_target_properties(nianbao_zlib PROPERTIES POSITION_INDEPENDENT_CODE ON)
  unset(_nianbao_zlib_files)
endif()

if(NOT TARGET nianbao_pugixml)
  add_library(nianbao_pugixml STATIC "${NIANBAO_PUGIXML_SOURCE}/src/pugixml.cpp")
  target_include_directories(nianbao_pugixml SYSTEM PUBLIC "${NIANBAO_PUGIXML_SOURCE}/src")
  # Must be the same for pugixml.cpp and every includer of pugixml.hpp: PUBLIC.
  target_compile_definitions(nianbao_pugixml PUBLIC PUGIXML_NO_XPATH PUGIXML_NO_EXCEPTIONS)
  target_compile_options(nianbao_pugixml PRIVATE -w)
  if(EMSCRIPTEN)
    target_compile_options(nianbao_pugixml PRIVATE -O2)
  endif()
  set_target_properties(nianbao_pugixml PROPERTIES POSITION_INDEPENDENT_CODE ON)
endif()

get_filename_component(_nianbao_docx_root "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
set(_nianbao_docx_sources
  "${_nianbao_docx_root}/core/src/read/docx_reader.cpp"
  "${_nianbao_docx_root}/core/src/read/docx_render.cpp"
  "${_nianbao_docx_root}/core/src/read/docx_numbering.cpp"
  "${_nianbao_docx_root}/core/src/read/zip_reader.cpp")
target_sources(nianbao_core PRIVATE ${_nianbao_docx_sources})
if(EMSCRIPTEN)
  # -Oz (the page's first load): 6.5 KB gzip less than -O2 in the link-time optimised module,
  # for a .docx read about 2.5x slower (docs/docx.md); checking its text is unaffected.
  set_source_files_properties(${_nianbao_docx_sources} PROPERTIES COMPILE_OPTIONS -Oz)
endif()
unset(_nianbao_docx_sources)
target_link_libraries(nianbao_core PRIVATE nianbao_zlib nianbao_pugixml)

if(TARGET unit_tests)
  target_sources(unit_tests PRIVATE "${_nianbao_docx_root}/tests/unit/test_docx.cpp")
  # The tests build hostile containers with zlib themselves.
  target_link_libraries(unit_tests PRIVATE nianbao_zlib)
  target_compile_definitions(unit_tests PRIVATE
    NIANBAO_DOCX_FIXTURES_DIR="${_nianbao_docx_root}/tests/fixtures/docx-unit")
endif()
unset(_nianbao_docx_root)

message(STATUS "nianbao DOCX reader: zlib ${NIANBAO_ZLIB_SOURCE}, pugixml ${NIANBAO_PUGIXML_SOURCE}")
