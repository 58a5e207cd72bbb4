#include <doctest/doctest.h>

#include <cstdint>

#include "helpers.hpp"

using nianbao::Decimal;
using nianbao::ErrorCode;
using nianbao::Format;
using nianbao::Severity;
using testing::check_ok;
using testing::findings;

namespace {
nianbao::Error expect_error(const std::string& in, nianbao::Options opts = {}) {
  nianbao::Outcome out = testing::checker().check(in, opts);
  auto* e = std::get_if<nianbao::Error>(&out);
  REQUIRE_MESSAGE(e != nullptr, "expected an error");
  return *e;
}
}  // namespace

TEST_CASE("seed 003: exactly one table finding, 行政诉讼数量 9 vs 5+0+1") {
  const std::string seed = testing::read_seed("003");
  const auto r = check_ok(seed);
  CHECK(r.meta.format == Format::legacy);
  const auto table_findings = testing::table_findings(r);
  REQUIRE(table_findings.size() == 1);
  const auto& f = *table_findings[0];
  CHECK(nianbao::rule_id(f.rule) == "legacy-sum");
  CHECK(f.severity == Severity::error);
  CHECK(f.expected == nianbao::Decimal::from_int(6));
  CHECK(f.actual == nianbao::Decimal::from_int(9));
  CHECK(f.message.find("五、行政诉讼数量") != std::string::npos);
  CHECK(seed.substr(f.span.start, f.span.end - f.span.start) == "9");
  CHECK(seed.substr(f.span.start - 30, 30).find("行政诉讼数量") != std::string::npos);
  REQUIRE(f.related.size() == 3);
  CHECK(seed.substr(f.related[0].start, f.related[0].end - f.related[0].start) == "5");
  const auto* legacy = testing::table(r, "legacy");
  REQUIRE(legacy);
  CHECK(legacy->cells.size() == 58);
  CHECK(legacy->find("（一）主动公开政府信息数", "统计数")->value == nianbao::Decimal::from_int(8359));
  CHECK(legacy->find("（三）接受培训人员数", "统计数")->value == nianbao::Decimal::from_int(747));
}

TEST_CASE("seed 001: T2, T3 (23 × 7) and T4 (15) rebuilt, all values right, no errors") {
  const auto r = check_ok(testing::read_seed("001"));
  CHECK(r.meta.format == Format::f2019);
  const auto* t3 = testing::table(r, "T3");
  REQUIRE(t3);
  CHECK(t3->cells.size() == 23 * 7);
  for (const auto& c : t3->cells) CHECK(c.value == nianbao::Decimal::from_int(0));
  const auto* t4 = testing::table(r, "T4");
  REQUIRE(t4);
  CHECK(t4->cells.size() == 15);
  for (const auto& c : t4->cells) CHECK(c.value == nianbao::Decimal::from_int(0));
  const auto* t2 = testing::table(r, "T2");
  REQUIRE(t2);
  for (const char* col : {"本年新制作数量", "本年新公开数量", "对外公开总数量"}) {
    REQUIRE(t2->find("规范性文件", col));
    CHECK(t2->find("规范性文件", col)->value == nianbao::Decimal::from_int(1));
    CHECK(t2->find("规章", col)->value == nianbao::Decimal::from_int(0));
  }
  CHECK(t2->find("政府集中采购", "采购总金额")->value == nianbao::Decimal::from_int(0));
  CHECK(r.count(Severity::error) == 0);
  CHECK(r.sections.size() == 6);
}

TEST_CASE("seeds 000, 002, 004 have no tables and no table errors; 000 is Traditional") {
  for (const char* s : {"000", "002", "004"}) {
    CAPTURE(s);
    const auto r = check_ok(testing::read_seed(s));
    CHECK(r.tables.empty());
    for (const auto& f : r.findings) CHECK_FALSE((testing::is_table_rule(std::string(nianbao::rule_id(f.rule))) && f.severity == Severity::error));
    CHECK(r.meta.script == (std::string(s) == "000" ? nianbao::Script::hant : nianbao::Script::hans));
  }
  const auto r0 = check_ok(testing::read_seed("000"));
  CHECK(r0.meta.format == Format::legacy);
  CHECK(r0.meta.year == 2016);
  CHECK(findings(r0, "script-converted").size() == 1);
}

