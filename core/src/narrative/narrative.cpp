// The narrative reader's pipeline: its stages (narrative_rules.hpp) in order over one Prose,
// and the Report assembled from their results once.
#include "narrative/narrative.hpp"

#include <algorithm>
#include <iterator>

#include "narrative/narrative_rules.hpp"
#include "narrative/prose.hpp"
#include "util/utf8.hpp"

namespace nianbao {

namespace {

/// Sentence keys of the report text, for comparing it with another year's (cross_year.cpp).
std::vector<SentenceKey> sentence_keys(const Prose& prose) {
  std::vector<SentenceKey> out;
  for (const Paragraph* p : prose.body()) {
    const std::string_view t = p->text;
    for (std::size_t s0 = 0; s0 < t.size();) {
      const std::size_t s1 = sentence_end(t, s0);
      // FNV-1a over the code points kept: one step per character.
      std::uint64_t h = 1469598103934665603ull;
      std::size_t han = 0;
      for (std::size_t i = s0; i < s1;) {
        const auto b = static_cast<unsigned char>(t[i]);
        if (b < 0x80) {  // ASCII: letters are kept
          if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') h = (h ^ b) * 1099511628211ull;
          ++i;
          continue;
        }
        std::size_t len = utf8::plain_three(t, i);
        const char32_t cp = len ? utf8::three(t, i) : utf8::decode(t, i, len);
        if (utf8::is_han(cp)) {
          ++han;
          h = (h ^ cp) * 1099511628211ull;
        }
        i += len;
      }
      if (han >= 12) out.push_back({h, prose.span(*p, s0, s1)});
      s0 = std::max(past_stop(t, s1), s0 + 1);
    }
  }
  return out;
}

/// A heading that differs from the format's only by a typo ("行政法复议") is said once, as the
/// typo: the section-title findings of `outline` that hold a typo of `integrity` are dropped.
void drop_titles_said_as_typos(std::vector<Finding>& outline, const std::vector<Finding>& integrity) {
  std::vector<Span> typos;
  for (const Finding& f : integrity)
    if (f.rule == Rule::typo) typos.push_back(f.span);
  if (!typos.empty())
    std::erase_if(outline, [&](const Finding& f) {
      return f.rule == Rule::section_title && std::any_of(typos.begin(), typos.end(), [&](const Span& t) { return t.start >= f.span.start && t.end <= f.span.end; });
    });
}

void append(std::vector<Finding>& to, std::vector<Finding>&& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

void read_narrative(const Document& doc, Report& report) {
  const std::span<const ReportTable> tables = report.tables;
  Prose prose(doc, tables);
  NarrativeFacts facts = read_facts(prose, report.meta.year, report.meta.format);
  OutlineResult outline = check_outline(prose, facts, tables);
  std::vector<Finding> integrity = check_integrity(prose);
  drop_titles_said_as_typos(outline.findings, integrity);
  TextSumsResult sums = check_text_sums(prose);
  TextTableResult figures = check_text_table(prose, facts, tables);
  std::vector<Finding> content = check_content(prose, facts);
  ChartStats stats = chart_stats(prose, tables);
  std::vector<SentenceKey> sentences = sentence_keys(prose);

  // The Report, once; findings in the order of the stages.
  report.meta.agency = std::move(facts.agency);
  report.meta.published = std::move(facts.published);
  report.meta.kind = facts.kind;
  report.sections = std::move(facts.sections);
  report.deadline = std::move(facts.deadline);
  report.period = std::move(outline.period);
  for (std::vector<Finding>* part : {&facts.findings, &outline.findings, &integrity, &sums.findings, &figures.findings, &content})
    append(report.findings, std::move(*part));
  report.text_sums = std::move(sums.sums);
  report.text_shares = std::move(sums.shares);
  report.text_figures = std::move(figures.figures);
  report.figures = std::move(stats.figures);
  report.charts = std::move(stats.charts);
  report.rates = std::move(stats.rates);
  report.sentences = std::move(sentences);
}

}  // namespace nianbao
