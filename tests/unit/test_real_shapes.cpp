// The narrative on shapes real reports arrive in (issue 14): crawls with the body on one line and
// a header block, PDF text and OCR markdown, and the ways people write figures that are right.
#include <doctest/doctest.h>

#include "helpers.hpp"

using nianbao::Severity;
using testing::at;
using testing::check_ok;
using testing::findings;
using testing::read_fixture;
using testing::replaced;
using testing::rules_of;

namespace {

std::string sections_of(const nianbao::Report& r) {
  std::string out;
  for (const auto& s : r.sections) out += s.number;
  return out;
}

/// Findings a reviewer reads (warnings and errors), as rule ids.
std::string warnings_of(const nianbao::Report& r) {
  std::string out;
  for (const auto& f : r.findings)
    if (f.severity != Severity::info && nianbao::rule_id(f.rule).rfind("cell-", 0) != 0) out += (out.empty() ? "" : ",") + std::string(nianbao::rule_id(f.rule));
  return out;
}

}  // namespace

TEST_CASE("a crawl with a header block and the body on one line: headings, signature, date found inline") {
  const std::string text = read_fixture("shapes/narrative/flat-crawl.txt");
  const auto r = check_ok(text);
  CHECK(sections_of(r) == "一二三四五六");
  CHECK(warnings_of(r).empty());  // no section-missing, no info-fee, no signature warning
  REQUIRE(r.meta.agency);
  CHECK(*r.meta.agency == "示例市交通运输局");
  CHECK(r.meta.published == "2023-01-20");  // the header's 发布时间 (and the signature agrees)
  REQUIRE(r.deadline);
  CHECK(r.deadline->source == "网页发布时间");
  // The level-2 items inline are subsections, with spans inside the line.
  REQUIRE(r.sections.size() == 6);
  CHECK(r.sections[0].subsections.size() == 5);
  CHECK(at(text, r.sections[4].span) == "五、存在的主要问题及改进情况");
}

TEST_CASE("a flattened crawl's defects: a whole list below its total, 一是…三是…三是") {
  const auto r = check_ok(read_fixture("shapes/narrative/flat-crawl-defects.txt"));
  REQUIRE(findings(r, "text-sum").size() == 1);
  CHECK(findings(r, "text-sum")[0]->severity == Severity::error);
  CHECK(findings(r, "text-sum")[0]->message.find("小于所述总数1268条") != std::string::npos);
  CHECK(findings(r, "numbering").size() == 2);  // 二是 missing, 三是 twice
}

TEST_CASE("the table's rows are never headings, and not split at their items, inside a flattened line") {
  // Row labels 一、本年新收… glued to digits stay in the table's piece.
  const auto r = check_ok(read_fixture("shapes/narrative/flat-crawl.txt"));
  CHECK(findings(r, "numbering").empty());
  CHECK(findings(r, "section-order").empty());
}

TEST_CASE("text-sum: a list below its total is partial unless it is whole") {
  const std::string clean = testing::clean_report();
  const std::string from = "其中政策文件46条，占3.6%，工作动态1015条，规划计划207条。";
  // A part for the rest: the list is whole, 1261 < 1268 is an error.
  const auto whole = check_ok(replaced(clean, from, "其中政策文件46条，工作动态1015条，其他类信息200条。"));
  REQUIRE(findings(whole, "text-sum").size() == 1);
  // 等 closes the same list: it is partial.
  CHECK(findings(check_ok(replaced(clean, from, "其中政策文件46条，工作动态1015条，其他类信息200条等。")), "text-sum").empty());
  // A category named 其他处理 is not the rest.
  CHECK(findings(check_ok(replaced(clean, from, "其中政策文件46条，工作动态1015条，其他处理200条。")), "text-sum").empty());
  // The 公开属性 partition is whole: 198 + 142 + 137 = 477 < 510.
  const auto attr = check_ok(replaced(clean, from, "制作政府信息总数510条，其中主动公开政府信息198条，依申请公开信息数142条，不予公开信息数137条。"));
  REQUIRE(findings(attr, "text-sum").size() == 1);
  // ... and its 不予公开 is not 表三's.
  for (const auto* f : findings(attr, "text-table")) CHECK(f->message.find("137") == std::string::npos);
  // Parts in brackets are parts of a part; a bracket opened before 其中 ends the list.
  CHECK(findings(check_ok(replaced(clean, from, "其中政策文件46条，工作动态1222条（其中图片新闻22条、文字1200条）。")), "text-sum").empty());
  CHECK(findings(check_ok(replaced(clean, from, "(其中政策文件46条，工作动态1015条，规划计划207条)。")), "text-sum").empty());
}

