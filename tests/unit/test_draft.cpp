// 编制 mode (issue 17): a draft rendered as the report's text reads back cell for cell, the
// checker finds in it what a writer must fix and nothing else, the form lays the tables out as
// the official template, and a start from last year carries its 结转 and 现行有效 over.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <set>

#include "helpers.hpp"
#include "nianbao/draft.hpp"
#include "util/number.hpp"

using nianbao::CellCorrection;
using nianbao::Decimal;
using nianbao::Draft;
using testing::check_ok;
using testing::findings;

namespace {

const char* kT3Cols[] = {"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};

/// The T3 row keys of the 2021 template, in the order t3_2021_rows() gives their values.
const char* kT3Keys[] = {
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开/1.属于国家秘密",
    "（三）不予公开/2.其他法律行政法规禁止公开", "（三）不予公开/3.危及“三安全一稳定”", "（三）不予公开/4.保护第三方合法权益",
    "（三）不予公开/5.属于三类内部事务信息", "（三）不予公开/6.属于四类过程性信息", "（三）不予公开/7.属于行政执法案卷",
    "（三）不予公开/8.属于行政查询事项", "（四）无法提供/1.本机关不掌握相关政府信息", "（四）无法提供/2.没有现成信息需要另行制作",
    "（四）无法提供/3.补正后申请内容仍不明确", "（五）不予处理/1.信访举报投诉类申请", "（五）不予处理/2.重复申请",
    "（五）不予处理/3.要求提供公开出版物", "（五）不予处理/4.无正当理由大量反复申请",
    "（五）不予处理/5.要求行政机关确认或重新出具已获取信息",
    "（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "（六）其他处理/3.其他",
    "（七）总计", "四、结转下年度继续办理"};

std::optional<Decimal> num(const std::string& v) { return nianbao::parse_number(v)->value; }

CellCorrection cell(std::string table, std::string row, std::string col, const std::string& v) {
  return {std::move(table), std::move(row), std::move(col), num(v)};
}

/// A whole draft: the clean fixture's tables and a text for each written section.
Draft full_draft() {
  Draft d;
  d.agency = "示例市交通运输局";
  d.year = 2022;
  d.date = "2023年1月20日";
  const auto rows = testing::t3_2021_rows();
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < 7; ++c) d.cells.push_back(cell("T3", kT3Keys[r], kT3Cols[c], rows[r].values[c]));
  const char* t4cols[] = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
  const char* t4rows[] = {"行政复议", "行政诉讼/未经复议直接起诉", "行政诉讼/复议后起诉"};
  const auto t4 = testing::t4_values();
  for (std::size_t k = 0; k < 15; ++k) d.cells.push_back(cell("T4", t4rows[k / 5], t4cols[k % 5], t4[k]));
  for (auto [row, a, b, c] : {std::tuple{"规章", "0", "0", "0"}, {"行政规范性文件", "3", "1", "22"}}) {
    d.cells.push_back(cell("T2", row, "本年制发件数", a));
    d.cells.push_back(cell("T2", row, "本年废止件数", b));
    d.cells.push_back(cell("T2", row, "现行有效件数", c));
  }
  d.cells.push_back(cell("T2", "行政许可", "本年处理决定数量", "1520"));
  d.cells.push_back(cell("T2", "行政处罚", "本年处理决定数量", "87"));
  d.cells.push_back(cell("T2", "行政强制", "本年处理决定数量", "12"));
  d.cells.push_back(cell("T2", "行政事业性收费", "本年收费金额（单位：万元）", "35.6"));
  d.overview =
      "2022年，示例市交通运输局坚持以公开为常态、不公开为例外，全面推进政府信息公开工作。\n"
      "（一）主动公开。全年通过门户网站主动公开政府信息1268条。\n"
      "（二）依申请公开。严格按照《条例》规定的时限和程序办理政府信息公开申请。\n"
      "（三）政府信息管理。严格落实公文公开属性源头认定和保密审查机制。\n"
      "（四）政府信息公开平台建设。优化门户网站政府信息公开专栏。\n"
      "（五）监督保障。将政府信息公开工作纳入年度绩效考核，组织业务培训2次。";
  d.problems = "仍存在一些不足：一是政策解读形式较为单一。下一步，我局将进一步丰富解读形式，加强业务培训。";
  d.other = "本年度未收取信息处理费。";
  return d;
}

}  // namespace

