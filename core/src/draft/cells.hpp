// A draft's cells in the 2021 tables (T2, T3, T4), placed as a reviewer's corrections are
// (tables/corrections.cpp): checked against the templates, a cell given twice taking its last
// value. Internal: the draft's JSON is checked with it, and its text rendered from it.
#pragma once
#include <variant>
#include <vector>

#include "nianbao/check.hpp"
#include "nianbao/report.hpp"

namespace nianbao::draft {

/// The tables holding `cells`; an error (bad_cells) for a cell no 2021 template has, or a value
/// its template does not allow.
std::variant<std::vector<ReportTable>, Error> draft_tables(const std::vector<CellCorrection>& cells);

}  // namespace nianbao::draft
