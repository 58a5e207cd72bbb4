#include <doctest/doctest.h>

#include "helpers.hpp"

using nianbao::Severity;
using testing::check_ok;
using testing::findings;

namespace {
std::string at(const std::string& text, const nianbao::Span& s) { return text.substr(s.start, s.end - s.start); }
}  // namespace

TEST_CASE("seed 000: 鞍山市档案局, 2016, signed 2017-03-01, in time") {
  const auto r = check_ok(testing::read_seed("000"));
  CHECK(r.meta.agency == std::string("鞍山市档案局"));
  CHECK(r.meta.year == 2016);
  CHECK(r.meta.published == std::string("2017-03-01"));
  REQUIRE(r.deadline);
  CHECK(r.deadline->due == "2017-03-31");
  CHECK(r.deadline->met);
  CHECK(r.count(Severity::error) == 0);
}

TEST_CASE("seed 002: the repeated 二、 is a numbering finding at the second one") {
  const std::string seed = testing::read_seed("002");
  const auto r = check_ok(seed);
  const auto n = findings(r, "numbering");
  REQUIRE(n.size() == 1);
  CHECK(at(seed, n[0]->span) == "二、主要做法和工作成效");
  CHECK_FALSE(r.meta.published.has_value());  // no date at the end
}

TEST_CASE("seed 003: every 365体育投注 is tampering, the footer is site chrome, the body is 根河市人民政府办公室") {
  const std::string seed = testing::read_seed("003");
  const auto r = check_ok(seed);
  const auto t = findings(r, "tampering");
  CHECK(t.size() == 24);
  for (const auto* f : t) {
    CHECK(f->severity == Severity::error);
    CHECK(at(seed, f->span) == "365体育投注");
  }
  const auto chrome = findings(r, "site-chrome");
  REQUIRE(chrome.size() == 1);
  CHECK(at(seed, chrome[0]->span).rfind("主办:", 0) == 0);
  CHECK(seed.substr(chrome[0]->span.end) == "");  // through the last footer line
  CHECK(r.meta.agency == std::string("根河市人民政府办公室"));
}

TEST_CASE("seed 004: published 2013-03-15 (page header) in time, typo 政府信息开, header is chrome") {
  const std::string seed = testing::read_seed("004");
  const auto r = check_ok(seed);
  CHECK(r.meta.published == std::string("2013-03-15"));
  CHECK(r.meta.year == 2012);
  REQUIRE(r.deadline);
  CHECK(r.deadline->met);
  const auto ty = findings(r, "typo");
  REQUIRE(ty.size() == 1);
  CHECK(at(seed, ty[0]->span) == "政府信息开");
  CHECK(ty[0]->hint == "政府信息公开");
  REQUIRE(findings(r, "site-chrome").size() == 1);
  CHECK(at(seed, findings(r, "site-chrome")[0]->span).rfind("信息来源", 0) == 0);
}

TEST_CASE("negative twins: lottery outlets, 政府信息开放, ordered headings raise nothing") {
  const auto r = check_ok("某市2020年政府信息公开工作年度报告\n一、总体情况\n本年度推进政府信息开放共享，规范体育彩票投注站管理。\n"
                          "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n");
  CHECK(findings(r, "tampering").empty());
  CHECK(findings(r, "typo").empty());
  CHECK(findings(r, "numbering").empty());
  CHECK(findings(r, "site-chrome").empty());
}

TEST_CASE("deadline: a 2020 department report published 2021-02-15 is late; a government's is not") {
  const std::string body = "\n一、总体情况\n本年度工作平稳有序。\n";
  const auto dept = check_ok("示例市交通运输局2020年政府信息公开工作年度报告" + body + "示例市交通运输局\n2021年2月15日\n");
  CHECK(dept.meta.kind == "department");
  const auto late = findings(dept, "deadline");
  REQUIRE(late.size() == 1);
  CHECK(late[0]->severity == Severity::error);
  CHECK(late[0]->message.find("2021-01-31") != std::string::npos);
  const auto gov = check_ok("示例市人民政府2020年政府信息公开工作年度报告" + body + "示例市人民政府\n二〇二一年二月十五日\n");
  CHECK(gov.meta.kind == "government");
  CHECK(gov.meta.published == std::string("2021-02-15"));
  CHECK(findings(gov, "deadline").empty());
  REQUIRE(gov.deadline);
  CHECK(gov.deadline->met);
  // Who issued it is not known: no verdict on the date.
  const auto unknown = check_ok("2020年政府信息公开工作年度报告" + body + "二〇二一年二月\n");
  CHECK(unknown.meta.published == std::string("2021-02"));
  CHECK_FALSE(unknown.deadline.has_value());
}

TEST_CASE("numbering: a gap between headings is reported; starting an excerpt at 三 is not") {
  const std::string text = "一、总体情况\n二、主动公开政府信息情况\n四、政府信息公开行政复议、行政诉讼情况\n";
  const auto r = check_ok(text);
  const auto n = findings(r, "numbering");
  REQUIRE(n.size() == 1);
  CHECK(at(text, n[0]->span) == "四、政府信息公开行政复议、行政诉讼情况");
  CHECK(findings(check_ok("三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"), "numbering").empty());
}

TEST_CASE("text-sum on the seeds: 000's 1799 holds; 004's 2022人次 is not 171+896+1135; other sums and shares hold") {
  const auto r0 = check_ok(testing::read_seed("000"));
  REQUIRE(r0.text_sums.size() == 1);
  CHECK(r0.text_sums[0].total == "1799条");
  CHECK(r0.text_sums[0].parts == "614+1173+12=1799");
  CHECK(r0.text_sums[0].holds);
  const std::string seed = testing::read_seed("004");
  const auto r = check_ok(seed);
  const auto s = findings(r, "text-sum");
  REQUIRE(s.size() == 1);
  CHECK(at(seed, s[0]->span) == "2022人次");
  CHECK(s[0]->expected == nianbao::Decimal::from_int(2202));
  CHECK(s[0]->actual == nianbao::Decimal::from_int(2022));
  CHECK(s[0]->related.size() == 3);
  CHECK(findings(r, "text-percent").empty());  // 41.31% 43.55% 15.14% 76.8% 23.2% all hold
  // 93 = 7+86 (其中) = 58+35 (the next sentence splits the same total by outcome).
  REQUIRE(r.text_sums.size() == 6);
  CHECK(r.text_sums[5].total == "93条");
  CHECK(r.text_sums[5].parts == "58+35=93");
  REQUIRE(r.text_shares.size() == 5);
  for (const auto& s : r.text_shares) CHECK(s.holds);
  CHECK(r.count(Severity::error) == 1);
}

TEST_CASE("text-percent: a share that does not match its part; a partial 其中 list is not an error") {
  const std::string text = "本年共发布信息100条，其中，网站发布信息40条，占总数的41.0%；微博发布信息60条，占总数的60.0%。\n";
  const auto r = check_ok(text);
  const auto p = findings(r, "text-percent");
  REQUIRE(p.size() == 1);
  CHECK(at(text, p[0]->span) == "40条");
  CHECK(findings(r, "text-sum").empty());
  // 其中 need not list everything: parts below the total are fine.
  const auto partial = check_ok("全年受理申请93件，其中当面受理7件，网络受理50件。\n");
  CHECK(findings(partial, "text-sum").empty());
  CHECK(findings(partial, "text-percent").empty());
  // Approximate figures are not summed.
  const auto approx = check_ok("共接待群众20余人次，其中现场咨询15人次，电话咨询10人次。\n");
  CHECK(findings(approx, "text-sum").empty());
  CHECK(approx.text_sums.empty());
}
