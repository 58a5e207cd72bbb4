// The outline rules, each on a twin of the clean report (tests/fixtures/narrative/clean.txt)
// that changes one thing: the twin raises that finding and nothing else, the clean report none.
#include <doctest/doctest.h>

#include "helpers.hpp"

using nianbao::Severity;
using testing::at;
using testing::check_ok;
using testing::findings;
using testing::replaced;
using testing::rules_of;

TEST_CASE("title: 工作总结 or 关于…的报告 is not the prescribed name; a covering letter is not the report") {
  const std::string clean = testing::clean_report();
  const std::string text = replaced(clean, "2022年政府信息公开工作年度报告\n", "关于2022年政府信息公开工作情况的报告\n");
  const auto r = check_ok(text);
  REQUIRE(rules_of(r) == "title");
  CHECK(r.findings[0].severity == Severity::warning);
  CHECK(at(text, r.findings[0].span) == "示例市交通运输局关于2022年政府信息公开工作情况的报告");
  // A covering letter published alone is an error.
  const auto letter = check_ok("关于报送2022年政府信息公开工作年度报告的函\n市政府办公室：\n现将我局2022年政府信息公开工作年度报告报送你们，请审阅。\n"
                               "示例市交通运输局\n2023年1月20日\n");
  const auto t = findings(letter, "title");
  REQUIRE(t.size() == 1);
  CHECK(t[0]->severity == Severity::error);
  // The legacy wording "2012年度政府信息公开工作报告" is accepted (seed 004).
  CHECK(findings(check_ok(testing::read_seed("004")), "title").empty());
}

TEST_CASE("title: none before the outline is only a note") {
  const std::string text = replaced(testing::clean_report(), "示例市交通运输局2022年政府信息公开工作年度报告\n", "");
  const auto r = check_ok(text);
  REQUIRE(rules_of(r) == "title");
  CHECK(r.findings[0].severity == Severity::info);
}

TEST_CASE("period: a stated period of another year is an error, a part of the year a warning") {
  const std::string clean = testing::clean_report();
  const std::string text = replaced(clean, "自2022年1月1日起至2022年12月31日止", "自2021年1月1日起至2021年12月31日止");
  const auto r = check_ok(text);
  REQUIRE(rules_of(r) == "period");
  CHECK(r.findings[0].severity == Severity::error);
  CHECK(at(text, r.findings[0].span) == "2021年1月1日起至2021年12月31日");
  REQUIRE(r.period);
  CHECK_FALSE(r.period->holds);
  const auto part = check_ok(replaced(clean, "自2022年1月1日起至2022年12月31日止", "自2022年1月1日起至2022年11月30日止"));
  REQUIRE(rules_of(part) == "period");
  CHECK(part.findings[0].severity == Severity::warning);
  // "2012年1月1日至12月31日" without the year again (seed 004's style) is the whole year.
  const auto short_form = check_ok(replaced(clean, "自2022年1月1日起至2022年12月31日止", "为2022年1月1日至12月31日"));
  CHECK(short_form.findings.empty());
  REQUIRE(short_form.period);
  CHECK(short_form.period->to == "2022-12-31");
}

TEST_CASE("section-missing: a 2021 report without 四 (error); an excerpt of three headings only warns") {
  const std::string clean = testing::clean_report();
  const std::string text = replaced(clean, "四、政府信息公开行政复议、行政诉讼情况\n", "");
  const auto r = check_ok(text);
  const auto m = findings(r, "section-missing");
  REQUIRE(m.size() == 1);
  CHECK(m[0]->severity == Severity::error);
  CHECK(m[0]->hint == "四、政府信息公开行政复议、行政诉讼情况");
  CHECK(at(text, m[0]->span) == "五、存在的主要问题及改进情况");  // where it should stand
  // The numbering now jumps from 三 to 五, which is said too; nothing else.
  REQUIRE(rules_of(r) == "numbering,section-missing");
  // An excerpt with 三、四、五 (tables pasted alone): the missing ones are only warnings.
  const auto excerpt = check_ok(testing::t3_t4_text(testing::t3_2021_rows(), testing::t4_values()));
  for (const auto* f : findings(excerpt, "section-missing")) CHECK(f->severity == Severity::warning);
  CHECK(excerpt.count(Severity::error) == 0);
}

TEST_CASE("section-missing: a section written below the top level is misplaced, not missing") {
  const std::string text = replaced(testing::clean_report(), "六、其他需要报告的事项\n", "（六）其他需要报告的事项\n");
  const auto r = check_ok(text);
  CHECK(findings(r, "section-missing").empty());
  const auto o = findings(r, "section-order");
  REQUIRE(o.size() == 1);
  CHECK(at(text, o[0]->span) == "（六）其他需要报告的事项");
  // Two sections below the top level, and one not there at all: each lower heading is found for
  // its own section (the lower headings are gathered once for all), the absent one is missing.
  const std::string two = replaced(replaced(replaced(testing::clean_report(), "六、其他需要报告的事项\n", "（六）其他需要报告的事项\n"),
                                            "五、存在的主要问题及改进情况\n", "（一）存在的主要问题及改进情况\n"),
                                   "四、政府信息公开行政复议、行政诉讼情况\n", "");
  const auto r2 = check_ok(two);
  const auto o2 = findings(r2, "section-order");
  REQUIRE(o2.size() == 2);
  CHECK(at(two, o2[0]->span) == "（一）存在的主要问题及改进情况");
  CHECK(o2[0]->hint == "五、存在的主要问题及改进情况");
  CHECK(at(two, o2[1]->span) == "（六）其他需要报告的事项");
  CHECK(o2[1]->hint == "六、其他需要报告的事项");
  const auto m2 = findings(r2, "section-missing");
  REQUIRE(m2.size() == 1);
  CHECK(m2[0]->hint == "四、政府信息公开行政复议、行政诉讼情况");
}

