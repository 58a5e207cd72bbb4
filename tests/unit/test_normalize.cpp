#include <doctest/doctest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>

#include "helpers.hpp"
#include "read/normalize.hpp"
#include "util/utf8.hpp"

namespace nianbao::hant_hans {
// The generated table (scripts/icu/gen-hant-hans.cpp; declared the same way in normalize.cpp).
std::size_t table(const char32_t*& from, const std::uint16_t*& offsets, const char32_t*& pool,
                  const char*& icu_version);
}  // namespace nianbao::hant_hans

using nianbao::Normalizer;
using nianbao::Script;

namespace {
Normalizer& norm() {
  static std::unique_ptr<Normalizer> n = [] {
    nianbao::Error e{};
    auto p = Normalizer::create(&e);
    if (!p) FAIL("ICU: " << e.message);
    return p;
  }();
  return *n;
}
}  // namespace

TEST_CASE("NFKC turns full-width digits and punctuation into ASCII, keeping Chinese punctuation") {
  const auto nt = norm().normalize("收到申请１２３件（其中：当面５件），办结。");
  CHECK(nt.text == "收到申请123件(其中:当面5件),办结。");
  CHECK(nt.script == Script::hans);
  CHECK(nt.converted == 0);
}

TEST_CASE("spans of normalised text point at the original bytes") {
  const std::string in = "行政诉讼\n数量：１２件";
  const auto nt = norm().normalize(in);
  const auto pos = nt.text.find("12");
  REQUIRE(pos != std::string::npos);
  const auto span = nt.map.span(pos, pos + 2);
  CHECK(in.substr(span.start, span.end - span.start) == "１２");
  CHECK(span.line == 2);
  const auto colon = nt.text.find(':');
  const auto cs = nt.map.span(colon, colon + 1);
  CHECK(in.substr(cs.start, cs.end - cs.start) == "：");
}

TEST_CASE("Traditional text is detected and converted; simplified text is left alone") {
  const std::string seed = testing::read_seed("000");
  const auto nt = norm().normalize(seed);
  CHECK(nt.script == Script::hant);
  CHECK(nt.converted > 300);
  CHECK(nt.text.find("鞍山市档案局") != std::string::npos);
  CHECK(nt.text.find("政府信息公开工作报告") != std::string::npos);
  REQUIRE(nt.first_converted.has_value());
  // The first converted character is 據 in 根據.
  CHECK(seed.substr(nt.first_converted->start, nt.first_converted->end - nt.first_converted->start) == "據");

  for (const char* s : {"001", "002", "003", "004"}) {
    CAPTURE(s);
    const auto other = norm().normalize(testing::read_seed(s));
    CHECK(other.script == Script::hans);
    CHECK(other.converted == 0);
  }
}

TEST_CASE("conversion keeps spans byte-exact in the original Traditional text") {
  const std::string in = "鞍山市檔案局共計1799條";
  const auto nt = norm().normalize(in);
  CHECK(nt.script == Script::hant);
  CHECK(nt.text == "鞍山市档案局共计1799条");
  const auto p = nt.text.find("档案局");
  const auto sp = nt.map.span(p, p + std::string("档案局").size());
  CHECK(in.substr(sp.start, sp.end - sp.start) == "檔案局");
}

TEST_CASE("invalid UTF-8 bytes become U+FFFD and keep later spans right") {
  const std::string in = std::string("第\xff") + "行：５";
  const auto nt = norm().normalize(in);
  const auto p = nt.text.find('5');
  REQUIRE(p != std::string::npos);
  const auto sp = nt.map.span(p, p + 1);
  CHECK(in.substr(sp.start, sp.end - sp.start) == "５");
}

