// Layout text (pdftotext -layout) with labels wrapped round their numbers or printed down merged
// cells, the 2021 （六）其他处理 filled as one row, and table-incomplete (issue 14).
#include <doctest/doctest.h>

#include "helpers.hpp"

using nianbao::Decimal;
using nianbao::Severity;
using testing::findings;
using testing::read_fixture;
using testing::replaced;

TEST_CASE("layout: a label wrapped round its numbers, and labels down merged cells, read by column") {
  const std::string text = read_fixture("shapes/layout/wrapped-labels.txt");
  const auto r = testing::check_ok(text);
  const auto* t3 = testing::table(r, "T3");
  REQUIRE(t3);
  CHECK(t3->cells.size() == 25 * 7);
  // Numbers on the middle line of「（二）部分公开（…只计这一情」/「形，不计其他情形）」.
  CHECK(t3->find("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "总计")->value == Decimal::from_int(21));
  CHECK(t3->find("（五）不予处理/5.要求行政机关确认或重新出具已获取信息", "总计")->value == Decimal::from_int(0));
  // 「2、申请人逾期未按收费通知要」, then「他处理」of the group's column, then the row's numbers.
  CHECK(t3->find("（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "自然人")->value ==
        Decimal::from_int(0));
  CHECK(t3->find("（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "总计")->value ==
        Decimal::from_int(1));
  // Nothing glued wrongly, nothing unread, no label said to differ from the template.
  CHECK(findings(r, "template-label").empty());
  CHECK(findings(r, "table-incomplete").empty());
  CHECK(testing::table_findings(r).empty());
}

TEST_CASE("layout: rows beside the pieces of a vertical label keep their own labels") {
  // 「果」of 三、本年度办理结果 shares the line of 6.属于四类过程性信息, and「（三）不」/「予公开」
  // stand between rows 4 and 5 in another column.
  const std::string text = read_fixture("shapes/layout/wrapped-labels.txt");
  const auto r = testing::check_ok(text);
  const auto* t3 = testing::table(r, "T3");
  REQUIRE(t3);
  CHECK(t3->find("（三）不予公开/6.属于四类过程性信息", "总计")->value == Decimal::from_int(4));
  CHECK(t3->find("（三）不予公开/5.属于三类内部事务信息", "总计")->value == Decimal::from_int(0));
}

TEST_CASE("2021 table with （六）其他处理 as one row: read, and the results sum checked with it") {
  const std::string text = read_fixture("shapes/layout/one-other-row.txt");
  const auto r = testing::check_ok(text);
  CHECK(r.meta.format == nianbao::Format::f2021);
  const auto* t3 = testing::table(r, "T3");
  REQUIRE(t3);
  CHECK(t3->find("（六）其他处理", "总计")->value == Decimal::from_int(5));
  CHECK(findings(r, "table-incomplete").empty());  // its three rows are not missing
  CHECK(testing::table_findings(r).empty());
  // One more in it: （七）总计 no longer sums (自然人 and 总计 columns).
  const std::string wrong = replaced(text, "      （六）其他处理                                             5       0       0       0       0       0       5",
                                     "      （六）其他处理                                             6       0       0       0       0       0       6");
  const auto w = testing::check_ok(wrong);
  const auto results = findings(w, "t3-results");
  REQUIRE(results.size() == 2);
  CHECK(results[0]->severity == Severity::error);
  CHECK(results[0]->expected == Decimal::from_int(191));
  CHECK(results[0]->actual == Decimal::from_int(190));
}

TEST_CASE("table-incomplete: one finding per table names the rows not read and the relations not checked") {
  const std::string text = read_fixture("shapes/layout/rows-left-out.txt");
  const auto r = testing::check_ok(text);
  const auto f = findings(r, "table-incomplete");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->severity == Severity::warning);
  CHECK(f[0]->message.find("表三有2行未能读取") == 0);
  CHECK(f[0]->message.find("「（五）不予处理/3.要求提供公开出版物」、「（五）不予处理/4.无正当理由大量反复申请」") != std::string::npos);
  CHECK(f[0]->message.find("办理结果总计等于各项办理结果之和") != std::string::npos);
  CHECK(f[0]->message.find("总计列等于") != std::string::npos);
  CHECK(f[0]->message.find("第一项加第二项之和") == std::string::npos);  // the balance does not use them
  // The span covers the table as read: from its first cell to its last.
  const auto* t3 = testing::table(r, "T3");
  REQUIRE(t3);
  CHECK(f[0]->span.start == t3->find("一、本年新收政府信息公开申请数量", "自然人")->span.start);
  CHECK(f[0]->span.end == t3->find("四、结转下年度继续办理", "总计")->span.end);
}

TEST_CASE("table-incomplete: a row another finding already names is not listed again") {
  // A row with a number too many: table-shape says so; table-incomplete has nothing else to say.
  const std::string base = read_fixture("reports/r2021-ok/layout.txt");
  const std::string text = replaced(base, "                      2.重复申请                                 2       0       0       0       0       0       2",
                                    "                      2.重复申请                                 2       0       0       0       0       0       2       9");
  const auto r = testing::check_ok(text);
  CHECK(findings(r, "table-shape").size() == 1);
  CHECK(findings(r, "table-incomplete").empty());
}

TEST_CASE("markdown: T4 as three small tables under headings that name their rows") {
  const std::string text = read_fixture("shapes/layout/t4-under-headings.md");
  const auto r = testing::check_ok(text);
  const auto* t4 = testing::table(r, "T4");
  REQUIRE(t4);
  CHECK(t4->cells.size() == 15);
  CHECK(t4->find("行政复议", "总计")->value == Decimal::from_int(7));
  CHECK(t4->find("行政诉讼/未经复议直接起诉", "总计")->value == Decimal::from_int(0));
  CHECK(t4->find("行政诉讼/复议后起诉", "结果维持")->value == Decimal::from_int(13));
  CHECK(testing::table_findings(r).empty());
  // A heading that names no row of the template: its numbers are not placed anywhere.
  const auto other = testing::check_ok(replaced(text, "### 行政诉讼（复议后起诉）", "### 其他情况"));
  const auto* o4 = testing::table(other, "T4");
  REQUIRE(o4);
  CHECK(o4->cells.size() == 10);
  CHECK(o4->find("行政诉讼/复议后起诉", "总计") == nullptr);
  const auto f = findings(other, "table-incomplete");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->message.find("表四有1行未能读取：「行政诉讼/复议后起诉」") == 0);
}

TEST_CASE("markdown: a label over lines above a small table of its numbers; labels stacked apart are not guessed") {
  const std::string text = read_fixture("shapes/layout/markdown-label-above.md");
  const auto r = testing::check_ok(text);
  const auto* t3 = testing::table(r, "T3");
  REQUIRE(t3);
  CHECK(t3->cells.size() == 25 * 7);
  CHECK(t3->find("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "总计")->value == Decimal::from_int(21));
  CHECK(testing::table_findings(r).empty());
  // Two labels stacked above two rows of numbers (a converter's output): the labels say nothing
  // of which row is which, but the rows between 4. and 3.其他 are 5. and 1. in this order
  // (reports keep template order): the two rows of numbers, in document order, are read as
  // those, and an info says how.
  const std::string stacked = replaced(
      text,
      "| 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
      "| （六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n",
      "\n5.要求行政机关确认或重新出具已获取信息\n1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\n"
      "| 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n|---|---|---|---|---|---|---|\n| 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n");
  const auto s = testing::check_ok(stacked);
  const auto* s3 = testing::table(s, "T3");
  REQUIRE(s3);
  CHECK(s3->cells.size() == 25 * 7);
  CHECK(s3->find("（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "总计")->value == Decimal::from_int(1));
  CHECK(s3->find("（五）不予处理/5.要求行政机关确认或重新出具已获取信息", "总计")->value == Decimal::from_int(0));
  CHECK(findings(s, "table-incomplete").empty());
  for (const auto* tf : testing::table_findings(s)) CHECK(nianbao::rule_id(tf->rule) == "table-shape");  // (the info below)
  const auto placed = findings(s, "table-shape");
  REQUIRE(placed.size() == 1);
  CHECK(placed[0]->severity == nianbao::Severity::info);
  // One row of numbers too many for the rows between: which is which is not known, so none is
  // read, and table-incomplete says so.
  const std::string extra = replaced(stacked, "|---|---|---|---|---|---|---|\n| 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n",
                                     "|---|---|---|---|---|---|---|\n| 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n\n| 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n");
  const auto x = testing::check_ok(extra);
  const auto* x3 = testing::table(x, "T3");
  REQUIRE(x3);
  CHECK(x3->find("（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "总计") == nullptr);
  CHECK(x3->find("（五）不予处理/5.要求行政机关确认或重新出具已获取信息", "总计") == nullptr);
  const auto f = findings(x, "table-incomplete");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->message.find("表三有2行未能读取") == 0);
  CHECK(findings(x, "table-shape").empty());
}

TEST_CASE("2021 table with （六）其他处理 as one row: its 总计 column is checked like every row's") {
  const std::string text = read_fixture("shapes/layout/one-other-row.txt");
  // 自然人 5 → 4 and 总计 kept 5: the row's columns no longer sum (and the results do not either).
  const std::string wrong = replaced(text, "      （六）其他处理                                             5       0       0       0       0       0       5",
                                     "      （六）其他处理                                             4       0       0       0       0       0       5");
  const auto r = testing::check_ok(wrong);
  const auto columns = findings(r, "t3-columns");
  REQUIRE(columns.size() == 1);
  CHECK(columns[0]->expected == Decimal::from_int(4));
  CHECK(columns[0]->actual == Decimal::from_int(5));
}
