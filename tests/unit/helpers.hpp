// Test helpers: one checker per test binary, reading seed files, building pipe-shaped tables.
#pragma once
#include <doctest/doctest.h>

#include <fstream>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "nianbao/check.hpp"

namespace testing {

inline nianbao::Checker& checker() {
  static std::unique_ptr<nianbao::Checker> c = [] {
    nianbao::Error e{};
    auto p = nianbao::Checker::create(&e);
    if (!p) FAIL("ICU did not load: " << e.message);
    return p;
  }();
  return *c;
}

inline nianbao::Report check_ok(const std::string& text, const nianbao::Options& options = {}) {
  nianbao::Outcome out = checker().check(text, options);
  if (auto* e = std::get_if<nianbao::Error>(&out)) FAIL("unexpected error: " << e->message);
  return std::get<nianbao::Report>(out);
}

inline std::string read_seed(const std::string& prefix) {
  const std::string dir = NIANBAO_SEEDS_DIR;
  static const char* names[] = {"000_08aaea1764b3d60a.txt", "001_baf5b62401e385b5.txt",
                                "002_d41cb1e17d5f5455.txt", "003_47d43d46f7078504.txt",
                                "004_8fa766393daa9a7c.txt"};
  for (const char* n : names) {
    if (std::string(n).rfind(prefix, 0) == 0) {
      std::ifstream in(dir + "/" + n, std::ios::binary);
      REQUIRE_MESSAGE(in.good(), "seed not readable: " << dir << "/" << n);
      return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
  }
  FAIL("no seed " << prefix);
  return {};
}

/// A file under tests/fixtures.
inline std::string read_fixture(const std::string& rel) {
  std::ifstream in(std::string(NIANBAO_FIXTURES_DIR) + "/" + rel, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "fixture not readable: " << rel);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// `text` with its one occurrence of `from` replaced (the twin of a fixture with one change).
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "not in the text: " << from);
  REQUIRE_MESSAGE(text.find(from, at + 1) == std::string::npos, "more than once in the text: " << from);
  return text.replace(at, from.size(), to);
}

/// The clean 2021 report of tests/fixtures/narrative: no findings at all.
inline std::string clean_report() { return read_fixture("narrative/clean.txt"); }

/// The span's text in the input.
inline std::string at(const std::string& text, const nianbao::Span& s) { return text.substr(s.start, s.end - s.start); }

/// The rules of all findings in order, "rule,rule,…" (for checks on exactly what a twin raises).
inline std::string rules_of(const nianbao::Report& r) {
  std::string out;
  for (const auto& f : r.findings) out += (out.empty() ? "" : ",") + std::string(nianbao::rule_id(f.rule));
  return out;
}

inline std::vector<const nianbao::Finding*> findings(const nianbao::Report& r, const std::string& rule) {
  std::vector<const nianbao::Finding*> out;
  for (const auto& f : r.findings)
    if (nianbao::rule_id(f.rule) == rule) out.push_back(&f);
  return out;
}

/// Findings of the table rules (relations, cells, template fit), leaving the narrative's aside.
inline bool is_table_rule(const std::string& rule) {
  for (const char* p : {"t2-", "t3-", "t4-", "legacy-", "cell-", "table-", "template-"})
    if (rule.rfind(p, 0) == 0) return true;
  return false;
}
inline std::vector<const nianbao::Finding*> table_findings(const nianbao::Report& r) {
  std::vector<const nianbao::Finding*> out;
  for (const auto& f : r.findings)
    if (is_table_rule(std::string(nianbao::rule_id(f.rule)))) out.push_back(&f);
  return out;
}

inline const nianbao::ReportTable* table(const nianbao::Report& r, const std::string& id) {
  for (const auto& t : r.tables)
    if (t.id == id) return &t;
  return nullptr;
}

/// A row in the "a | b | c | |||" shape (seed 003).
inline std::string pipe_row(std::initializer_list<std::string> cells) {
  std::string s;
  for (const auto& c : cells) s += c + " | ";
  return s + "|||\n";
}

/// A row in the one-cell-per-line shape closed by a line of pipes (seed 001).
inline std::string cell_lines(const std::vector<std::string>& cells) {
  std::string s;
  for (const auto& c : cells) s += c + " |\n";
  return s + "||\n";
}

}  // namespace testing

