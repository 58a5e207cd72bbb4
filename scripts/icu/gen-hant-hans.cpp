// gen-hant-hans: writes the Traditional -> Simplified table the core uses instead of ICU's
// Transliterator (build-time tool, run by scripts/icu/make-hant-hans-table; native only).
//
// The core only ever converts one Han code point at a time (core/src/normalize.cpp, for code
// points where nianbao::utf8::is_han is true), so the conversion is exactly a per-code-point map.
// This program applies ICU's "Hant-Hans" transliterator (UTRANS_FORWARD, as the core used to)
// to every such code point, each on its own, and writes a C++ source file with the code points
// whose result differs: a sorted array of source code points, and for each an offset into a
// pool of UTF-32 results (a result may be any length, also empty), packed as varints that the
// generated table() unpacks on its first call. The core looks code points up in those arrays
// (nianbao::hant_hans::table, declared in core/src/normalize.cpp).
//
//   g++ -std=c++20 -I core/src gen-hant-hans.cpp -licui18n -licuuc -licudata -o gen-hant-hans
//   gen-hant-hans EXPECTED_ICU_VERSION OUT.cpp      (e.g. gen-hant-hans 72.1 hant_hans_table.cpp)
//
// Exit status 0 on success; 1 with a message on stderr otherwise (wrong ICU version, the
// transliterator missing, the pool too large for 16-bit offsets, an I/O error).
#include <unicode/translit.h>
#include <unicode/uclean.h>
#include <unicode/unistr.h>
#include <unicode/uversion.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "util/utf8.hpp"  // core/src: the same is_han the core uses