TEST_CASE("section-order: a section under another's number, and two sections swapped") {
  const std::string clean = testing::clean_report();
  // 二 and 三 swap their headings: each heading stands where the other belongs.
  std::string swapped = replaced(clean, "二、主动公开政府信息情况\n", "@@2@@\n");
  swapped = replaced(swapped, "三、收到和处理政府信息公开申请情况\n", "三、主动公开政府信息情况\n");
  swapped = replaced(swapped, "@@2@@\n", "二、收到和处理政府信息公开申请情况\n");
  const auto r = check_ok(swapped);
  const auto o = findings(r, "section-order");
  REQUIRE(o.size() == 2);
  CHECK(o[0]->message.find("应为“三、”") != std::string::npos);
  CHECK(o[1]->message.find("第二部分") != std::string::npos);
  CHECK(findings(r, "section-missing").empty());
}

TEST_CASE("section-title: a listed variant, and other wording, are warnings with the official heading") {
  const std::string clean = testing::clean_report();
  const auto variant = check_ok(replaced(clean, "五、存在的主要问题及改进情况\n", "五、存在问题和改进措施\n"));
  REQUIRE(rules_of(variant) == "section-title");
  CHECK(variant.findings[0].message.find("常见的变体") != std::string::npos);
  CHECK(variant.findings[0].hint == "五、存在的主要问题及改进情况");
  const auto other = check_ok(replaced(clean, "五、存在的主要问题及改进情况\n", "五、工作中存在的问题和下一步打算\n"));
  REQUIRE(rules_of(other) == "section-title");
  CHECK(other.findings[0].message.find("不一致") != std::string::npos);
  // Legacy reports have free headings: seed 000's eleven sections raise nothing.
  const auto legacy = check_ok(testing::read_seed("000"));
  CHECK(findings(legacy, "section-title").empty());
  CHECK(findings(legacy, "section-order").empty());
  CHECK(findings(legacy, "section-missing").empty());
}

TEST_CASE("numbering: a gap at the second level; numbers start again under each heading") {
  const std::string clean = testing::clean_report();
  const std::string text = replaced(clean, "（三）政府信息管理。", "（四）政府信息管理。");
  const auto r = check_ok(text);
  REQUIRE(rules_of(r) == "numbering,numbering");  // （四） skips （三）, then （四） again
  CHECK(at(text, r.findings[0].span) == "（四）政府信息管理");
  // Under each top-level heading (一)(二) start again: seed 004 raises nothing.
  CHECK(findings(check_ok(testing::read_seed("004")), "numbering").empty());
  // A numbered paragraph too long to be a heading still counts: no false gap after it.
  const auto long_item = check_ok("一、总体情况\n（一）短标题\n（二）" + std::string(60, 'x') + "，" + std::string(200, 'y') +
                                  "\n（三）又一短标题\n");
  CHECK(findings(long_item, "numbering").empty());
}

TEST_CASE("signature: the clean report's is found; without it a warning; a date without a body a note") {
  const std::string clean = testing::clean_report();
  const auto none = check_ok(replaced(clean, "示例市交通运输局\n2023年1月20日\n", ""));
  REQUIRE(rules_of(none) == "signature");
  CHECK(none.findings[0].severity == Severity::warning);
  const auto no_body = check_ok(replaced(clean, "示例市交通运输局\n2023年1月20日\n", "2023年1月20日\n"));
  REQUIRE(rules_of(no_body) == "signature");
  CHECK(no_body.findings[0].severity == Severity::info);
}

TEST_CASE("sections carry their sub-headings; run-in headings span the words only") {
  const std::string seed = testing::read_seed("003");
  const auto r = check_ok(seed);
  REQUIRE(r.sections.size() == 7);
  REQUIRE(r.sections[2].subsections.size() == 2);
  const auto& s = r.sections[2].subsections[0];
  CHECK(s.number == "(一)");
  CHECK(s.title == "政府信息公开数量");
  CHECK(at(seed, s.span) == "(一)政府信息公开数量");
}

TEST_CASE("numbering: enumerations 一是…二是… inline or one per paragraph; 统一是 and 之一是 are words") {
  const std::string clean = testing::clean_report();
  const std::string text = replaced(clean, "但仍存在一些不足：一是政策解读形式较为单一；二是依申请公开",
                                    "但仍存在一些不足：一是政策解读形式较为单一；三是依申请公开");
  const auto r = check_ok(text);
  REQUIRE(rules_of(r) == "numbering");
  CHECK(at(text, r.findings[0].span) == "三是");
  const auto words = check_ok(replaced(clean, "一是政策解读形式较为单一；", "一是政策解读形式较为单一，统一是原则，之一是要求；"));
  CHECK(words.findings.empty());
  // One item per paragraph (seed 003's 一是…四是 under （一）, again under （二）) raises nothing.
  CHECK(findings(check_ok(testing::read_seed("003")), "numbering").empty());
  const auto repeat = check_ok("一、总体情况\n一是甲。\n二是乙。\n二是丙。\n");
  REQUIRE(findings(repeat, "numbering").size() == 1);
  CHECK(findings(repeat, "numbering")[0]->message.find("重复") != std::string::npos);
}
