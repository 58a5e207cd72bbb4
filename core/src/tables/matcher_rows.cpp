// The template matcher: reading a table's rows. A row's label cells and numbers, its label
// wrapped over the label-only rows around it, numbers alone placed by the caption above the
// table or by a header-only template (T4).
#include <algorithm>

#include "tables/matcher_rows.hpp"

namespace nianbao::matching {

Matcher::Matcher(Format format, const TemplateIndex& index, CellKeys& keys, MatchResult& out)
    : format_(format), out_(out), keys_(keys), index_(index), candidates_(index.candidates(format).list),
      by_core_(index.candidates(format).by_core), by_size_(index.candidates(format).by_size) {
  done_.assign(candidates_.size(), 0);
  for (const TableTemplate* t : templates_for(format)) {
    tables_.push_back(ReportTable{std::string(t->id), std::string(t->template_name), {}, t, {}, {}});
    std::size_t cells = 0;
    for (const RowDef& r : t->rows) cells += r.columns.size();
    tables_.back().cells.reserve(cells);
  }
}

void Matcher::caption(std::span<const Paragraph* const> before) {
  captions_.clear();
  std::size_t numbered = 0;
  for (auto it = before.rbegin(); it != before.rend(); ++it) {
    if ((*it)->text.size() > kCaptionBytes) break;
    if (captions_.size() == kCaptionLines) {
      captions_.clear();
      return;
    }
    numbered += !label_key((*it)->text).numbering.empty();
    captions_.insert(captions_.begin(), *it);
  }
  if (numbered > 1) captions_.clear();
}

void Matcher::row(const std::vector<Row>& rows, std::size_t i) {
  wrapped_pieces(rows, i);
  row(rows[i]);
  above_.clear();
  below_.clear();
  // The caption names the first row of numbers only (T4's three small tables have a header row
  // and a separator row above theirs).
  if (!captions_.empty() && std::any_of(rows[i].cells.begin(), rows[i].cells.end(), [](const Cell& c) {
        return classify_cell(c.text).kind == CellKind::number;
      }))
    captions_.clear();
}

void Matcher::row(const Row& row) {
  std::vector<Slot>& slots = slots_;  // (buffers kept from row to row)
  slots.clear();
  std::size_t last_label = row.cells.size();
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    slots.push_back({&row.cells[i], classify_cell(row.cells[i].text, true)});
    if (slots.back().value.kind == CellKind::text && !is_unit(row.cells[i].text)) last_label = i;
  }
  std::vector<Slot>& values = values_;
  values.clear();
  for (std::size_t i = last_label == row.cells.size() ? 0 : last_label + 1; i < slots.size(); ++i)
    if (slots[i].value.kind != CellKind::text) values.push_back(slots[i]);
  // An empty cell after the last number (Row::trailing_empty): used only by place(), where the
  // row is one short of its template row.
  trailing_.clear();
  if (row.trailing_empty > 0) {
    blank_cell_.text.clear();
    blank_cell_.span = row.span;
    blank_cell_.span.start = row.span.end;  // (after the row's last number)
    trailing_.push_back({&blank_cell_, classify_cell("")});
  }

