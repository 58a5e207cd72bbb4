#include <doctest/doctest.h>

#include <functional>

#include "helpers.hpp"

using nianbao::Decimal;
using nianbao::Severity;
using testing::check_ok;
using testing::findings;

namespace {

/// The consistent 2021 T3 and T4 as crawled text: labels and digits run together.
std::string crawled(const std::vector<testing::T3Row>& rows, const std::vector<std::string>& t4, bool pair_rows) {
  std::string s = "三、收到和处理政府信息公开申请情况\n"
                  "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (const auto& l : rows[i].labels) s += l;
    for (const auto& v : rows[i].values) s += v;
    if (!pair_rows || i % 2 == 1) s += "\n";
  }
  s += "\n四、政府信息公开行政复议、行政诉讼情况\n行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
       "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计";
  for (const auto& v : t4) s += v;
  return s + "\n五、存在的主要问题及改进情况\n";
}

}  // namespace

TEST_CASE("run-together T3 and T4: every row split uniquely by the template's relations") {
  const std::string text = crawled(testing::t3_2021_rows(), testing::t4_values(), false);
  const auto r = check_ok(text);
  CHECK(r.meta.format == nianbao::Format::f2021);
  const auto* t3 = testing::table(r, "T3");
  REQUIRE(t3);
  CHECK(t3->cells.size() == 25 * 7);
  CHECK(t3->find("一、本年新收政府信息公开申请数量", "总计")->value == Decimal::from_int(217));
  CHECK(t3->find("（一）予以公开", "自然人")->value == Decimal::from_int(100));  // 10051011108: 1,0,0,5,101,… fails the columns
  const auto* t4 = testing::table(r, "T4");
  REQUIRE(t4);
  CHECK(t4->find("行政诉讼/复议后起诉", "结果维持")->value == Decimal::from_int(13));
  CHECK(findings(r, "cell-ambiguous").empty());
  CHECK(findings(r, "cell-split").size() == 26);
  CHECK(r.count(Severity::error) == 0);
  // The span of a split value covers exactly its digits in the input.
  const auto* c = t3->find("一、本年新收政府信息公开申请数量", "自然人");
  CHECK(text.substr(c->span.start, c->span.end - c->span.start) == "200");
}

TEST_CASE("the spec's examples: 21710000218 and a row whose next item number is glued on") {
  // A balanced table built around the spec's row 一 = 217,1,0,0,0,0,218.
  auto rows = testing::t3_2021_rows();
  for (auto& r : rows) r.values = {"0", "0", "0", "0", "0", "0", "0"};
  rows[0].values = {"217", "1", "0", "0", "0", "0", "218"};   // 一、本年新收
  rows[2].values = {"200", "1", "0", "0", "0", "0", "201"};   // （一）予以公开
  rows[8].values = {"3", "0", "0", "0", "0", "0", "3"};       // 5.属于三类内部事务信息
  rows[9].values = {"4", "0", "0", "0", "0", "0", "4"};       // 6.属于四类过程性信息
  rows[23].values = {"207", "1", "0", "0", "0", "0", "208"};  // （七）总计
  rows[24].values = {"10", "0", "0", "0", "0", "0", "10"};    // 四、结转下年度
  const std::string text = crawled(rows, testing::t4_values(), true);
  REQUIRE(text.find("一、本年新收政府信息公开申请数量21710000218") != std::string::npos);
  REQUIRE(text.find("5.属于三类内部事务信息30000036.属于四类过程性信息4000004") != std::string::npos);
  const auto r = check_ok(text);
  const auto* t3 = testing::table(r, "T3");
  REQUIRE(t3);
  CHECK(t3->cells.size() == 25 * 7);
  CHECK(t3->find("一、本年新收政府信息公开申请数量", "自然人")->value == Decimal::from_int(217));
  CHECK(t3->find("一、本年新收政府信息公开申请数量", "商业企业")->value == Decimal::from_int(1));
  CHECK(t3->find("一、本年新收政府信息公开申请数量", "总计")->value == Decimal::from_int(218));
  CHECK(t3->find("（三）不予公开/5.属于三类内部事务信息", "总计")->value == Decimal::from_int(3));
  CHECK(t3->find("（三）不予公开/6.属于四类过程性信息", "自然人")->value == Decimal::from_int(4));
  CHECK(findings(r, "cell-ambiguous").empty());
  CHECK(testing::table_findings(r).size() == findings(r, "cell-split").size());  // every relation holds
}

