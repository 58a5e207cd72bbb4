#include <doctest/doctest.h>

#include "tables/cell_index.hpp"
#include "helpers.hpp"

using nianbao::Severity;
using testing::check_ok;
using testing::findings;

TEST_CASE("a consistent 2021 T3 and T4 read completely and raise nothing") {
  const auto r = check_ok(testing::t3_t4_text(testing::t3_2021_rows(), testing::t4_values()));
  CHECK(r.meta.format == nianbao::Format::f2021);
  const auto* t3 = testing::table(r, "T3");
  REQUIRE(t3);
  CHECK(t3->cells.size() == 25 * 7);
  CHECK(t3->find("（六）其他处理/3.其他", "自然人")->value == nianbao::Decimal::from_int(4));
  CHECK(t3->find("（三）不予公开/1.属于国家秘密", "总计")->value == nianbao::Decimal::from_int(1));
  const auto* t4 = testing::table(r, "T4");
  REQUIRE(t4);
  CHECK(t4->cells.size() == 15);
  CHECK(t4->find("行政诉讼/复议后起诉", "总计")->value == nianbao::Decimal::from_int(19));
  CHECK(testing::table_findings(r).empty());
}

TEST_CASE("t3-balance, t3-results and t3-columns each catch a wrong 总计 cell") {
  auto rows = testing::t3_2021_rows();
  rows[23].values[0] = "191";  // （七）总计 / 自然人: should be 190
  const std::string text = testing::t3_t4_text(rows, testing::t4_values());
  const auto r = check_ok(text);
  const auto bal = findings(r, "t3-balance");
  REQUIRE(bal.size() == 1);
  CHECK(bal[0]->severity == Severity::error);
  CHECK(bal[0]->expected == nianbao::Decimal::from_int(190));
  CHECK(bal[0]->actual == nianbao::Decimal::from_int(191));
  CHECK(text.substr(bal[0]->span.start, bal[0]->span.end - bal[0]->span.start) == "191");
  CHECK(bal[0]->related.size() == 3);
  const auto res = findings(r, "t3-results");
  REQUIRE(res.size() == 1);
  CHECK(res[0]->expected == nianbao::Decimal::from_int(190));
  CHECK(res[0]->related.size() == 21);
  const auto cols = findings(r, "t3-columns");
  REQUIRE(cols.size() == 1);  // the （七）总计 row: 191+9+1+0+2+2 = 205, not 204
  CHECK(cols[0]->expected == nianbao::Decimal::from_int(205));
  CHECK(cols[0]->actual == nianbao::Decimal::from_int(204));
  CHECK(testing::table_findings(r).size() == 3);
}

TEST_CASE("t3-columns alone: a row whose 总计 is not the sum of its applicants") {
  auto rows = testing::t3_2021_rows();
  rows[16].values[0] = "3";  // 重复申请 自然人 2 -> 3, and move one from 信访 so column sums hold
  rows[15].values[0] = "9";
  rows[16].values[6] = "2";
  rows[15].values[6] = "11";
  const auto r = check_ok(testing::t3_t4_text(rows, testing::t4_values()));
  const auto cols = findings(r, "t3-columns");
  REQUIRE(cols.size() == 2);
  CHECK(cols[0]->message.find("信访举报投诉类申请") != std::string::npos);
  CHECK(cols[0]->expected == nianbao::Decimal::from_int(10));
  CHECK(cols[1]->expected == nianbao::Decimal::from_int(3));
  CHECK(findings(r, "t3-balance").empty());
  CHECK(findings(r, "t3-results").empty());
}

TEST_CASE("t4-groups: a group total that is not the sum of its outcomes") {
  auto t4 = testing::t4_values();
  t4[14] = "20";  // 复议后起诉 总计: 13+2+4+0 = 19
  const auto r = check_ok(testing::t3_t4_text(testing::t3_2021_rows(), t4));
  const auto g = findings(r, "t4-groups");
  REQUIRE(g.size() == 1);
  CHECK(g[0]->expected == nianbao::Decimal::from_int(19));
  CHECK(g[0]->actual == nianbao::Decimal::from_int(20));
  CHECK(g[0]->message.find("复议后起诉") != std::string::npos);
  CHECK(testing::table_findings(r).size() == 1);
}

TEST_CASE("a blank cell is reported and not treated as 0 by the sums") {
  auto rows = testing::t3_2021_rows();
  rows[0].values[1] = "—";
  const auto r = check_ok(testing::t3_t4_text(rows, testing::t4_values()));
  const auto b = findings(r, "cell-blank");
  REQUIRE(b.size() == 1);
  CHECK(b[0]->severity == Severity::warning);
  // Relations through that cell are skipped rather than computed with 0.
  CHECK(findings(r, "t3-balance").empty());
  CHECK(findings(r, "t3-columns").empty());
  CHECK(r.count(Severity::error) == 0);
}