  if (last_label == row.cells.size()) {
    // Numbers alone: a flat table's row (T4), or the numbers of a label wrapped round them
    // (a middle-aligned cell: "（二）部分公开（…只计这一情" / numbers / "形，不计其他情形）").
    // Or a table of its own under a heading that names its row (converter markdown: "### 行政复议"
    // or "### 行政诉讼（未经复议直接起诉）", a header row, a row of numbers).
    if (flat(row, values) || values.empty()) return;
    Cell joined;
    const std::size_t saved = last_order_;
    std::optional<std::pair<std::size_t, int>> m;
    if (!above_.empty() || !below_.empty()) m = match_wrapped(nullptr, joined);
    if ((!m || m->second < kWrappedAlone) && !captions_.empty()) {
      last_order_ = saved;
      if (caption_row(row, values)) return;
    }
    if (!m || m->second < kWrappedAlone) {
      last_order_ = saved;
      if (any_number(values)) events_.push_back({Event::loose, 0, &row, values, nullptr, false});
      return;
    }
    const Candidate& c = candidates_[m->first];
    const RowDef& def = c.tmpl->rows[c.row];
    if (!def.columns.empty()) place(c, def, row, joined, false, m->second, values);
    return;
  }
  // Earlier label cells give context (group rows); the last one names the values. Rows
  // without values are headers: they only give context.
  for (std::size_t i = 0; i < last_label; ++i)
    if (slots[i].value.kind == CellKind::text && !is_unit(row.cells[i].text)) match(row.cells[i].text);
  auto m = match(row.cells[last_label].text);
  Cell joined;
  const Cell* label = &row.cells[last_label];
  if ((!m || m->second < 100) && !values.empty()) {
    // Two label cells merged into one by a converter: "（三）不予公开 1.属于国家秘密".
    const std::string& t = label->text;
    const std::size_t sp = t.rfind(' ');
    if (sp != std::string::npos && sp + 1 < t.size()) {
      const std::size_t saved = last_order_;
      match(std::string_view(t).substr(0, sp));  // context (a group row), if it is one
      auto alt = match(std::string_view(t).substr(sp + 1));
      if (alt && (!m || alt->second > m->second)) {
        m = alt;
        joined.text = t.substr(sp + 1);
        joined.span = label->span;
        label = &joined;
      } else {
        last_order_ = saved;
      }
    }
  }
  if ((!m || m->second < 100) && !values.empty() && (!above_.empty() || !below_.empty())) {
    // Try the label with the wrapped pieces before and/or after it.
    const std::size_t saved = last_order_;
    Cell c;
    auto alt = match_wrapped(label, c);
    if (alt && (!m || alt->second > m->second)) {
      m = alt;
      joined = std::move(c);
      label = &joined;
    } else {
      last_order_ = saved;
    }
    if (m) last_order_ = candidates_[m->first].order;
  }
  if (!m) {
    // (Said to be unknown once the rows without labels are placed, if it is not one of them.)
    if (!values.empty() && any_number(values))
      events_.push_back({Event::loose, 0, &row, values, &row.cells[last_label], placed_ > 0});
    return;
  }
  const Candidate& c = candidates_[m->first];
  const RowDef& def = c.tmpl->rows[c.row];
  if (def.columns.empty() || values.empty()) return;  // a group row, unless it may carry its rows' sum
  place(c, def, row, *label, label != &joined, m->second, values);
}

void Matcher::wrapped_pieces(const std::vector<Row>& rows, std::size_t i) {
  above_.clear();
  below_.clear();
  const Row& r = rows[i];
  const Cell* label = nullptr;
  for (const Cell& c : r.cells)
    if (classify_cell(c.text, true).kind == CellKind::text && !is_unit(c.text)) label = &c;
  const Cell* column = label;  // the cell whose column the pieces are in
  auto near = [](std::size_t a, std::size_t b) { return a + kColumnSlack >= b && a <= b + kColumnSlack; };
  auto in_column = [&](const Row& x) -> const Cell* {
    if (!column) return &x.cells.back();
    const Cell* found = nullptr;
    for (const Cell& c : x.cells)
      if (near(c.column, column->column) || near(c.wide_column, column->wide_column)) found = &c;
    return found;
  };
  auto numbered = [&](const Cell& c) { return !keys_.of(c.text).numbering.empty(); };
  if (!label || !numbered(*label)) {
    for (std::size_t k = i; k > 0 && i - k < kWrapRows && label_only(rows[k - 1]); --k) {
      const Cell* p = in_column(rows[k - 1]);
      if (!p) continue;
      if (!column) column = p;
      above_.insert(above_.begin(), p);
      if (numbered(*p)) break;
    }
  }
  for (std::size_t k = i + 1; k < rows.size() && k - i <= kWrapRows && label_only(rows[k]); ++k) {
    const Cell* p = in_column(rows[k]);
    if (!p) continue;
    if (numbered(*p)) break;
    if (!column) column = p;
    below_.push_back(p);
  }
}