TEST_CASE("a run with several valid splits is reported as cell-ambiguous, never guessed") {
  const std::string text =
      "二、主动公开政府信息情况\n第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件3122\n"
      "第二十条第（五）项信息内容本年处理决定数量行政许可1520\n第二十条第（六）项信息内容本年处理决定数量行政处罚87行政强制12\n";
  const auto r = check_ok(text);
  const auto amb = findings(r, "cell-ambiguous");
  REQUIRE(amb.size() == 1);
  CHECK(amb[0]->severity == Severity::warning);
  CHECK(amb[0]->message.find("3、1、22") != std::string::npos);
  CHECK(amb[0]->message.find("3、12、2") != std::string::npos);
  CHECK(amb[0]->message.find("31、2、2") == std::string::npos);  // 制发 31 > 现行有效 2 + 废止 2
  CHECK(text.substr(amb[0]->span.start, amb[0]->span.end - amb[0]->span.start) == "3122");
  const auto* t2 = testing::table(r, "T2");
  REQUIRE(t2);
  CHECK(t2->find("行政规范性文件", "本年制发件数") == nullptr);  // not placed
  // For a reviewer to settle it: each fitting split with the relations of its cells.
  REQUIRE(t2->ambiguous.size() == 1);
  const auto& a = t2->ambiguous[0];
  REQUIRE(a.candidates.size() == 2);
  REQUIRE(a.checks.size() == 2);
  for (const auto& checks : a.checks) {
    REQUIRE(checks.size() == 1);  // 本年制发件数 ≤ 现行有效件数 + 本年废止件数
    CHECK(nianbao::rule_id(checks[0].rule) == "t2-cells");
    CHECK(checks[0].holds == std::optional<bool>(true));
  }
  const std::string json = nianbao::to_json(r);
  CHECK(json.find("\"ambiguous\":[{\"span\"") != std::string::npos);
  CHECK(json.find("\"values\":[3,12,2]") != std::string::npos);
  CHECK(t2->find("规章", "现行有效件数")->value == Decimal::from_int(0));  // 000 has one split
  CHECK(t2->find("行政许可", "本年处理决定数量")->value == Decimal::from_int(1520));
}

TEST_CASE("several ambiguous rows of one table are one cell-ambiguous finding, every row's place kept") {
  const std::string text =
      "二、主动公开政府信息情况\n第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章1210行政规范性文件3122\n"
      "第二十条第（五）项信息内容本年处理决定数量行政许可1520\n第二十条第（六）项信息内容本年处理决定数量行政处罚87行政强制12\n";
  const auto r = check_ok(text);
  const auto amb = findings(r, "cell-ambiguous");
  REQUIRE(amb.size() == 1);
  CHECK(amb[0]->message.rfind("表二有2行", 0) == 0);
  CHECK(amb[0]->message.find("「规章」") != std::string::npos);
  CHECK(amb[0]->message.find("「行政规范性文件」") != std::string::npos);
  REQUIRE(amb[0]->occurrences.size() == 2);
  CHECK(amb[0]->occurrences[0] == amb[0]->span);
  const auto at = [&](const nianbao::Span& s) { return text.substr(s.start, s.end - s.start); };
  CHECK(at(amb[0]->occurrences[0]) == "1210");
  CHECK(at(amb[0]->occurrences[1]) == "3122");
}

