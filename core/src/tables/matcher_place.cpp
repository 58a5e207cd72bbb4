// The template matcher: matching labels and placing cells. A label's best template row (exact
// cores first, fuzzy ones cached per key), its cells placed with the findings on them (blank,
// invalid, a label unlike the template's, a row of the wrong shape), rows of numbers without a
// label placed by the document order, and the run-together rows of crawled text.
#include <algorithm>

#include "tables/matcher_rows.hpp"
#include "tables/relations.hpp"
#include "tables/unread.hpp"

namespace nianbao::matching {

const std::vector<std::pair<std::size_t, int>>& Matcher::fuzzy(const LabelKey& key) {
  // (Looked up by views: the key is copied only when it is new.)
  const std::pair<std::u32string_view, std::u32string_view> k{key.numbering, key.core};  // the score depends on both
  if (auto it = fuzzy_.find(k); it != fuzzy_.end()) return it->second;
  std::vector<std::pair<std::size_t, int>> out;
  const std::uint64_t bits = char_bits(key.core);
  const std::size_t repeats = key.core.size() - count_bits(bits);
  // Only the candidates of sizes that fuzzy_rejects() may let through (by_size is sorted).
  const auto [lo, hi] = fuzzy_size_window(key.core.size(), repeats);
  for (auto it = std::lower_bound(by_size_.begin(), by_size_.end(), std::pair<std::size_t, std::size_t>{lo, 0});
       it != by_size_.end() && it->first <= hi; ++it) {
    const std::size_t i = it->second;
    const TemplateIndex::Row& row = *candidates_[i].keys;
    if (fuzzy_rejects(key.core.size(), bits, repeats, row.key.core.size(), row.chars)) continue;
    if (const int s = label_score(key, row.key); s >= 60) out.emplace_back(i, s);
  }
  std::sort(out.begin(), out.end());  // in candidate order, as match_key() considers them
  return fuzzy_.emplace(std::pair<std::u32string, std::u32string>(k.first, k.second), std::move(out)).first->second;
}

std::optional<std::pair<std::size_t, int>> Matcher::match_key(const LabelKey& key) {
  if (key.core.empty()) return std::nullopt;
  std::optional<std::size_t> best;
  int best_score = 0;
  auto rank = [&](std::size_t i) {
    // Prefer the nearest candidate after the last matched row (reports keep template order).
    const std::size_t o = candidates_[i].order;
    return o > last_order_ ? o - last_order_ : candidates_.size() + (last_order_ - o);
  };
  auto consider = [&](std::size_t i, int s) {
    if (s < 60) return;
    if (!best || s > best_score || (s == best_score && rank(i) < rank(*best))) {
      best = i;
      best_score = s;
    }
  };
  // Exact cores first (the common case); fuzzy comparison only when none is exact.
  if (const auto it = by_core_.find(key.core); it != by_core_.end())
    for (std::size_t i : it->second) consider(i, label_score(key, candidates_[i].keys->key));
  if (!best)
    for (const auto& [i, s] : fuzzy(key)) consider(i, s);
  if (!best) return std::nullopt;
  last_order_ = candidates_[*best].order;
  return std::make_pair(*best, best_score);
}

void Matcher::place(const Candidate& c, const RowDef& def, const Row& row, const Cell& label, bool in_document, int score,
                    std::span<const Slot> values) {
  const std::string_view key = def.key;
  if (done_[c.order]) {  // the same row twice: keep the first
    events_.push_back({Event::barrier, c.order, &row, {}, nullptr, false});
    return;
  }
  done_[c.order] = 1;
  events_.push_back({Event::anchor, c.order, &row, {}, nullptr, false});
  while (values.size() > def.columns.size() && values.back().value.kind == CellKind::blank) values = values.first(values.size() - 1);
  if (values.size() + 1 == def.columns.size() && !trailing_.empty() && only_last_blank(c, def, values)) {
    // `| 四、结转… | 1 | … | 0 |  |`: a row one short, with an empty cell after its numbers, that
    // can only be read with that cell as its last (blank) one: every other place for the
    // missing cell breaks a relation of the row.
    padded_.assign(values.begin(), values.end());
    padded_.push_back(trailing_.front());
    values = padded_;
  }
  if (values.size() != def.columns.size()) {
    said_.insert(&def);  // said here: not listed again as not read
    Finding f;
    f.rule = Rule::table_shape;
    f.severity = Severity::warning;
    f.message = "表格行「" + std::string(key) + "」有" + std::to_string(values.size()) + "个数值，模板该行应有" +
                std::to_string(def.columns.size()) + "个，无法逐列对应，该行未参与计算";
    f.span = row.span;
    out_.findings.push_back(std::move(f));
    return;
  }
  // A mistyped label, or a mistyped note inside it ("只计这一情况"): not for legacy tables,
  // which had no mandated wording. A note left out entirely is not a typo.
  // (A label without a note has its core as full core: no note differs.)
  bool note_typo = false;
  if (may_have_note(label.text)) {
    std::u32string own;  // the full core of a joined label
    const std::u32string& written = in_document ? keys_.full(label.text) : (own = full_core(label.text));
    const std::u32string& official = c.keys->full;
    note_typo = written != official && written != (in_document ? keys_.of(label.text).core : label_key(label.text).core);
  }
  if ((score < 100 || note_typo) && format_ != Format::legacy) {
    Finding f;
    f.rule = Rule::template_label;
    f.severity = Severity::warning;
    f.message = "表格行标签「" + label.text + "」与官方模板「" + std::string(def.label) + "」不一致";
    f.span = label.span;
    f.hint = std::string(def.label);
    out_.findings.push_back(std::move(f));
  }
  ReportTable& rt = table_of(c.tmpl);
  for (std::size_t i = 0; i < values.size(); ++i) add_cell(rt, def, key, def.columns[i], values[i]);
  ++placed_;
}

void Matcher::add_cell(ReportTable& rt, const RowDef& def, std::string_view row, std::string_view col, const Slot& s) {
  TableCell tc{row, col, std::nullopt, s.cell->text, s.cell->span};
  if (s.value.kind == CellKind::blank) {
    Finding f;
    f.rule = Rule::cell_blank;
    f.severity = Severity::warning;
    f.message = cell_name(row, col) + "未填写数字（" + (s.cell->text.empty() ? std::string("空白") : s.cell->text) +
                "），不按0计算，相关勾稽检查已跳过";
    f.span = s.cell->span;
    out_.findings.push_back(std::move(f));
  } else if (s.value.value.negative() && !def.signed_values) {
    invalid(s, row, col, "不应为负数");
  } else if (!s.value.value.is_integer() && !def.decimal_ok) {
    invalid(s, row, col, "应为整数");
  } else {
    tc.value = s.value.value;
    // An amount in 元 where the template counts 万元 is off by a factor of 10,000.
    if (s.value.unit == "元" && (col.find("万元") != std::string_view::npos || row.find("万元") != std::string_view::npos ||
                                 (def.decimal_ok && format_ == Format::legacy))) {
      Finding f;
      f.rule = rt.id == "legacy" ? Rule::legacy_unit : Rule::t2_cells;
      f.severity = Severity::warning;
      f.message = cell_name(row, col) + "填报为" + s.cell->text + "，模板的单位是万元，请核对单位";
      f.span = s.cell->span;
      f.actual = s.value.value;
      out_.findings.push_back(std::move(f));
    }
  }
  rt.cells.push_back(std::move(tc));
}

void Matcher::invalid(const Slot& s, std::string_view row, std::string_view col, const char* why) {
  Finding f;
  f.rule = Rule::cell_invalid;
  f.severity = Severity::error;
  f.message = cell_name(row, col) + "填报为" + s.cell->text + "，" + why;
  f.span = s.cell->span;
  f.actual = s.value.value;
  out_.findings.push_back(std::move(f));
}

void Matcher::unknown_row(const Cell& label) {
  Finding f;
  f.rule = Rule::template_label;
  f.severity = Severity::warning;
  f.message = "表格行「" + label.text + "」未能对应到官方模板中的任何一行，其数字未参与检查";
  f.span = label.span;
  out_.findings.push_back(std::move(f));
}

bool Matcher::only_last_blank(const Candidate& c, const RowDef& def, std::span<const Slot> values) const {
  if (std::any_of(values.begin(), values.end(), [](const Slot& x) { return x.value.kind != CellKind::number; })) return false;
  const std::size_t n = def.columns.size();
  std::vector<const RelationInstance*> own;
  for (const RelationInstance& ri : index_.of(c.tmpl).relations) {
    if (ri.def->op != Op::equal || ri.target.row != def.key) continue;
    if (std::all_of(ri.terms.begin(), ri.terms.end(), [&](const auto& t) { return t.first.row == def.key; })) own.push_back(&ri);
  }
  if (own.empty()) return false;
  for (std::size_t missing = 0; missing + 1 < n; ++missing) {
    // The reading: the values in order on every column but `missing`.
    auto value = [&](std::string_view col) -> std::optional<Decimal> {
      for (std::size_t k = 0, v = 0; k < n; ++k) {
        if (k == missing) { if (def.columns[k] == col) return std::nullopt; continue; }
        if (def.columns[k] == col) return values[v].value.value;
        ++v;
      }
      return Decimal();  // (a column of no row: not in these relations)
    };
    bool broken = false;
    for (const RelationInstance* ri : own) {
      // target = Σ terms, with at most the missing cell unknown: solved for it.
      std::optional<Decimal> target = value(ri->target.col);
      Decimal sum;
      int unknown_sign = 0;
      for (const auto& [ref, sign] : ri->terms) {
        const auto x = value(ref.col);
        if (!x) { unknown_sign = sign; continue; }
        sum += sign < 0 ? Decimal() - *x : *x;
      }
      if (!target) { broken = !def.signed_values && sum.negative(); }
      else if (unknown_sign == 0) { broken = *target != sum; }
      else {
        const Decimal rest = unknown_sign > 0 ? *target - sum : sum - *target;
        broken = !def.signed_values && rest.negative();
      }
      if (broken) break;
    }
    if (!broken) return false;  // another reading holds
  }
  return true;
}

void Matcher::loose_rows() {
  std::optional<std::size_t> prev;
  for (std::size_t k = 0; k < events_.size(); ++k) {
    if (events_[k].kind == Event::loose) continue;
    if (prev && k > *prev + 1) between(*prev, k);
    prev = k;
  }
  for (const Event& e : events_)
    if (e.kind == Event::loose && e.unknown) unknown_row(*e.label);
}

void Matcher::between(std::size_t a, std::size_t b) {
  const Event& ea = events_[a];
  const Event& eb = events_[b];
  if (ea.kind != Event::anchor || eb.kind != Event::anchor) return;
  const Candidate& ca = candidates_[ea.order];
  const Candidate& cb = candidates_[eb.order];
  if (ca.tmpl != cb.tmpl || cb.row <= ca.row) return;
  std::vector<std::size_t> gaps;  // candidate orders of the rows between
  for (std::size_t o = ea.order + 1; o < eb.order; ++o) {
    const RowDef& def = ca.tmpl->rows[candidates_[o].row];
    if (def.columns.empty() || def.group) continue;
    if (done_[o]) return;
    gaps.push_back(o);
  }
  if (gaps.size() != b - a - 1) return;
  for (std::size_t i = 0; i < gaps.size(); ++i) {
    const Event& e = events_[a + 1 + i];
    const Candidate& c = candidates_[gaps[i]];
    if (e.values.size() != c.tmpl->rows[c.row].columns.size()) return;
    if (e.label) {
      const std::u32string piece = label_key(e.label->text).core;
      if (piece.size() < kPieceChars || c.keys->full.find(piece) == std::u32string::npos) return;
    }
  }
  std::string names;
  Span span = events_[a + 1].row->span;
  for (std::size_t i = 0; i < gaps.size(); ++i) {
    Event& e = events_[a + 1 + i];
    const Candidate& c = candidates_[gaps[i]];
    const RowDef& def = c.tmpl->rows[c.row];
    done_[c.order] = 1;
    ReportTable& rt = table_of(c.tmpl);
    for (std::size_t k = 0; k < e.values.size(); ++k) add_cell(rt, def, def.key, def.columns[k], e.values[k]);
    ++placed_;
    e.kind = Event::anchor;
    e.order = c.order;
    names += (i ? "、「" : "「") + std::string(def.key) + "」";
    span.end = std::max(span.end, e.row->span.end);
  }
  Finding f;
  f.rule = Rule::table_shape;
  f.severity = Severity::info;
  f.message = "「" + std::string(ca.tmpl->rows[ca.row].key) + "」与「" + std::string(cb.tmpl->rows[cb.row].key) + "」之间有" +
              std::to_string(gaps.size()) + "行数字没有可识别的行标签（标签与数字分离或不全），按模板行序读作" + names;
  f.span = span;
  out_.findings.push_back(std::move(f));
}

void Matcher::glued(const Document& doc, const std::vector<GluedRow>& rows) {
  const std::size_t before = out_.findings.size();
  split_glued_rows(rows, stated_figures(doc, rows), index_, tables_, out_.findings);
  // Rows whose digits were said to be ambiguous are not listed again as not read; a table's
  // ambiguous rows are one finding.
  std::vector<std::string_view> table_of(out_.findings.size());
  for (std::size_t k = before; k < out_.findings.size(); ++k) {
    const Finding& f = out_.findings[k];
    if (f.rule != Rule::cell_ambiguous) continue;
    for (const GluedRow& g : rows) {
      if (g.digit_spans.empty() || g.digit_spans.front().start != f.span.start || g.digit_spans.back().end != f.span.end)
        continue;
      table_of[k] = g.tmpl->id;
      if (g.flat)
        for (const RowDef& d : g.tmpl->rows) said_.insert(&d);
      else
        said_.insert(&g.tmpl->rows[g.row]);
    }
  }
  group_ambiguous(out_.findings, table_of);
}

std::vector<ReportTable> Matcher::take_tables() {
  std::vector<ReportTable> out;
  for (ReportTable& t : tables_)
    if (!t.cells.empty()) {
      report_unread(t, said_, index_, out_.findings);
      out.push_back(std::move(t));
    }
  return out;
}

}  // namespace nianbao::matching
