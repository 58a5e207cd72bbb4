// text-table and the chart statistics: figures of the text against the tables, on twins of the
// clean report.
#include <doctest/doctest.h>

#include "helpers.hpp"

using nianbao::Decimal;
using nianbao::Severity;
using testing::at;
using testing::check_ok;
using testing::findings;
using testing::replaced;
using testing::rules_of;

TEST_CASE("text-table: a figure of the text that is not the table's, with both spans") {
  const std::string text = replaced(testing::clean_report(), "予以公开108件", "予以公开106件");
  const auto r = check_ok(text);
  REQUIRE(rules_of(r) == "text-table");
  const auto& f = r.findings[0];
  CHECK(f.severity == Severity::error);
  CHECK(at(text, f.span) == "106件");
  CHECK(f.expected == Decimal::from_int(108));
  CHECK(f.actual == Decimal::from_int(106));
  REQUIRE(f.related.size() == 1);
  CHECK(at(text, f.related[0]) == "108");  // the （一）予以公开 总计 cell
  CHECK(f.message.find("表三") != std::string::npos);
}

TEST_CASE("text-table: a group is the sum of its rows; 法人或其他组织 the sum of five columns") {
  const std::string clean = testing::clean_report();
  const std::string text = replaced(clean, "无法提供52件", "无法提供50件");
  const auto r = check_ok(text);
  REQUIRE(rules_of(r) == "text-table");
  CHECK(r.findings[0].related.size() == 3);  // 44 + 5 + 3
  const auto org = check_ok(replaced(clean, "法人或其他组织申请17件", "法人或其他组织申请16件"));
  // 200 + 16 < 217 keeps the text's own sum quiet; the table says 17.
  REQUIRE(rules_of(org) == "text-table");
  CHECK(org.findings[0].related.size() == 5);
}

TEST_CASE("text-table: 废止1件 takes its row from the clause before") {
  const auto r = check_ok(replaced(testing::clean_report(), "废止1件", "废止2件"));
  REQUIRE(rules_of(r) == "text-table");
  CHECK(r.findings[0].message.find("行政规范性文件") != std::string::npos);
  CHECK(r.findings[0].message.find("本年废止件数") != std::string::npos);
}

TEST_CASE("text-table: 所有申请均已办结 beside 结转下年度 18 is a contradiction; about last year's it is not") {
  const std::string clean = testing::clean_report();
  const std::string text = replaced(clean, "结转下年度继续办理18件。", "结转下年度继续办理18件。所有申请均已按期办结。");
  const auto r = check_ok(text);
  REQUIRE(rules_of(r) == "text-table");
  CHECK(at(text, r.findings[0].span) == "均已按期办结");
  CHECK(r.findings[0].expected == Decimal::from_int(18));
  const auto last_year = check_ok(replaced(clean, "上年结转5件。", "上年结转5件，上年结转的申请均已办结。"));
  CHECK(last_year.findings.empty());
}

TEST_CASE("text-table: 无依申请公开 beside a table with applications is a contradiction") {
  const std::string clean = testing::clean_report();
  const std::string text = replaced(clean, "本年度未收取信息处理费。", "本年度未收取信息处理费。本年度无依申请公开事项。");
  const auto r = check_ok(text);
  REQUIRE(rules_of(r) == "text-table");
  CHECK(r.findings[0].message.find("217") != std::string::npos);
  // "未发生因依申请公开引起的行政复议": about reviews, not applications; reviews were 7 though.
  const auto review = check_ok(replaced(clean, "本年度未收取信息处理费。", "本年度未收取信息处理费。本年度未发生因依申请公开引起的行政复议。"));
  const auto f = findings(review, "text-table");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->message.find("行政复议") != std::string::npos);
}

