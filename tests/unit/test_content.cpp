// What the text must contain and must not: content-required, info-fee, pii, typo, tampering,
// site-chrome; twins of the clean report and of the seeds.
#include <doctest/doctest.h>

#include "helpers.hpp"

using nianbao::Severity;
using testing::at;
using testing::check_ok;
using testing::findings;
using testing::replaced;
using testing::rules_of;

TEST_CASE("content-required: 一、总体情况 of a 2021 report covers five topics") {
  const std::string text = replaced(testing::clean_report(), "（五）监督保障。将政府信息公开工作纳入年度绩效考核，组织业务培训2次，培训86人次。\n", "");
  const auto r = check_ok(text);
  REQUIRE(rules_of(r) == "content-required");
  CHECK(r.findings[0].message.find("监督保障") != std::string::npos);
  CHECK(at(text, r.findings[0].span) == "一、总体情况");
  // The 2019 format had no such list: a 2020 report is not held to it (seed 001 raises none).
  CHECK(findings(check_ok(testing::read_seed("001")), "content-required").empty());
}

TEST_CASE("content-required: a government's report states 工作考核、社会评议和责任追究") {
  const std::string clean = testing::clean_report();
  // The same report issued by a government: its text never mentions 社会评议 or 责任追究.
  std::string gov = replaced(clean, "示例市交通运输局2022年", "示例市人民政府2022年");
  gov = replaced(gov, "示例市交通运输局\n2023年1月20日", "示例市人民政府\n2023年1月20日");
  const auto r = check_ok(gov);
  CHECK(r.meta.kind == nianbao::BodyKind::government);
  REQUIRE(rules_of(r) == "content-required");
  CHECK(r.findings[0].message.find("社会评议、责任追究结果") != std::string::npos);
  const auto ok = check_ok(replaced(gov, "纳入年度绩效考核", "纳入年度绩效考核，开展社会评议，落实责任追究"));
  CHECK(ok.findings.empty());
}

TEST_CASE("content-required: 五 states problems and improvements; a legacy report the 2008 contents") {
  const std::string clean = testing::clean_report();
  const auto r = check_ok(replaced(clean, "2023年，我局将进一步丰富解读形式，加强业务培训，提升答复质量。", ""));
  REQUIRE(rules_of(r) == "content-required");
  CHECK(r.findings[0].message.find("改进情况") != std::string::npos);
  // Seed 000 says nothing of fees or of its problems (2008 条例 第三十二条); seed 004 says both.
  const auto s0 = check_ok(testing::read_seed("000"));
  const auto c = findings(s0, "content-required");
  REQUIRE(c.size() == 2);
  CHECK(c[0]->message.find("收费及减免") != std::string::npos);
  CHECK(c[1]->message.find("存在的主要问题") != std::string::npos);
  for (const auto* f : c) CHECK(f->severity == Severity::warning);
  CHECK(findings(check_ok(testing::read_seed("004")), "content-required").empty());
}

TEST_CASE("info-fee: a 2021-format report says whether 信息处理费 was collected") {
  const std::string clean = testing::clean_report();
  const std::string text = replaced(clean, "本年度未收取信息处理费。", "无。");
  const auto r = check_ok(text);
  REQUIRE(rules_of(r) == "info-fee");
  CHECK(at(text, r.findings[0].span) == "六、其他需要报告的事项");
  // Said in other words, it is said.
  CHECK(check_ok(replaced(clean, "本年度未收取信息处理费。", "本年度未向申请人收取任何费用。")).findings.empty());
  // Before 2021 it was not asked for.
  CHECK(findings(check_ok(testing::read_seed("001")), "info-fee").empty());
}

