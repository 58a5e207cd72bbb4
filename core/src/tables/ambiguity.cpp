#include "tables/ambiguity.hpp"

#include <algorithm>

#include "tables/label.hpp"
#include "tables/relations.hpp"

namespace nianbao {

void assess_ambiguous(std::vector<ReportTable>& tables, const TemplateIndex& index) {
  for (ReportTable& t : tables) {
    if (t.ambiguous.empty() || !t.tmpl) continue;
    const std::vector<RelationInstance>& relations = index.of(t.tmpl).relations;
    for (AmbiguousRow& a : t.ambiguous) {
      auto in_row = [&](const CellRef& c) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < a.rows.size(); ++i)
          if (a.rows[i] == c.row && a.cols[i] == c.col) return i;
        return std::nullopt;
      };
      // The relations that have a cell of the row.
      std::vector<const RelationInstance*> mine;
      for (const RelationInstance& ri : relations)
        if (in_row(ri.target) || std::any_of(ri.terms.begin(), ri.terms.end(), [&](const auto& x) { return in_row(x.first).has_value(); }))
          mine.push_back(&ri);
      a.checks.clear();
      for (const auto& cand : a.candidates) {
        std::vector<AmbiguousRow::Check> checks;
        for (const RelationInstance* ri : mine) {
          const std::optional<bool> holds = relation_holds(*ri, [&](const CellRef& c) -> std::optional<Decimal> {
            if (const auto at = in_row(c)) return cand[*at];
            const TableCell* cell = t.find(c.row, c.col);
            return cell ? cell->value : std::nullopt;
          });
          checks.push_back({ri->def->rule, ri->target.row, ri->target.col, holds});
        }
        a.checks.push_back(std::move(checks));
      }
    }
  }
}

}  // namespace nianbao
