// The official layout of the 2021 tables (layout.hpp): T2 as four captioned blocks, T3 with its
// three label columns and two header rows under 申请人情况, T4 as one row of fifteen cells
// under two header rows.
#include "draft/layout.hpp"

#include <algorithm>

namespace nianbao::draft {

namespace {

using SV = std::string_view;

GridCell head(SV text, int rowspan = 1, int colspan = 1) { return {text, rowspan, colspan, true, {}, {}, false}; }
GridCell label(SV text, int rowspan = 1, int colspan = 1) { return {text, rowspan, colspan, false, {}, {}, false}; }
GridCell value(const RowDef& d, SV col, int colspan = 1) { return {{}, 1, colspan, false, d.key, col, d.decimal_ok}; }

/// The label of a row under a group (its key is "group/label").
SV child_label(const RowDef& d) { return d.label; }
SV parent_of(const RowDef& d) {
  const auto cut = d.key.find('/');
  return cut == SV::npos ? SV{} : d.key.substr(0, cut);
}

Grid t2(const TableTemplate& t) {
  // Four blocks, each: its caption over all four columns, 信息内容 and the block's columns (one
  // column spans three), then its rows.
  Grid g{&t, 4, {}};
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const RowDef& cap = t.rows[i];
    if (!cap.group) continue;
    std::size_t end = i + 1;
    while (end < t.rows.size() && !t.rows[end].group) ++end;
    if (end == i + 1) continue;
    g.rows.push_back({head(cap.label, 1, 4)});
    const auto& cols = t.rows[i + 1].columns;
    GridRow h{head("信息内容")};
    if (cols.size() == 1) h.push_back(head(cols[0], 1, 3));
    else for (SV c : cols) h.push_back(head(c));
    g.rows.push_back(std::move(h));
    for (std::size_t r = i + 1; r < end; ++r) {
      const RowDef& d = t.rows[r];
      GridRow row{label(d.label)};
      if (d.columns.size() == 1) row.push_back(value(d, d.columns[0], 3));
      else for (SV c : d.columns) row.push_back(value(d, c));
      g.rows.push_back(std::move(row));
    }
    i = end - 1;
  }
  return g;
}

Grid t3(const TableTemplate& t) {
  // Three label columns: 三、本年度办理结果 spans the results' rows; （三）–（六） span their
  // numbered rows; a row on its own takes the label columns left to it.
  Grid g{&t, 10, {}};
  g.rows.push_back({head(kT3Note, 3, 3), head("申请人情况", 1, 7)});
  g.rows.push_back({head("自然人", 2), head("法人或其他组织", 1, 5), head("总计", 2)});
  g.rows.push_back({head("商业企业"), head("科研机构"), head("社会公益组织"), head("法律服务机构"), head("其他")});
  const auto values = [](GridRow& row, const RowDef& d) { for (SV c : d.columns) row.push_back(value(d, c)); };
  // The results: the rows after 三、本年度办理结果 up to the next top-level row (四、…).
  const auto is_top = [](const RowDef& d) { return d.key.starts_with("一、") || d.key.starts_with("二、") || d.key.starts_with("三、") || d.key.starts_with("四、"); };
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const RowDef& d = t.rows[i];
    if (is_top(d) && !d.group) {
      GridRow row{label(d.label, 1, 3)};
      values(row, d);
      g.rows.push_back(std::move(row));
      continue;
    }
    if (!is_top(d)) continue;
    // 三、本年度办理结果 and its rows.
    std::size_t end = i + 1;
    while (end < t.rows.size() && !is_top(t.rows[end])) ++end;
    const auto children = [&](const RowDef& x) {
      int n = 0;
      for (std::size_t k = i + 1; k < end; ++k) if (parent_of(t.rows[k]) == x.key) ++n;
      return n;
    };
    int span = 0;  // the rows with values (a group's own row, when it has rows under it, has none)
    for (std::size_t r = i + 1; r < end; ++r)
      if (!t.rows[r].columns.empty() && children(t.rows[r]) == 0) ++span;
    bool first = true;
    for (std::size_t r = i + 1; r < end; ++r) {
      const RowDef& x = t.rows[r];
      GridRow row;
      if (first) { row.push_back(label(d.label, span)); first = false; }
      if (!parent_of(x).empty()) continue;  // placed with its group below
      const int under = children(x);
      if (under == 0) {
        row.push_back(label(x.label, 1, 2));
        values(row, x);
        g.rows.push_back(std::move(row));
        continue;
      }
      bool lead = true;
      for (std::size_t k = r + 1; k < end; ++k) {
        const RowDef& c = t.rows[k];
        if (parent_of(c) != x.key) continue;
        GridRow cr = lead ? std::move(row) : GridRow{};
        if (lead) cr.push_back(label(x.label, under));
        lead = false;
        cr.push_back(label(child_label(c)));
        values(cr, c);
        g.rows.push_back(std::move(cr));
      }
    }
    i = end - 1;
  }
  return g;
}

Grid t4(const TableTemplate& t) {
  // 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉), five results each, one row of values.
  Grid g{&t, 15, {}};
  const RowDef* review = nullptr;
  std::vector<const RowDef*> suits;
  for (const RowDef& d : t.rows) {
    if (d.columns.empty()) continue;
    if (parent_of(d).empty()) review = &d; else suits.push_back(&d);
  }
  if (!review || suits.size() != 2) return g;
  g.rows.push_back({head(review->label, 1, 5), head(parent_of(*suits[0]), 1, 10)});
  GridRow h2;
  for (SV c : review->columns) h2.push_back(head(c, 2));
  for (const RowDef* s : suits) h2.push_back(head(s->label, 1, 5));
  g.rows.push_back(std::move(h2));
  GridRow h3;
  for (const RowDef* s : suits) for (SV c : s->columns) h3.push_back(head(c));
  g.rows.push_back(std::move(h3));
  GridRow v;
  for (SV c : review->columns) v.push_back(value(*review, c));
  for (const RowDef* s : suits) for (SV c : s->columns) v.push_back(value(*s, c));
  g.rows.push_back(std::move(v));
  return g;
}

}  // namespace

std::vector<Grid> grids_2021() {
  std::vector<Grid> out;
  for (const TableTemplate* t : templates_for(Format::f2021)) {
    if (t->id == "T2") out.push_back(t2(*t));
    else if (t->id == "T3") out.push_back(t3(*t));
    else if (t->id == "T4") out.push_back(t4(*t));
  }
  return out;
}

}  // namespace nianbao::draft
