// Run-together cells, internal: the split search. A glued row's work (its cells, the splits of
// its digits that its own relations allow), the relations with their cells as indices, and the
// searches' budgets; defined in runtogether_search.cpp, used by split_glued_rows
// (runtogether.cpp), which searches across rows.
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "nianbao/decimal.hpp"
#include "nianbao/report.hpp"
#include "tables/cell_index.hpp"
#include "tables/relations.hpp"
#include "tables/runtogether.hpp"

namespace nianbao::runtogether {

constexpr std::size_t kMaxDigitsPerValue = 9;
constexpr std::size_t kMaxValueLength = kMaxDigitsPerValue + 2 + Decimal::kPlaces;  // "-123456789.123456"
constexpr std::size_t kMaxCandidates = 256;      // per row
// The searches' work, in values tried: per row, per group of tied rows, and for the whole
// report (a hostile row of 90 digits has billions of splits). The rows of the test corpus take
// at most about 5,000; a row or group that runs out is reported as having too many splits
// (nothing is guessed), and so is every row after the report's budget is spent.
constexpr std::size_t kMaxRowWork = 50'000;
constexpr std::size_t kMaxGroupWork = 50'000;
constexpr std::size_t kMaxReportWork = 300'000;
constexpr std::size_t kMaxSolutions = 64;

using Value = std::optional<Decimal>;  // nothing for a blank cell
/// By cell (row, column): looked up many times in the searches below.
template <class V>
using CellMap = std::unordered_map<std::pair<std::string_view, std::string_view>, V, CellHash>;
using Values = CellMap<Value>;

using Piece = std::pair<std::size_t, std::size_t>;  // first unit, units

struct RowWork {
  const GluedRow* glued;
  std::vector<CellRef> cells;
  std::vector<const RowDef*> defs;  // the template row of each cell (signed, decimal)
  std::vector<std::vector<Value>> candidates;
  std::vector<std::vector<Piece>> pieces;  // the units of `digits` each value of a candidate is
  bool overflow = false;  // more candidates than we keep
  bool by_text = false;   // candidates narrowed by figures the text states
  /// No split satisfies the row's relations, but its digits allow only one split at all (as
  /// many digits as cells): read as written, the rules then say what does not add up.
  bool as_written = false;
  bool repaired = false;  // on lines: read only with a repair (a joined, cut or repeated line)
  bool doubtful = false;  // as written it breaks its relations, and lines repaired would fit
};

/// The cells of the row (all of a header-only table), with their template rows.
void cells_of(RowWork& w);

/// A relation with its cells as indices into a vector of values (a row's cells, or the cells of
/// the relations across rows).
struct IndexedRelation {
  const RelationInstance* ri;
  std::size_t target;
  std::vector<std::pair<std::size_t, int>> terms;  ///< cell index, sign
};

/// `ri` with each cell as `index_of(cell)`.
template <class IndexOf>
IndexedRelation indexed(const RelationInstance& ri, IndexOf index_of) {
  IndexedRelation x{&ri, index_of(ri.target), {}};
  x.terms.reserve(ri.terms.size());
  for (const auto& [ref, sign] : ri.terms) x.terms.emplace_back(index_of(ref), sign);
  return x;
}

/// A relation holds, or cannot be checked because a cell is blank.
inline bool holds(const IndexedRelation& x, const std::vector<Value>& v) {
  Decimal sum;
  for (const auto& [k, sign] : x.terms) {
    const Value& term = v[k];
    if (!term) return true;
    sum += sign < 0 ? Decimal() - *term : *term;
  }
  const Value& target = v[x.target];
  if (!target) return true;
  return x.ri->def->op == Op::equal ? *target == sum : *target <= sum;
}

/// Whether every cell of the relation is one of `cells` (a row's few: looked through).
bool covers(const RelationInstance& ri, const std::vector<CellRef>& cells);

/// All splits of `digits` into `n` values satisfying the relations among this row's own cells.
/// On lines, the splits with the fewest repairs and those with one more (a reading is only
/// trusted when no other as plausible fits). `work_left`: the report's budget (values tried).
void enumerate(RowWork& w, const std::vector<RelationInstance>& intra, std::size_t& work_left);

/// As many lines as cells, but the row's relations fail: a dropped line and a number broken
/// over two lines in the same row would look the same. The readings with one of each.
void enumerate_mixed(RowWork& w, const std::vector<RelationInstance>& intra, std::size_t& work_left);

/// A row with fewer numbers than cells (a cell left empty) whose every cell the table's other
/// cells pin through the template's equalities, one unknown at a time: those values, when the
/// numbers written are them with some left out (run together in order); else nothing.
std::optional<std::vector<Decimal>> pinned_row(const RowWork& w, const ReportTable& rt, const std::vector<RelationInstance>& relations);

}  // namespace nianbao::runtogether
