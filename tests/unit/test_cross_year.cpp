// Cross-year checks (spec §4): two consecutive years of one body, consistent, raise nothing; the
// carry-over changed raises xyear-carry on the changed column (and its 总计); copied text is said;
// in the 2019 format, an item count that does not carry raises xyear-2019.
#include <doctest/doctest.h>

#include "helpers.hpp"
#include "nianbao/cross_year.hpp"

#include <array>

using nianbao::Decimal;
using nianbao::Report;
using testing::at;
using testing::check_ok;
using testing::replaced;

namespace {
Report named(const std::string& text, const std::string& file) {
  Report r = check_ok(text);
  r.file = file;
  return r;
}
std::vector<nianbao::CrossYear> pairs_of(const std::vector<const Report*>& rs) { return nianbao::cross_year(rs); }
}  // namespace

TEST_CASE("two consistent years of one body: paired, nothing to say") {
  const Report y2021 = named(testing::read_fixture("years/2021.txt"), "2021.txt");
  const Report y2022 = named(testing::clean_report(), "2022.txt");
  CHECK(y2021.findings.empty());
  const auto pairs = pairs_of({&y2022, &y2021});  // in any order
  REQUIRE(pairs.size() == 1);
  CHECK(pairs[0].agency == "示例市交通运输局");
  CHECK(pairs[0].year == 2022);
  CHECK(pairs[0].file == "2022.txt");
  CHECK(pairs[0].previous_file == "2021.txt");
  CHECK(pairs[0].index == 0);
  CHECK(pairs[0].previous_index == 1);
  for (const auto& f : pairs[0].findings) MESSAGE(nianbao::rule_id(f.rule) << ": " << f.message);
  CHECK(pairs[0].findings.empty());
  CHECK(pairs[0].sentences > 10);
  CHECK(pairs[0].repeated * 4 < pairs[0].sentences);  // written anew
}

TEST_CASE("the carry-over changed: xyear-carry on 自然人 and on 总计, with both spans") {
  const std::string prev = testing::read_fixture("years/2021-carry.txt");
  const Report y2021 = named(prev, "2021.txt");
  CHECK(y2021.count(nianbao::Severity::error) == 0);  // still consistent in itself
  const std::string cur = testing::clean_report();
  const Report y2022 = named(cur, "2022.txt");
  const auto pairs = pairs_of({&y2021, &y2022});
  REQUIRE(pairs.size() == 1);
  const auto& f = pairs[0].findings;
  REQUIRE(f.size() == 2);
  CHECK(nianbao::rule_id(f[0].rule) == "xyear-carry");
  CHECK(f[0].message.find("自然人") != std::string::npos);
  CHECK(f[0].expected == Decimal::from_int(6));
  CHECK(f[0].actual == Decimal::from_int(5));
  CHECK(at(cur, f[0].span) == "5");
  REQUIRE(f[0].related.size() == 1);
  CHECK(at(prev, f[0].related[0]) == "6");
  CHECK(f[1].message.find("总计") != std::string::npos);
}

TEST_CASE("xyear-stock: 现行有效 against last year's plus 制发 minus 废止; xyear-copy: a report copied from last year") {
  const std::string prev_text = testing::read_fixture("years/2021.txt");
  const Report y2021 = named(replaced(prev_text, "行政规范性文件 | 4 | 2 | 20 |", "行政规范性文件 | 4 | 2 | 21 |"), "2021.txt");
  const Report y2022 = named(testing::clean_report(), "2022.txt");
  auto pairs = pairs_of({&y2021, &y2022});
  REQUIRE(pairs.size() == 1);
  REQUIRE(pairs[0].findings.size() == 1);
  CHECK(nianbao::rule_id(pairs[0].findings[0].rule) == "xyear-stock");
  CHECK(pairs[0].findings[0].expected == Decimal::from_int(23));  // 21 + 3 − 1
  CHECK(pairs[0].findings[0].severity == nianbao::Severity::warning);
  // Last year's text with this year's numbers and dates: copied.
  std::string copied = testing::clean_report();
  for (auto [from, to] : {std::pair{"2022年", "2021年"}, {"2023年1月20日", "2022年1月18日"}})
    for (std::size_t p = copied.find(from); p != std::string::npos; p = copied.find(from, p + 1)) copied.replace(p, std::string(from).size(), to);
  const Report old = named(copied, "2021-copy.txt");
  pairs = pairs_of({&old, &y2022});
  REQUIRE(pairs.size() == 1);
  bool copy = false;
  for (const auto& f : pairs[0].findings)
    if (nianbao::rule_id(f.rule) == "xyear-copy") copy = f.actual >= Decimal::from_int(90);
  CHECK(copy);
}

