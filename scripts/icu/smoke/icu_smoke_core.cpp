#include "icu_smoke_core.h"

#include <unicode/normalizer2.h>
#include <unicode/strenum.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/uversion.h>

#include <memory>

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

bool transliterate(const char* id, const std::string& in, std::string& out, std::string& error) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !t) {
    error = std::string("createInstance(") + id + "): " + u_errorName(status);
    return false;
  }
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(in);
  t->transliterate(s);
  out.clear();
  s.toUTF8String(out);
  return true;
}

int available_transliterators() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> ids(icu::Transliterator::getAvailableIDs(status));
  if (U_FAILURE(status) || !ids) return -1;
  const int32_t n = ids->count(status);
  return U_FAILURE(status) ? -1 : static_cast<int>(n);
}

const char* icu_version() { return U_ICU_VERSION; }

}  // namespace icu_smoke
