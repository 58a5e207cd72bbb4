// The stages of the narrative reader (internal). read_narrative() (narrative.cpp) runs them in
// this order over one Prose and assembles their results into the Report once:
//   1. facts (facts.cpp): Prose (its chrome marked) + year, format → NarrativeFacts: meta (agency,
//      published, kind), sections, landmarks, the deadline; site-chrome and deadline findings.
//   2. the rule families, each a function of read-only inputs (const Prose&, const facts, const
//      tables) that returns its findings and, where it has some, its statistics:
//      outline (+ period), integrity, text sums (+ sums, shares), text-table (+ figures), content.
//   3. the page's statistics (stats.cpp: figures, charts, rates) and the sentence keys.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "nianbao/report.hpp"
#include "narrative/prose.hpp"

namespace nianbao {

/// The report's title: its line, or its two lines joined.
struct Title {
  std::string text;
  Span span;
};

/// Where the facts stage found the report's parts; the outline rules use them.
struct Landmarks {
  std::optional<Title> title;              ///< the report's title, if it has one
  const Paragraph* signature = nullptr;    ///< the date line of the signature block
  std::optional<Date> signed_on;
  std::optional<std::string> signer;       ///< the body named above the signature date
  std::optional<Date> page_date;           ///< 发布时间 in the page header
  std::optional<std::string> page_agency;  ///< 发布机构 in the page header
};

/// Stage 1's result: what the narrative says of itself, read before any rule.
struct NarrativeFacts {
  std::optional<int> year;                ///< given: the report year (find_year)
  Format format = Format::unknown;        ///< given: the tables' format
  std::optional<std::string> agency;      ///< Meta.agency
  std::optional<std::string> published;   ///< Meta.published (YYYY-MM-DD)
  BodyKind kind = BodyKind::unknown;      ///< Meta.kind
  std::vector<Section> sections;          ///< the headings (一、 and, under them, （一）)
  Landmarks marks;
  std::optional<DeadlineCheck> deadline;  ///< when the year, the date and the kind are known
  std::vector<Finding> findings;          ///< site-chrome, deadline
};

/// facts.cpp: stage 1. Marks the page chrome in `prose` (the only stage that changes it).
NarrativeFacts read_facts(Prose& prose, std::optional<int> year, Format format);

/// outline.cpp: the headings (一、 and, under them, （一）), the report title.
std::vector<Section> find_sections(const Prose& prose);
std::optional<Title> find_title(const Prose& prose);

/// outline.cpp: numbering, section-missing, section-order, section-title, title, period,
/// signature; and the statistics period the text states.
struct OutlineResult {
  std::vector<Finding> findings;
  std::optional<PeriodCheck> period;
};
OutlineResult check_outline(const Prose& prose, const NarrativeFacts& facts, std::span<const ReportTable> tables);

/// outline.cpp: the section (1–6 of the 2019/2021 formats) a heading's words name — officially,
/// as a listed variant or by key words — or 0.
int section_of(std::string_view words);

/// flat.cpp: a heading's words that are a row label of 表三 ("本年新收政府信息公开申请数量"), and a
/// numbered line that is the start of one of its labels a converter set outside the table
/// ("(四)无", "2.其他法律行政法规禁"): never headings.
bool table_row_label(std::string_view words);
bool table_label_fragment(std::string_view line);

/// content.cpp: tampering, typo, pii.
std::vector<Finding> check_integrity(const Prose& prose);

/// text_sums.cpp: text-sum, text-percent (totals and their parts, shares and rates), with the
/// sums and shares checked.
struct TextSumsResult {
  std::vector<Finding> findings;
  std::vector<TextSum> sums;
  std::vector<TextShare> shares;
};
TextSumsResult check_text_sums(const Prose& prose);

/// text_table.cpp: text-table (figures and "none" statements against the tables), with the
/// figures compared.
struct TextTableResult {
  std::vector<Finding> findings;
  std::vector<TextFigure> figures;
};
TextTableResult check_text_table(const Prose& prose, const NarrativeFacts& facts, std::span<const ReportTable> tables);

/// content.cpp: content-required, info-fee.
std::vector<Finding> check_content(const Prose& prose, const NarrativeFacts& facts);

/// stats.cpp: the figures and rates for the page's charts, from the tables (and the text's
/// 主动公开 total when no table has it).
struct ChartStats {
  std::vector<Figure> figures;
  std::vector<Chart> charts;
  std::vector<Rate> rates;
};
ChartStats chart_stats(const Prose& prose, std::span<const ReportTable> tables);

}  // namespace nianbao