TEST_CASE("a whole draft reads back cell for cell and the checker finds nothing in it") {
  const Draft d = full_draft();
  const std::string text = nianbao::render_markdown(d);
  CHECK(text.rfind("示例市交通运输局2022年政府信息公开工作年度报告\n", 0) == 0);
  CHECK(text.find("本年度新收政府信息公开申请217件，上年结转5件；办结204件，其中予以公开108件、部分公开21件、不予公开5件、"
                  "无法提供52件、不予处理13件、其他处理5件；结转下年度继续办理18件。") != std::string::npos);
  CHECK(text.find("被申请行政复议7件，其中结果维持2件、结果纠正1件、其他结果3件、尚未审结1件；被提起行政诉讼19件，"
                  "其中未经复议直接起诉0件、复议后起诉19件。") != std::string::npos);
  const auto r = check_ok(text);
  for (const auto& f : r.findings) MESSAGE(nianbao::rule_id(f.rule) << ": " << f.message);
  CHECK(r.findings.empty());
  CHECK(r.meta.agency == std::optional<std::string>("示例市交通运输局"));
  CHECK(r.meta.year == std::optional<int>(2022));
  // Every cell entered is read back with its value, and no other.
  std::size_t read = 0;
  for (const auto& t : r.tables) read += t.cells.size();
  CHECK(read == d.cells.size());
  for (const CellCorrection& c : d.cells) {
    const auto* t = testing::table(r, c.table);
    REQUIRE(t);
    const auto* got = t->find(c.row, c.col);
    REQUIRE_MESSAGE(got, c.table << " " << c.row << " " << c.col);
    CHECK_MESSAGE(got->value == c.value, c.table << " " << c.row << " " << c.col);
  }
  CHECK(nianbao::render_markdown(d) == text);  // deterministic
}

TEST_CASE("a draft with its written sections empty: only the content they lack is said") {
  Draft d = full_draft();
  d.overview.clear();
  d.problems.clear();
  d.other.clear();
  const auto r = check_ok(nianbao::render_markdown(d));
  std::set<std::string> rules;
  for (const auto& f : r.findings) {
    rules.insert(std::string(nianbao::rule_id(f.rule)));
    CHECK_MESSAGE(f.severity != nianbao::Severity::error, nianbao::rule_id(f.rule) << ": " << f.message);
  }
  for (const auto& f : r.findings) MESSAGE(nianbao::rule_id(f.rule) << ": " << f.message);
  CHECK(rules.count("content-required") == 1);
  rules.erase("content-required");
  rules.erase("info-fee");
  CHECK(rules.empty());
}

TEST_CASE("a wrong 总计 in a draft is the checker's finding, with the value it should be; the sentence leaves out what does not add up") {
  Draft d = full_draft();
  for (CellCorrection& c : d.cells)
    if (c.table == "T3" && c.row == "（七）总计" && c.col == "总计") c.value = Decimal::from_int(214);
  const std::string text = nianbao::render_markdown(d);
  CHECK(text.find("办结214件；结转下年度") != std::string::npos);  // no breakdown that would not add up
  const auto r = check_ok(text);
  const auto cols = findings(r, "t3-columns");
  REQUIRE(cols.size() == 1);
  CHECK(cols[0]->expected == Decimal::from_int(204));
  CHECK(testing::at(text, cols[0]->span) == "214");
  CHECK(findings(r, "t3-balance").size() == 1);
  CHECK(findings(r, "t3-results").size() == 1);
}

TEST_CASE("blank cells are kept apart from 0 and left out of the sentences") {
  Draft d = full_draft();
  std::erase_if(d.cells, [](const CellCorrection& c) { return c.table == "T3" && c.row == "二、上年结转政府信息公开申请数量"; });
  d.cells.push_back({"T4", "行政复议", "总计", std::nullopt});
  const std::string text = nianbao::render_markdown(d);
  CHECK(text.find("本年度新收政府信息公开申请217件；办结204件，其中") != std::string::npos);  // 上年结转 not said
  CHECK(text.find("被申请行政复议") == std::string::npos);
  const auto r = check_ok(text);
  const auto* t3 = testing::table(r, "T3");
  REQUIRE(t3);
  // Blank: read as blank, not as 0.
  const auto* carried = t3->find("二、上年结转政府信息公开申请数量", "自然人");
  CHECK((carried == nullptr || !carried->value));
}

TEST_CASE("drafts from JSON: round trip, and a clear error for what is not a draft") {
  const Draft d = full_draft();
  const auto back = nianbao::draft_from_json(nianbao::to_json(d));
  REQUIRE(std::holds_alternative<Draft>(back));
  CHECK(nianbao::render_markdown(std::get<Draft>(back)) == nianbao::render_markdown(d));
  const auto error = [](std::string_view json) {
    const auto r = nianbao::draft_from_json(json);
    REQUIRE(std::holds_alternative<nianbao::Error>(r));
    return std::get<nianbao::Error>(r);
  };
  CHECK(error("[]").code == nianbao::ErrorCode::bad_draft);
  CHECK(error(R"({"agency":"x"})").code == nianbao::ErrorCode::bad_draft);  // no year
  CHECK(error(R"({"year":2019})").message.find("2021") != std::string::npos);  // the 2019 format's year
  CHECK(error(R"({"year":2022,"cells":[{"table":"T3","row":"（七）总计","col":"法人","value":1}]})").code == nianbao::ErrorCode::bad_cells);
  CHECK(error(R"({"year":2022,"cells":[{"table":"T3","row":"（七）总计","col":"自然人","value":-1}]})").code == nianbao::ErrorCode::bad_cells);
  CHECK(error(R"({"year":2022,"cells":[{"table":"T3","row":"（七）总计","col":"自然人","value":1.5}]})").code == nianbao::ErrorCode::bad_cells);
  CHECK(error(R"({"year":2022} x)").code == nianbao::ErrorCode::bad_draft);
  const auto ok = nianbao::draft_from_json(R"({"year":2023,"cells":[{"table":"T2","row":"行政事业性收费","col":"本年收费金额（单位：万元）","value":1.25}]})");
  CHECK(std::holds_alternative<Draft>(ok));
}

