// ICU micro-benchmark (not built by default): NFKC + Hant-Hans over ~1 MB of
// Traditional Chinese text with full-width digits/punctuation. Used to choose the
// optimisation level of the wasm ICU build (docs/icu.md).
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

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
  std::unique_ptr<icu::Transliterator> t2s(
      icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) {
    std::printf("ICU error %s\n", u_errorName(status));
    return 1;
  }
  const auto s1 = clock::now();

  const auto t0 = clock::now();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  icu::UnicodeString n = nfkc->normalize(u, status);
  const auto t1 = clock::now();
  t2s->transliterate(n);
  const auto t2 = clock::now();
  std::string out;
  n.toUTF8String(out);
  std::printf("setup %.1f ms; input %zu bytes; NFKC %.1f ms; Hant-Hans %.1f ms; output %zu bytes\n",
              ms(s1 - s0), text.size(), ms(t1 - t0), ms(t2 - t1), out.size());
  return U_FAILURE(status) ? 1 : 0;
}