TEST_CASE("pairing: consecutive years of the same body only; a year twice is not guessed at") {
  const Report a = named(testing::read_fixture("years/2021.txt"), "a");
  const Report b = named(testing::clean_report(), "b");
  const Report other = named(replaced(replaced(testing::clean_report(), "示例市交通运输局2022年", "示例市水务局2022年"),
                                      "示例市交通运输局\n2023年1月20日", "示例市水务局\n2023年1月20日"), "c");
  CHECK(other.meta.agency == std::string("示例市水务局"));
  CHECK(pairs_of({&a, &other}).empty());            // another body
  CHECK(pairs_of({&a, &b, &b}).empty());            // 2022 twice: which one?
  CHECK(nianbao::body_key("鞍山市 人民政府") == nianbao::body_key("鞍山市"));
  CHECK(nianbao::body_key("鞍山市档案局") != nianbao::body_key("鞍山市"));
  CHECK(nianbao::to_json(pairs_of({&a, &b})).rfind(R"({"schema":"nianbao/1","cross_year":[{"agency":"示例市交通运输局","year":2022)", 0) == 0);
}

namespace {
// A 2021-format report of one body and year whose T2 行政规范性文件 row is either read or, run
// together, left ambiguous with the given fitting splits (制发, 废止, 现行有效).
using Split = std::array<int, 3>;
Report t2_report(int year, std::vector<Split> splits) {
  Report r;
  r.file = std::to_string(year) + ".txt";
  r.meta.agency = "示例实验区";
  r.meta.year = year;
  nianbao::ReportTable t;
  t.id = "T2";
  t.template_name = "2021";
  const std::array<std::string_view, 3> cols{"本年制发件数", "本年废止件数", "现行有效件数"};
  const nianbao::Span at{10, 20, 1};
  if (splits.size() == 1) {
    for (std::size_t i = 0; i < 3; ++i)
      t.cells.push_back({"行政规范性文件", cols[i], Decimal::from_int(splits[0][i]), std::to_string(splits[0][i]), at});
  } else {
    nianbao::AmbiguousRow a;
    a.rows.assign(3, "行政规范性文件");
    a.cols.assign(cols.begin(), cols.end());
    for (const Split& s : splits) a.candidates.push_back({Decimal::from_int(s[0]), Decimal::from_int(s[1]), Decimal::from_int(s[2])});
    a.span = at;
    t.ambiguous.push_back(a);
  }
  r.tables.push_back(t);
  return r;
}
std::vector<std::string> rules_of(const nianbao::CrossYear& p) {
  std::vector<std::string> out;
  for (const auto& f : p.findings) out.push_back(std::string(nianbao::rule_id(f.rule)));
  return out;
}
}  // namespace

