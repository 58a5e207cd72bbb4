// The 2021 format's tables laid out as the official template lays them out (the blank template
// circulated with 国办公开办函〔2021〕30号): a grid of header cells and value cells, merged
// cells as the template merges them. Built from the templates (tables/templates.cpp), so the
// rows and their labels are the checker's own. Internal: the form (form.cpp) writes it as JSON.
#pragma once
#include <string_view>
#include <vector>

#include "tables/templates.hpp"

namespace nianbao::draft {

struct GridCell {
  std::string_view text;       ///< a header or label cell's text (empty for a value cell)
  int rowspan = 1, colspan = 1;
  bool header = false;         ///< a column header (else a row label, or a value)
  std::string_view row, col;   ///< a value cell: the template's row key and column
  bool decimal = false;        ///< a value cell that takes decimals (万元)
  bool is_value() const { return !col.empty(); }
};
using GridRow = std::vector<GridCell>;

struct Grid {
  const TableTemplate* tmpl = nullptr;
  int columns = 0;
  std::vector<GridRow> rows;
};

/// T2, T3 and T4 of the 2021 format.
std::vector<Grid> grids_2021();

/// What a blank cell is written as in a row that has values (draft.hpp): the mark real reports
/// use for a cell with nothing to report, which the reader reads as blank, not as 0.
inline constexpr std::string_view kBlank = "—";

/// The T3 corner note, verbatim (spec §3).
inline constexpr std::string_view kT3Note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

}  // namespace nianbao::draft
