// The official table templates (spec §3) as data.
#pragma once
#include "nianbao/format.hpp"
#include "nianbao/rules.hpp"
#include <span>
#include <string_view>

namespace nianbao {

/// A template row. `key` is the label used in output (with a `parent/` prefix where the label
/// alone is not unique); `label` is the official text matched against the report; `group` rows
/// carry no numbers and only give context to the rows after them.
struct RowDef {
  std::string_view key;
  std::string_view label;
  std::span<const std::string_view> columns;  ///< empty for group rows
  bool group = false;
  bool signed_values = false;  ///< 2019 本年增/减 may be negative
  bool decimal_ok = false;     ///< 万元 amounts may have decimals
  /// Another wording real reports use for this row (the 2019 "规范性文件" kept in a 2021
  /// table): run-together text is searched for it too (the matcher's fuzzy labels take it).
  std::string_view alias{};
};

/// One term of an arithmetic relation. `row` or `col` "*" stands for the iterated row/column.
struct Term {
  std::string_view row;
  std::string_view col;
  int sign = 1;
};

enum class Op { equal, at_most };
enum class Iterate { none, each_column, each_row };

/// `target (op) Σ sign·terms`, checked for every column of the target row (each_column), every
/// value row of the table that has the target column (each_row), or once.
struct RelationDef {
  Rule rule;
  bool error = true;  ///< error, else warning
  Term target;
  std::span<const Term> terms;
  Op op = Op::equal;
  Iterate iterate = Iterate::none;
  std::string_view note;                   ///< what the relation is, for the message
};

struct TableTemplate {
  std::string_view id;        ///< "T2", "T3", "T4", "legacy"
  std::string_view template_name;  ///< "2019", "2021", "legacy"
  std::span<const RowDef> rows;
  /// Header-only tables (T4): the row labels are not in the data row; a row of
  /// `flat_cells` numbers maps onto rows × columns in order.
  bool flat = false;
  std::span<const RelationDef> relations;
};


/// The templates that make up a report of the given format (T2, T3, T4 or legacy).
std::span<const TableTemplate* const> templates_for(Format f);

/// Labels that identify a format when seen in a table (spec §1 fingerprints).
struct Fingerprint {
  std::string_view label;
  Format format;
};
std::span<const Fingerprint> format_fingerprints();

}  // namespace nianbao