TEST_CASE("xyear-stock with run-together rows: last year's stock settles a split, and no reading carries") {
  // 2022: 698 in force. 2023 ambiguous: only 77|132|470 leaves 废止 and 现行有效 within 698 + 制发
  // (32470, 2470 and 1324 cannot be), so it is used and said; 698 + 77 − 132 = 643 ≠ 470.
  const Report y2022 = t2_report(2022, {{88, 55, 698}});
  const Report y2023 = t2_report(2023, {{77, 1, 32470}, {77, 13, 2470}, {77, 132, 470}, {77, 1324, 70}});
  // 2024 ambiguous: 62|33|440 or 62|334|40; with 2023 settled at 470, neither carries.
  const Report y2024 = t2_report(2024, {{62, 33, 440}, {62, 334, 40}});
  const auto pairs = pairs_of({&y2024, &y2022, &y2023});
  REQUIRE(pairs.size() == 2);
  CHECK(rules_of(pairs[0]) == std::vector<std::string>{"cell-split", "xyear-stock"});
  CHECK(pairs[0].findings[0].severity == nianbao::Severity::info);
  CHECK(pairs[0].findings[0].message.find("77、132、470") != std::string::npos);
  CHECK(pairs[0].findings[1].expected == Decimal::from_int(643));
  CHECK(pairs[0].findings[1].actual == Decimal::from_int(470));
  CHECK(rules_of(pairs[1]) == std::vector<std::string>{"xyear-stock"});
  CHECK(pairs[1].findings[0].message.find("无论按哪一种") != std::string::npos);
  CHECK_FALSE(pairs[1].findings[0].expected.has_value());  // no one reading to name
  // 2024 taken alone after an unsettled 2023: still none of the combined readings carries.
  const Report y2023b = t2_report(2023, {{77, 132, 470}, {7713, 2, 470}});
  const auto alone = pairs_of({&y2023b, &y2024});
  REQUIRE(alone.size() == 1);
  CHECK(rules_of(alone[0]) == std::vector<std::string>{"xyear-stock"});
}

TEST_CASE("xyear-stock with a run-together row: one reading that carries is enough, nothing is said") {
  const Report y2022 = t2_report(2022, {{88, 55, 698}});
  const Report y2023 = t2_report(2023, {{77, 132, 643}, {77, 1, 32643}, {7, 7132, 643}});
  const auto pairs = pairs_of({&y2022, &y2023});
  REQUIRE(pairs.size() == 1);
  // Only 77|132|643 fits the stock bounds: settled (info), and it carries (no warning).
  CHECK(rules_of(pairs[0]) == std::vector<std::string>{"cell-split"});
  const Report both = t2_report(2023, {{77, 132, 643}, {7713, 2, 8409}});
  const auto pairs2 = pairs_of({&y2022, &both});
  REQUIRE(pairs2.size() == 1);
  CHECK(pairs2[0].findings.empty());  // two readings fit; one carries: nothing to say
}

TEST_CASE("2019 format: an item count that does not carry (xyear-2019) and a copied report (xyear-copy), exactly") {
  // The fixture pair docs/rules.md takes its examples of both rules from: each year is consistent
  // in itself; 2019 says 行政强制 3＋1 but 2020 starts from 3, and 2020 repeats 2019's text.
  const std::string prev = testing::read_fixture("years/2019.txt");
  const std::string cur = testing::read_fixture("years/2020-copied.txt");
  const Report y2019 = named(prev, "2019.txt");
  const Report y2020 = named(cur, "2020-copied.txt");
  for (const Report* r : {&y2019, &y2020}) {
    for (const auto& f : r->findings) MESSAGE(r->file << " " << nianbao::rule_id(f.rule) << ": " << f.message);
    CHECK(r->findings.empty());
    CHECK(r->meta.format == nianbao::Format::f2019);
  }
  const auto pairs = pairs_of({&y2020, &y2019});
  REQUIRE(pairs.size() == 1);
  CHECK(pairs[0].year == 2020);
  CHECK(pairs[0].previous_file == "2019.txt");
  REQUIRE(rules_of(pairs[0]) == std::vector<std::string>{"xyear-2019", "xyear-copy"});
  const auto& items = pairs[0].findings[0];
  CHECK(items.message == "表二「行政强制」上一年项目数量为3，按2019年度报告的3＋1应为4");
  CHECK(items.expected == Decimal::from_int(4));
  CHECK(items.actual == Decimal::from_int(3));
  CHECK(at(cur, items.span) == "3");
  REQUIRE(items.related.size() == 2);
  CHECK(at(prev, items.related[0]) == "3");
  CHECK(at(prev, items.related[1]) == "1");
  const auto& copy = pairs[0].findings[1];
  CHECK(copy.severity == nianbao::Severity::warning);
  CHECK(copy.actual == Decimal::from_int(94));
  CHECK(pairs[0].sentences == 17);
  CHECK(pairs[0].repeated == 16);
}
