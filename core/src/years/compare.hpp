// The tables of one body's two consecutive reports side by side (cross_year.hpp YearCompare),
// computed once per pair: the JSON writes it as the pair's "compare", and the xyear-carry and
// xyear-stock rules (cross_year.cpp) take their findings from it.
#pragma once
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "nianbao/cross_year.hpp"
#include "output/json_writer.hpp"

namespace nianbao::years {

/// Rows that an earlier pair settled (a run-together row of the report, read in the one way
/// last year's stock allows): the report and the row key, and the whole split chosen, in the
/// order of the row's AmbiguousRow cells. One body's years in order: a pair's settles serve the next.
using SettledKey = std::pair<const Report*, std::string_view>;
using Settled = std::map<SettledKey, std::vector<Decimal>>;

/// The report's table `id` ("T2", "T3"), or nothing.
const ReportTable* find_table(const Report& r, std::string_view id);
/// The cell when it has a value (not blank, not invalid), or nothing.
const TableCell* value_cell(const ReportTable* t, std::string_view row, std::string_view col);

/// `prev` is the report of the year before `cur`'s.
YearCompare compare(const Report& prev, const Report& cur, Settled& settled);

/// "compare":{"carry":[…],"stock":[…]} (docs/contracts.md).
void write_compare(JsonWriter& w, const YearCompare& c);

}  // namespace nianbao::years