TEST_CASE("a split a reviewer chose (every cell of the row corrected) settles the row") {
  const std::string text =
      "二、主动公开政府信息情况\n第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章1210行政规范性文件3122\n"
      "第二十条第（五）项信息内容本年处理决定数量行政许可1520\n第二十条第（六）项信息内容本年处理决定数量行政处罚87行政强制12\n";
  const auto split = [](std::string_view row, int a, int b, int c) {
    std::vector<nianbao::CellCorrection> out;
    const int v[] = {a, b, c};
    const char* cols[] = {"本年制发件数", "本年废止件数", "现行有效件数"};
    for (int k = 0; k < 3; ++k) out.push_back({"T2", std::string(row), std::string(cols[k]), Decimal::from_int(v[k])});
    return out;
  };
  nianbao::Options o;
  o.cells = split("行政规范性文件", 3, 12, 2);
  const auto one = check_ok(text, o);
  // The chosen row is read with its split; the other ambiguous row stays, alone in the finding.
  const auto* t2 = testing::table(one, "T2");
  REQUIRE(t2);
  CHECK(t2->find("行政规范性文件", "本年废止件数")->value == Decimal::from_int(12));
  REQUIRE(t2->ambiguous.size() == 1);
  auto amb = findings(one, "cell-ambiguous");
  REQUIRE(amb.size() == 1);
  CHECK(amb[0]->occurrences.empty());  // one place left
  CHECK(text.substr(amb[0]->span.start, amb[0]->span.end - amb[0]->span.start) == "1210");
  // Both chosen: nothing is ambiguous any more.
  for (const auto& c : split("规章", 1, 2, 10)) o.cells.push_back(c);
  const auto both = check_ok(text, o);
  CHECK(findings(both, "cell-ambiguous").empty());
  CHECK(testing::table(both, "T2")->ambiguous.empty());
  // One cell of a row corrected is not a choice of its split.
  nianbao::Options part;
  part.cells = {split("行政规范性文件", 3, 12, 2)[0]};
  CHECK(findings(check_ok(text, part), "cell-ambiguous").size() == 1);
}

TEST_CASE("a row no split can satisfy is reported, and the rows around it are not forced") {
  auto rows = testing::t3_2021_rows();
  rows[23].values[0] = "191";  // （七）总计: 191+9+1+0+2+2 ≠ 204, whatever the split
  const auto r = check_ok(crawled(rows, testing::t4_values(), false));
  bool found = false;
  for (const auto* f : findings(r, "cell-ambiguous"))
    if (f->message.find("（七）总计") != std::string::npos && f->message.find("可能有误") != std::string::npos) found = true;
  CHECK(found);
  CHECK(testing::table(r, "T3")->find("（七）总计", "自然人") == nullptr);
  CHECK(r.count(Severity::error) == 0);  // nothing was computed from a guess
}

TEST_CASE("a hostile run of digits is given up on within a budget, and said so; the other rows still split") {
  // Found by fuzzing: a row of 93 digits took seconds (millions of partial splits, each tried).
  // 93 digits are more than 7 values of at most 9 digits hold: no split, known at once. 50
  // varied digits have too many splits to try: the search stops and says so, guessing nothing.
  for (const auto& hostile_case :
       {std::pair<std::string, std::string>{"402001144" + std::string(84, '8'), "可能有误"},
        {"40200114432528887428177185426111917471948894644851", "可能的拆分太多，未能逐一核对"}}) {
    const std::string& digits = hostile_case.first;  // (no structured binding: clang 14 cannot capture one)
    const std::string& expected = hostile_case.second;
    CAPTURE(digits);
    auto rows = testing::t3_2021_rows();
    for (auto& row : rows)
      if (row.labels.front() == "（四）无法提供") row.values = {digits};
    const auto r = check_ok(crawled(rows, testing::t4_values(), false));
    const nianbao::Finding* hostile = nullptr;
    for (const auto* f : findings(r, "cell-ambiguous"))
      if (f->message.find(digits) != std::string::npos) hostile = f;
    REQUIRE(hostile);
    CHECK(hostile->message.find(expected) != std::string::npos);
    const auto* t3 = testing::table(r, "T3");
    REQUIRE(t3);
    CHECK(t3->find("（四）无法提供/1.本机关不掌握相关政府信息", "总计") == nullptr);  // not placed
    CHECK(t3->find("（四）无法提供/2.没有现成信息需要另行制作", "总计")->value == Decimal::from_int(5));
    CHECK(t3->find("一、本年新收政府信息公开申请数量", "总计")->value == Decimal::from_int(217));
    CHECK(r.count(Severity::error) == 0);  // nothing was computed from a guess
  }
}

TEST_CASE("prose that mentions a row label with a number is not a crawled table") {
  const auto r = check_ok("三、收到和处理政府信息公开申请情况\n本年新收政府信息公开申请数量217件，上年结转政府信息公开申请数量5件。\n"
                          "（七）总计204件，结转下年度继续办理18件。\n");
  CHECK(r.tables.empty());
  CHECK(testing::table_findings(r).empty());
}