TEST_CASE("pii: ID numbers (valid check digit) are errors, personal mobiles warnings; office lines and masks are fine") {
  const std::string clean = testing::clean_report();
  const std::string id = replaced(clean, "（地址：示例市人民路1号", "（联系人身份证号11010519491231002X，地址：示例市人民路1号");
  const auto r = check_ok(id);
  REQUIRE(rules_of(r) == "pii");
  CHECK(r.findings[0].severity == Severity::error);
  CHECK(at(id, r.findings[0].span) == "11010519491231002X");
  // The same digits with a wrong check digit are not an ID number.
  CHECK(check_ok(replaced(clean, "（地址：", "（联系人身份证号110105194912310021，地址：")).findings.empty());
  const std::string mobile = replaced(clean, "电话：0411-12345678", "手机：13812345678");
  const auto m = check_ok(mobile);
  REQUIRE(rules_of(m) == "pii");
  CHECK(m.findings[0].severity == Severity::warning);
  CHECK(at(mobile, m.findings[0].span) == "13812345678");
  CHECK(check_ok(replaced(clean, "电话：0411-12345678", "手机：138****5678")).findings.empty());
  const auto home = check_ok(replaced(clean, "（地址：示例市人民路1号", "（申请人家庭住址为示例市幸福小区3号楼"));
  REQUIRE(rules_of(home) == "pii");
  // Digits of a crawled table row are not phone numbers (the shape fixtures raise none).
  CHECK(findings(check_ok(testing::read_fixture("reports/r2021-err/runtogether.txt")), "pii").empty());
}

TEST_CASE("typo: corrupted fixed terms; the legitimate words around them are not") {
  const std::string clean = testing::clean_report();
  const std::string text = replaced(clean, "被申请行政复议7件", "被申请行政复以7件");
  const auto r = check_ok(text);
  REQUIRE(rules_of(r) == "typo");
  CHECK(r.findings[0].hint == "行政复议");
  const auto ok = check_ok("某市2020年政府信息公开工作年度报告\n一、总体情况\n本年度推进政府信息开放共享，政府信息开发利用。\n");
  CHECK(findings(ok, "typo").empty());
}

TEST_CASE("tampering: injected gambling text is an error; a report on fighting gambling is not tampered") {
  const std::string clean = testing::clean_report();
  const std::string text = replaced(clean, "均为复议后起诉。", "均为复议后起诉。澳门百家乐在线开户送彩金。");
  const auto r = check_ok(text);
  const auto t = findings(r, "tampering");
  REQUIRE(t.size() == 3);  // 百家乐, 开户送, 彩金: every word spanned
  REQUIRE(rules_of(r) == "tampering,tampering,tampering");
  const auto fight = check_ok(replaced(clean, "均为复议后起诉。", "均为复议后起诉。配合公安机关打击六合彩等非法赌博活动。"));
  CHECK(fight.findings.empty());
  const auto outlet = check_ok("某市2020年政府信息公开工作年度报告\n一、总体情况\n规范体育彩票投注站管理。\n");
  CHECK(findings(outlet, "tampering").empty());
}

TEST_CASE("site-chrome: breadcrumbs, print buttons and footers are set aside; 首页 in a sentence is not chrome") {
  const auto r = check_ok("首页 > 政务公开 > 年度报告\n示例市2022年政府信息公开工作年度报告\n一、总体情况\n"
                          "首页设置政府信息公开专栏。\n【打印本页】 【关闭窗口】\n");
  const auto c = findings(r, "site-chrome");
  REQUIRE(c.size() == 2);
  REQUIRE(findings(r, "title").empty());  // the title is the line after the breadcrumb
  CHECK(r.meta.agency == std::string("示例市"));
}

TEST_CASE("repeats: one typo in several places is one finding; different words stay apart") {
  const std::string clean = testing::clean_report();
  std::string text = replaced(clean, "均为复议后起诉。", "均为复议后起诉。澳门百家乐。");
  text = replaced(text, "本年度未收取信息处理费。", "本年度未收取信息处理费。澳门百家乐。");
  const auto r = check_ok(text);
  const auto t = findings(r, "tampering");
  REQUIRE(t.size() == 1);  // 百家乐 twice: one defect, two places
  REQUIRE(t[0]->occurrences.size() == 2);
  CHECK(at(text, t[0]->occurrences[0]) == "百家乐");
  CHECK(at(text, t[0]->occurrences[1]) == "百家乐");
  CHECK(t[0]->occurrences[0].start < t[0]->occurrences[1].start);
  CHECK(t[0]->message.find("（共2处）") != std::string::npos);
  CHECK(r.count(Severity::error) == 1);
}