TEST_CASE("text-table: a part of the body may not exceed the table; another body's figure only prompts") {
  const std::string clean = testing::clean_report();
  // 市直各部门 received 300 of the body's 217: impossible, but the scope is the text's.
  const auto part = check_ok(replaced(clean, "上年结转5件。", "上年结转5件。市直各部门共收到政府信息公开申请300件。"));
  const auto p = findings(part, "text-table");
  REQUIRE(p.size() == 1);
  CHECK(p[0]->severity == Severity::warning);
  // 150 of them is a part and fine.
  const auto fine = check_ok(replaced(clean, "上年结转5件。", "上年结转5件。市直各部门共收到政府信息公开申请150件。"));
  CHECK(fine.findings.empty());
  bool listed = false;
  for (const auto& t : fine.text_figures) listed = listed || (t.scope == "part" && t.holds && t.text.find("150") != std::string::npos);
  CHECK(listed);
  // "区政府办代表区政府受理…17件": another body's count.
  const auto other = check_ok(replaced(clean, "上年结转5件。", "上年结转5件。区政府办代表区政府受理政府信息公开申请17件。"));
  const auto o = findings(other, "text-table");
  REQUIRE(o.size() == 1);
  CHECK(o[0]->severity == Severity::warning);
}

TEST_CASE("text-table: approximate figures and two categories together are not compared") {
  const std::string clean = testing::clean_report();
  const auto approx = check_ok(replaced(clean, "上年结转5件。", "上年结转5件。全年收到政府信息公开申请200余件。"));
  CHECK(approx.findings.empty());
  const auto joined = check_ok(replaced(clean, "上年结转5件。", "上年结转5件。不予公开或无法提供57件。"));
  CHECK(joined.findings.empty());
}

TEST_CASE("text-table without tables compares nothing; legacy reports compare with the 统计表") {
  CHECK(check_ok(testing::read_seed("004")).text_figures.empty());
  const std::string seed = testing::read_seed("003");
  const std::string text = replaced(seed, "行政复议数量为1件", "行政复议数量为2件");
  const auto r = check_ok(text);
  const auto f = findings(r, "text-table");
  REQUIRE(f.size() == 1);
  CHECK(at(text, f[0]->span) == "2件");
  CHECK(f[0]->message.find("统计表「四、行政复议数量」") != std::string::npos);
}

TEST_CASE("charts and rates from the clean report's tables") {
  const auto r = check_ok(testing::clean_report());
  auto chart = [&](const std::string& id) -> const nianbao::Chart* {
    for (const auto& c : r.charts)
      if (c.id == id) return &c;
    return nullptr;
  };
  const auto* results = chart("results");
  REQUIRE(results);
  REQUIRE(results->items.size() == 6);
  CHECK(results->items[2].first == "不予公开");
  CHECK(results->items[2].second == Decimal::from_int(5));
  CHECK(results->items[5].second == Decimal::from_int(5));  // （六）其他处理: 1 + 0 + 4
  const auto* applicants = chart("applicants");
  REQUIRE(applicants);
  CHECK(applicants->items[0].second == Decimal::from_int(200));
  REQUIRE(chart("litigation"));
  CHECK(chart("litigation")->items[0].second == Decimal::from_int(13));  // 0 + 13
  auto rate = [&](const std::string& id) -> const nianbao::Rate* {
    for (const auto& x : r.rates)
      if (x.id == id) return &x;
    return nullptr;
  };
  REQUIRE(rate("open_rate"));
  CHECK(rate("open_rate")->numerator == Decimal::from_int(129));
  CHECK(rate("open_rate")->denominator == Decimal::from_int(204));
  CHECK(rate("open_rate")->percent.to_string() == "63.24");
  REQUIRE(rate("review_correction_rate"));
  CHECK(rate("review_correction_rate")->percent.to_string() == "16.67");  // 1 ÷ (7 − 1)
  REQUIRE(rate("litigation_correction_rate"));
  CHECK(rate("litigation_correction_rate")->percent.to_string() == "10.53");  // 2 ÷ 19
  bool requests = false;
  for (const auto& f : r.figures) requests = requests || (f.id == "requests" && f.value == Decimal::from_int(217));
  CHECK(requests);
  // A blank cell leaves its series out rather than counting it as 0.
  auto rows = testing::t3_2021_rows();
  rows[0].values[1] = "—";
  const auto blank = check_ok(testing::t3_t4_text(rows, testing::t4_values()));
  for (const auto& c : blank.charts) CHECK(c.id != "applicants");
}

