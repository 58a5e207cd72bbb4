#include "tables/matcher.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <unordered_map>

#include "tables/label.hpp"
#include "tables/unread.hpp"
#include "tables/runtogether.hpp"
#include "util/number.hpp"
#include "util/utf8.hpp"

namespace nianbao {

namespace {


bool is_unit(std::string_view s) {
  return std::find(kUnitWords.begin(), kUnitWords.end(), utf8::trim(s)) != kUnitWords.end();
}

/// Label keys of the document's cell texts, each made once for the format vote and every
/// matcher run (the texts are views into the Document, which outlives it).
class CellKeys {
 public:
  const LabelKey& of(std::string_view text) {
    auto [it, fresh] = keys_.try_emplace(text);
    if (fresh) it->second = label_key(text);
    return it->second;
  }
  /// full_core(text), made once.
  const std::u32string& full(std::string_view text) {
    auto [it, fresh] = full_.try_emplace(text);
    if (fresh) it->second = full_core(text);
    return it->second;
  }

 private:
  std::unordered_map<std::string_view, LabelKey> keys_;
  std::unordered_map<std::string_view, std::u32string> full_;
};

using Candidate = TemplateIndex::Candidate;

struct Slot {
  const Cell* cell;
  CellValue value;
};

class Matcher {
 public:
  Matcher(Format format, const TemplateIndex& index, CellKeys& keys, MatchResult& out)
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

