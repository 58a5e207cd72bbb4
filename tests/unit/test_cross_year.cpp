// Cross-year checks (spec §4): two consecutive years of one body, consistent, raise nothing; the
// carry-over changed raises xyear-carry on the changed column (and its 总计); copied text is said;
// in the 2019 format, an item count that does not carry raises xyear-2019. Each pair's tables side
// by side (`compare`): the carry-over per 表三 column and the stock per 表二 row, both reports' cells
// with their addresses, what agrees and what does not, and cells with no value said as such.
#include <doctest/doctest.h>

#include "helpers.hpp"
#include "nianbao/cross_year.hpp"
#include "tables/templates.hpp"

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
  CHECK(pairs2[0].findings.empty());  // two readings fit and carry: nothing to say
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

namespace {
using State = nianbao::CompareCell::State;
std::optional<Decimal> num(int v) { return Decimal::from_int(v); }
}  // namespace

TEST_CASE("compare: the carry-over of every 表三 column and the stock of each 表二 row, from both reports") {
  const std::string prev = testing::read_fixture("years/2021.txt");
  const std::string cur = testing::clean_report();
  const Report y2021 = named(prev, "2021.txt");
  const Report y2022 = named(cur, "2022.txt");
  const auto pairs = pairs_of({&y2021, &y2022});
  REQUIRE(pairs.size() == 1);
  const nianbao::YearCompare& c = pairs[0].compare;
  // 2021: 四、结转下年度继续办理 | 5 | 0 | 0 | 0 | 0 | 0 | 5; 2022: 二、上年结转 the same.
  REQUIRE(c.carry.size() == 7);
  const std::array<std::string_view, 7> cols{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};
  const std::array<int, 7> carried{5, 0, 0, 0, 0, 0, 5};
  for (std::size_t i = 0; i < 7; ++i) {
    const nianbao::CarryCompare& x = c.carry[i];
    CAPTURE(x.col);
    CHECK(x.col == cols[i]);
    CHECK(x.previous.table == "T3");
    CHECK(x.previous.row == "四、结转下年度继续办理");
    CHECK(x.current.row == "二、上年结转政府信息公开申请数量");
    CHECK(x.previous.col == cols[i]);
    CHECK(x.current.col == cols[i]);
    CHECK(x.previous.state == State::read);
    CHECK(x.previous.value == num(carried[i]));
    CHECK(x.current.value == num(carried[i]));
    REQUIRE(x.previous.span);
    REQUIRE(x.current.span);
    CHECK(at(prev, *x.previous.span) == std::to_string(carried[i]));
    CHECK(at(cur, *x.current.span) == std::to_string(carried[i]));
    CHECK(x.agree == true);
  }
  CHECK(prev.find("四、结转下年度继续办理") < c.carry[0].previous.span->start);
  CHECK(cur.find("二、上年结转") < c.carry[0].current.span->start);
  CHECK(cur.find("（一）予以公开") > c.carry[6].current.span->start);
  // 行政规范性文件: 20 in force, then 制发 3, 废止 1, 22 in force: 20 + 3 − 1 = 22.
  REQUIRE(c.stock.size() == 2);
  CHECK(c.stock[0].row == "规章");
  CHECK(c.stock[0].expected == num(0));
  CHECK(c.stock[0].agree == true);
  const nianbao::StockCompare& docs = c.stock[1];
  CHECK(docs.row == "行政规范性文件");
  CHECK(docs.previous.col == "现行有效件数");
  CHECK(docs.issued.col == "本年制发件数");
  CHECK(docs.abolished.col == "本年废止件数");
  CHECK(docs.current.col == "现行有效件数");
  CHECK(docs.previous.value == num(20));
  CHECK(docs.issued.value == num(3));
  CHECK(docs.abolished.value == num(1));
  CHECK(docs.current.value == num(22));
  CHECK(docs.expected == num(22));
  CHECK(docs.agree == true);
  CHECK(at(prev, *docs.previous.span) == "20");
  CHECK(at(cur, *docs.issued.span) == "3");
  CHECK(pairs[0].findings.empty());
  // In the JSON, each pair's "compare", cells as the report writes them.
  const std::string json = nianbao::to_json(pairs);
  CHECK(json.find(R"("compare":{"carry":[{"label":"自然人","previous":{"table":"T3","row":"四、结转下年度继续办理","col":"自然人","state":"read","value":5,"raw":"5","span":{"start":)") != std::string::npos);
  CHECK(json.find(R"("expected":22,"agree":true}]},"findings":[])") != std::string::npos);
}