TEST_CASE("受理/办理 figures: 新收, 新收 + 上年结转, （七）总计 or （七）总计 + 结转; the reading is said") {
  const std::string clean = testing::clean_report();
  const std::string from = "全年共收到政府信息公开申请217件，其中自然人申请200件，法人或其他组织申请17件；上年结转5件。";
  // 222 = 217 + 5 (with the carried-over); 205 = 200 + 5 for 自然人; the aside's 5 is no total.
  const auto r = check_ok(replaced(clean, from, "全年共受理政府信息公开申请222件（含上年结转5件），其中自然人申请205件，法人或其他组织申请17件。"));
  CHECK(findings(r, "text-table").empty());
  CHECK(findings(r, "text-sum").empty());
  bool said = false;
  for (const auto& x : r.text_figures) said = said || (x.cell == "T3/新收+上年结转/总计" && x.holds);
  CHECK(said);
  // 222 = （七）总计 204 + 结转 18 as well; 230 fits no reading: an error naming the readings tried.
  const auto bad = check_ok(replaced(clean, from, "全年共受理政府信息公开申请230件。"));
  REQUIRE(findings(bad, "text-table").size() == 1);
  CHECK(findings(bad, "text-table")[0]->message.find("新收+上年结转222") != std::string::npos);
}

TEST_CASE("未发生…被行政复议纠错或行政诉讼败诉 speaks of 结果纠正") {
  const std::string clean = testing::clean_report();
  const std::string from = "全年因政府信息公开工作被申请行政复议7件，其中结果维持2件、结果纠正1件、其他结果3件、尚未审结1件；被提起行政诉讼19件，均为复议后起诉。";
  const std::string t4 = "2 | 1 | 3 | 1 | 7 | 0 | 0 | 0 | 0 | 0 | 13 | 2 | 4 | 0 | 19 |";
  const std::string none = "全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。";
  // No case corrected: it holds although there were cases.
  const auto holds = check_ok(replaced(replaced(clean, from, none), t4, "3 | 0 | 3 | 1 | 7 | 0 | 0 | 0 | 0 | 0 | 15 | 0 | 4 | 0 | 19 |"));
  CHECK(findings(holds, "text-table").empty());
  // One corrected: the statement is contradicted by 结果纠正, not by 总计.
  const auto wrong = check_ok(replaced(clean, from, none));
  REQUIRE(findings(wrong, "text-table").size() == 2);
  CHECK(findings(wrong, "text-table")[0]->message.find("结果纠正") != std::string::npos);
}

TEST_CASE("所有申请均已办理完成 against applications carried over") {
  const std::string clean = testing::clean_report();
  const auto r = check_ok(replaced(clean, "结转下年度继续办理18件。", "所有申请均已按要求办理完成。"));
  REQUIRE(findings(r, "text-table").size() == 1);
  CHECK(findings(r, "text-table")[0]->message.find("18") != std::string::npos);
  // 上年结转 named earlier in the sentence: the clause with its own subject (所有申请) still
  // speaks of every application, so it still contradicts 结转 18.
  const auto after = check_ok(replaced(clean, "上年结转5件。办结204件", "上年结转5件，所有申请均已按要求办理完成。办结204件"));
  bool found = false;
  for (const auto* f : findings(after, "text-table")) found = found || f->message.find("均已按要求办理完成") != std::string::npos;
  CHECK(found);
  // Without a subject of its own, such a clause may be about the carried-over ones: not read.
  const auto unowned = check_ok(replaced(clean, "上年结转5件。办结204件", "上年结转5件，均已按要求办理完成。办结204件"));
  for (const auto* f : findings(unowned, "text-table")) CHECK(f->message.find("办理完成") == std::string::npos);
}

