// A reviewer's corrections of cells as read (Options::cells, issue 16), applied to the tables
// before any check, so that the relations, the text checks and the statistics use them.
#pragma once
#include <optional>
#include <span>
#include <vector>

#include "nianbao/check.hpp"

namespace nianbao {

/// Sets each corrected cell of `tables` (adding it when the table did not read it), marks it
/// `corrected`, and takes it off the table's unread rows. An error when a correction names no
/// cell of a table the report has, or a value its template does not allow; nothing is applied
/// then.
std::optional<Error> apply_corrections(std::vector<ReportTable>& tables, std::span<const CellCorrection> cells);

/// The ambiguous rows a reviewer settled (every cell of the row corrected: a chosen split) are
/// no longer ambiguous: they leave their table's `ambiguous`, and their places leave the
/// `cell-ambiguous` findings (a finding none of whose rows is left goes).
void settle_ambiguous(std::vector<ReportTable>& tables, std::vector<Finding>& findings);

}  // namespace nianbao