TEST_CASE("a row with the wrong number of values is reported, not forced into columns") {
  auto rows = testing::t3_2021_rows();
  rows[1].values.pop_back();
  const auto r = check_ok(testing::t3_t4_text(rows, testing::t4_values()));
  REQUIRE(findings(r, "table-shape").size() == 1);
  CHECK(testing::table(r, "T3")->find("二、上年结转政府信息公开申请数量", "自然人") == nullptr);
  CHECK(findings(r, "t3-balance").empty());  // needs row 二, which was not read
}

TEST_CASE("negative and fractional counts are invalid cells") {
  auto rows = testing::t3_2021_rows();
  rows[2].values[2] = "1.5";
  const auto r = check_ok(testing::t3_t4_text(rows, testing::t4_values()));
  const auto inv = findings(r, "cell-invalid");
  REQUIRE(inv.size() == 1);
  CHECK(inv[0]->severity == Severity::error);
}

TEST_CASE("a 2019-layout T3 has one （六）其他处理 row and 23 data rows") {
  auto rows = testing::t3_2021_rows();
  rows.erase(rows.begin() + 20, rows.begin() + 23);
  rows.insert(rows.begin() + 20, {{"（六）其他处理"}, {"5", "0", "0", "0", "0", "0", "5"}});
  const std::string t2 = "二、主动公开政府信息情况\n" + testing::cell_lines({"第二十条第（一）项"}) +
                         testing::cell_lines({"信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"}) +
                         testing::cell_lines({"规章", "0", "0", "0"}) + testing::cell_lines({"规范性文件", "3", "4", "9"});
  const auto r = check_ok(t2 + testing::t3_t4_text(rows, testing::t4_values()));
  CHECK(r.meta.format == nianbao::Format::f2019);
  REQUIRE(testing::table(r, "T3"));
  CHECK(testing::table(r, "T3")->cells.size() == 23 * 7);
  CHECK(findings(r, "t3-results").empty());
  // 2019 T2: 本年新公开数量 4 > 本年新制作数量 3 is a warning.
  const auto t2f = findings(r, "t2-cells");
  REQUIRE(t2f.size() == 1);
  CHECK(t2f[0]->severity == Severity::warning);
  CHECK(t2f[0]->actual == nianbao::Decimal::from_int(4));
}

