// The pipeline: one check, stage by stage (docs/architecture.md).
//   read    bytes -> text (read/input.cpp: format, encoding, PDF runs, DOCX, HTML, screen)
//           text -> normalised text -> Document (read/normalize.cpp, read/text_reader.cpp)
//   tables  Document -> tables mapped onto the official templates, and their reading findings
//           (tables/matcher.cpp, tables/runtogether.cpp); template-version; the relations of
//           spec §4 (tables/rules.cpp)
//   narrative  facts (meta, outline), then the text's rule families (narrative/narrative.cpp)
// The Report is assembled here, once per check; its findings are sorted by place.
#include "nianbao/check.hpp"

#include <algorithm>
#include <tuple>

#include "narrative/narrative.hpp"
#include "read/input.hpp"
#include "read/normalize.hpp"
#include "read/reader.hpp"
#include "rules/repeats.hpp"
#include "tables/ambiguity.hpp"
#include "tables/corrections.hpp"
#include "tables/label.hpp"
#include "tables/matcher.hpp"
#include "tables/relations.hpp"
#include "tables/template_version.hpp"

namespace nianbao {

Checker::Checker(std::unique_ptr<Normalizer> n)
    : normalizer_(std::move(n)), templates_(std::make_unique<TemplateIndex>()) {}
Checker::~Checker() = default;

std::unique_ptr<Checker> Checker::create(Error* error) {
  auto n = Normalizer::create(error);
  if (!n) return nullptr;
  return std::unique_ptr<Checker>(new Checker(std::move(n)));
}

Outcome Checker::check(std::string_view bytes, const Options& options) {
  auto read = read_input(bytes, options);
  if (auto* e = std::get_if<Error>(&read)) return std::move(*e);
  Report report;
  report.file = options.file;
  report.input = std::move(std::get<InputInfo>(read));
  const std::string_view input = report.input.text ? std::string_view(*report.input.text) : bytes;
  const NormalizedText nt = normalizer_->normalize(input);
  report.meta.script = nt.script;
  const Document doc = read_text(nt);
  report.meta.year = find_year(doc);

  MatchResult matched = match_tables(doc, report.meta.year, *templates_);
  if (auto e = apply_corrections(matched.tables, options.cells)) return std::move(*e);  // a reviewer's (Options::cells)
  settle_ambiguous(matched.tables, matched.findings);  // rows whose split a reviewer chose
  assess_ambiguous(matched.tables, *templates_);  // each fitting split's relations, to settle it
  report.meta.format = matched.format;
  if (auto f = check_template_version(matched, report.meta.year)) matched.findings.push_back(std::move(*f));
  if (matched.tables.empty() && report.meta.year && *report.meta.year <= 2018)
    report.meta.format = Format::legacy;  // before 2019 there was no mandated layout
  report.findings.insert(report.findings.end(), std::make_move_iterator(matched.findings.begin()),
                         std::make_move_iterator(matched.findings.end()));
  report.tables = std::move(matched.tables);
  std::vector<Finding> rules = check_tables(report.tables, *templates_);
  report.findings.insert(report.findings.end(), std::make_move_iterator(rules.begin()),
                         std::make_move_iterator(rules.end()));
  read_narrative(doc, report);

  if (nt.script == Script::hant && nt.first_converted) {
    Finding f;
    f.rule = Rule::script_converted;
    f.severity = Severity::info;
    f.message = "原文为繁体字，已将" + std::to_string(nt.converted) + "个繁体字转换为简体后检查";
    f.span = *nt.first_converted;
    report.findings.push_back(std::move(f));
  }
  std::stable_sort(report.findings.begin(), report.findings.end(), [](const Finding& a, const Finding& b) {
    // (By the rule's id, as text: the order of the JSON since rules had string ids.)
    return std::tuple(a.span.start, a.span.end, rule_id(a.rule)) < std::tuple(b.span.start, b.span.end, rule_id(b.rule));
  });
  group_repeats(report.findings);  // one defect in many places is one finding (spec §9)
  return report;
}

}  // namespace nianbao
