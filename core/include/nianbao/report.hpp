// The result of checking one report.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "nianbao/decimal.hpp"
#include "nianbao/finding.hpp"
#include "nianbao/normalize.hpp"
#include "nianbao/span.hpp"
#include "nianbao/templates.hpp"

namespace nianbao {

struct Meta {
  std::optional<std::string> agency;
  std::optional<int> year;
  std::optional<std::string> published;  ///< YYYY-MM-DD
  Format format = Format::unknown;
  std::string kind = "unknown";          ///< government | department | unknown
  Script script = Script::hans;
};

struct Section {
  std::string number;  ///< 一, 二, ...
  std::string title;
  Span span;
};

struct TableCell {
  std::string row;  ///< official row key
  std::string col;  ///< official column label
  std::optional<Decimal> value;  ///< nothing when blank or invalid
  std::string raw;  ///< the cell as written (normalised)
  Span span;
};

struct ReportTable {
  std::string id;
  std::string template_name;
  std::vector<TableCell> cells;
  const TableTemplate* tmpl = nullptr;  ///< the template the cells were mapped onto

  const TableCell* find(std::string_view row, std::string_view col) const;
};

/// How the input was read. When the spans do not point into the bytes the caller gave (a
/// converted encoding, or the text rendition of HTML/DOCX), `text` is what they point into.
struct InputInfo {
  std::string format = "text";    ///< text | html | docx
  std::string encoding = "utf-8";
  std::optional<std::string> text;
};

/// Whether the report was published by its deadline (spec §5), when both dates are known.
struct DeadlineCheck {
  std::string due;    ///< YYYY-MM-DD
  std::string basis;  ///< the rule used, in Chinese
  bool met = false;
};

/// A sum stated in the text and checked: "1799条" against "614+1173+12=1799".
struct TextSum {
  std::string total, parts;
  bool holds = false;
};

struct Report {
  std::string file;
  InputInfo input;
  std::optional<DeadlineCheck> deadline;
  std::vector<TextSum> text_sums;
  Meta meta;
  std::vector<Section> sections;
  std::vector<ReportTable> tables;
  std::vector<Finding> findings;

  std::size_t count(Severity s) const;
};

}  // namespace nianbao