TEST_CASE("figures stated in the text settle a split the table alone cannot") {
  const std::string table =
      "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件3122\n"
      "第二十条第（五）项信息内容本年处理决定数量行政许可1520\n第二十条第（六）项信息内容本年处理决定数量行政处罚87行政强制12\n";
  const auto r = check_ok("二、主动公开政府信息情况\n本年度制发行政规范性文件3件，废止1件，现行有效22件。\n" + table);
  CHECK(findings(r, "cell-ambiguous").empty());
  const auto* t2 = testing::table(r, "T2");
  REQUIRE(t2);
  CHECK(t2->find("行政规范性文件", "本年制发件数")->value == Decimal::from_int(3));
  CHECK(t2->find("行政规范性文件", "本年废止件数")->value == Decimal::from_int(1));
  CHECK(t2->find("行政规范性文件", "现行有效件数")->value == Decimal::from_int(22));
  bool said = false;
  for (const auto* f : findings(r, "cell-split")) said = said || f->message.find("正文") != std::string::npos;
  CHECK(said);
  // A statement that fits no split is not used, and does not force anything.
  const auto r2 = check_ok("二、主动公开政府信息情况\n本年度制发行政规范性文件5件。\n" + table);
  CHECK(findings(r2, "cell-ambiguous").size() == 1);
  // A statement about another row does not apply.
  const auto r3 = check_ok("二、主动公开政府信息情况\n本年度制发规章3件。\n" + table);
  CHECK(findings(r3, "cell-ambiguous").size() == 1);
}

TEST_CASE("numbers partly apart: a space is a cell boundary, digits between spaces are still split") {
  // The crawl shapes "数量 713000074二、" (a space before one run), "10 0 0 0 01" (some cells
  // apart, the first and last glued to their neighbours) and "000000 02.其他" (the next item's
  // number glued on after a space).
  auto rows = testing::t3_2021_rows();
  for (auto& r : rows) r.values = {"0", "0", "0", "0", "0", "0", "0"};
  rows[0].values = {" 200000 2"};  // 一、本年新收: 2, 0, 0, 0, 0, 0, 2
  rows[2].values = {"10 0 0 0 01"};  // （一）予以公开
  rows[3].values = {"10 0 0 0 01"};  // （二）部分公开
  rows[23].values = {" 20 0 0 0 0 2"};  // （七）总计
  for (std::size_t i : {4u, 5u, 6u}) rows[i].values = {"000000 0"};  // 1.–3. of （三）
  const std::string text = crawled(rows, testing::t4_values(), false);
  REQUIRE(text.find("（一）予以公开10 0 0 0 01") != std::string::npos);
  REQUIRE(text.find("国家秘密000000 0\n") != std::string::npos);
  const auto r = check_ok(text);
  const auto* t3 = testing::table(r, "T3");
  REQUIRE(t3);
  CHECK(t3->find("一、本年新收政府信息公开申请数量", "自然人")->value == Decimal::from_int(2));
  CHECK(t3->find("一、本年新收政府信息公开申请数量", "总计")->value == Decimal::from_int(2));
  CHECK(t3->find("（一）予以公开", "自然人")->value == Decimal::from_int(1));
  CHECK(t3->find("（一）予以公开", "其他")->value == Decimal::from_int(0));
  CHECK(t3->find("（三）不予公开/1.属于国家秘密", "总计")->value == Decimal::from_int(0));
  CHECK(t3->cells.size() == 25 * 7);
  CHECK(findings(r, "cell-ambiguous").empty());
}

TEST_CASE("the next item's number glued on is given back even when the next label is not the template's") {
  // "1.属于国家秘密00000002.其他法律和行政法规禁止公开…": the second label is a variant, so
  // it is not found, but "2." before a Han character is an item number, not a cell.
  auto rows = testing::t3_2021_rows();
  for (auto& r : rows) r.values = {"0", "0", "0", "0", "0", "0", "0"};
  rows[5].labels.back() = "2.其他法律和行政法规禁止公开";
  // Row 6 (3.危及…) on the same line, after it.
  for (const auto& l : rows[6].labels) rows[5].values.push_back(l);
  for (const auto& v : rows[6].values) rows[5].values.push_back(v);
  rows[6].labels.clear();
  rows[6].values.clear();
  std::string text = crawled(rows, testing::t4_values(), true);
  REQUIRE(text.find("国家秘密00000002.其他法律和行政法规") != std::string::npos);
  const auto r = check_ok(text);
  const auto* t3 = testing::table(r, "T3");
  REQUIRE(t3);
  CHECK(t3->find("（三）不予公开/1.属于国家秘密", "总计")->value == Decimal::from_int(0));
  CHECK(findings(r, "cell-ambiguous").empty());
  // The variant is the one row missing between two found: its place says which row it is.
  REQUIRE(t3->find("（三）不予公开/2.其他法律行政法规禁止公开", "总计"));
  CHECK(t3->cells.size() == 25 * 7);
}

