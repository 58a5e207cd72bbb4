#include "icu_smoke_core.h"

#include <unicode/normalizer2.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <cstdint>

namespace nianbao::hant_hans {
// Defined by the generated table (scripts/icu/gen-hant-hans.cpp), compiled in by cmake/icu.cmake.
std::size_t table(const char32_t*& from, const std::uint16_t*& offsets, const char32_t*& pool,
                  const char*& icu_version);
}  // namespace nianbao::hant_hans

namespace icu_smoke {

bool nfkc(const std::string& in, std::string& out, std::string& error) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || n == nullptr) {
    error = std::string("getNFKCInstance: ") + u_errorName(status);
    return false;
  }
  icu::UnicodeString s = n->normalize(icu::UnicodeString::fromUTF8(in), status);
  if (U_FAILURE(status)) {
    error = std::string("normalize: ") + u_errorName(status);
    return false;
  }
  out.clear();
  s.toUTF8String(out);
  return true;
}

std::size_t hant_hans(const std::string& in, std::string& out) {
  const char32_t* from = nullptr;
  const std::uint16_t* offsets = nullptr;
  const char32_t* pool = nullptr;
  const char* version = nullptr;
  const std::size_t n = nianbao::hant_hans::table(from, offsets, pool, version);
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(in);
  icu::UnicodeString r;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    const char32_t* it = std::lower_bound(from, from + n, static_cast<char32_t>(c));
    if (it == from + n || *it != static_cast<char32_t>(c)) {
      r.append(c);
      continue;
    }
    const std::size_t k = static_cast<std::size_t>(it - from);
    for (std::uint16_t j = offsets[k]; j < offsets[k + 1]; ++j) r.append(static_cast<UChar32>(pool[j]));
  }
  out.clear();
  r.toUTF8String(out);
  return n;
}

bool has_data_item(const char* type, const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  UDataMemory* d = udata_open(nullptr, type, name, &status);
  if (d) udata_close(d);
  return U_SUCCESS(status) && d != nullptr;
}

const char* icu_version() { return U_ICU_VERSION; }

}  // namespace icu_smoke