TEST_CASE("compare: a carry-over that differs, and cells with no value, said and never guessed") {
  const std::string prev = testing::read_fixture("years/2021-carry.txt");
  // This year: 商业企业 of 上年结转 blank (—); last year: 规章 not in its 表二.
  const std::string cur = replaced(testing::clean_report(), "二、上年结转政府信息公开申请数量 | 5 | 0 |", "二、上年结转政府信息公开申请数量 | 5 | — |");
  const std::string prev_cut = replaced(prev, "规章 | 0 | 0 | 0 | |||||\n", "");
  const Report y2021 = named(prev_cut, "2021.txt");
  const Report y2022 = named(cur, "2022.txt");
  const auto pairs = pairs_of({&y2021, &y2022});
  REQUIRE(pairs.size() == 1);
  const nianbao::YearCompare& c = pairs[0].compare;
  REQUIRE(c.carry.size() == 7);
  // 自然人 and 总计: 6 carried on, 5 carried over.
  for (std::size_t i : {0u, 6u}) {
    CHECK(c.carry[i].previous.value == num(6));
    CHECK(c.carry[i].current.value == num(5));
    CHECK(c.carry[i].agree == false);
  }
  const nianbao::CarryCompare& blank = c.carry[1];
  CHECK(blank.col == "商业企业");
  CHECK(blank.previous.value == num(0));
  CHECK(blank.current.state == State::blank);
  CHECK_FALSE(blank.current.value.has_value());
  CHECK(blank.current.raw == "—");
  CHECK(at(cur, *blank.current.span) == "—");
  CHECK_FALSE(blank.agree.has_value());  // not 0 = 0
  for (std::size_t i = 2; i < 6; ++i) CHECK(c.carry[i].agree == true);
  // The findings are the disagreements, no more: the blank column is not one.
  REQUIRE(rules_of(pairs[0]) == std::vector<std::string>{"xyear-carry", "xyear-carry"});
  CHECK(pairs[0].findings[0].span == *c.carry[0].current.span);
  CHECK(pairs[0].findings[0].related == std::vector<nianbao::Span>{*c.carry[0].previous.span});
  CHECK(pairs[0].findings[1].span == *c.carry[6].current.span);
  // 规章: last year's row not read; this year's read; nothing related.
  REQUIRE(c.stock.size() == 2);
  const nianbao::StockCompare& rules = c.stock[0];
  CHECK(rules.previous.state == State::unread);
  CHECK_FALSE(rules.previous.value.has_value());
  CHECK_FALSE(rules.previous.span.has_value());
  CHECK(rules.current.state == State::read);
  CHECK(rules.current.value == num(0));
  CHECK_FALSE(rules.expected.has_value());
  CHECK_FALSE(rules.agree.has_value());
  CHECK(c.stock[1].agree == true);
  const std::string json = nianbao::to_json(pairs);
  CHECK(json.find(R"({"label":"商业企业","previous":{"table":"T3","row":"四、结转下年度继续办理","col":"商业企业","state":"read","value":0,"raw":"0","span":)") != std::string::npos);
  CHECK(json.find(R"("current":{"table":"T3","row":"二、上年结转政府信息公开申请数量","col":"商业企业","state":"blank","value":null,"raw":"—","span":)") != std::string::npos);
  CHECK(json.find(R"({"label":"规章","previous":{"table":"T2","row":"规章","col":"现行有效件数","state":"unread","value":null},"issued":)") != std::string::npos);
}