namespace {

int fail(const std::string& message) {
  std::fprintf(stderr, "gen-hant-hans: %s\n", message.c_str());
  return 1;
}

// Writes `values` as a brace-less list of decimals, `per_line` per line.
void write_list(std::ofstream& out, const std::vector<unsigned char>& values, int per_line) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i % per_line == 0) out << "\n   ";
    out << ' ' << static_cast<unsigned>(values[i]) << ',';
  }
  out << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) return fail("usage: gen-hant-hans EXPECTED_ICU_VERSION OUT.cpp");
  const std::string expected = argv[1];
  const std::string out_path = argv[2];

  // The library actually loaded (not only the headers) must be the expected ICU.
  UVersionInfo v;
  u_getVersion(v);
  char runtime[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(v, runtime);
  if (expected != U_ICU_VERSION || expected != runtime)
    return fail("expected ICU " + expected + ", have headers " U_ICU_VERSION " and library " + runtime);

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> hans(
      icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !hans)
    return fail(std::string("createInstance(\"Hant-Hans\"): ") + u_errorName(status));

  std::vector<char32_t> from;           // sorted source code points
  std::vector<std::uint32_t> offsets{0};  // result i is pool[offsets[i], offsets[i + 1])
  std::vector<char32_t> pool;
  std::size_t han = 0, multi = 0;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (!nianbao::utf8::is_han(cp)) continue;
    ++han;
    icu::UnicodeString s(static_cast<UChar32>(cp));
    hans->transliterate(s);
    std::u32string result;
    for (int32_t i = 0; i < s.length();) {
      const UChar32 c = s.char32At(i);
      result.push_back(static_cast<char32_t>(c));
      i += U16_LENGTH(c);
    }
    if (result.size() == 1 && result[0] == cp) continue;  // unchanged: not in the table
    if (result.size() != 1) ++multi;
    from.push_back(cp);
    pool.insert(pool.end(), result.begin(), result.end());
    offsets.push_back(static_cast<std::uint32_t>(pool.size()));
  }
  hans.reset();
  u_cleanup();
  if (from.empty()) return fail("Hant-Hans changed no code point: wrong ICU data?");
  if (pool.size() > 0xFFFF) return fail("result pool too large for 16-bit offsets");

  // Packed: per entry the distance from the previous source code point, the result's length
  // and each result code point's zigzag distance from its source, as LEB128 varints (8 KB
  // instead of 28 KB of arrays; the core's module carries it, so this is for the page's size).
  std::vector<unsigned char> packed;
  auto put = [&packed](std::uint32_t v) {
    for (; v >= 0x80; v >>= 7) packed.push_back(static_cast<unsigned char>((v & 0x7F) | 0x80));
    packed.push_back(static_cast<unsigned char>(v));
  };
  char32_t prev = 0;
  for (std::size_t i = 0; i < from.size(); ++i) {
    put(static_cast<std::uint32_t>(from[i] - prev));
    prev = from[i];
    put(offsets[i + 1] - offsets[i]);
    for (std::uint32_t k = offsets[i]; k < offsets[i + 1]; ++k) {
      const std::int64_t d = static_cast<std::int64_t>(pool[k]) - static_cast<std::int64_t>(from[i]);
      put(static_cast<std::uint32_t>((d << 1) ^ (d >> 63)));
    }
  }
  // Unpack it the way the generated code does and compare, so a packing slip cannot ship.
  {
    std::size_t at = 0;
    auto next = [&]() {
      std::uint32_t v = 0;
      for (int shift = 0;; shift += 7) {
        const unsigned char b = packed[at++];
        v |= static_cast<std::uint32_t>(b & 0x7F) << shift;
        if (b < 0x80) return v;
      }
    };
    std::uint32_t cp = 0, used = 0;
    for (std::size_t i = 0; i < from.size(); ++i) {
      cp += next();
      if (cp != from[i] || used != offsets[i]) return fail("packed table does not unpack to the table");
      for (std::uint32_t n = next(); n > 0; --n) {
        const std::uint32_t z = next();
        if (static_cast<char32_t>(cp + ((z >> 1) ^ (0u - (z & 1)))) != pool[used++])
          return fail("packed table does not unpack to the table");
      }
    }
    if (at != packed.size() || used != pool.size()) return fail("packed table does not unpack to the table");
  }

  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  if (!out) return fail("cannot write " + out_path);
  out << "// Generated by scripts/icu/gen-hant-hans.cpp (scripts/icu/make-hant-hans-table). Do not edit.\n"
         "// ICU " << runtime << " Transliterator \"Hant-Hans\" (UTRANS_FORWARD) applied to each code point\n"
         "// for which nianbao::utf8::is_han is true (" << han << " code points), one at a time;\n"
         "// listed: the " << from.size() << " it changes (" << multi << " to a result that is not one code point).\n"
         "#include <cstddef>\n#include <cstdint>\n\n"
         "namespace nianbao::hant_hans {\nnamespace {\n\n"
         "constexpr std::size_t kEntries = " << from.size() << ";\n"
         "constexpr std::size_t kPoolSize = " << pool.size() << ";\n\n"
         "// Per entry, LEB128 varints: the source code point's distance from the previous one, the\n"
         "// result's length, and each result code point's zigzag distance from the source.\n"
         "constexpr unsigned char kPacked[" << packed.size() << "] = {";
  write_list(out, packed, 20);
  out << "};\n\n"
         "// The arrays table() hands out: result i is pool[offsets[i], offsets[i + 1]).\n"
         "struct Table {\n"
         "  char32_t from[kEntries];\n"
         "  std::uint16_t offsets[kEntries + 1];\n"
         "  char32_t pool[kPoolSize + 1];  // + 1: never an empty array\n"
         "};\n"
         "Table g_table;  // zero-initialised, so not in the binary; unpack() fills it once\n\n"
         "std::uint32_t next(std::size_t& at) {\n"
         "  std::uint32_t v = 0;\n"
         "  for (int shift = 0;; shift += 7) {\n"
         "    const unsigned char b = kPacked[at++];\n"
         "    v |= static_cast<std::uint32_t>(b & 0x7F) << shift;\n"
         "    if (b < 0x80) return v;\n"
         "  }\n"
         "}\n\n"
         "bool unpack() {\n"
         "  std::size_t at = 0;\n"
         "  std::uint32_t cp = 0, used = 0;\n"
         "  for (std::size_t i = 0; i < kEntries; ++i) {\n"
         "    cp += next(at);\n"
         "    g_table.from[i] = static_cast<char32_t>(cp);\n"
         "    g_table.offsets[i] = static_cast<std::uint16_t>(used);\n"
         "    for (std::uint32_t n = next(at); n > 0; --n) {\n"
         "      const std::uint32_t z = next(at);\n"
         "      g_table.pool[used++] = static_cast<char32_t>(cp + ((z >> 1) ^ (0u - (z & 1))));\n"
         "    }\n"
         "  }\n"
         "  g_table.offsets[kEntries] = static_cast<std::uint16_t>(used);\n"
         "  return true;\n"
         "}\n\n"
         "}  // namespace\n\n"
         "// Declared in core/src/normalize.cpp. Returns the number of entries; sets the arrays and\n"
         "// the ICU version the table was made with. The first call unpacks (thread-safe).\n"
         "std::size_t table(const char32_t*& from, const std::uint16_t*& offsets, const char32_t*& pool,\n"
         "                  const char*& icu_version) {\n"
         "  static const bool unpacked = unpack();\n"
         "  (void)unpacked;\n"
         "  from = g_table.from;\n  offsets = g_table.offsets;\n  pool = g_table.pool;\n"
         "  icu_version = \"" << runtime << "\";\n"
         "  return kEntries;\n}\n\n}  // namespace nianbao::hant_hans\n";
  out.close();
  if (!out) return fail("error writing " + out_path);
  std::fprintf(stderr, "gen-hant-hans: ICU %s, %zu Han code points, %zu changed (%zu not to one code point), pool %zu\n",
               runtime, han, from.size(), multi, pool.size());
  return 0;
}