TEST_CASE("a row whose digits allow one split only is read as written, and its relation reported") {
  // "2000000" for seven cells: 2, 0, 0, 0, 0, 0, 0 whatever the relations say; the 总计 left 0
  // is the report's error (t3-columns), not a reason to leave the row unread.
  auto rows = testing::t3_2021_rows();
  rows[1].values = {"5", "0", "0", "0", "0", "0", "0"};  // 二、上年结转: 总计 should be 5
  const auto r = check_ok(crawled(rows, testing::t4_values(), false));
  const auto* t3 = testing::table(r, "T3");
  REQUIRE(t3);
  REQUIRE(t3->find("二、上年结转政府信息公开申请数量", "自然人"));
  CHECK(t3->find("二、上年结转政府信息公开申请数量", "自然人")->value == Decimal::from_int(5));
  CHECK(t3->find("二、上年结转政府信息公开申请数量", "总计")->value == Decimal::from_int(0));
  CHECK(findings(r, "t3-columns").size() == 1);
}

namespace {

/// The consistent 2021 T3 crawled one cell per line (CRLF), each row's values as `values_of`
/// gives its lines, inside a report's sections.
std::string one_cell_per_line(const std::function<std::vector<std::string>(std::size_t, const testing::T3Row&)>& values_of) {
  std::string s = "一、总体情况\r\n本机关依法公开政府信息。\r\n二、主动公开政府信息情况\r\n本年度主动公开政府信息。\r\n三、收到和处理政府信息公开申请情况\r\n申请人情况\r\n自然人\r\n商业\r\n企业\r\n总计\r\n";
  const auto rows = testing::t3_2021_rows();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (const auto& l : rows[i].labels) s += l + "\r\n";
    for (const auto& v : values_of(i, rows[i])) s += v + "\r\n";
  }
  return s + "四、政府信息公开行政复议、行政诉讼情况\r\n本年度未发生行政复议、行政诉讼。\r\n五、存在的主要问题及改进情况\r\n无。\r\n六、其他需要报告的事项\r\n无。\r\n";
}

}  // namespace

TEST_CASE("one cell per line: rows read, a dropped repeated line rebuilt, the labels are not headings") {
  const std::string text = one_cell_per_line([](std::size_t, const testing::T3Row& r) {
    std::vector<std::string> out;  // every line equal to the one before dropped: 5,0,0,0,0,0,5 -> 5,0,5
    for (const auto& v : r.values)
      if (out.empty() || out.back() != v) out.push_back(v);
    return out;
  });
  REQUIRE(text.find("二、上年结转政府信息公开申请数量\r\n5\r\n0\r\n5\r\n") != std::string::npos);
  const auto r = check_ok(text);
  const auto* t3 = testing::table(r, "T3");
  REQUIRE(t3);
  REQUIRE(t3->find("二、上年结转政府信息公开申请数量", "科研机构"));
  CHECK(t3->find("二、上年结转政府信息公开申请数量", "科研机构")->value == Decimal::from_int(0));
  CHECK(t3->find("二、上年结转政府信息公开申请数量", "总计")->value == Decimal::from_int(5));
  REQUIRE(t3->find("一、本年新收政府信息公开申请数量", "其他"));
  CHECK(t3->find("一、本年新收政府信息公开申请数量", "其他")->value == Decimal::from_int(3));  // 3, 3 -> 3
  CHECK(r.count(Severity::error) == 0);
  CHECK(findings(r, "numbering").empty());
  CHECK(findings(r, "section-order").empty());
}

TEST_CASE("one cell per line: a dropped line and a broken number in one row are not guessed") {
  // 200,10,1,0,3,3,217 written 200/10/1/0/3/2/17: as many lines as cells, but as written the
  // total fails; a dropped 3 and 217 broken over two lines would fit. Unread, and said so.
  const std::string text = one_cell_per_line([](std::size_t i, const testing::T3Row& r) {
    if (i == 0) return std::vector<std::string>{"200", "10", "1", "0", "3", "2", "17"};
    return r.values;
  });
  const auto r = check_ok(text);
  const auto* t3 = testing::table(r, "T3");
  REQUIRE(t3);
  CHECK(t3->find("一、本年新收政府信息公开申请数量", "总计") == nullptr);
  CHECK(findings(r, "cell-ambiguous").size() == 1);
  CHECK(findings(r, "t3-columns").empty());
}