TEST_CASE("the form: the official layout's cells, each once, and the sections in order") {
  const std::string form = nianbao::form_json();
  CHECK(form.find(R"("sections":[{"number":"一","heading":"一、总体情况","field":"overview")") != std::string::npos);
  CHECK(form.find(R"({"text":"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）","header":true,"rowspan":3,"colspan":3})") != std::string::npos);
  CHECK(form.find(R"({"text":"三、本年度办理结果","rowspan":22})") != std::string::npos);
  CHECK(form.find(R"({"text":"（三）不予公开","rowspan":8})") != std::string::npos);
  CHECK(form.find(R"({"text":"行政诉讼","header":true,"colspan":10})") != std::string::npos);
  CHECK(form.find(R"({"row":"行政许可","col":"本年处理决定数量","colspan":3})") != std::string::npos);
  CHECK(form.find(R"("decimal":true)") != std::string::npos);
  // Every value cell of the draft above appears once in the form.
  for (const CellCorrection& c : full_draft().cells) {
    const std::string key = R"({"row":")" + c.row + R"(","col":")" + c.col + "\"";
    const auto at = form.find(key);
    CHECK_MESSAGE(at != std::string::npos, key);
    if (c.table != "T4") CHECK_MESSAGE(form.find(key, at + 1) == std::string::npos, key);
  }
}

TEST_CASE("a start from last year: 上年结转 per column is last year's 结转, 现行有效 carried") {
  const auto last = check_ok(nianbao::render_markdown(full_draft()));
  const nianbao::DraftStart s = nianbao::start_from(last);
  CHECK(s.draft.agency == "示例市交通运输局");
  CHECK(s.draft.year == 2023);
  CHECK(s.notes.empty());
  const auto rows = testing::t3_2021_rows();
  REQUIRE(s.carried.size() == 7 + 2);
  for (std::size_t c = 0; c < 7; ++c) {
    CHECK(s.carried[c].row == "二、上年结转政府信息公开申请数量");
    CHECK(s.carried[c].col == kT3Cols[c]);
    CHECK(s.carried[c].value == num(rows.back().values[c]));
  }
  CHECK(s.carried[8].row == "行政规范性文件");
  CHECK(s.carried[8].value == Decimal::from_int(22));
  CHECK(s.draft.cells.size() == s.carried.size());
  const std::string json = nianbao::to_json(s);
  CHECK(json.rfind(R"({"schema":"nianbao/1","draft":{"agency":"示例市交通运输局","year":2023,)", 0) == 0);
  // A legacy report carries nothing but its body and year, and says so.
  const auto legacy = nianbao::start_from(check_ok(testing::read_seed("003_")));
  CHECK(legacy.carried.empty());
  CHECK(legacy.draft.year == 2017);
  CHECK(legacy.notes.size() == 3);
}

TEST_CASE("a row filled in part reads back in its columns, its blank cells said, not guessed") {
  Draft d;
  d.agency = "示例局";
  d.year = 2023;
  d.cells = {cell("T2", "行政规范性文件", "本年制发件数", "3"), cell("T2", "行政规范性文件", "本年废止件数", "1"),
             cell("T3", "一、本年新收政府信息公开申请数量", "自然人", "1"), cell("T4", "行政复议", "结果维持", "2")};
  const std::string text = nianbao::render_markdown(d);
  CHECK(text.find("| 行政规范性文件 | 3 | 1 | — |") != std::string::npos);
  CHECK(text.find("| 规章 | | | |") != std::string::npos);  // a row not begun stays empty
  const auto r = check_ok(text);
  for (const auto& f : r.findings) MESSAGE(nianbao::rule_id(f.rule) << ": " << f.message);
  CHECK(findings(r, "table-shape").empty());
  const auto value = [&](const char* t, const char* row, const char* col) -> std::optional<Decimal> {
    const auto* table = testing::table(r, t);
    if (!table) return std::nullopt;
    const auto* c = table->find(row, col);
    return c ? c->value : std::nullopt;
  };
  CHECK(value("T2", "行政规范性文件", "本年制发件数") == Decimal::from_int(3));
  CHECK(value("T2", "行政规范性文件", "本年废止件数") == Decimal::from_int(1));
  CHECK(value("T3", "一、本年新收政府信息公开申请数量", "自然人") == Decimal::from_int(1));
  CHECK(value("T4", "行政复议", "结果维持") == Decimal::from_int(2));
  const auto* blank = testing::table(r, "T2")->find("行政规范性文件", "现行有效件数");
  REQUIRE(blank);
  CHECK(!blank->value);
  CHECK(!findings(r, "cell-blank").empty());
  CHECK(r.count(nianbao::Severity::error) == 0);
}
