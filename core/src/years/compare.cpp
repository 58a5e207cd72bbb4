// The tables of one body's two consecutive reports side by side (cross_year.hpp YearCompare):
// the carry-over per 表三 column and the stock of 现行有效 per 表二 row, each cell with its address
// in its report. The xyear-carry and xyear-stock rules (cross_year.cpp) read their findings from
// it; the JSON writes it as each pair's "compare".
#include "years/compare.hpp"

#include <algorithm>
#include <array>
#include <span>

#include "lexicon/row_keys.hpp"
#include "tables/templates.hpp"
#include "util/utf8.hpp"

namespace nianbao::years {

using namespace lexicon;

const ReportTable* find_table(const Report& r, std::string_view id) {
  for (const ReportTable& t : r.tables)
    if (t.id == id) return &t;
  return nullptr;
}

const TableCell* value_cell(const ReportTable* t, std::string_view row, std::string_view col) {
  if (!t) return nullptr;
  const TableCell* c = t->find(row, col);
  return c && c->value ? c : nullptr;
}

namespace {

constexpr std::array<std::string_view, 3> kStockCols{"本年制发件数", "本年废止件数", "现行有效件数"};

/// Whether the template has the cell.
bool has_cell(const TableTemplate& t, std::string_view row, std::string_view col) {
  for (const RowDef& d : t.rows)
    if (utf8::same(d.key, row)) return std::find(d.columns.begin(), d.columns.end(), col) != d.columns.end();
  return false;
}

/// What the report has at (table `id`, `row`, `col`): the cell read, or a run-together row's
/// digits, or why there is no value.
CompareCell cell_at(const Report& r, std::string_view id, std::string_view row, std::string_view col) {
  CompareCell c;
  c.table = id;
  c.row = row;
  c.col = col;
  const ReportTable* t = find_table(r, id);
  if (t) {
    if (const TableCell* x = t->find(row, col)) {
      c.state = x->value ? CompareCell::State::read : CompareCell::State::blank;
      c.value = x->value;
      c.raw = x->raw;
      c.span = x->span;
      c.corrected = x->corrected;
      return c;
    }
    for (const AmbiguousRow& a : t->ambiguous)
      for (std::size_t i = 0; i < a.rows.size(); ++i)
        if (a.rows[i] == row && a.cols[i] == col) {
          c.state = CompareCell::State::ambiguous;
          c.span = a.span;
          return c;
        }
  }
  // Not read: is it the report's format that has no such cell (a legacy report has no 表三; the
  // 2019 format's 表二 has no 现行有效件数)?
  const TableTemplate* tmpl = t ? t->tmpl : nullptr;
  if (!t)
    for (const TableTemplate* x : templates_for(r.meta.format))
      if (x->id == id) tmpl = x;
  const bool none = tmpl ? !has_cell(*tmpl, row, col) : !t && r.meta.format != Format::unknown;
  c.state = none ? CompareCell::State::none : CompareCell::State::unread;
  return c;
}

/// 二、上年结转 of this year against 四、结转下年度继续办理 of the year before, column by column.
std::vector<CarryCompare> carry(const Report& prev, const Report& cur) {
  std::vector<CarryCompare> out;
  if (!find_table(prev, "T3") && !find_table(cur, "T3")) return out;
  for (std::string_view col : kT3Cols) {
    CarryCompare c{col, cell_at(prev, "T3", kT3CarriedOn, col), cell_at(cur, "T3", kT3Carried, col), std::nullopt};
    if (c.previous.value && c.current.value) c.agree = *c.previous.value == *c.current.value;
    out.push_back(std::move(c));
  }
  return out;
}

/// Where an ambiguous row holds the cells of `row` in `cols` (in that order; fewer when some are not there).
std::vector<std::size_t> positions(const AmbiguousRow& amb, std::string_view row, std::span<const std::string_view> cols) {
  std::vector<std::size_t> at;
  for (std::string_view col : cols)
    for (std::size_t i = 0; i < amb.cols.size(); ++i)
      if (amb.rows[i] == row && amb.cols[i] == col) at.push_back(i);
  return at;
}

/// What a report gives one row's cells (`cols`): the values read, or each fitting split of the
/// row's run-together digits, or the reading an earlier pair settled; none when a cell is
/// unread or blank. Equal readings are kept once; `ambiguous`: more than one.
struct Readings {
  std::vector<std::vector<Decimal>> values;
  bool ambiguous = false;
};
Readings readings(const Report& r, const ReportTable& t, std::string_view row, std::span<const std::string_view> cols, const Settled& settled) {
  Readings out;
  std::vector<Decimal> read;
  for (std::string_view col : cols) {
    const TableCell* c = value_cell(&t, row, col);
    if (!c) break;
    read.push_back(*c->value);
  }
  if (read.size() == cols.size()) {
    out.values.push_back(std::move(read));
    return out;
  }
  for (const AmbiguousRow& amb : t.ambiguous) {
    const std::vector<std::size_t> at = positions(amb, row, cols);
    if (at.size() != cols.size()) continue;
    if (const auto s = settled.find(SettledKey{&r, row}); s != settled.end()) {
      std::vector<Decimal> v;
      for (std::size_t i : at) v.push_back(s->second[i]);
      out.values.push_back(std::move(v));
      return out;
    }
    out.ambiguous = true;
    for (const auto& cand : amb.candidates) {
      std::vector<Decimal> v;
      for (std::size_t i : at)
        if (cand[i]) v.push_back(*cand[i]);
      if (v.size() == at.size() && std::find(out.values.begin(), out.values.end(), v) == out.values.end()) out.values.push_back(std::move(v));
    }
    if (out.values.size() == 1) out.ambiguous = false;
    return out;
  }
  return out;
}

/// This year's ambiguous row read as `values` (its cells `cols`): the whole split kept for the
/// next pair, where this report is the earlier one.
void settle(const Report& cur, const ReportTable& t, std::string_view row, const std::vector<Decimal>& values, Settled& settled) {
  for (const AmbiguousRow& amb : t.ambiguous) {
    const std::vector<std::size_t> at = positions(amb, row, kStockCols);
    if (at.size() != kStockCols.size()) continue;
    std::vector<Decimal> whole(amb.cols.size());
    for (const auto& cand : amb.candidates) {
      bool same = true;
      for (std::size_t k = 0; k < at.size(); ++k) same = same && cand[at[k]] && *cand[at[k]] == values[k];
      if (!same) continue;
      for (std::size_t i = 0; i < cand.size(); ++i) whole[i] = cand[i].value_or(Decimal{});
      break;
    }
    settled[SettledKey{&cur, row}] = whole;
    return;
  }
}

/// A cell that the readings leave one value for: a run-together row's cell takes it as split.
void take(CompareCell& c, Decimal v) {
  if (c.state != CompareCell::State::read) c.state = CompareCell::State::split;
  c.value = v;
}

/// 2021 format: 现行有效 ≈ last year's 现行有效 + 制发 − 废止 (documents also lapse: a prompt).
/// A row read in more than one way (run-together digits) takes part with each of its fitting
/// splits: a split that leaves 废止 or 现行有效 above last year's stock plus this year's 制发
/// cannot be, and when that leaves one reading of this year's row, it is used (settled_by, and
/// kept for the next year's pair). The row agrees when some remaining reading carries the stock.
void relate(StockCompare& s, const Report& prev, const ReportTable& a, const Report& cur, const ReportTable& b, Settled& settled) {
  const Readings before = readings(prev, a, s.row, std::span(&kStockCols[2], 1), settled);
  const Readings now = readings(cur, b, s.row, kStockCols, settled);
  s.previous_readings = before.values.size();
  s.current_readings = now.values.size();
  if (before.values.empty() || now.values.empty()) return;
  // The readings that can be: nothing abolished or in force beyond what there could be.
  std::vector<std::pair<std::size_t, std::size_t>> all, possible, carried;
  for (std::size_t p = 0; p < before.values.size(); ++p)
    for (std::size_t n = 0; n < now.values.size(); ++n) {
      all.emplace_back(p, n);
      const Decimal most = before.values[p][0] + now.values[n][0];
      if (most < now.values[n][1] || most < now.values[n][2]) continue;
      possible.emplace_back(p, n);
      if (most - now.values[n][1] == now.values[n][2]) carried.emplace_back(p, n);
    }
  const auto only = [](const auto& list, auto part) {
    return !list.empty() && std::all_of(list.begin(), list.end(), [&](const auto& x) { return part(x) == part(list.front()); });
  };
  const auto first = [](const auto& x) { return x.first; };
  const auto second = [](const auto& x) { return x.second; };
  if (now.ambiguous && only(possible, second)) {
    settle(cur, b, s.row, now.values[possible.front().second], settled);
    s.settled_by = before.values[possible.front().first][0];
  }
  s.agree = !carried.empty();
  // The readings that count: those that carry, else those that can be, else all; a side they
  // all read one way shows its values.
  const auto& counted = !carried.empty() ? carried : !possible.empty() ? possible : all;
  const bool one_before = only(counted, first), one_now = only(counted, second);
  if (one_before) take(s.previous, before.values[counted.front().first][0]);
  if (one_now) {
    const std::vector<Decimal>& v = now.values[counted.front().second];
    take(s.issued, v[0]);
    take(s.abolished, v[1]);
    take(s.current, v[2]);
  }
  if (one_before && one_now) s.expected = *s.previous.value + *s.issued.value - *s.abolished.value;
}

std::vector<StockCompare> stock(const Report& prev, const Report& cur, Settled& settled) {
  std::vector<StockCompare> out;
  const ReportTable* a = find_table(prev, "T2");
  const ReportTable* b = find_table(cur, "T2");
  const bool a2021 = a && a->template_name == "2021", b2021 = b && b->template_name == "2021";
  if (!a2021 && !b2021) return out;
  for (std::string_view row : {kT2Rules, kT2Documents}) {
    StockCompare s;
    s.row = row;
    s.previous = cell_at(prev, "T2", row, kStockCols[2]);
    s.issued = cell_at(cur, "T2", row, kStockCols[0]);
    s.abolished = cell_at(cur, "T2", row, kStockCols[1]);
    s.current = cell_at(cur, "T2", row, kStockCols[2]);
    if (a2021 && b2021) relate(s, prev, *a, cur, *b, settled);
    out.push_back(std::move(s));
  }
  return out;
}

std::string_view state_name(CompareCell::State s) {
  switch (s) {
    case CompareCell::State::read: return "read";
    case CompareCell::State::split: return "split";
    case CompareCell::State::ambiguous: return "ambiguous";
    case CompareCell::State::blank: return "blank";
    case CompareCell::State::unread: return "unread";
    case CompareCell::State::none: break;
  }
  return "none";
}

void write_cell(JsonWriter& w, const CompareCell& c) {
  w.begin_object(true).key("table").string(c.table).key("row").string(c.row).key("col").string(c.col);
  w.key("state").string(state_name(c.state)).key("value");
  if (c.value) w.raw(c.value->to_string());  // as the report's cells write it
  else w.null();
  if (!c.raw.empty()) w.key("raw").string(c.raw);
  if (c.span) {
    w.key("span");
    write_span(w, *c.span);
  }
  if (c.corrected) w.key("corrected").raw("true");
  w.end_object();
}

void write_agree(JsonWriter& w, const std::optional<bool>& agree) {
  w.key("agree");
  if (!agree) w.null();
  else w.raw(*agree ? "true" : "false");
}

}  // namespace

YearCompare compare(const Report& prev, const Report& cur, Settled& settled) {
  return YearCompare{carry(prev, cur), stock(prev, cur, settled)};
}

void write_compare(JsonWriter& w, const YearCompare& c) {
  w.key("compare").begin_object().key("carry").begin_array();
  for (const CarryCompare& x : c.carry) {
    w.begin_object().key("label").string(x.col).key("previous");
    write_cell(w, x.previous);
    w.key("current");
    write_cell(w, x.current);
    write_agree(w, x.agree);
    w.end_object();
  }
  w.end_array().key("stock").begin_array();
  for (const StockCompare& x : c.stock) {
    w.begin_object().key("label").string(x.row);
    w.key("previous");
    write_cell(w, x.previous);
    w.key("issued");
    write_cell(w, x.issued);
    w.key("abolished");
    write_cell(w, x.abolished);
    w.key("current");
    write_cell(w, x.current);
    w.key("expected");
    if (x.expected) w.raw(x.expected->to_string());
    else w.null();
    write_agree(w, x.agree);
    w.end_object();
  }
  w.end_array().end_object();
}

}  // namespace nianbao::years
