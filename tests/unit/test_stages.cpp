// The narrative's stages (core/src/narrative/narrative_rules.hpp) one by one: the facts stage
// gives the meta and the outline without a Report, and each rule family is a function of its
// read-only inputs — the same inputs give the same findings, other facts other findings.
#include <doctest/doctest.h>

#include "helpers.hpp"
#include "narrative/narrative.hpp"
#include "narrative/narrative_rules.hpp"
#include "read/normalize.hpp"
#include "read/reader.hpp"
#include "tables/matcher.hpp"

using nianbao::BodyKind;
using nianbao::Format;

namespace {

std::vector<std::string> rule_ids(const std::vector<nianbao::Finding>& fs) {
  std::vector<std::string> out;
  for (const auto& f : fs) out.emplace_back(nianbao::rule_id(f.rule));
  return out;
}

}  // namespace

TEST_CASE("stages: facts of the clean report, then rules over read-only inputs") {
  nianbao::Error err{};
  auto normalizer = nianbao::Normalizer::create(&err);
  REQUIRE(normalizer);
  const nianbao::NormalizedText nt = normalizer->normalize(testing::clean_report());
  const nianbao::Document doc = nianbao::read_text(nt);
  const std::optional<int> year = nianbao::find_year(doc);
  REQUIRE(year == 2022);
  const nianbao::MatchResult matched = nianbao::match_tables(doc, year);
  REQUIRE(matched.format == Format::f2021);
  const std::span<const nianbao::ReportTable> tables = matched.tables;

  nianbao::Prose prose(doc, tables);
  const nianbao::NarrativeFacts facts = nianbao::read_facts(prose, year, matched.format);
  CHECK(facts.agency == std::string("示例市交通运输局"));
  CHECK(facts.kind == BodyKind::department);
  CHECK(facts.published == std::string("2023-01-20"));
  CHECK(facts.sections.size() == 6);
  REQUIRE(facts.deadline);
  CHECK(facts.deadline->met);
  CHECK(facts.findings.empty());

  // The rules: nothing to say of the clean report; the same again when run twice.
  const nianbao::OutlineResult outline = nianbao::check_outline(prose, facts, tables);
  CHECK(outline.findings.empty());
  REQUIRE(outline.period);
  CHECK(outline.period->holds);
  CHECK(nianbao::check_integrity(prose).empty());
  const nianbao::TextSumsResult sums = nianbao::check_text_sums(prose);
  CHECK(sums.findings.empty());
  CHECK(nianbao::check_text_sums(prose).sums.size() == sums.sums.size());
  const nianbao::TextTableResult figures = nianbao::check_text_table(prose, facts, tables);
  CHECK(figures.findings.empty());
  CHECK_FALSE(figures.figures.empty());
  CHECK(nianbao::check_content(prose, facts).empty());
  const nianbao::ChartStats stats = nianbao::chart_stats(prose, tables);
  CHECK_FALSE(stats.charts.empty());

  // Other facts, other findings: a government's report must also state its 考核/评议/责任追究.
  nianbao::NarrativeFacts government = facts;
  government.kind = BodyKind::government;
  const auto content = nianbao::check_content(prose, government);
  CHECK(rule_ids(content) == std::vector<std::string>{"content-required"});
  REQUIRE(content.size() == 1);
  CHECK(content[0].message.find("社会评议、责任追究结果") != std::string::npos);
  // Without the tables: no text-table statement to check.
  CHECK(nianbao::check_text_table(prose, facts, {}).figures.empty());
}