TEST_CASE("PDF text: a title over two lines with '2022 年' has its year; the body is read from it") {
  const auto r = check_ok(read_fixture("shapes/narrative/pdf-title.txt"));
  CHECK(findings(r, "title").empty());
  REQUIRE(r.meta.year);
  CHECK(*r.meta.year == 2022);
  REQUIRE(r.meta.agency);
  CHECK(*r.meta.agency == "示例市交通运输局");
  // A title over two lines, the year on the first.
  const auto two = check_ok(replaced(testing::clean_report(), "示例市交通运输局2022年政府信息公开工作年度报告\n",
                                     "2022 年示例市交通运输局政府信息公开\n工作年度报告\n"));
  CHECK(findings(two, "title").empty());
  REQUIRE(two.meta.year);
  CHECK(*two.meta.year == 2022);
}

TEST_CASE("markdown: # headings are headings; the title's body and year are read") {
  const auto r = check_ok(read_fixture("shapes/narrative/markdown-headings.md"));
  CHECK(sections_of(r) == "一二三四五六");
  CHECK(findings(r, "section-missing").empty());
  CHECK(findings(r, "title").empty());
  REQUIRE(r.meta.agency);
  CHECK(*r.meta.agency == "示例市交通运输局");
}

TEST_CASE("表三's row labels as plain lines are not headings") {
  const std::string clean = testing::clean_report();
  const auto r = check_ok(replaced(clean, "四、政府信息公开行政复议、行政诉讼情况\n",
                                   "一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n三、本年度办理结果\n（一）予以公开\n"
                                   "四、政府信息公开行政复议、行政诉讼情况\n"));
  CHECK(findings(r, "numbering").empty());
  CHECK(findings(r, "section-order").empty());
  CHECK(sections_of(r) == "一二三四五六");
}

TEST_CASE("一是 after a run-in heading opens a list") {
  const std::string clean = testing::clean_report();
  const auto r = check_ok(replaced(clean, "但仍存在一些不足：一是政策解读形式较为单一；二是依申请公开",
                                   "但仍存在一些不足。1.解读方面一是政策解读形式较为单一；二是形式少。2.答复方面一是依申请公开"));
  CHECK(findings(r, "numbering").empty());
}

TEST_CASE("a converter's fragments of 表三 labels outside the table are not headings") {
  const std::string clean = testing::clean_report();
  const auto r = check_ok(replaced(clean, "四、政府信息公开行政复议、行政诉讼情况\n",
                                   "（四）无\n2.其他法律行政法规禁\n止公开\n（二）部分公开（区分处理的，只\n四、政府信息公开行政复议、行政诉讼情况\n"));
  CHECK(findings(r, "numbering").empty());
  CHECK(sections_of(r) == "一二三四五六");
}

TEST_CASE("the year of a title over two lines, the year on the first") {
  // (The opening "2022 年，…" has the year too; the statistics period does not say it first.)
  const auto r = check_ok(replaced(replaced(testing::clean_report(), "示例市交通运输局2022年政府信息公开工作年度报告\n",
                                            "正文\n2022 年示例市交通运输局政府信息公开\n工作年度报告\n"),
                                   "2022年，示例市交通运输局坚持", "示例市交通运输局坚持"));
  REQUIRE(r.meta.year);
  CHECK(*r.meta.year == 2022);
  CHECK(findings(r, "title").empty());
}

TEST_CASE("a second numbering system at the top level is said once") {
  const auto r = check_ok("一、总体情况\n甲。\n二、工作机制\n乙。\n三、平台建设\n丙。\n一、主动公开政府信息情况\n丁。\n二、收到和处理政府信息公开申请情况\n戊。\n");
  const auto n = findings(r, "numbering");
  REQUIRE(n.size() == 1);
  CHECK(n[0]->message.find("两套") != std::string::npos);
}

