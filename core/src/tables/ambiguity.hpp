// For a reviewer settling a row whose run-together digits split in several ways (cell-ambiguous,
// issue 16): each fitting split with the template's relations it satisfies and breaks.
#pragma once
#include <vector>

#include "nianbao/report.hpp"

namespace nianbao {

class TemplateIndex;

/// Fills AmbiguousRow::checks of every table: per candidate, each relation that has a cell of
/// the row, evaluated with the candidate's values and the other cells as read (or corrected).
void assess_ambiguous(std::vector<ReportTable>& tables, const TemplateIndex& index);

}  // namespace nianbao
