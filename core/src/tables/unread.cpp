// table-incomplete: what of a table that was found was not read (issue 14). Internal.
#include "tables/unread.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "tables/cell_index.hpp"
#include "tables/label.hpp"

namespace nianbao {

void group_ambiguous(std::vector<Finding>& findings, const std::vector<std::string_view>& of) {
  std::vector<bool> drop(findings.size(), false);
  for (std::size_t k = 0; k < findings.size(); ++k) {
    if (of[k].empty() || drop[k]) continue;
    std::vector<std::size_t> same{k};
    for (std::size_t j = k + 1; j < findings.size(); ++j)
      if (of[j] == of[k]) same.push_back(j);
    if (same.size() < 2) continue;
    Finding& f = findings[k];
    // Each row's message ends in what the grouped one says once (runtogether.cpp's wording).
    static constexpr std::string_view kTail = "，无法确定，该行未参与检查";
    std::string rows;
    for (std::size_t j : same) {
      std::string_view m = findings[j].message;
      if (m.ends_with(kTail)) m.remove_suffix(kTail.size());
      rows += (rows.empty() ? "" : "；") + std::string(m);
      f.occurrences.push_back(findings[j].span);
      if (j != k) drop[j] = true;
    }
    f.message = std::string(table_title(of[k])) + "有" + std::to_string(same.size()) + "行的数字无法确定如何读取，这些行未参与检查：" + rows;
  }
  std::size_t out = 0;
  for (std::size_t k = 0; k < findings.size(); ++k)
    if (!drop[k]) {
      if (out != k) findings[out] = std::move(findings[k]);
      ++out;
    }
  findings.resize(out);
}

void report_unread(ReportTable& t, const std::set<const RowDef*>& said, const TemplateIndex& index,
                   std::vector<Finding>& out) {
  const TableTemplate& tmpl = *t.tmpl;
  // (By hash: most tables are read whole, and this is all the work they cost.)
  const CellIndex cells(t);
  auto read = [&](std::string_view row, std::string_view col) { return cells.find(row, col) != nullptr; };
  auto row_read = [&](const RowDef& d) {
    return std::any_of(d.columns.begin(), d.columns.end(), [&](std::string_view col) { return read(d.key, col); });
  };
  std::string list;
  std::size_t rows = 0;
  std::set<std::pair<std::string_view, std::string_view>> missing;  // cells
  std::string_view summed;  // a group row read as one row: its rows are not missing
  for (const RowDef& d : tmpl.rows) {
    if (d.columns.empty()) continue;
    if (d.group) {
      if (row_read(d)) summed = d.key;
      continue;
    }
    if (!summed.empty() && d.key.size() > summed.size() && d.key.substr(0, summed.size()) == summed &&
        d.key[summed.size()] == '/')
      continue;
    std::vector<std::string_view> cols;
    for (std::string_view col : d.columns)
      if (!read(d.key, col)) cols.push_back(col);
    if (cols.empty()) continue;
    // For the page: where the row goes (before the next template row that was read).
    UnreadRow u{d.key, cols, {}};
    for (const RowDef* n = &d + 1; n != tmpl.rows.data() + tmpl.rows.size(); ++n)
      if (row_read(*n)) {
        u.before = n->key;
        break;
      }
    t.unread.push_back(std::move(u));
    if (said.count(&d)) continue;
    for (std::string_view col : cols) missing.insert({d.key, col});
    ++rows;
    if (!list.empty()) list += "、";
    list += "「" + std::string(d.key) + "」";
    if (cols.size() < d.columns.size()) {
      list += "（";
      for (std::size_t i = 0; i < cols.size(); ++i) list += (i ? "、" : "") + std::string(cols[i]);
      list += "列）";
    }
  }
  if (rows == 0) return;
  std::set<std::string_view> said_rows;  // (another finding says why they were not read)
  for (const RowDef& d : tmpl.rows)
    if (said.count(&d)) said_rows.insert(d.key);
  // The relations that a cell not read kept from being checked (each other cell of theirs read
  // or said to be unread: not an alternative the table does not use): their notes, once each.
  std::vector<std::string_view> notes;
  auto involves = [&](const RelationInstance& ri) {
    bool any = false;
    auto cell = [&](const CellRef& c) {
      const bool m = missing.count({c.row, c.col}) > 0;
      any = any || m;
      return m || read(c.row, c.col) || said_rows.count(c.row) > 0;
    };
    if (!cell(ri.target)) return false;
    for (const auto& [ref, sign] : ri.terms)
      if (!cell(ref)) return false;
    return any;
  };
  for (const RelationInstance& ri : index.of(t.tmpl).relations)
    if (involves(ri) && std::find(notes.begin(), notes.end(), ri.def->note) == notes.end()) notes.push_back(ri.def->note);
  Finding f;
  f.rule = Rule::table_incomplete;
  f.severity = Severity::warning;
  f.message = std::string(table_title(t.id)) + "有" + std::to_string(rows) + "行未能读取：" + list;
  if (notes.empty()) {
    f.message += "；这些数字未参与检查";
  } else {
    f.message += "；涉及这些行的勾稽关系未核对（";
    for (std::size_t i = 0; i < notes.size(); ++i) f.message += (i ? "；" : "") + std::string(notes[i]);
    f.message += "）";
  }
  // The table's span: from its first cell read to its last.
  f.span = t.cells.front().span;
  for (const TableCell& c : t.cells) {
    if (c.span.start < f.span.start) f.span = Span{c.span.start, f.span.end, c.span.line};
    if (c.span.end > f.span.end) f.span.end = c.span.end;
  }
  out.push_back(std::move(f));
}

}  // namespace nianbao