TEST_CASE("主动公开 total: from the legacy table, else as the text states it for the whole body") {
  const auto legacy = check_ok(testing::read_seed("003"));
  REQUIRE_FALSE(legacy.figures.empty());
  CHECK(legacy.figures[0].id == "published");
  CHECK(legacy.figures[0].source == "table");
  CHECK(legacy.figures[0].value == Decimal::from_int(8359));
  const std::string seed = testing::read_seed("000");
  const auto text = check_ok(seed);
  REQUIRE_FALSE(text.figures.empty());
  CHECK(text.figures[0].source == "text");
  CHECK(text.figures[0].value == Decimal::from_int(1799));
  REQUIRE(text.figures[0].span);
  CHECK(at(seed, *text.figures[0].span) == "1799條");
  // "通过门户网站主动公开…1268条" counts one channel, not the body's total.
  for (const auto& f : check_ok(testing::clean_report()).figures) CHECK(f.id != "published");
}

TEST_CASE("text-table negative twins: a reason names one row of a group; counts of other things are not cells") {
  const std::string clean = testing::clean_report();
  const std::string add_to = "上年结转5件。";
  for (const std::string extra : {"因本机关不掌握相关政府信息而无法提供30件。",  // one row of （四）: at most 52
                                  "梳理行政许可事项213项。",                        // items, not decisions
                                  "本年度无依申请公开收费情况。",                    // about fees, not applications
                                  "其中通过网上申请提交的申请100件。"}) {
    const auto r = check_ok(replaced(clean, add_to, add_to + extra));
    CHECK_MESSAGE(r.findings.empty(), extra << " -> " << testing::rules_of(r));
  }
  const std::string seed = testing::read_seed("003");
  const auto legacy = check_ok(replaced(seed, "现已圆满完成培训任务,", "现已圆满完成培训任务,参加上级组织的培训3人次,"));
  CHECK(findings(legacy, "text-table").empty());
}

TEST_CASE("a county government's report in other words raises nothing; its 建议提案 均已办结 is not about applications") {
  const std::string text = testing::read_fixture("narrative/county.txt");
  const auto r = check_ok(text);
  for (const auto& f : r.findings) MESSAGE(nianbao::rule_id(f.rule) << ": " << f.message);
  CHECK(r.findings.empty());
  CHECK(r.meta.kind == nianbao::BodyKind::government);
  REQUIRE(r.deadline);
  CHECK(r.deadline->due == "2023-03-31");
  // Said of the applications, the same words contradict the 18 carried over.
  const auto twin = check_ok(replaced(text, "县政协委员提案112件，均已按期办结", "县政协委员提案112件。全年政府信息公开申请均已按期办结"));
  REQUIRE(testing::rules_of(twin) == "text-table");
  CHECK(twin.findings[0].expected == Decimal::from_int(18));
}

TEST_CASE("t2-township-rules: a township that reports 规章 it made; a department may") {
  const std::string clean = testing::clean_report();
  std::string township = clean;
  for (std::size_t at = township.find("示例市交通运输局"); at != std::string::npos; at = township.find("示例市交通运输局", at))
    township.replace(at, std::string("示例市交通运输局").size(), "示例县城关镇人民政府");
  const std::string with_rules = replaced(township, "规章 | 0 | 0 | 0", "规章 | 2 | 0 | 2");
  const auto r = check_ok(with_rules);
  const auto f = findings(r, "t2-township-rules");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->severity == Severity::warning);
  CHECK(f[0]->actual == Decimal::from_int(2));
  CHECK(f[0]->message.find("示例县城关镇人民政府") != std::string::npos);
  CHECK(at(with_rules, f[0]->span) == "2");
  // None made: nothing to say; a department that reports 规章 is not this rule's business.
  CHECK(findings(check_ok(township), "t2-township-rules").empty());
  CHECK(findings(check_ok(replaced(clean, "规章 | 0 | 0 | 0", "规章 | 2 | 0 | 2")), "t2-township-rules").empty());
}