std::optional<std::pair<std::size_t, int>> Matcher::match_wrapped(const Cell* label, Cell& joined) {
  std::optional<std::pair<std::size_t, int>> best;
  const std::size_t saved = last_order_;
  std::size_t best_order = saved;
  // Both sides first: on a tie the whole label is kept ("（二）部分公开（…只计这一情" alone
  // has the official core already; its note is only whole with the piece below).
  for (const auto [up_wanted, down_wanted] : {std::pair{true, true}, std::pair{true, false}, std::pair{false, true}}) {
    const bool up = up_wanted && !above_.empty(), down = down_wanted && !below_.empty();
    if ((!up && !down) || (up_wanted && down_wanted && (!up || !down))) continue;
    Cell c;
    bool first = true;
    auto add = [&](const Cell& p) {
      c.text += p.text;
      if (first) c.span = p.span;
      c.span.end = p.span.end;
      first = false;
    };
    if (up) for (const Cell* p : above_) add(*p);
    if (label) add(*label);
    if (down) for (const Cell* p : below_) add(*p);
    last_order_ = saved;
    auto alt = match_key(label_key(c.text));  // (a text of its own: not kept in keys_)
    if (alt && (!best || alt->second > best->second)) {
      best = alt;
      best_order = last_order_;
      joined = std::move(c);
    }
  }
  last_order_ = best ? best_order : saved;
  return best;
}

bool Matcher::caption_row(const Row& row, const std::vector<Slot>& values) {
  Cell label;
  for (std::size_t n = 1; n <= captions_.size(); ++n) {
    label.text.clear();
    for (std::size_t k = captions_.size() - n; k < captions_.size(); ++k) label.text += captions_[k]->text;
    label.span = captions_[captions_.size() - n]->span;
    label.span.end = captions_.back()->span.end;
    const std::string& t = label.text;
    std::string_view inner;
    if (const std::size_t open = t.rfind('('); open != std::string::npos) {
      const std::size_t close = t.find(')', open);
      if (close != std::string::npos) inner = std::string_view(t).substr(open + 1, close - open - 1);
    }
    for (std::string_view text : {inner, std::string_view(t)}) {
      if (!text.empty() && caption_names(row, values, text, label.span)) return true;
    }
  }
  return false;
}

bool Matcher::caption_names(const Row& row, const std::vector<Slot>& values, std::string_view text, const Span& span) {
  const LabelKey key = label_key(text);  // (a text of its own: not kept in keys_)
  for (const TableTemplate* tmpl : templates_for(format_)) {
    if (!tmpl->flat) continue;
    const TemplateIndex::Template& x = index_.of(tmpl);
    for (std::size_t r = 0; r < tmpl->rows.size(); ++r) {
      const RowDef& def = tmpl->rows[r];
      if (def.columns.size() != values.size() || label_score(key, x.rows[r].key) < 100) continue;
      ReportTable& rt = table_of(tmpl);
      if (std::any_of(rt.cells.begin(), rt.cells.end(), [&](const TableCell& c) { return c.row == def.key; }))
        return true;  // the same row twice: keep the first
      for (std::size_t i = 0; i < values.size(); ++i) add_cell(rt, def, def.key, def.columns[i], values[i]);
      ++placed_;
      return true;
    }
  }
  const std::size_t saved = last_order_;
  auto m = match_key(key);
  if (!m || m->second < kWrappedAlone || candidates_[m->first].tmpl->rows[candidates_[m->first].row].columns.size() != values.size()) {
    last_order_ = saved;
    return false;
  }
  const Candidate& c = candidates_[m->first];
  Cell label;
  label.text = std::string(text);
  label.span = span;
  place(c, c.tmpl->rows[c.row], row, label, false, m->second, values);
  return true;
}

bool Matcher::flat(const Row& row, const std::vector<Slot>& values) {
  for (const TableTemplate* t : templates_for(format_)) {
    if (!t->flat) continue;
    std::size_t cells = 0;
    for (const RowDef& r : t->rows) cells += r.columns.size();
    if (values.size() != cells || !any_number(values)) continue;
    ReportTable& rt = table_of(t);
    if (!rt.cells.empty()) continue;  // already read
    std::size_t k = 0;
    for (const RowDef& r : t->rows)
      for (std::string_view col : r.columns) add_cell(rt, r, r.key, col, values[k++]);
    ++placed_;
    (void)row;
    return true;
  }
  return false;
}

}  // namespace nianbao::matching