TEST_CASE("JSON output follows spec §9 and is deterministic") {
  const auto r = check_ok(testing::read_seed("003"));
  const std::string a = nianbao::to_json(r), b = nianbao::to_json(check_ok(testing::read_seed("003")));
  CHECK(a == b);
  CHECK(a.rfind("{\"schema\":\"nianbao/1\",\"file\":\"\",\"input\":{\"format\":\"text\",\"encoding\":\"utf-8\"},\"meta\":{", 0) == 0);
  CHECK(a.find("\"rule\":\"legacy-sum\",\"severity\":\"error\"") != std::string::npos);
  CHECK(a.find("\"expected\":6,\"actual\":9") != std::string::npos);
  CHECK(a.find('\n') == std::string::npos);
  const std::string pretty = nianbao::to_json(r, 2);
  CHECK(pretty.find("\n  \"meta\": {") != std::string::npos);
}

TEST_CASE("bad input gets a clear error, never a crash") {
  CHECK(expect_error("").code == ErrorCode::empty_input);
  CHECK(expect_error(" \n\t\r\n　").code == ErrorCode::empty_input);
  const auto nul = expect_error(std::string("abc\0def", 7));
  CHECK(nul.code == ErrorCode::not_text);
  CHECK(nul.position == 3);
  nianbao::Options small;
  small.limits.max_input_bytes = 10;
  CHECK(expect_error("一二三四五六七", small).code == ErrorCode::too_large);

  // 10 MB of random bytes (deterministic generator): rejected as not text, quickly.
  std::string noise(10u << 20, '\0');
  std::uint64_t x = 0x9E3779B97F4A7C15ull;
  for (char& c : noise) {
    x ^= x << 13; x ^= x >> 7; x ^= x << 17;
    c = static_cast<char>((x & 0x7F) | 0x80);  // high bytes only: invalid UTF-8 soup, no NUL
  }
  const auto e = expect_error(noise);
  CHECK(e.code == ErrorCode::not_text);
  CHECK_FALSE(e.message.empty());
}

TEST_CASE("text with a few stray bytes and odd pipes is still checked") {
  const auto r = check_ok("一、总体情况\n\xff\xfe 本年无变化。\n|||\n| |\n 仅有竖线 |\n");
  CHECK(r.sections.size() == 1);
  CHECK(r.tables.empty());
}

TEST_CASE("corrections: a corrected cell is checked with its value; an unread cell can be given; bad ones are errors") {
  const std::string text = testing::read_seed("003");
  nianbao::Options o;
  o.cells.push_back({"legacy", "五、行政诉讼数量", "统计数", Decimal::from_int(6)});
  auto checker = nianbao::Checker::create(nullptr);
  REQUIRE(checker);
  auto out = checker->check(text, o);
  REQUIRE(std::holds_alternative<nianbao::Report>(out));
  const auto& r = std::get<nianbao::Report>(out);
  CHECK(findings(r, "legacy-sum").empty());
  const auto* c = testing::table(r, "legacy")->find("五、行政诉讼数量", "统计数");
  REQUIRE(c);
  CHECK(c->corrected);
  CHECK(c->value == Decimal::from_int(6));
  CHECK(c->raw == "9");
  CHECK(nianbao::to_json(r).find("\"corrected\":true") != std::string::npos);
  // Without the correction the sum fails, as written.
  CHECK(findings(check_ok(text), "legacy-sum").size() == 1);
  // A table the report does not have, a row its template does not have, a negative count.
  for (const nianbao::CellCorrection& bad : {nianbao::CellCorrection{"T3", "（一）予以公开", "自然人", Decimal::from_int(1)},
                                             nianbao::CellCorrection{"legacy", "没有这一行", "统计数", Decimal::from_int(1)},
                                             nianbao::CellCorrection{"legacy", "五、行政诉讼数量", "统计数", Decimal::from_int(-1)}}) {
    nianbao::Options b;
    b.cells = {bad};
    auto e = checker->check(text, b);
    REQUIRE(std::holds_alternative<nianbao::Error>(e));
    CHECK(std::get<nianbao::Error>(e).code == nianbao::ErrorCode::bad_cells);
  }
}
