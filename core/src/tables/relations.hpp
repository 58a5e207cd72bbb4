// Table rules: every arithmetic relation of the matched templates (spec §4).
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "nianbao/finding.hpp"
#include "nianbao/report.hpp"
#include "tables/templates.hpp"

namespace nianbao {

/// A template cell: row key and column label.
struct CellRef {
  std::string_view row;
  std::string_view col;
  friend bool operator==(const CellRef&, const CellRef&) = default;
};

/// One concrete relation: target (op) Σ sign·term, with every `*` of its RelationDef resolved.
struct RelationInstance {
  const RelationDef* def;
  CellRef target;
  std::vector<std::pair<CellRef, int>> terms;  ///< cell and sign
};

/// Whether `ri` holds with the values `value_of(CellRef)` gives (std::optional<Decimal>);
/// nothing when a cell it needs has none (blank or not read: never computed as 0).
template <class ValueOf>
std::optional<bool> relation_holds(const RelationInstance& ri, ValueOf value_of) {
  const std::optional<Decimal> target = value_of(ri.target);
  if (!target) return std::nullopt;
  Decimal sum;
  for (const auto& [ref, sign] : ri.terms) {
    const std::optional<Decimal> v = value_of(ref);
    if (!v) return std::nullopt;
    sum += sign < 0 ? Decimal() - *v : *v;
  }
  return ri.def->op == Op::equal ? *target == sum : *target <= sum;
}

/// All concrete relations a template declares (used by the checker and by the splitter of
/// run-together digits).
std::vector<RelationInstance> expand_relations(const TableTemplate& t);

/// Checks the relations each table's template declares. A relation with a blank or missing
/// cell is not checked (the blank is reported by the matcher).
std::vector<Finding> check_tables(const std::vector<ReportTable>& tables);

}  // namespace nianbao
