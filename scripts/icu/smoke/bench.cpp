// ICU micro-benchmark (not built by default): NFKC, then the generated Hant-Hans table applied
// to each code point (binary search, as core/src/normalize.cpp does), over ~1 MB of Traditional
// Chinese text with full-width digits/punctuation. Used for the measurements in docs/icu.md.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace nianbao::hant_hans {
std::size_t table(const char32_t*& from, const std::uint16_t*& offsets, const char32_t*& pool,
                  const char*& icu_version);
}  // namespace nianbao::hant_hans

int main() {
  const std::string para =
      "鞍山市檔案局２０２３年政府信息公開工作年度報告。根據《中華人民共和國政府信息公開條例》"
      "（以下簡稱《條例》）規定，本報告由總體情況、主動公開政府信息情況、收到和處理政府信息"
      "公開申請情況、政府信息公開行政複議及行政訴訟情況、存在的主要問題及改進情況、其他需要"
      "報告的事項六個部分組成。本報告中所列數據的統計期限自２０２３年１月１日起至１２月３１日止。\n";
  std::string text;
  while (text.size() < (1u << 20)) text += para;

  using clock = std::chrono::steady_clock;
  auto ms = [](clock::duration d) {
    return std::chrono::duration_cast<std::chrono::microseconds>(d).count() / 1000.0;
  };
  const auto s0 = clock::now();
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) {
    std::printf("ICU error %s\n", u_errorName(status));
    return 1;
  }
  const char32_t* from = nullptr;
  const std::uint16_t* offsets = nullptr;
  const char32_t* pool = nullptr;
  const char* version = nullptr;
  const std::size_t n = nianbao::hant_hans::table(from, offsets, pool, version);
  const auto s1 = clock::now();

  const auto t0 = clock::now();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  icu::UnicodeString norm = nfkc->normalize(u, status);
  const auto t1 = clock::now();
  icu::UnicodeString simple;
  for (int32_t i = 0; i < norm.length();) {
    const UChar32 c = norm.char32At(i);
    i += U16_LENGTH(c);
    const char32_t* it = std::lower_bound(from, from + n, static_cast<char32_t>(c));
    if (it == from + n || *it != static_cast<char32_t>(c)) {
      simple.append(c);
      continue;
    }
    const std::size_t k = static_cast<std::size_t>(it - from);
    for (std::uint16_t j = offsets[k]; j < offsets[k + 1]; ++j) simple.append(static_cast<UChar32>(pool[j]));
  }
  const auto t2 = clock::now();
  std::string out;
  simple.toUTF8String(out);
  std::printf("setup %.1f ms; input %zu bytes; NFKC %.1f ms; Hant-Hans table %.1f ms; output %zu bytes\n",
              ms(s1 - s0), text.size(), ms(t1 - t0), ms(t2 - t1), out.size());
  return U_FAILURE(status) ? 1 : 0;
}