TEST_CASE("compare: the stock of run-together rows shows the reading the relation leaves, or none") {
  const Report y2022 = t2_report(2022, {{88, 55, 698}});
  const Report y2023 = t2_report(2023, {{77, 1, 32470}, {77, 13, 2470}, {77, 132, 470}, {77, 1324, 70}});
  const Report y2024 = t2_report(2024, {{62, 33, 440}, {62, 334, 40}});
  const auto pairs = pairs_of({&y2024, &y2022, &y2023});
  REQUIRE(pairs.size() == 2);
  // 2023: only 77|132|470 can be; 698 + 77 − 132 = 643 ≠ 470.
  const nianbao::StockCompare& s23 = pairs[0].compare.stock[1];
  CHECK(pairs[0].compare.stock[0].previous.state == State::unread);  // no 规章 row in these tables
  CHECK(pairs[0].compare.carry.empty());                               // nor any 表三
  CHECK(s23.previous.state == State::read);
  CHECK(s23.previous.value == num(698));
  CHECK(s23.issued.state == State::split);
  CHECK(s23.issued.value == num(77));
  CHECK(s23.abolished.value == num(132));
  CHECK(s23.current.value == num(470));
  CHECK(s23.expected == num(643));
  CHECK(s23.agree == false);
  CHECK(s23.settled_by == num(698));
  CHECK(pairs[0].findings[1].expected == s23.expected);
  // 2024: neither split carries 2023's 470; the two readings differ in every value: none shown.
  const nianbao::StockCompare& s24 = pairs[1].compare.stock[1];
  CHECK(s24.previous.state == State::split);  // settled by the pair before
  CHECK(s24.previous.value == num(470));
  CHECK(s24.current.state == State::ambiguous);
  CHECK_FALSE(s24.current.value.has_value());
  CHECK_FALSE(s24.abolished.value.has_value());
  CHECK(s24.current.span.has_value());
  CHECK_FALSE(s24.expected.has_value());
  CHECK(s24.agree == false);
  CHECK(s24.current_readings == 2);
  // Two readings can be, one carries: it agrees, and that reading is the one shown.
  const Report one = t2_report(2023, {{77, 132, 643}, {77, 100, 600}});
  const auto carried = pairs_of({&y2022, &one});
  const nianbao::StockCompare& s = carried[0].compare.stock[1];
  CHECK(s.agree == true);
  CHECK(s.current.state == State::split);
  CHECK(s.current.value == num(643));
  CHECK(s.abolished.value == num(132));
  CHECK(s.expected == num(643));
  CHECK_FALSE(s.settled_by.has_value());  // two readings could be: nothing settled
  CHECK(carried[0].findings.empty());
  // Both readings carry (698 + 7713 − 2 = 8409): it agrees, and neither is chosen.
  const Report both = t2_report(2023, {{77, 132, 643}, {7713, 2, 8409}});
  const auto two = pairs_of({&y2022, &both});
  const nianbao::StockCompare& b = two[0].compare.stock[1];
  CHECK(b.agree == true);
  CHECK(b.current.state == State::ambiguous);
  CHECK_FALSE(b.current.value.has_value());
  CHECK_FALSE(b.expected.has_value());
  CHECK(b.previous.value == num(698));
}

TEST_CASE("compare: a 表二 cell the format does not have is said as such; no 2021 表二, no stock") {
  Report y2020 = t2_report(2020, {{5, 1, 9}});
  y2020.tables[0].template_name = "2019";
  y2020.tables[0].cells.clear();
  for (const nianbao::TableTemplate* t : nianbao::templates_for(nianbao::Format::f2019))
    if (t->id == "T2") y2020.tables[0].tmpl = t;
  REQUIRE(y2020.tables[0].tmpl);
  const Report y2021 = t2_report(2021, {{4, 2, 20}});
  const auto pairs = pairs_of({&y2020, &y2021});
  REQUIRE(pairs.size() == 1);
  const nianbao::StockCompare& s = pairs[0].compare.stock[1];
  CHECK(s.previous.state == State::none);  // the 2019 format has no 现行有效件数
  CHECK(s.current.value == num(20));
  CHECK_FALSE(s.agree.has_value());
  CHECK(pairs[0].findings.empty());
  // The 2019 format on both sides: the carry-over only.
  const Report y2019 = named(testing::read_fixture("years/2019.txt"), "2019.txt");
  const Report y2020b = named(testing::read_fixture("years/2020-copied.txt"), "2020-copied.txt");
  const auto old = pairs_of({&y2019, &y2020b});
  REQUIRE(old.size() == 1);
  CHECK(old[0].compare.stock.empty());
  REQUIRE(old[0].compare.carry.size() == 7);
  for (const auto& x : old[0].compare.carry) CHECK(x.agree.has_value());
}
