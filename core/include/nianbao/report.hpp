// The result of checking one report.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/decimal.hpp"
#include "nianbao/finding.hpp"
#include "nianbao/format.hpp"
#include "nianbao/rules.hpp"
#include "nianbao/span.hpp"

namespace nianbao {

struct TableTemplate;  // the official template a table was mapped onto (internal)

/// Who issued the report: a local government (人民政府 and its offices, or a region's name) or
/// a department of one. It decides the deadline and what the report must contain (spec §5).
enum class BodyKind { unknown, government, department };

/// The kind's name as the JSON writes it: "unknown", "government", "department".
constexpr std::string_view body_kind_name(BodyKind kind) {
  switch (kind) {
    case BodyKind::government: return "government";
    case BodyKind::department: return "department";
    case BodyKind::unknown: break;
  }
  return "unknown";
}

struct Meta {
  std::optional<std::string> agency;
  std::optional<int> year;
  std::optional<std::string> published;  ///< YYYY-MM-DD
  Format format = Format::unknown;
  BodyKind kind = BodyKind::unknown;
  Script script = Script::hans;
};

/// A heading: 一、… at the top level, （一）… and 1. below it.
struct Section {
  std::string number;  ///< 一, 二, ... (（一） and 1. keep their brackets and dot: "(一)", "1.")
  std::string title;
  Span span;
  std::vector<Section> subsections;
};

struct TableCell {
  std::string_view row;  ///< official row key (a view of the template's, static data)
  std::string_view col;  ///< official column label (likewise)
  std::optional<Decimal> value;  ///< nothing when blank or invalid
  std::string raw;  ///< the cell as written (normalised)
  Span span;
  bool corrected = false;  ///< its value is a reviewer's correction (Options::cells), not the text's
};

/// A row whose digits arrived run together and split in more than one way that fits the
/// template (`cell-ambiguous`): each candidate gives a value (or a blank) per cell, in the
/// order of `rows`/`cols`. Not in the JSON; checks across years use it (cross_year.hpp), and a split that only
/// one candidate of it allows there is said in their findings.
struct AmbiguousRow {
  std::vector<std::string_view> rows, cols;  ///< each cell's official row key and column label
  std::vector<std::vector<std::optional<Decimal>>> candidates;
  Span span;  ///< the digits as written
  /// A relation of the template that has a cell of this row: whether it holds with a candidate
  /// (nothing: a cell it needs is not read), for a reviewer to choose between them.
  struct Check {
    Rule rule;
    std::string_view row, col;  ///< its target cell
    std::optional<bool> holds;
  };
  std::vector<std::vector<Check>> checks;  ///< per candidate (tables/ambiguity.cpp)
};

/// A template row of a table that was found but not read, or read only in part (its other
/// cells are in `cells`): the page shows it where the template has it, as not read.
struct UnreadRow {
  std::string_view row;                ///< official row key
  std::vector<std::string_view> cols;  ///< the columns not read
  std::string_view before;             ///< the next template row that was read ("": none)
};

struct ReportTable {
  std::string id;
  std::string template_name;
  std::vector<TableCell> cells;
  const TableTemplate* tmpl = nullptr;  ///< the template the cells were mapped onto
  std::vector<AmbiguousRow> ambiguous;  ///< rows left unread for more than one fitting split
  std::vector<UnreadRow> unread;        ///< template rows not read, in template order (JSON "unread")
  /// Crawled text read as this table's rows, one cell per line: from the first row's label to
  /// the last row's numbers. The lines in it are the table's, not the report's paragraphs.
  std::vector<Span> text_spans;

  const TableCell* find(std::string_view row, std::string_view col) const;
};

/// How the input was read. When the spans do not point into the bytes the caller gave (a
/// converted encoding, or the text rendition of HTML/DOCX), `text` is what they point into.
struct InputInfo {
  std::string format = "text";    ///< text | html | docx | pdf (pdf.js text runs)
  std::string encoding = "utf-8";
  std::optional<std::string> text;
};

/// Whether the report was published by its deadline (spec §5), when both dates are known.
struct DeadlineCheck {
  std::string due;    ///< YYYY-MM-DD
  std::string basis;  ///< the rule used, in Chinese
  bool met = false;
  std::string published;  ///< the date used (YYYY-MM-DD or YYYY-MM)
  std::string source;     ///< where it came from: 网页发布时间 or 落款日期
};

/// A sum stated in the text and checked: "1799条" against "614+1173+12=1799".
struct TextSum {
  std::string total, parts;
  bool holds = false;
};

/// A share or rate stated in the text and recomputed: "41.31%" of "9781÷23678".
struct TextShare {
  std::string share, of;
  bool holds = false;
};

/// A figure the text states about a table quantity, compared with the table.
struct TextFigure {
  std::string text;   ///< as written: "公开各类信息8359条", "无依申请公开"
  std::string cell;   ///< "legacy/（一）主动公开政府信息数/统计数"
  std::string table;  ///< the table's value
  /// same: about what the table counts; part: about a part of the body (各乡镇…), at most the
  /// table's; other: about another body (代表…); none: a statement that there were none.
  std::string scope;
  bool holds = false;
};

/// The statistics period the text states ("统计期限自2016年1月1日起至2016年12月31日止").
struct PeriodCheck {
  std::string from, to;  ///< YYYY-MM-DD
  bool holds = false;
};

/// A series for a chart, taken from the tables: label and value per item.
struct Chart {
  std::string id, title, unit;
  std::vector<std::pair<std::string, Decimal>> items;
};

/// A single figure for the page's summary: 主动公开政府信息数, 本年新收申请.
struct Figure {
  std::string id, title, unit;
  Decimal value;
  std::string source = "table";  ///< table, or text when only the text states it
  std::optional<Span> span;      ///< where the text states it
};

/// A rate computed from the tables: 公开率 = (予以公开+部分公开)/总计.
struct Rate {
  std::string id, title, basis;
  Decimal numerator, denominator;
  Decimal percent;  ///< rounded half up to 2 places
};

/// A sentence of the report text as a key for comparing years: its Han characters and letters,
/// digits and punctuation aside, hashed (FNV-1a over the code points). Not in the JSON.
struct SentenceKey {
  std::uint64_t key = 0;
  Span span;
};

struct Report {
  std::string file;
  InputInfo input;
  std::optional<DeadlineCheck> deadline;
  std::vector<TextSum> text_sums;
  std::vector<TextShare> text_shares;
  std::vector<TextFigure> text_figures;
  std::optional<PeriodCheck> period;
  std::vector<Figure> figures;
  std::vector<Chart> charts;
  std::vector<Rate> rates;
  Meta meta;
  std::vector<Section> sections;
  std::vector<ReportTable> tables;
  std::vector<Finding> findings;
  std::vector<SentenceKey> sentences;  ///< sentences of 12 or more Han characters (cross_year.hpp)

  std::size_t count(Severity s) const;
};

}  // namespace nianbao
