// The parts of the narrative reader (internal). read_narrative() (narrative.cpp) runs them in
// order over one Prose; each adds its findings and statistics to the report.
#pragma once
#include <optional>
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

/// What the first parts learn about the document and the later ones use.
struct Landmarks {
  std::optional<Title> title;              ///< the report's title, if it has one
  const Paragraph* signature = nullptr;    ///< the date line of the signature block
  std::optional<Date> signed_on;
  std::optional<std::string> signer;       ///< the body named above the signature date
  std::optional<Date> page_date;           ///< 发布时间 in the page header
  std::optional<std::string> page_agency;  ///< 发布机构 in the page header
};

/// outline.cpp: the headings (一、 and, under them, （一）), the report title.
std::vector<Section> find_sections(const Prose& prose);
std::optional<Title> find_title(const Prose& prose);
/// outline.cpp: numbering, section-missing, section-order, section-title, title, period, signature.
void check_outline(const Prose& prose, const Landmarks& marks, Report& report);

/// outline.cpp: the section (1–6 of the 2019/2021 formats) a heading's words name — officially,
/// as a listed variant or by key words — or 0.
int section_of(std::string_view words);

/// flat.cpp: a heading's words that are a row label of 表三 ("本年新收政府信息公开申请数量"), and a
/// numbered line that is the start of one of its labels a converter set outside the table
/// ("(四)无", "2.其他法律行政法规禁"): never headings.
bool table_row_label(std::string_view words);
bool table_label_fragment(std::string_view line);

/// text_sums.cpp: text-sum, text-percent (totals and their parts, shares and rates).
void check_text_sums(const Prose& prose, Report& report);

/// text_table.cpp: text-table (figures and "none" statements against the tables).
void check_text_table(const Prose& prose, Report& report);

/// content.cpp: content-required, info-fee; tampering, typo, pii.
void check_content(const Prose& prose, Report& report);
void check_integrity(const Prose& prose, Report& report);

/// stats.cpp: the figures and rates for the page's charts, from the tables (and the text's
/// 主动公开 total when no table has it).
void fill_charts(const Prose& prose, Report& report);

/// The text of section `number` (一 … 六): the body paragraphs after its heading up to the next
/// top-level heading. Empty when the report has no such heading or nothing under it.
std::string section_text(const Prose& prose, const Report& report, std::string_view number);

}  // namespace nianbao
