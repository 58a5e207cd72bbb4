# cmake/html.cmake -- the HTML reader and libxml2's HTML parser, for the native and the
# Emscripten build alike (the same Debian source compiled by the active toolchain).
#
# Included (OPTIONAL) at the end of the top-level CMakeLists.txt, after nianbao_core and
# unit_tests exist. Adds core/src/read/{html_reader,html_tree}.cpp to nianbao_core, links it with
#   nianbao_libxml2   static libxml2 built from `apt-get source libxml2` (2.9.14): only the
#                     files the HTML parser needs, every optional feature off (no iconv, ICU,
#                     zlib, lzma, threads, HTTP/FTP, catalogs, XPath, XInclude, schemas, output,
#                     push, reader/writer, legacy, SAX1, validation, regexps, modules, python);
# and adds tests/unit/test_html.cpp to unit_tests (fixtures in tests/fixtures/html-unit).
#
# libxml2's own CMakeLists.txt is not used: its ~75 configure checks take over two minutes
# under emcmake. Our config.h names only standard C headers that glibc and Emscripten's musl
# both have, and xmlversion.h is made from its xmlversion.h.in with the feature switches below.
#
# Cache variables (the last stdout line of scripts/deps/html; scripts/setup and scripts/build
# pass it to both configures):
#   NIANBAO_LIBXML2_SOURCE  unpacked `apt-get source libxml2` (has HTMLparser.c)
#   NIANBAO_HTML            ON: build the reader (OFF: skip this module, e.g. to measure size)
#
# Third-party code is compiled with its warnings off (-w) and its headers as SYSTEM includes,
# so -Wall -Wextra -Wshadow -Wconversion stay on for our code only.

option(NIANBAO_HTML "Build the HTML reader (libxml2's HTML parser from Debian sources)" ON)
if(NOT NIANBAO_HTML)
  return()
endif()

set(NIANBAO_LIBXML2_SOURCE "" CACHE PATH "libxml2 source tree (output of scripts/deps/html)")
if(NOT NIANBAO_LIBXML2_SOURCE OR NOT EXISTS "${NIANBAO_LIBXML2_SOURCE}/HTMLparser.c"
   OR NOT EXISTS "${NIANBAO_LIBXML2_SOURCE}/include/libxml/xmlversion.h.in")
  message(FATAL_ERROR
    "The HTML reader needs libxml2's source ('${NIANBAO_LIBXML2_SOURCE}').\n"
    "Run scripts/setup (or scripts/deps/html) and pass the -D argument on its last output line,\n"
    "or configure with -DNIANBAO_HTML=OFF.")
endif()

