#include "tables/corrections.hpp"

#include <algorithm>
#include <string>

#include "tables/label.hpp"
#include "tables/templates.hpp"

namespace nianbao {
namespace {

struct Target {
  ReportTable* table;
  const RowDef* def;
  std::string_view col;  ///< the template's own column label (static data)
};

std::string name(const CellCorrection& c) { return c.table + "「" + c.row + "」「" + c.col + "」"; }

std::variant<Target, Error> find(std::vector<ReportTable>& tables, const CellCorrection& c) {
  const auto t = std::find_if(tables.begin(), tables.end(), [&](const ReportTable& x) { return x.id == c.table && x.tmpl; });
  if (t == tables.end())
    return Error{ErrorCode::bad_cells, "更正的单元格 " + name(c) + " 不在报告读出的表格中（报告中没有" + c.table + "）", 0};
  for (const RowDef& def : t->tmpl->rows) {
    if (def.group && def.columns.empty()) continue;
    if (def.key != c.row) continue;
    for (std::string_view col : def.columns)
      if (col == c.col) {
        if (c.value && c.value->negative() && !def.signed_values)
          return Error{ErrorCode::bad_cells, "更正的单元格 " + name(c) + " 的值不能为负数", 0};
        if (c.value && !c.value->is_integer() && !def.decimal_ok)
          return Error{ErrorCode::bad_cells, "更正的单元格 " + name(c) + " 的值应为整数", 0};
        return Target{&*t, &def, col};
      }
  }
  return Error{ErrorCode::bad_cells, "更正的单元格 " + name(c) + " 不是" + std::string(table_title(t->id)) + "模板中的单元格", 0};
}

}  // namespace

std::optional<Error> apply_corrections(std::vector<ReportTable>& tables, std::span<const CellCorrection> cells) {
  std::vector<Target> targets;
  for (const CellCorrection& c : cells) {
    auto t = find(tables, c);
    if (auto* e = std::get_if<Error>(&t)) return std::move(*e);
    targets.push_back(std::get<Target>(t));
  }
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const Target& t = targets[i];
    ReportTable& table = *t.table;
    auto cell = std::find_if(table.cells.begin(), table.cells.end(), [&](const TableCell& x) { return x.row == t.def->key && x.col == t.col; });
    if (cell == table.cells.end()) {
      table.cells.push_back({t.def->key, t.col, std::nullopt, std::string(), Span{}});
      cell = table.cells.end() - 1;
    }
    cell->value = cells[i].value;
    cell->corrected = true;
    for (UnreadRow& u : table.unread)
      if (u.row == t.def->key) std::erase(u.cols, t.col);
    std::erase_if(table.unread, [](const UnreadRow& u) { return u.cols.empty(); });
  }
  return std::nullopt;
}

void settle_ambiguous(std::vector<ReportTable>& tables, std::vector<Finding>& findings) {
  std::vector<Span> settled;
  for (ReportTable& t : tables)
    std::erase_if(t.ambiguous, [&](const AmbiguousRow& a) {
      for (std::size_t k = 0; k < a.rows.size() && k < a.cols.size(); ++k) {
        const auto c = std::find_if(t.cells.begin(), t.cells.end(), [&](const TableCell& x) { return x.row == a.rows[k] && x.col == a.cols[k]; });
        if (c == t.cells.end() || !c->corrected) return false;
      }
      settled.push_back(a.span);
      return true;
    });
  if (settled.empty()) return;
  const auto is_settled = [&](const Span& s) {
    return std::any_of(settled.begin(), settled.end(), [&](const Span& x) { return x.start == s.start && x.end == s.end; });
  };
  std::erase_if(findings, [&](Finding& f) {
    if (f.rule != Rule::cell_ambiguous) return false;
    if (f.occurrences.empty()) return is_settled(f.span);
    std::erase_if(f.occurrences, is_settled);
    if (f.occurrences.empty()) return true;
    f.span = f.occurrences.front();
    if (f.occurrences.size() == 1) f.occurrences.clear();  // one place left: its span
    return false;
  });
}

}  // namespace nianbao
