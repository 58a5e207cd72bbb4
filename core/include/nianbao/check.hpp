// The entry point: check one report and serialise the result (spec §9).
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <optional>
#include <variant>
#include <vector>

#include "nianbao/error.hpp"
#include "nianbao/limits.hpp"
#include "nianbao/report.hpp"

namespace nianbao {

/// A cell's value as a reviewer corrected it: the table ("T2", "T3", "T4", "legacy") and the
/// cell's official row and column labels, as the JSON names them.
struct CellCorrection {
  std::string table, row, col;
  std::optional<Decimal> value;  ///< nothing: blank
};


struct Options {
  std::string file;  ///< the name reported in "file"
  /// "auto" (sniff: a zip is DOCX, a first line "nianbao-runs/1" is PDF text runs, markup is
  /// HTML, else text), "text", "html", "docx" or "pdf" (the text runs pdf.js extracts from a
  /// PDF, docs/contracts.md "PDF text runs"; runs_reader.hpp).
  std::string format = "auto";
  Limits limits;
  /// Corrections a reviewer made to cells as read (spec §9): applied before any check, each
  /// cell taken from one says "corrected": true. A value of nothing makes the cell blank.
  std::vector<CellCorrection> cells;
};

/// Either a report or an error (empty input, binary data, too large, ...).
using Outcome = std::variant<Report, Error>;

class Normalizer;
class TemplateIndex;

/// A checker holds the ICU objects and what it computes once from the templates; create it once
/// and check many inputs with it (one per thread).
class Checker {
 public:
  static std::unique_ptr<Checker> create(Error* error);
  ~Checker();
  Outcome check(std::string_view input, const Options& options);

 private:
  explicit Checker(std::unique_ptr<Normalizer> n);
  std::unique_ptr<Normalizer> normalizer_;
  std::unique_ptr<const TemplateIndex> templates_;  ///< the templates' label keys
};

/// The JSON of spec §9 on one line (`indent` = 0) or pretty-printed.
std::string to_json(const Report& report, int indent = 0);
/// {"schema":"nianbao/1","file":...,"error":{"code":...,"message":...,"position":...}}
std::string to_json(const Error& error, std::string_view file, int indent = 0);

/// One line per finding, for people: "file:LINE: 错误 [rule] message".
std::string to_text(const Report& report);

/// The library version.
std::string_view version();

}  // namespace nianbao