  /// The caption of the next table (a heading that may name its row, or a label wrapped over a
  /// few lines above its numbers). `before`: the paragraphs right above it, nearest last, as many as kCaptionLines + 1 (fewer
  /// when a table or the start comes first). The caption is the short ones at the end, when
  /// there are at most kCaptionLines of them and at most one starts with item numbering: a
  /// heading, or one label wrapped over lines. More, and they are labels of several rows stacked
  /// apart from their numbers (a converter's output): which row comes first is not known.
  void caption(std::span<const Paragraph* const> before) {
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

  /// Returns how many value rows were placed.
  std::size_t placed() const { return placed_; }

  /// Row `i` of a table block. Label-only rows around it may hold pieces of its label wrapped
  /// over several lines (pdftotext, narrow columns); they are joined when that matches better.
  void row(const std::vector<Row>& rows, std::size_t i) {
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

  void row(const Row& row) {
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

 private:
  static bool label_only(const Row& r) {
    return !r.cells.empty() && r.cells.size() <= 3 &&
           std::all_of(r.cells.begin(), r.cells.end(),
                       [](const Cell& c) { return classify_cell(c.text).kind == CellKind::text; });
  }

  /// The wrapped pieces of row `i`'s label in the label-only rows around it (above_, below_):
  /// those in the label's column (within kColumnSlack characters: pdftotext shifts a wrapped
  /// line a little), so that a label printed down another column (`三、本年度办理结果` one
  /// character per line, `（三）不` / `予公开` down a merged cell) is never glued on. Above, up to
  /// the piece that starts with item numbering (the label's first line); below, up to the next
  /// such piece or the next row with numbers. A label that has its numbering takes nothing above.
  void wrapped_pieces(const std::vector<Row>& rows, std::size_t i) {
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

  /// The best match of `label` (or nothing: numbers alone) joined with the pieces above it,
  /// below it, or both; `joined` gets the text and span of the best.
  std::optional<std::pair<std::size_t, int>> match_wrapped(const Cell* label, Cell& joined) {
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

  /// Places `values` in the template row that the caption (the short paragraphs just above the
  /// table: the last one, else the last two or three joined) names, as a whole or by the words in
  /// its last brackets, when that row has as many columns: a row of a header-only table (T4) by
  /// its exact label, else a row the matcher finds (score 80 or more).
  bool caption_row(const Row& row, const std::vector<Slot>& values) {
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

  bool caption_names(const Row& row, const std::vector<Slot>& values, std::string_view text, const Span& span) {
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

  static bool any_number(const std::vector<Slot>& v) {
    return std::any_of(v.begin(), v.end(), [](const Slot& s) { return s.value.kind == CellKind::number; });
  }

  /// The candidates whose labels a label key matches fuzzily (score 60 or more; no candidate
  /// has its core), in candidate order. Compared once per distinct key: tables repeat their
  /// group labels, reports repeat tables, and the fuzzy comparison is the costly one.
  const std::vector<std::pair<std::size_t, int>>& fuzzy(const LabelKey& key) {
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

  /// The best candidate for a label text of the document (a view into it), and its score.
  std::optional<std::pair<std::size_t, int>> match(std::string_view text) { return match_key(keys_.of(text)); }

  std::optional<std::pair<std::size_t, int>> match_key(const LabelKey& key) {
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

  ReportTable& table_of(const TableTemplate* t) {
    for (ReportTable& rt : tables_)
      if (rt.tmpl == t) return rt;
    return tables_.front();  // unreachable: every template has a table
  }

  /// `in_document`: the label is a cell of the document (not joined from pieces here).
  void place(const Candidate& c, const RowDef& def, const Row& row, const Cell& label, bool in_document, int score,
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

  void add_cell(ReportTable& rt, const RowDef& def, std::string_view row, std::string_view col, const Slot& s) {
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

  /// 「row」「col」 of the messages.
  static std::string cell_name(std::string_view row, std::string_view col) {
    return "「" + std::string(row) + "」「" + std::string(col) + "」";
  }

  void invalid(const Slot& s, std::string_view row, std::string_view col, const char* why) {
    Finding f;
    f.rule = Rule::cell_invalid;
    f.severity = Severity::error;
    f.message = cell_name(row, col) + "填报为" + s.cell->text + "，" + why;
    f.span = s.cell->span;
    f.actual = s.value.value;
    out_.findings.push_back(std::move(f));
  }

  void unknown_row(const Cell& label) {
    Finding f;
    f.rule = Rule::template_label;
    f.severity = Severity::warning;
    f.message = "表格行「" + label.text + "」未能对应到官方模板中的任何一行，其数字未参与检查";
    f.span = label.span;
    out_.findings.push_back(std::move(f));
  }

  /// Whether a flat template took the row.
  bool flat(const Row& row, const std::vector<Slot>& values) {
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

  Format format_;
  MatchResult& out_;
  CellKeys& keys_;
  std::vector<ReportTable> tables_;
  const TemplateIndex& index_;
  const std::vector<Candidate>& candidates_;  ///< index_.candidates(format_)
  /// The candidates by their label's core, in order (the TemplateIndex's).
  const std::unordered_map<std::u32string_view, std::vector<std::size_t>>& by_core_;
  const std::vector<std::pair<std::size_t, std::size_t>>& by_size_;  ///< the TemplateIndex's
  std::vector<char> done_;  ///< by candidate (its order: its index): a row of it placed
  /// Orders the fuzzy cache's keys (numbering, core) and views of them alike.
  struct KeyLess {
    using is_transparent = void;
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
      const std::u32string_view a1 = a.first, b1 = b.first;
      if (a1 != b1) return a1 < b1;
      return std::u32string_view(a.second) < std::u32string_view(b.second);
    }
  };
  std::map<std::pair<std::u32string, std::u32string>, std::vector<std::pair<std::size_t, int>>, KeyLess> fuzzy_;  ///< by numbering, core
  std::size_t last_order_ = 0;
  std::size_t placed_ = 0;
  std::vector<const Paragraph*> captions_;  ///< short paragraphs right above the current table
  /// Pieces of the current row's label wrapped onto the label-only rows above and below it.
  std::vector<const Cell*> above_, below_;
  static constexpr std::size_t kColumnSlack = 4;  ///< characters a wrapped line may be shifted by
  static constexpr std::size_t kWrapRows = 4;     ///< label-only rows looked at on each side
  static constexpr int kWrappedAlone = 80;          ///< score a label must reach to take numbers alone
  static constexpr std::size_t kPieceChars = 4;     ///< a label fragment's characters at least, to tell its row
  static constexpr std::size_t kCaptionBytes = 90;  ///< a caption line's length at most (30 Chinese characters)
  std::vector<Slot> slots_, values_;  ///< row()'s
  std::vector<Slot> trailing_;        ///< the current row's empty cell after its last number, if any
  Cell blank_cell_;                   ///< its cell (Row::trailing_empty)
  std::vector<Slot> padded_;          ///< place()'s values with a trailing blank
  /// The rows of the tables in document order: a template row placed (an anchor), the same row
  /// placed twice (a barrier: the order is not to be trusted there), or a row of numbers that no
  /// label took (loose: numbers alone, or with a label that matches no template row).
  struct Event {
    enum Kind { anchor, barrier, loose } kind;
    std::size_t order;  ///< candidate (anchor, barrier)
    const Row* row;
    std::vector<Slot> values;  ///< loose
    const Cell* label;         ///< loose: its label that matched nothing, if any
    bool unknown;              ///< loose: say that its label matched nothing, if it stays loose
  };
  std::vector<Event> events_;

  /// Whether `values` (one short of `def`'s columns, all numbers) can be the row's first columns
  /// only: with the missing cell anywhere else (the last value the last column), some relation
  /// among the row's own cells fails, or gives the missing cell a value it cannot have.
  bool only_last_blank(const Candidate& c, const RowDef& def, std::span<const Slot> values) const {
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

 public:
  /// Rows of numbers that no label took, placed where the document order leaves one place for
  /// them: between two rows of a table read as template rows i and j, exactly j − i − 1 such rows
  /// (reports keep template order) are rows i+1 … j−1, in order, when none of those was read
  /// elsewhere, each has their number of values, and a label that matched nothing is a piece of
  /// the row's label (a converter's fragment). Otherwise they stay unread (table-incomplete).
  void loose_rows() {
    std::optional<std::size_t> prev;
    for (std::size_t k = 0; k < events_.size(); ++k) {
      if (events_[k].kind == Event::loose) continue;
      if (prev && k > *prev + 1) between(*prev, k);
      prev = k;
    }
    for (const Event& e : events_)
      if (e.kind == Event::loose && e.unknown) unknown_row(*e.label);
  }

 private:
  void between(std::size_t a, std::size_t b) {
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

 private:
  std::set<const RowDef*> said_;      ///< template rows a finding already says were not read

 public:
  static constexpr std::size_t kCaptionLines = 3;  ///< caption lines at most

  /// Rows written as crawled text with their digits run together (after the real tables, so
  /// rows read from tables are kept and their values constrain the splits).
  void glued(const Document& doc, const std::vector<GluedRow>& rows) {
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

  std::vector<ReportTable> take_tables() {
    std::vector<ReportTable> out;
    for (ReportTable& t : tables_)
      if (!t.cells.empty()) {
        report_unread(t, said_, index_, out_.findings);
        out.push_back(std::move(t));
      }
    return out;
  }
};

Format vote(const Document& doc, const TemplateIndex& index, CellKeys& keys) {
  std::map<Format, int> votes;
  const std::vector<LabelKey>& fps = index.fingerprints();
  for (const Block& b : doc.blocks) {
    if (b.kind != Block::Kind::table) continue;
    for (const Row& r : b.table.rows)
      for (const Cell& c : r.cells) {
        if (c.text.size() > 400) continue;
        // A cell of ASCII only (numbers) holds no fingerprint: they are Chinese words.
        if (index.fingerprints_have_han() && std::all_of(c.text.begin(), c.text.end(), [](char x) { return static_cast<unsigned char>(x) < 0x80; }))
          continue;
        const LabelKey& k = keys.of(c.text);
        // (A fingerprint with a character the cell lacks is not in it: its bits tell first.)
        const std::uint64_t bits = char_bits(k.core);
        for (std::size_t i = 0; i < fps.size(); ++i)
          if ((index.fingerprint_bits()[i] & ~bits) == 0 && k.core.find(fps[i].core) != std::u32string::npos)
            ++votes[format_fingerprints()[i].format];
      }
  }
  Format best = Format::unknown;
  int best_votes = 0;
  bool tie = false;
  for (auto [f, n] : votes) {
    if (n > best_votes) { best = f; best_votes = n; tie = false; }
    else if (n == best_votes) tie = true;
  }
  return tie ? Format::unknown : best;
}

/// Fingerprints in running text (crawled tables have their header labels in paragraphs).
Format vote_paragraphs(const Document& doc, const TemplateIndex& index) {
  std::map<Format, int> votes;
  // Each paragraph's key is made when a fingerprint first looks at it.
  std::vector<std::optional<std::u32string>> cores(doc.blocks.size());
  const auto fps = format_fingerprints();
  for (std::size_t i = 0; i < fps.size(); ++i) {
    const std::u32string& core = index.fingerprints()[i].core;
    for (std::size_t k = 0; k < doc.blocks.size(); ++k) {
      const Block& b = doc.blocks[k];
      if (b.kind != Block::Kind::paragraph || b.paragraph.text.size() >= 100000) continue;
      if (!cores[k]) cores[k] = label_key(b.paragraph.text).core;
      if (cores[k]->find(core) != std::u32string::npos) {
        ++votes[fps[i].format];
        break;
      }
    }
  }
  Format best = Format::unknown;
  int n = 0;
  for (auto [f, v] : votes)
    if (v > n) { best = f; n = v; } else if (v == n) best = Format::unknown;
  return best;
}

/// `glued`: the document's glued rows of `format`, when already found.
MatchResult run(const Document& doc, Format format, const TemplateIndex& index, const NumberRuns& runs, CellKeys& keys,
                const std::vector<GluedRow>* glued = nullptr) {
  MatchResult out;
  out.format = format;
  Matcher m(format, index, keys, out);
  std::vector<const Paragraph*> before;  // the paragraphs right before the block (the last few)
  for (const Block& b : doc.blocks) {
    if (b.kind == Block::Kind::table) {
      m.caption(before);
      for (std::size_t i = 0; i < b.table.rows.size(); ++i) m.row(b.table.rows, i);
      before.clear();
    } else {
      if (before.size() > Matcher::kCaptionLines) before.erase(before.begin());
      before.push_back(&b.paragraph);
    }
  }
  m.loose_rows();
  m.glued(doc, glued ? *glued : find_glued_rows(doc, format, index, runs));
  out.tables = m.take_tables();
  return out;
}

std::size_t cell_count(const MatchResult& r) {
  std::size_t n = 0;
  for (const ReportTable& t : r.tables) n += t.cells.size();
  return n;
}

}  // namespace

MatchResult match_tables(const Document& doc, std::optional<int> year) {
  const TemplateIndex index;
  return match_tables(doc, year, index);
}

MatchResult match_tables(const Document& doc, std::optional<int> year, const TemplateIndex& index) {
  const NumberRuns runs = number_runs(doc);
  CellKeys keys;
  const bool has_tables = std::any_of(doc.blocks.begin(), doc.blocks.end(),
                                      [](const Block& b) { return b.kind == Block::Kind::table; });
  if (!has_tables) {
    // Perhaps crawled text with the cells run together: the format whose labels are found
    // followed by digits most often.
    Format best = Format::unknown;
    std::size_t best_rows = 0;
    bool tie = false;
    std::array<std::vector<GluedRow>, 3> found;  // per format of the loop (kept for the one chosen)
    constexpr std::array<Format, 3> kFormats{Format::f2021, Format::f2019, Format::legacy};
    for (std::size_t k = 0; k < kFormats.size(); ++k) {
      found[k] = find_glued_rows(doc, kFormats[k], index, runs);
      const std::size_t n = found[k].size();
      if (n > best_rows) { best = kFormats[k]; best_rows = n; tie = false; }
      else if (n == best_rows && n > 0) tie = true;
    }
    if (best == Format::unknown) return {};
    if (tie && best != Format::legacy) best = year && *year >= 2019 && *year <= 2020 ? Format::f2019 : year && *year >= 2021 ? Format::f2021 : best;
    const std::size_t chosen = static_cast<std::size_t>(std::find(kFormats.begin(), kFormats.end(), best) - kFormats.begin());
    MatchResult r = run(doc, best, index, runs, keys, &found[chosen]);
    if (const Format voted = vote_paragraphs(doc, index); voted != Format::unknown) r.format = voted;
    return r;
  }
  const Format voted = vote(doc, index, keys);
  if (voted != Format::unknown) return run(doc, voted, index, runs, keys);
  // No fingerprint: the layout that places more cells wins; on a tie the report year decides.
  MatchResult a = run(doc, Format::f2021, index, runs, keys), b = run(doc, Format::f2019, index, runs, keys),
              l = run(doc, Format::legacy, index, runs, keys);
  const std::size_t na = cell_count(a), nb = cell_count(b), nl = cell_count(l);
  if (na == 0 && nb == 0 && nl == 0) return {};
  if (nl > na && nl > nb) return l;
  if (na > nb) return a;
  if (nb > na) return b;
  if (year && *year >= 2019 && *year <= 2020) return b;
  if (year && *year >= 2021) return a;
  a.format = Format::unknown;  // same cells either way; the layout year is not known
  return a;
}

}  // namespace nianbao