TEST_CASE("legacy 统计表: sums and 其中 relations") {
  using testing::pipe_row;
  std::string t = pipe_row({"统 计 指 标", "单位", "统计数"}) + pipe_row({"一、主动公开情况", "—"}) +
                  pipe_row({"（一）主动公开政府信息数", "条", "100"}) + pipe_row({"其中：主动公开规范性文件数", "条", "120"}) +
                  pipe_row({"（二）通过不同渠道和方式公开政府信息的情况", "—"}) +
                  pipe_row({"1.政府公报公开政府信息数", "条", "10"}) + pipe_row({"2.政府网站公开政府信息数", "条", "90"}) +
                  pipe_row({"三、依申请公开情况", "—"}) + pipe_row({"（一）收到申请数", "件", "7"}) +
                  pipe_row({"1.当面申请数", "件", "1"}) + pipe_row({"2.传真申请数", "件", "0"}) +
                  pipe_row({"3.网络申请数", "件", "5"}) + pipe_row({"4.信函申请数", "件", "0"}) +
                  pipe_row({"四、行政复议数量", "件", "2"}) + pipe_row({"（一）维持具体行政行为数", "件", "1"}) +
                  pipe_row({"（二）被依法纠错数", "件", "1"}) + pipe_row({"（三）其他情形数", "件", "0"}) +
                  pipe_row({"五、行政诉讼数量", "件", "0"}) + pipe_row({"（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "0"}) +
                  pipe_row({"（二）被依法纠错数", "件", "0"}) + pipe_row({"（三）其他情形数", "件", "0"});
  const auto r = check_ok("2015年度政府信息公开情况统计表\n" + t);
  CHECK(r.meta.format == nianbao::Format::legacy);
  const auto sums = findings(r, "legacy-sum");
  REQUIRE(sums.size() == 1);
  CHECK(sums[0]->message.find("收到申请数") != std::string::npos);
  CHECK(sums[0]->expected == nianbao::Decimal::from_int(6));
  CHECK(sums[0]->actual == nianbao::Decimal::from_int(7));
  const auto sub = findings(r, "legacy-subset");
  REQUIRE(sub.size() == 1);
  CHECK(sub[0]->severity == Severity::warning);
  CHECK(sub[0]->actual == nianbao::Decimal::from_int(120));
  // The two （二）被依法纠错数 rows belong to different indicators.
  const auto* lt = testing::table(r, "legacy");
  REQUIRE(lt);
  CHECK(lt->find("四、行政复议数量/（二）被依法纠错数", "统计数")->value == nianbao::Decimal::from_int(1));
  CHECK(lt->find("五、行政诉讼数量/（二）被依法纠错数", "统计数")->value == nianbao::Decimal::from_int(0));
}

TEST_CASE("template-version: a 2022 report laid out in the 2019 format; the right layout raises nothing") {
  auto rows = testing::t3_2021_rows();
  rows.erase(rows.begin() + 20, rows.begin() + 23);
  rows.insert(rows.begin() + 20, {{"（六）其他处理"}, {"5", "0", "0", "0", "0", "0", "5"}});
  const std::string t2 = testing::cell_lines({"第二十条第（一）项"}) +
                         testing::cell_lines({"信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"}) +
                         testing::cell_lines({"规章", "0", "0", "0"});
  const std::string body = t2 + testing::t3_t4_text(rows, testing::t4_values());
  const auto r = check_ok("示例市某局2022年政府信息公开工作年度报告\n" + body);
  CHECK(r.meta.year == 2022);
  const auto v = findings(r, "template-version");
  REQUIRE(v.size() == 1);
  CHECK(v[0]->severity == Severity::error);
  CHECK(v[0]->message.find("2019年版") != std::string::npos);
  CHECK(findings(check_ok("示例市某局2020年政府信息公开工作年度报告\n" + body), "template-version").empty());
  CHECK(findings(check_ok(body), "template-version").empty());  // no year: nothing to compare
}

TEST_CASE("template-label: the real typos of spec §6 are flagged with the official label; cells still read") {
  auto rows = testing::t3_2021_rows();
  rows[5].labels = {"2.其他法律行政止公开"};
  rows[3].labels = {"（二）部分公开（区分处理的，只计这一情况，不计其他情形）"};
  rows[8].labels = {"5.属于三类内容事务信息"};
  const auto r = check_ok(testing::t3_t4_text(rows, testing::t4_values()));
  const auto l = findings(r, "template-label");
  REQUIRE(l.size() == 3);
  CHECK(l[0]->hint == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
  CHECK(l[1]->hint == "2.其他法律行政法规禁止公开");
  CHECK(l[2]->hint == "5.属于三类内部事务信息");
  for (const auto* f : l) CHECK(f->severity == Severity::warning);
  CHECK(testing::table(r, "T3")->cells.size() == 25 * 7);
  CHECK(r.count(Severity::error) == 0);
  // A note left out entirely is not a typo.
  rows = testing::t3_2021_rows();
  rows[3].labels = {"（二）部分公开"};
  CHECK(findings(check_ok(testing::t3_t4_text(rows, testing::t4_values())), "template-label").empty());
}

TEST_CASE("units: an amount written in 元 in a 万元 column is flagged; 万元 is fine") {
  const auto make = [](const std::string& fee) {
    return testing::cell_lines({"第二十条第（八）项"}) + testing::cell_lines({"信息内容", "本年收费金额（单位：万元）"}) +
           testing::cell_lines({"行政事业性收费", fee}) + testing::cell_lines({"第二十条第（一）项"}) +
           testing::cell_lines({"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"}) +
           testing::cell_lines({"规章", "0", "0", "0"});
  };
  const auto bad = check_ok(make("356000元"));
  const auto f = findings(bad, "t2-cells");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->severity == Severity::warning);
  CHECK(f[0]->message.find("万元") != std::string::npos);
  CHECK(findings(check_ok(make("35.6万元")), "t2-cells").empty());
  CHECK(findings(check_ok(make("35.6")), "t2-cells").empty());
}

TEST_CASE("CellIndex finds what ReportTable::find finds: every cell, the first of two, nothing else") {
  const auto r = check_ok(testing::t3_t4_text(testing::t3_2021_rows(), testing::t4_values()));
  const auto* t3 = testing::table(r, "T3");
  REQUIRE(t3);
  nianbao::ReportTable t = *t3;
  t.cells.push_back(t.cells.front());  // the same row and column twice: the first is found
  t.cells.back().raw = "second";
  const nianbao::CellIndex index(t);
  CHECK(&index.table() == &t);
  for (const nianbao::RowDef& row : t.tmpl->rows)
    for (std::string_view col : row.columns) {
      CAPTURE(row.key);
      CAPTURE(col);
      CHECK(index.find(row.key, col) == t.find(row.key, col));
    }
  CHECK(index.find(t.cells.front().row, t.cells.front().col) == &t.cells.front());
  CHECK(index.find("（七）总计", "不存在的列") == nullptr);
  CHECK(index.find("", "") == nullptr);
  CHECK(index.find("不存在的行", "总计") == nullptr);
  const nianbao::ReportTable empty{};
  CHECK(nianbao::CellIndex(empty).find("（七）总计", "总计") == nullptr);
}