TEST_CASE("section 五 written as a lower heading that names its problems and improvements is there, misplaced") {
  const std::string clean = testing::clean_report();
  const auto r = check_ok(replaced(clean, "五、存在的主要问题及改进情况\n", "（一）2022年工作中存在问题的改进情况\n"));
  CHECK(findings(r, "section-missing").empty());
  REQUIRE(findings(r, "section-order").size() == 1);
  // Two headings, one for the problems and one for the improvements: the section is missing.
  const auto two = check_ok(replaced(clean, "五、存在的主要问题及改进情况\n", "（一）主要问题\n（二）改进情况\n"));
  CHECK(findings(two, "section-missing").size() == 1);
}

TEST_CASE("a figure no split of a crawled row's digits can give is an error; one some split gives is not") {
  const std::string flat = read_fixture("shapes/narrative/flat-crawl.txt");
  // Only the figure in force is off: no split of "3122" gives 25.
  const auto only = check_ok(replaced(replaced(flat, "制发行政规范性文件3件，废止1件，", ""), "现行有效行政规范性文件22件",
                                      "现行有效行政规范性文件25件"));
  REQUIRE(findings(only, "text-table").size() == 1);
  CHECK(findings(only, "text-table")[0]->severity == Severity::error);
  CHECK(findings(only, "text-table")[0]->message.find("3122") != std::string::npos);
  // 12 is in "3122" (3|12|2): alone, the row stays ambiguous and the text is not contradicted.
  CHECK(findings(check_ok(replaced(replaced(flat, "制发行政规范性文件3件，废止1件，", ""), "现行有效行政规范性文件22件",
                                   "现行有效行政规范性文件12件")),
                 "text-table")
            .empty());
  // Beside 制发 3 and 废止 1, each stated figure narrows the splits on its own: 3|1|22 is read,
  // and the figure no split gives (25), or that the other two rule out (12), is the text's error.
  for (const char* in_force : {"现行有效行政规范性文件25件", "现行有效行政规范性文件12件"}) {
    const auto r = check_ok(replaced(flat, "现行有效行政规范性文件22件", in_force));
    REQUIRE(findings(r, "text-table").size() == 1);
    CHECK(findings(r, "text-table")[0]->message.find("填报的22") != std::string::npos);
  }
}

TEST_CASE("a long paragraph listing the parts by number is not a flattened body") {
  std::string text = testing::clean_report();
  text = replaced(text, "如对本报告有疑问，", "本报告包括一、总体情况，二、主动公开政府信息情况，三、收到和处理政府信息公开申请情况，"
                                           "四、政府信息公开行政复议、行政诉讼情况，五、存在的主要问题及改进情况，六、其他需要报告的事项等六部分。"
                                           "本报告所列数据均来自本机关的工作台账和各业务处室报送的统计数据，经逐项核对后汇总形成，如对本报告有疑问，");
  const auto r = check_ok(text);
  CHECK(sections_of(r) == "一二三四五六");
  CHECK(findings(r, "numbering").empty());
  CHECK(findings(r, "section-order").empty());
}

TEST_CASE("with two numbering systems, numbers do not place the parts; a 五 that is not the fifth part has no problems to state") {
  const std::string text =
      "示例市交通运输局2022年政府信息公开工作年度报告\n一、总体情况\n甲。\n二、工作机制\n乙。\n三、主动公开工作情况\n丙。\n四、政府信息公开申请情况\n丁。\n五、政府信息管理\n加强管理。\n"
      "一、主动公开政府信息情况\n戊。\n二、收到和处理政府信息公开申请情况\n己。\n";
  const auto r = check_ok(text);
  REQUIRE(findings(r, "numbering").size() == 1);
  // (Without the restart, 三、主动公开工作情况 would be told its number should be 二.)
  const auto one = check_ok(replaced(text, "一、主动公开政府信息情况\n戊。\n二、收到和处理政府信息公开申请情况\n己。\n", ""));
  bool numbered = false;
  for (const auto* f : findings(one, "section-order")) numbered = numbered || f->message.find("序号应为") != std::string::npos;
  CHECK(numbered);
  for (const auto* f : findings(r, "section-order")) CHECK(f->message.find("序号应为") == std::string::npos);
  for (const auto* f : findings(r, "content-required")) CHECK(f->message.find("五、存在的主要问题") == std::string::npos);
}