namespace testing {

/// A consistent 2021-format T3 (rows × 自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计):
/// 一+二 = 总计+四 and every row's 总计 is the sum of the six applicant columns.
struct T3Row {
  std::vector<std::string> labels;  // one or two label cells, as a web copy of the table has them
  std::vector<std::string> values;
};

inline std::vector<T3Row> t3_2021_rows() {
  auto v = [](std::initializer_list<int> xs) {
    std::vector<std::string> out;
    for (int x : xs) out.push_back(std::to_string(x));
    return out;
  };
  const auto z = v({0, 0, 0, 0, 0, 0, 0});
  return {
      {{"一、本年新收政府信息公开申请数量"}, v({200, 10, 1, 0, 3, 3, 217})},
      {{"二、上年结转政府信息公开申请数量"}, v({5, 0, 0, 0, 0, 0, 5})},
      {{"三、本年度办理结果", "（一）予以公开"}, v({100, 5, 1, 0, 1, 1, 108})},
      {{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）"}, v({20, 1, 0, 0, 0, 0, 21})},
      {{"（三）不予公开", "1.属于国家秘密"}, v({1, 0, 0, 0, 0, 0, 1})},
      {{"2.其他法律行政法规禁止公开"}, z},
      {{"3.危及“三安全一稳定”"}, z},
      {{"4.保护第三方合法权益"}, z},
      {{"5.属于三类内部事务信息"}, z},
      {{"6.属于四类过程性信息"}, v({4, 0, 0, 0, 0, 0, 4})},
      {{"7.属于行政执法案卷"}, z},
      {{"8.属于行政查询事项"}, z},
      {{"（四）无法提供", "1.本机关不掌握相关政府信息"}, v({40, 2, 0, 0, 1, 1, 44})},
      {{"2.没有现成信息需要另行制作"}, v({5, 0, 0, 0, 0, 0, 5})},
      {{"3.补正后申请内容仍不明确"}, v({3, 0, 0, 0, 0, 0, 3})},
      {{"（五）不予处理", "1.信访举报投诉类申请"}, v({10, 1, 0, 0, 0, 0, 11})},
      {{"2.重复申请"}, v({2, 0, 0, 0, 0, 0, 2})},
      {{"3.要求提供公开出版物"}, z},
      {{"4.无正当理由大量反复申请"}, z},
      {{"5.要求行政机关确认或重新出具已获取信息"}, z},
      {{"（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"}, v({1, 0, 0, 0, 0, 0, 1})},
      {{"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"}, z},
      {{"3.其他"}, v({4, 0, 0, 0, 0, 0, 4})},
      {{"（七）总计"}, v({190, 9, 1, 0, 2, 2, 204})},
      {{"四、结转下年度继续办理"}, v({15, 1, 0, 0, 1, 1, 18})},
  };
}

/// The whole T3 + T4 in the one-cell-per-line web-copy shape of seed 001.
inline std::string t3_t4_text(const std::vector<T3Row>& rows, const std::vector<std::string>& t4) {
  std::string s = "三、收到和处理政府信息公开申请情况\n";
  s += cell_lines({"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"});
  s += cell_lines({"自然人", "法人或其他组织", "总计"});
  s += cell_lines({"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"});
  for (const T3Row& r : rows) {
    std::vector<std::string> cells = r.labels;
    cells.insert(cells.end(), r.values.begin(), r.values.end());
    s += cell_lines(cells);
  }
  s += "四、政府信息公开行政复议、行政诉讼情况\n";
  s += cell_lines({"行政复议", "行政诉讼"});
  s += cell_lines({"结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"});
  s += cell_lines({"结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"});
  for (const auto& v : t4) s += v + " |\n";
  s += "五、存在的主要问题及改进情况\n";
  return s;
}

inline std::vector<std::string> t4_values() {
  return {"2", "1", "3", "1", "7", "0", "0", "0", "0", "0", "13", "2", "4", "0", "19"};
}

}  // namespace testing

#include "tables/matcher.hpp"
#include "read/normalize.hpp"
#include "read/reader.hpp"
#include "tables/relations.hpp"

namespace testing {

/// A rendition (HTML or DOCX) of the consistent 2021 tables must read back exactly: every T3
/// and T4 cell equal to t3_2021_rows()/t4_values(), spans on the numbers, and no findings.
inline void expect_consistent_2021_tables(const std::string& text) {
  nianbao::Error err{};
  auto normalizer = nianbao::Normalizer::create(&err);
  REQUIRE(normalizer);
  const nianbao::NormalizedText nt = normalizer->normalize(text);
  const nianbao::Document doc = nianbao::read_text(nt);
  const nianbao::MatchResult m = nianbao::match_tables(doc, 2021);
  CHECK(m.format == nianbao::Format::f2021);
  const nianbao::ReportTable* t3 = nullptr;
  const nianbao::ReportTable* t4 = nullptr;
  for (const auto& t : m.tables) {
    if (t.id == "T3") t3 = &t;
    if (t.id == "T4") t4 = &t;
  }
  REQUIRE(t3);
  REQUIRE(t4);
  CHECK(t3->cells.size() == 25 * 7);
  CHECK(t4->cells.size() == 15);
  const auto rows = t3_2021_rows();
  const char* cols[] = {"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};
  std::size_t i = 0;
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < 7; ++c, ++i) {
      REQUIRE(i < t3->cells.size());
      const auto& cell = t3->cells[i];
      CHECK(cell.col == cols[c]);
      CHECK(cell.raw == row.values[c]);
      REQUIRE(cell.value);
      CHECK(cell.value->to_string() == row.values[c]);
      CHECK(text.substr(cell.span.start, cell.span.end - cell.span.start) == row.values[c]);
    }
  }
  CHECK(t3->find("（三）不予公开/1.属于国家秘密", "总计")->value == nianbao::Decimal::from_int(1));
  CHECK(t3->find("（六）其他处理/3.其他", "自然人")->value == nianbao::Decimal::from_int(4));
  const auto t4v = t4_values();
  for (std::size_t k = 0; k < 15; ++k) CHECK(t4->cells[k].raw == t4v[k]);
  CHECK(t4->find("行政复议", "总计")->value == nianbao::Decimal::from_int(7));
  CHECK(t4->find("行政诉讼/复议后起诉", "总计")->value == nianbao::Decimal::from_int(19));
  for (const auto& f : m.findings) MESSAGE(nianbao::rule_id(f.rule) << ": " << f.message);
  CHECK(m.findings.empty());
  CHECK(nianbao::check_tables(m.tables).empty());
}

}  // namespace testing