function(_nianbao_libxml2)
  set(src "${NIANBAO_LIBXML2_SOURCE}")
  set(gen "${CMAKE_BINARY_DIR}/thirdparty/libxml2")

  # Version from configure.ac: m4_define([MAJOR_VERSION], 2) ...
  file(STRINGS "${src}/configure.ac" lines REGEX "^m4_define\\(\\[(MAJOR|MINOR|MICRO)_VERSION\\]")
  foreach(line IN LISTS lines)
    if(line MATCHES "^m4_define\\(\\[(MAJOR|MINOR|MICRO)_VERSION\\], *([0-9]+)\\)")
      set(v_${CMAKE_MATCH_1} ${CMAKE_MATCH_2})
    endif()
  endforeach()
  if(NOT v_MAJOR EQUAL 2 OR NOT DEFINED v_MINOR OR NOT DEFINED v_MICRO)
    message(FATAL_ERROR "${src}: not a libxml2 2.x source tree (configure.ac)")
  endif()
  set(VERSION "${v_MAJOR}.${v_MINOR}.${v_MICRO}")
  math(EXPR LIBXML_VERSION_NUMBER "${v_MAJOR} * 10000 + ${v_MINOR} * 100 + ${v_MICRO}")
  set(LIBXML_VERSION_EXTRA "")
  set(MODULE_EXTENSION ".so")

  # Feature switches of xmlversion.h: the HTML parser and the tree API (SAX2.c needs it).
  foreach(f C14N CATALOG DEBUG DOCB FTP HTTP ICONV ICU ISO8859X LEGACY LZMA MEM_DEBUG MODULES
            OUTPUT PATTERN PUSH READER REGEXPS RUN_DEBUG SAX1 SCHEMAS SCHEMATRON THREADS
            THREAD_ALLOC TRIO VALID WRITER XINCLUDE XPATH XPTR ZLIB)
    set(WITH_${f} 0)
  endforeach()
  set(WITH_HTML 1)
  set(WITH_TREE 1)
  configure_file("${src}/include/libxml/xmlversion.h.in" "${gen}/libxml/xmlversion.h")
  file(CONFIGURE OUTPUT "${gen}/config.h" CONTENT [[
/* libxml2 configuration for nianbao (cmake/html.cmake): standard C headers only. */
#define HAVE_CTYPE_H 1
#define HAVE_ERRNO_H 1
#define HAVE_FCNTL_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_STDINT_H 1
#define HAVE_STDLIB_H 1
#define HAVE_SYS_STAT_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_TIME_H 1
#define HAVE_UNISTD_H 1
#define HAVE_STAT 1
#define HAVE_TIME 1
#define HAVE_RAND 1
#define HAVE_SRAND 1
#define VERSION "@VERSION@"
]] @ONLY)

  # What the HTML parser links against; with the features above the rest is empty.
  set(files HTMLparser.c HTMLtree.c SAX2.c buf.c chvalid.c dict.c encoding.c entities.c error.c
            globals.c hash.c list.c parser.c parserInternals.c threads.c tree.c uri.c valid.c
            xmlIO.c xmlmemory.c xmlstring.c)
  list(TRANSFORM files PREPEND "${src}/")
  add_library(nianbao_libxml2 STATIC ${files})
  # The generated directory first: the tree also ships an autotools xmlversion.h (all features on).
  target_include_directories(nianbao_libxml2 BEFORE PRIVATE "${gen}" "${src}")
  target_include_directories(nianbao_libxml2 SYSTEM PUBLIC "${gen}" "${src}/include")
  target_compile_definitions(nianbao_libxml2 PRIVATE HAVE_CONFIG_H PUBLIC LIBXML_STATIC)
  target_compile_options(nianbao_libxml2 PRIVATE -w)
  if(EMSCRIPTEN)
    target_compile_options(nianbao_libxml2 PRIVATE -Os)  # size over speed for the page
    # xmlInitMemory's only sscanf reads the XML_MEM_BREAKPOINT / XML_MEM_TRACE environment
    # variables (debug allocator hooks we never install; a page has no such environment). That
    # one call linked musl's whole scanf with long-double float parsing (~9 KB gzip of the
    # module); here it is a stub that reads nothing, so those variables stay unset, as they are.
    file(CONFIGURE OUTPUT "${gen}/no_sscanf.c" CONTENT [[
/* nianbao (cmake/html.cmake): xmlmemory.c's sscanf of XML_MEM_* debug variables, never read. */
int nianbao_xml_no_sscanf(const char* s, const char* format, ...) { (void)s; (void)format; return 0; }
]])
    target_sources(nianbao_libxml2 PRIVATE "${gen}/no_sscanf.c")
    set_source_files_properties("${src}/xmlmemory.c" PROPERTIES COMPILE_DEFINITIONS sscanf=nianbao_xml_no_sscanf)
  endif()
  set_target_properties(nianbao_libxml2 PROPERTIES POSITION_INDEPENDENT_CODE ON C_VISIBILITY_PRESET hidden)
  if(UNIX AND NOT EMSCRIPTEN)
    target_link_libraries(nianbao_libxml2 PRIVATE m)
  endif()
  message(STATUS "nianbao HTML reader: libxml2 ${VERSION} from ${src}")
endfunction()

if(NOT TARGET nianbao_libxml2)
  _nianbao_libxml2()
endif()

target_sources(nianbao_core PRIVATE "${CMAKE_CURRENT_LIST_DIR}/../core/src/read/html_reader.cpp"
                                    "${CMAKE_CURRENT_LIST_DIR}/../core/src/read/html_tree.cpp")
if(EMSCRIPTEN)
  # Size over speed for the page, like libxml2 itself: the reader runs once per HTML file.
  set_source_files_properties("${CMAKE_CURRENT_LIST_DIR}/../core/src/read/html_reader.cpp"
                              "${CMAKE_CURRENT_LIST_DIR}/../core/src/read/html_tree.cpp"
                              PROPERTIES COMPILE_OPTIONS -Oz)
endif()
target_link_libraries(nianbao_core PRIVATE nianbao_libxml2)

if(TARGET unit_tests)
  target_sources(unit_tests PRIVATE "${CMAKE_CURRENT_LIST_DIR}/../tests/unit/test_html.cpp")
  target_compile_definitions(unit_tests PRIVATE
    NIANBAO_HTML_FIXTURES_DIR="${CMAKE_CURRENT_LIST_DIR}/../tests/fixtures/html-unit")
endif()
