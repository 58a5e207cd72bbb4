#include <doctest/doctest.h>

#include "helpers.hpp"
#include "read/encoding.hpp"

using nianbao::Encoding;

namespace {
// "五、行政诉讼数量 | 件 | 9 |" in GB18030 (GBK) bytes.
const std::string kGbkRow = "\xCE\xE5\xA1\xA2\xD0\xD0\xD5\xFE\xCB\xDF\xCB\xCF\xCA\xFD\xC1\xBF | \xBC\xFE | 9 |";
}  // namespace

TEST_CASE("UTF-8 passes through untouched; UTF-16 with a BOM is converted") {
  nianbao::Error e{};
  auto d = nianbao::decode_input("行政诉讼数量", &e);
  REQUIRE(d);
  CHECK(d->encoding == Encoding::utf8);
  CHECK(d->text.empty());
  const std::string le("\xFF\xFE\x4C\x88\x3F\x65", 6);  // BOM + 行政 in UTF-16LE
  d = nianbao::decode_input(le, &e);
  REQUIRE(d);
  CHECK(d->encoding == Encoding::utf16le);
  CHECK(d->text == "行政");
}

TEST_CASE("GBK text: decoded natively with ICU's converter, a clear error where it is not linked") {
  nianbao::Error e{};
  std::string text;
  for (int i = 0; i < 20; ++i) text += kGbkRow + "\n";
  const auto d = nianbao::decode_input(text, &e);
#ifdef __EMSCRIPTEN__
  // The wasm build carries no converter data: the page decodes with TextDecoder first.
  CHECK_FALSE(d.has_value());
  CHECK(e.code == nianbao::ErrorCode::not_text);
  CHECK(e.message.find("GBK") != std::string::npos);
#else
  REQUIRE(d);
  CHECK(d->encoding == Encoding::gb18030);
  CHECK(d->text.rfind("五、行政诉讼数量 | 件 | 9 |\n", 0) == 0);
  // Through the checker: spans point into the decoded text, which the result carries.
  const auto r = testing::check_ok(text);
  CHECK(r.input.encoding == "gb18030");
  REQUIRE(r.input.text.has_value());
  const auto* t = testing::table(r, "legacy");
  REQUIRE(t);
  const auto& c = t->cells.front();
  CHECK(r.input.text->substr(c.span.start, c.span.end - c.span.start) == "9");
#endif
}

TEST_CASE("bytes that are neither UTF-8 nor GB18030 text are refused") {
  nianbao::Error e{};
  std::string junk;
  for (int i = 0; i < 400; ++i) junk += static_cast<char>(0x80 + (i * 37) % 0x7F);
  CHECK_FALSE(nianbao::decode_input(junk, &e).has_value());
  CHECK(e.code == nianbao::ErrorCode::not_text);
}