TEST_CASE("a run with fewer digits than cells is a row short of numbers (table-shape)") {
  auto rows = testing::t3_2021_rows();
  rows[24].values = {"0", "0", "0", "0", "0", "0"};  // 四、结转下年度: six numbers for seven cells
  const auto r = check_ok(crawled(rows, testing::t4_values(), false));
  const auto shape = findings(r, "table-shape");
  REQUIRE(shape.size() == 1);
  CHECK(shape.front()->message.find("结转") != std::string::npos);
  CHECK(shape.front()->severity == Severity::warning);
  // Six zeros are not what the other rows pin (15, 1, 0, 0, 1, 1, 18): the row is not read.
  CHECK(shape.front()->message.find("该行未参与检查") != std::string::npos);
  CHECK(testing::table(r, "T3")->find("四、结转下年度继续办理", "自然人") == nullptr);
}

TEST_CASE("a row with a cell left empty is read when the other rows pin every cell") {
  auto rows = testing::t3_2021_rows();
  rows[0].values = {"185", "9", "1", "0", "2", "2", "199"};  // nothing carried on to next year
  rows[24].values = {"0", "0", "0", "0", "0", "0"};           // six zeros for seven cells
  const auto r = check_ok(crawled(rows, testing::t4_values(), false));
  const auto shape = findings(r, "table-shape");
  REQUIRE(shape.size() == 1);  // still said: the table has a cell left empty
  CHECK(shape.front()->message.find("只能是 0、0、0、0、0、0、0") != std::string::npos);
  const auto* t3 = testing::table(r, "T3");
  REQUIRE(t3);
  for (const char* col : {"自然人", "其他", "总计"}) CHECK(t3->find("四、结转下年度继续办理", col)->value == Decimal::from_int(0));
  CHECK(r.count(Severity::error) == 0);
}

TEST_CASE("2021 T2 crawls: the 2019 label 规范性文件, and splits that leave a negative stock") {
  // "规范性文件" for 行政规范性文件 (a 2021 table keeping the 2019 wording).
  const std::string head = "二、主动公开政府信息情况\n第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数";
  const std::string tail = "第二十条第（五）项信息内容本年处理决定数量行政许可1520\n第二十条第（六）项信息内容本年处理决定数量行政处罚87行政强制12\n";
  const auto r = check_ok(head + "规章000规范性文件007" + tail);
  const auto* t2 = testing::table(r, "T2");
  REQUIRE(t2);
  CHECK(t2->find("行政规范性文件", "现行有效件数")->value == Decimal::from_int(7));
  // "6051": 60、5、1 would leave last year's stock at 1 − 60 + 5 < 0; only 6、0、51 can be.
  const auto r2 = check_ok(head + "规章000行政规范性文件6051" + tail);
  CHECK(findings(r2, "cell-ambiguous").empty());
  CHECK(testing::table(r2, "T2")->find("行政规范性文件", "现行有效件数")->value == Decimal::from_int(51));
  // The same relation as a check: 制发 60, 废止 5, 现行有效 1 written apart is a warning.
  const auto r3 = check_ok(head + "规章 0 0 0 行政规范性文件 60 5 1 " + tail);
  const auto stock = findings(r3, "t2-cells");
  REQUIRE(stock.size() == 1);
  CHECK(stock.front()->severity == Severity::warning);
}

TEST_CASE("an amount's row may end in its currency: 政府集中采购00元") {
  const std::string text =
      "二、主动公开政府信息情况\n第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件000"
      "第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可000其他对外管理服务事项000"
      "第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚000行政强制000"
      "第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费00第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购00元"
      "三、收到和处理政府信息公开申请情况\n";
  const auto r = check_ok(text);
  const auto* t2 = testing::table(r, "T2");
  REQUIRE(t2);
  CHECK(t2->find("政府集中采购", "采购总金额")->value == Decimal::from_int(0));
  // In a sentence the same words are prose: "政府集中采购500万元，" is no row.
  const auto r2 = check_ok("政府集中采购500万元，用于办公设备。\n");
  CHECK(r2.tables.empty());
}
