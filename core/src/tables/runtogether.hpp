// Run-together cells (internal): crawled text where a row's label and its numbers touch and
// the numbers touch each other ("一、本年新收政府信息公开申请数量21710000218"). The rows are
// found by their template labels; the digits are split by search under the template's
// relations, and only a split that is the one possibility is used.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "read/document.hpp"
#include "nianbao/finding.hpp"
#include "nianbao/report.hpp"
#include "tables/templates.hpp"

namespace nianbao {

struct GluedRow {
  const TableTemplate* tmpl = nullptr;
  std::size_t row = 0;            ///< template row (ignored when `flat`)
  bool flat = false;              ///< the whole header-only table (T4) in one run
  /// The run, one character per unit: digits, '.', '-', 'x' for a blank marker ("—"), and ' '
  /// where numbers are written apart ("10 0 0 0 01"): a cell boundary.
  std::string digits;
  std::vector<Span> digit_spans;  ///< one span per unit
  /// Read from lines of one cell each (a crawled table with no separator): a line break ('|' in
  /// `digits`) is a cell boundary that a number broken by markup may cross ("1"/"62" for 162),
  /// and a line equal to the one before may have been dropped ("4"/"16" for 4, 4, 16).
  bool lines = false;
  Span region;  ///< the label and its numbers
};

class TemplateIndex;

/// Finds template rows followed directly by digits in the document's paragraphs. Needs at
/// least `min_rows` such rows of one template before it believes the text is a crawled table.
std::vector<GluedRow> find_glued_rows(const Document& doc, Format format, const TemplateIndex& index,
                                      std::size_t min_rows = 3);

/// The paragraphs of a document and where runs of numbers start in each (what find_glued_rows
/// looks at; made once when it looks for several formats).
struct NumberRuns {
  std::vector<const Paragraph*> paras;
  std::vector<std::vector<std::size_t>> starts;
  /// Runs of short lines holding numbers alone (a table crawled one cell per line), joined
  /// into one paragraph each: its text has '\n' where the lines' gaps are, so its offsets are
  /// the normalised text's. paras point into these for them.
  std::vector<std::unique_ptr<Paragraph>> joined;
  std::vector<bool> lines;  ///< per paragraph: one of `joined`
};
NumberRuns number_runs(const Document& doc);
std::vector<GluedRow> find_glued_rows(const Document& doc, Format format, const TemplateIndex& index,
                                      const NumberRuns& runs, std::size_t min_rows = 3);

/// A figure the report's own text states for a table cell: "制发行政规范性文件62件".
struct StatedFigure {
  std::string_view row, col;  ///< template row key and column
  Decimal value;
};

/// Figures stated in the paragraphs for the rows of `rows`: a clause naming the row's label and
/// a column keyword (制发, 废止, 现行有效, …) followed by a number with a unit; clauses that
/// follow ("废止1件，现行有效22件") keep the row of the clause before.
std::vector<StatedFigure> stated_figures(const Document& doc, const std::vector<GluedRow>& rows);

/// Places the cells of glued rows whose split is determined into `tables` (one ReportTable per
/// template of the format, possibly empty; rows already read are left alone) and reports each
/// split (`cell-split`, info) or its ambiguity (`cell-ambiguous`, warning). Stated figures
/// narrow a row's splits when they leave at least one.
void split_glued_rows(const std::vector<GluedRow>& rows, const std::vector<StatedFigure>& stated, const TemplateIndex& index,
                      std::vector<ReportTable>& tables, std::vector<Finding>& findings);

}  // namespace nianbao