TEST_CASE("Traditional -> Simplified is ICU's Hant-Hans applied to each Han code point on its own") {
  // The generated table (scripts/icu/make-hant-hans-table) reproduces ICU 72.1's transliterator
  // one code point at a time: 關於→关于, 發佈→发布, and both 乾 and 髮 lose their distinction.
  const std::string in = "鞍山市檔案局關於發佈《條例》的通知：乾燥、頭髮";
  const auto nt = norm().normalize(in);
  CHECK(nt.script == Script::hant);
  CHECK(nt.text == "鞍山市档案局关于发布《条例》的通知:干燥、头发");
  CHECK(nt.converted == 9);
  // Only Han code points are looked up: corner brackets stay (ICU's transliterator applied to a
  // whole string would turn them into curly quotes; the core never did that).
  const auto q = norm().normalize("「國務院」關於報告");
  CHECK(q.text == "「国务院」关于报告");
}

TEST_CASE("a compatibility ideograph is normalised by NFKC, then converted, and keeps its span") {
  // U+F900 (豈, compatibility) -NFKC-> U+8C48 豈 -Hant-Hans-> 岂.
  const std::string in = "鞍山市檔案局共計1799條\xEF\xA4\x80";
  const auto nt = norm().normalize(in);
  CHECK(nt.script == Script::hant);
  CHECK(nt.text == "鞍山市档案局共计1799条岂");
  CHECK(nt.converted == 4);
  const auto p = nt.text.find("岂");
  REQUIRE(p != std::string::npos);
  const auto sp = nt.map.span(p, p + std::string("岂").size());
  CHECK(in.substr(sp.start, sp.end - sp.start) == "\xEF\xA4\x80");
}

TEST_CASE("every Han code point is converted exactly as the generated table lists it") {
  // Checks the normaliser's index over the table against a plain binary search of the table's
  // arrays, for every code point utf8::is_han accepts (NFKC first, as the normaliser does: the
  // compatibility ideographs become unified ones). Each is followed by 國 so the text is
  // Traditional and the conversion is on.
  const char32_t* from = nullptr;
  const std::uint16_t* offsets = nullptr;
  const char32_t* pool = nullptr;
  const char* icu_version = nullptr;
  const std::size_t n = nianbao::hant_hans::table(from, offsets, pool, icu_version);
  REQUIRE(n > 0);
  CHECK(std::string(icu_version) == U_ICU_VERSION);
  auto lookup = [&](char32_t cp, std::string& out) {
    const char32_t* it = std::lower_bound(from, from + n, cp);
    if (it == from + n || *it != cp) {
      nianbao::utf8::append(out, cp);
      return false;
    }
    const auto i = static_cast<std::size_t>(it - from);
    for (std::uint16_t k = offsets[i]; k < offsets[i + 1]; ++k) nianbao::utf8::append(out, pool[k]);
    return true;
  };
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  REQUIRE(U_SUCCESS(status));

  std::string in, want;
  std::size_t want_converted = 0, han = 0;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (!nianbao::utf8::is_han(cp)) continue;
    ++han;
    nianbao::utf8::append(in, cp);
    in += "國";
    const icu::UnicodeString k = nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), status);
    if (U_FAILURE(status)) break;
    for (int32_t j = 0; j < k.length();) {
      const UChar32 c = k.char32At(j);
      j += U16_LENGTH(c);
      if (nianbao::utf8::is_han(static_cast<char32_t>(c))) {
        if (lookup(static_cast<char32_t>(c), want)) ++want_converted;
      } else {
        nianbao::utf8::append(want, static_cast<char32_t>(c));
      }
    }
    want += "国";
    ++want_converted;
  }
  REQUIRE(U_SUCCESS(status));
  CHECK(han > 90000);
  const auto nt = norm().normalize(in);
  CHECK(nt.script == Script::hant);
  CHECK(nt.converted == want_converted);
  const auto diff = std::mismatch(nt.text.begin(), nt.text.end(), want.begin(), want.end());
  const auto at = static_cast<std::size_t>(diff.first - nt.text.begin());
  CAPTURE(nt.text.substr(at - std::min<std::size_t>(at, 12), 24));
  CAPTURE(want.substr(at - std::min<std::size_t>(at, 12), 24));
  CHECK(nt.text.size() == want.size());
  CHECK(at == nt.text.size());
}
