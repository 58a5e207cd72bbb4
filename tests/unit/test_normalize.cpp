#include <doctest/doctest.h>

#include "helpers.hpp"
#include "nianbao/normalize.hpp"

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
