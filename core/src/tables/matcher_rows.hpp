// The template matcher, internal: the Matcher, which reads a document's table rows into the
// templates' rows (its parts: matcher_rows.cpp reads a table's rows, their labels wrapped over
// lines and their captions; matcher_place.cpp matches labels to template rows and places the
// cells), with the label keys it makes once per document. Used by match_tables (matcher.cpp).
#pragma once
#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "read/document.hpp"
#include "tables/label.hpp"
#include "tables/matcher.hpp"
#include "tables/runtogether.hpp"
#include "util/number.hpp"
#include "util/utf8.hpp"

namespace nianbao::matching {

inline bool is_unit(std::string_view s) {
  return std::find(kUnitWords.begin(), kUnitWords.end(), utf8::trim(s)) != kUnitWords.end();
}

/// Label keys of the document's cell texts, each made once for the format vote and every
/// matcher run (the texts are views into the Document, which outlives it).
class CellKeys {
 public:
  const LabelKey& of(std::string_view text) {
    auto [it, fresh] = keys_.try_emplace(text);
    if (fresh) it->second = label_key(text);
    return it->second;
  }
  /// full_core(text), made once.
  const std::u32string& full(std::string_view text) {
    auto [it, fresh] = full_.try_emplace(text);
    if (fresh) it->second = full_core(text);
    return it->second;
  }

 private:
  std::unordered_map<std::string_view, LabelKey> keys_;
  std::unordered_map<std::string_view, std::u32string> full_;
};

using Candidate = TemplateIndex::Candidate;

struct Slot {
  const Cell* cell;
  CellValue value;
};

class Matcher {
 public:
  Matcher(Format format, const TemplateIndex& index, CellKeys& keys, MatchResult& out);

  /// The caption of the next table (a heading that may name its row, or a label wrapped over a
  /// few lines above its numbers). `before`: the paragraphs right above it, nearest last, as many as kCaptionLines + 1 (fewer
  /// when a table or the start comes first). The caption is the short ones at the end, when
  /// there are at most kCaptionLines of them and at most one starts with item numbering: a
  /// heading, or one label wrapped over lines. More, and they are labels of several rows stacked
  /// apart from their numbers (a converter's output): which row comes first is not known.
  void caption(std::span<const Paragraph* const> before);

  /// Returns how many value rows were placed.
  std::size_t placed() const { return placed_; }

  /// Row `i` of a table block. Label-only rows around it may hold pieces of its label wrapped
  /// over several lines (pdftotext, narrow columns); they are joined when that matches better.
  void row(const std::vector<Row>& rows, std::size_t i);

  void row(const Row& row);

 private:
  static bool label_only(const Row& r) {
    return !r.cells.empty() && r.cells.size() <= 3 &&
           std::all_of(r.cells.begin(), r.cells.end(),
                       [](const Cell& c) { return classify_cell(c.text).kind == CellKind::text; });
  }

  /// The wrapped pieces of row `i`'s label in the label-only rows around it (above_, below_):
  /// those in the label's column (within kColumnSlack characters: pdftotext shifts a wrapped
  /// line a little), so that a label printed down another column (`三、本年度办理结果` one
  /// character per line, `（三）不` / `予公开` down a merged cell) is never glued on. Above, up to
  /// the piece that starts with item numbering (the label's first line); below, up to the next
  /// such piece or the next row with numbers. A label that has its numbering takes nothing above.
  void wrapped_pieces(const std::vector<Row>& rows, std::size_t i);

  /// The best match of `label` (or nothing: numbers alone) joined with the pieces above it,
  /// below it, or both; `joined` gets the text and span of the best.
  std::optional<std::pair<std::size_t, int>> match_wrapped(const Cell* label, Cell& joined);

  /// Places `values` in the template row that the caption (the short paragraphs just above the
  /// table: the last one, else the last two or three joined) names, as a whole or by the words in
  /// its last brackets, when that row has as many columns: a row of a header-only table (T4) by
  /// its exact label, else a row the matcher finds (score 80 or more).
  bool caption_row(const Row& row, const std::vector<Slot>& values);

  bool caption_names(const Row& row, const std::vector<Slot>& values, std::string_view text, const Span& span);

  static bool any_number(const std::vector<Slot>& v) {
    return std::any_of(v.begin(), v.end(), [](const Slot& s) { return s.value.kind == CellKind::number; });
  }

  /// The candidates whose labels a label key matches fuzzily (score 60 or more; no candidate
  /// has its core), in candidate order. Compared once per distinct key: tables repeat their
  /// group labels, reports repeat tables, and the fuzzy comparison is the costly one.
  const std::vector<std::pair<std::size_t, int>>& fuzzy(const LabelKey& key);

  /// The best candidate for a label text of the document (a view into it), and its score.
  std::optional<std::pair<std::size_t, int>> match(std::string_view text) { return match_key(keys_.of(text)); }

  std::optional<std::pair<std::size_t, int>> match_key(const LabelKey& key);

