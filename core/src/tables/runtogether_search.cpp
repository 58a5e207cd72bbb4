// Run-together cells: the search within a row. Every split of a row's digits into its cells'
// values that its own relations allow (on lines, with the fewest repairs: lines dropped, cut or
// joined), bounded by the budgets of runtogether_search.hpp; and a row with a cell left empty
// whose values the table's other cells pin.
#include "tables/runtogether_search.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include "tables/runtogether_text.hpp"
#include "util/number.hpp"

namespace nianbao::runtogether {

void cells_of(RowWork& w) {
  const GluedRow& g = *w.glued;
  for (std::size_t r = 0; r < g.tmpl->rows.size(); ++r) {
    if (!g.flat && r != g.row) continue;
    const RowDef& def = g.tmpl->rows[r];
    for (std::string_view c : def.columns) {
      w.cells.push_back({def.key, c});
      w.defs.push_back(&def);
    }
  }
}

namespace {

/// The token of `d` at `at` as a value of a cell of `def`: "x" (blank) or [-]digits[.digits].
std::optional<Value> token(std::string_view tok, const RowDef& def) {
  if (tok == "x") return Value{};
  std::size_t i = 0;
  if (tok[0] == '-') {
    if (!def.signed_values) return std::nullopt;
    ++i;
  }
  const std::size_t int_start = i;
  while (i < tok.size() && is_digit(tok[i])) ++i;
  const std::size_t int_len = i - int_start;
  if (int_len == 0 || int_len > kMaxDigitsPerValue || (int_len > 1 && tok[int_start] == '0')) return std::nullopt;
  if (i < tok.size()) {
    if (tok[i] != '.' || !def.decimal_ok || i + 1 >= tok.size() || tok.size() - i - 1 > static_cast<std::size_t>(Decimal::kPlaces)) return std::nullopt;
    for (std::size_t k = i + 1; k < tok.size(); ++k)
      if (!is_digit(tok[k])) return std::nullopt;
  }
  return Value{parse_number(tok, true)->value};
}

/// All splits of `digits` into `n` values satisfying the relations among this row's own cells.
/// `work_left`: the report's budget (values tried), spent here.
/// The splits of `digits` into `n` values, with at most `budget` repairs (lines only): of
/// lines dropped or cut when `more` (fewer lines than cells), of lines joined otherwise.
void enumerate_within(RowWork& w, const std::vector<std::vector<IndexedRelation>>& ready, std::size_t budget,
                      bool more, std::size_t& work_left, bool fewer = false) {
  more = more || fewer;  // `fewer` with `more`: either kind (a dropped line and a broken number)
  fewer = fewer || !more;
  const std::string& d = w.glued->digits;
  const std::size_t n = w.cells.size();
  const bool lines = w.glued->lines;
  std::vector<Value> vals(n);
  std::vector<Piece> pieces(n);
  std::size_t steps = 0;
  std::vector<std::size_t> digits_from(d.size() + 1, 0);  // digits in d[at, end)
  for (std::size_t k = d.size(); k-- > 0;) digits_from[k] = digits_from[k + 1] + is_digit(d[k]);
  // Digits one value can take: its whole part, and its decimals where the column has them.
  const bool decimals = std::any_of(w.defs.begin(), w.defs.end(), [](const RowDef* def) { return def->decimal_ok; });
  const std::size_t per_value = kMaxDigitsPerValue + (decimals ? static_cast<std::size_t>(Decimal::kPlaces) : 0);
  auto holds_all = [&](std::size_t i) {
    for (const IndexedRelation& x : ready[i])
      if (!holds(x, vals)) return false;
    return true;
  };
  auto rec = [&](auto&& self, std::size_t i, std::size_t at, std::size_t repairs) -> void {
    if (w.overflow) return;
    if (i == n) {
      if (at == d.size()) {
        for (const auto& c : w.candidates)
          if (c == vals) return;  // the same values by other repairs
        if (w.candidates.size() >= kMaxCandidates) { w.overflow = true; return; }
        w.candidates.push_back(vals);
        w.pieces.push_back(pieces);
      }
      return;
    }
    const std::size_t left = n - i - 1;  // values still to place after this one
    if (digits_from[at] > (left + 1) * per_value) return;  // more digits than they can hold
    // A line equal to the line before, dropped: the value before, again (a repair).
    if (lines && more && i > 0 && repairs < budget) {
      if (++steps > kMaxRowWork || work_left == 0) { w.overflow = true; return; }
      --work_left;
      vals[i] = vals[i - 1];
      pieces[i] = pieces[i - 1];
      if (holds_all(i)) self(self, i + 1, at, repairs + 1);
      if (w.overflow) return;
    }
    if (!lines && d.size() - at < left + 1) return;
    std::string tok;
    std::size_t joins = 0;  // line breaks inside this value (a number broken over lines)
    for (std::size_t end = at; end < d.size() && tok.size() < kMaxValueLength; ++end) {
      if (d[end] == ' ') break;
      if (d[end] == '|') {
        if (!lines || !fewer || end == at) break;
        ++joins;
        continue;
      }
      tok += d[end];
      // Where the next value starts: after a boundary, or inside this run (a cut, which on
      // lines is a repair: a line holds one cell).
      std::size_t next = end + 1, cost = repairs + joins;
      if (next < d.size()) {
        if (d[next] == ' ' || d[next] == '|') ++next;
        else if (lines && !more) continue;  // (a line holds one cell)
        else if (lines) ++cost;
      }
      if (cost > budget) {
        if (repairs + joins > budget) break;
        continue;
      }
      if (++steps > kMaxRowWork || work_left == 0) { w.overflow = true; return; }
      --work_left;
      const auto v = token(tok, *w.defs[i]);
      if (!v) continue;
      vals[i] = *v;
      pieces[i] = {at, end + 1 - at};
      if (holds_all(i)) self(self, i + 1, next, cost);
      if (w.overflow) return;
    }
  };
  rec(rec, 0, 0, 0);
}

}  // namespace

bool covers(const RelationInstance& ri, const std::vector<CellRef>& cells) {
  auto has = [&](const CellRef& c) { return std::find(cells.begin(), cells.end(), c) != cells.end(); };
  if (!has(ri.target)) return false;
  for (const auto& [ref, sign] : ri.terms)
    if (!has(ref)) return false;
  return true;
}

/// All splits of `digits` into `n` values satisfying the relations among this row's own cells.
/// On lines, the splits with the fewest repairs and those with one more (a reading is only
/// trusted when no other as plausible fits). `work_left`: the report's budget (values tried).
void enumerate(RowWork& w, const std::vector<RelationInstance>& intra, std::size_t& work_left) {
  const std::size_t n = w.cells.size();
  // Which relations can be checked once value i is known, with their cells as indices into
  // w.cells (its cells are distinct: a template's rows and columns).
  std::vector<std::vector<IndexedRelation>> ready(n);
  for (const RelationInstance& ri : intra) {
    auto idx = [&](const CellRef& c) {
      for (std::size_t k = 0; k < n; ++k)
        if (w.cells[k] == c) return k;
      return n;
    };
    IndexedRelation x = indexed(ri, idx);
    std::size_t last = x.target;
    for (const auto& term : x.terms) last = std::max(last, term.first);
    if (last < n) ready[last].push_back(std::move(x));
  }
  // On lines, each repair changes the number of values by one: as many as the lines are
  // fewer (dropped or cut lines) or more (joined lines) than the cells, all of one kind. A row
  // with as many lines as cells is read as written.
  const std::string& d = w.glued->digits;
  const std::size_t lines = 1 + static_cast<std::size_t>(std::count_if(d.begin(), d.end(), [](char c) { return c == ' ' || c == '|'; }));
  const bool more = lines < n;
  const std::size_t budget = !w.glued->lines ? 0 : more ? n - lines : lines - n;
  w.repaired = budget > 0;
  enumerate_within(w, ready, budget, more, work_left);
}

/// As many lines as cells, but the row's relations fail: a dropped line and a number broken
/// over two lines in the same row would look the same. The readings with one of each.
void enumerate_mixed(RowWork& w, const std::vector<RelationInstance>& intra, std::size_t& work_left) {
  const std::size_t n = w.cells.size();
  std::vector<std::vector<IndexedRelation>> ready(n);
  for (const RelationInstance& ri : intra) {
    IndexedRelation x = indexed(ri, [&](const CellRef& c) {
      for (std::size_t k = 0; k < n; ++k)
        if (w.cells[k] == c) return k;
      return n;
    });
    std::size_t last = x.target;
    for (const auto& term : x.terms) last = std::max(last, term.first);
    if (last < n) ready[last].push_back(std::move(x));
  }
  enumerate_within(w, ready, 2, true, work_left, true);
}

/// A row with fewer numbers than cells (a cell left empty) whose every cell the table's other
/// cells pin through the template's equalities, one unknown at a time: those values, when the
/// numbers written are them with some left out (run together in order); else nothing.
std::optional<std::vector<Decimal>> pinned_row(const RowWork& w, const ReportTable& rt, const std::vector<RelationInstance>& relations) {
  CellMap<Decimal> known;
  for (const TableCell& c : rt.cells)
    if (c.value) known[{c.row, c.col}] = *c.value;
  std::vector<std::optional<Decimal>> got(w.cells.size());
  const auto index_of = [&](const CellRef& c) -> std::size_t {
    for (std::size_t i = 0; i < w.cells.size(); ++i)
      if (w.cells[i] == c) return i;
    return std::string_view::npos;
  };
  for (bool progress = true; progress;) {
    progress = false;
    for (const RelationInstance& ri : relations) {
      if (ri.def->op != Op::equal || !ri.def->error) continue;
      // target = Σ sign·term, with exactly one cell unknown: one of this row.
      std::size_t unknown = 0, unknowns = 0;
      int unknown_sign = 0;  // 0: the target
      bool usable = true;    // every other cell is read
      Decimal rest;          // Σ sign·term of the known terms
      Decimal target;
      auto visit = [&](const CellRef& c, int sign) {
        const std::size_t at = index_of(c);
        std::optional<Decimal> v;
        if (at != std::string_view::npos) v = got[at];
        else if (const auto k = known.find({c.row, c.col}); k != known.end()) v = k->second;
        else usable = false;
        if (!v) {
          if (at != std::string_view::npos) { unknown = at; unknown_sign = sign; ++unknowns; }
        } else if (sign == 0) {
          target = *v;
        } else {
          rest += sign < 0 ? Decimal() - *v : *v;
        }
      };
      visit(ri.target, 0);
      for (const auto& [ref, sign] : ri.terms) visit(ref, sign);
      if (!usable) continue;
      const bool of_row = index_of(ri.target) != std::string_view::npos ||
                          std::any_of(ri.terms.begin(), ri.terms.end(), [&](const auto& t) { return index_of(t.first) != std::string_view::npos; });
      if (unknowns == 0 && of_row && target != rest)
        return std::nullopt;  // the values pinned break another relation of the row
      if (unknowns != 1) continue;
      const Decimal v = unknown_sign == 0 ? rest : unknown_sign > 0 ? target - rest : rest - target;
      if (got[unknown] && *got[unknown] != v) return std::nullopt;  // the relations disagree
      got[unknown] = v;
      progress = true;
    }
  }
  std::vector<Decimal> out;
  for (std::size_t i = 0; i < got.size(); ++i) {
    if (!got[i] || got[i]->negative() || (!w.defs[i]->decimal_ok && !got[i]->is_integer())) return std::nullopt;
    out.push_back(*got[i]);
  }
  // The numbers written are these values with some left out, in order.
  std::string digits;
  for (char c : w.glued->digits)
    if (is_digit(c) || c == '.' || c == '-') digits += c;
  const std::size_t n = out.size();
  if (n > 16) return std::nullopt;
  for (std::uint32_t kept = 0; kept + 1 < (1u << n); ++kept) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i)
      if (kept >> i & 1) s += out[i].to_string();
    if (s == digits) return out;
  }
  return std::nullopt;
}

}  // namespace nianbao::runtogether