TEST_CASE("a heading that differs from the format's by a typo is said once, as the typo") {
  const auto r = check_ok(replaced(testing::clean_report(), "四、政府信息公开行政复议、行政诉讼情况\n", "四、政府信息公开行政法复议、行政诉讼情况\n"));
  CHECK(rules_of(r) == "typo");
}

TEST_CASE("percentages hold at the stated precision: 占比8% for 3072÷38954") {
  const std::string clean = testing::clean_report();
  const auto r = check_ok(replaced(clean, "全年通过门户网站主动公开政府信息1268条，其中政策文件46条，占3.6%，工作动态1015条，规划计划207条。",
                                   "全年通过门户网站主动公开政府信息38954条，其中政策文件3072条，占比8%，工作动态35882条，占比92%。"));
  CHECK(findings(r, "text-percent").empty());
  bool checked = false;
  for (const auto& s : r.text_shares) checked = checked || (s.share == "8%" && s.holds);
  CHECK(checked);
}

TEST_CASE("a 信息处理费 statement anywhere in the report satisfies info-fee") {
  const std::string clean = testing::clean_report();
  for (const char* said : {"2023年，无收取信息处理费情况。", "本年度没有产生信息公开处理费。", "本机关依申请提供政府信息，不收取费用。"})
    CHECK(findings(check_ok(replaced(clean, "本年度未收取信息处理费。", said)), "info-fee").empty());
  // In 一、总体情况 rather than 六.
  const auto moved = check_ok(replaced(replaced(clean, "本年度未收取信息处理费。", "无。"), "全面推进政府信息公开工作。",
                                       "全面推进政府信息公开工作，全年未收取信息处理费。"));
  CHECK(findings(moved, "info-fee").empty());
  // And none at all is said.
  CHECK(findings(check_ok(replaced(clean, "本年度未收取信息处理费。", "无。")), "info-fee").size() == 1);
}

TEST_CASE("a date in brackets under the title is the publication date when nothing else gives one") {
  std::string text = replaced(testing::clean_report(), "示例市交通运输局2022年政府信息公开工作年度报告\n",
                              "# 示例市交通运输局 2022 年 政府信息公开工作年度报告\n示例市交通运输局\n(2023年2月10日)\n");
  text = replaced(text, "示例市交通运输局\n2023年1月20日\n", "");
  const auto r = check_ok(text);
  REQUIRE(r.meta.published);
  CHECK(*r.meta.published == "2023-02-10");
  REQUIRE(r.deadline);
  CHECK(r.deadline->source == "标题下所注日期");
  CHECK(findings(r, "deadline").size() == 1);  // a department: due 2023-01-31
}

TEST_CASE("a crawled row with no numbers before the next item's number is unread, not a row of that number") {
  const std::string flat = read_fixture("shapes/narrative/flat-crawl.txt");
  const auto r = check_ok(replaced(flat, "行政机关不再处理其政府信息公开申请00000003.其他", "行政机关不再处理其政府信息公开申请3.其他"));
  for (const auto* f : findings(r, "table-shape")) CHECK(f->message.find("“3”") == std::string::npos);
  REQUIRE(findings(r, "table-incomplete").size() == 1);
  CHECK(findings(r, "table-incomplete")[0]->message.find("2.申请人逾期未按收费通知要求缴纳费用") != std::string::npos);
  const auto* t3 = testing::table(r, "T3");
  REQUIRE(t3);
  CHECK(t3->find("（六）其他处理/3.其他", "自然人")->value == nianbao::Decimal::from_int(4));  // the next row keeps its numbers
}