  ReportTable& table_of(const TableTemplate* t) {
    for (ReportTable& rt : tables_)
      if (rt.tmpl == t) return rt;
    return tables_.front();  // unreachable: every template has a table
  }

  /// `in_document`: the label is a cell of the document (not joined from pieces here).
  void place(const Candidate& c, const RowDef& def, const Row& row, const Cell& label, bool in_document, int score,
             std::span<const Slot> values);

  void add_cell(ReportTable& rt, const RowDef& def, std::string_view row, std::string_view col, const Slot& s);

  /// 「row」「col」 of the messages.
  static std::string cell_name(std::string_view row, std::string_view col) {
    return "「" + std::string(row) + "」「" + std::string(col) + "」";
  }

  void invalid(const Slot& s, std::string_view row, std::string_view col, const char* why);

  void unknown_row(const Cell& label);

  /// Whether a flat template took the row.
  bool flat(const Row& row, const std::vector<Slot>& values);

  Format format_;
  MatchResult& out_;
  CellKeys& keys_;
  std::vector<ReportTable> tables_;
  const TemplateIndex& index_;
  const std::vector<Candidate>& candidates_;  ///< index_.candidates(format_)
  /// The candidates by their label's core, in order (the TemplateIndex's).
  const std::unordered_map<std::u32string_view, std::vector<std::size_t>>& by_core_;
  const std::vector<std::pair<std::size_t, std::size_t>>& by_size_;  ///< the TemplateIndex's
  std::vector<char> done_;  ///< by candidate (its order: its index): a row of it placed
  /// Orders the fuzzy cache's keys (numbering, core) and views of them alike.
  struct KeyLess {
    using is_transparent = void;
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
      const std::u32string_view a1 = a.first, b1 = b.first;
      if (a1 != b1) return a1 < b1;
      return std::u32string_view(a.second) < std::u32string_view(b.second);
    }
  };
  std::map<std::pair<std::u32string, std::u32string>, std::vector<std::pair<std::size_t, int>>, KeyLess> fuzzy_;  ///< by numbering, core
  std::size_t last_order_ = 0;
  std::size_t placed_ = 0;
  std::vector<const Paragraph*> captions_;  ///< short paragraphs right above the current table
  /// Pieces of the current row's label wrapped onto the label-only rows above and below it.
  std::vector<const Cell*> above_, below_;
  static constexpr std::size_t kColumnSlack = 4;  ///< characters a wrapped line may be shifted by
  static constexpr std::size_t kWrapRows = 4;     ///< label-only rows looked at on each side
  static constexpr int kWrappedAlone = 80;          ///< score a label must reach to take numbers alone
  static constexpr std::size_t kPieceChars = 4;     ///< a label fragment's characters at least, to tell its row
  static constexpr std::size_t kCaptionBytes = 90;  ///< a caption line's length at most (30 Chinese characters)
  std::vector<Slot> slots_, values_;  ///< row()'s
  std::vector<Slot> trailing_;        ///< the current row's empty cell after its last number, if any
  Cell blank_cell_;                   ///< its cell (Row::trailing_empty)
  std::vector<Slot> padded_;          ///< place()'s values with a trailing blank
  /// The rows of the tables in document order: a template row placed (an anchor), the same row
  /// placed twice (a barrier: the order is not to be trusted there), or a row of numbers that no
  /// label took (loose: numbers alone, or with a label that matches no template row).
  struct Event {
    enum Kind { anchor, barrier, loose } kind;
    std::size_t order;  ///< candidate (anchor, barrier)
    const Row* row;
    std::vector<Slot> values;  ///< loose
    const Cell* label;         ///< loose: its label that matched nothing, if any
    bool unknown;              ///< loose: say that its label matched nothing, if it stays loose
  };
  std::vector<Event> events_;

  /// Whether `values` (one short of `def`'s columns, all numbers) can be the row's first columns
  /// only: with the missing cell anywhere else (the last value the last column), some relation
  /// among the row's own cells fails, or gives the missing cell a value it cannot have.
  bool only_last_blank(const Candidate& c, const RowDef& def, std::span<const Slot> values) const;

 public:
  /// Rows of numbers that no label took, placed where the document order leaves one place for
  /// them: between two rows of a table read as template rows i and j, exactly j − i − 1 such rows
  /// (reports keep template order) are rows i+1 … j−1, in order, when none of those was read
  /// elsewhere, each has their number of values, and a label that matched nothing is a piece of
  /// the row's label (a converter's fragment). Otherwise they stay unread (table-incomplete).
  void loose_rows();

 private:
  void between(std::size_t a, std::size_t b);

 private:
  std::set<const RowDef*> said_;      ///< template rows a finding already says were not read

 public:
  static constexpr std::size_t kCaptionLines = 3;  ///< caption lines at most

  /// Rows written as crawled text with their digits run together (after the real tables, so
  /// rows read from tables are kept and their values constrain the splits).
  void glued(const Document& doc, const std::vector<GluedRow>& rows);

  std::vector<ReportTable> take_tables();
};

}  // namespace nianbao::matching
