// Cross-year checks (spec §4): two consecutive years of one body, consistent, raise nothing; the
// carry-over changed raises xyear-carry on the changed column (and its 总计); copied text is said.
#include <doctest/doctest.h>

#include "helpers.hpp"
#include "nianbao/cross_year.hpp"

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
  for (const auto& f : pairs[0].findings) MESSAGE(f.rule << ": " << f.message);
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
  CHECK(f[0].rule == "xyear-carry");
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
  CHECK(pairs[0].findings[0].rule == "xyear-stock");
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
    if (f.rule == "xyear-copy") copy = f.actual >= Decimal::from_int(90);
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
