// table-incomplete (internal): a table that was found but whose template rows were not all read.
#pragma once
#include <set>
#include <vector>

#include "nianbao/finding.hpp"
#include "nianbao/report.hpp"
#include "tables/templates.hpp"

namespace nianbao {

class TemplateIndex;

/// `table-incomplete`: a table that was found (some of its cells read) but not all of whose
/// template rows were, in one finding: which rows (and cells) were not read, and which
/// relations could therefore not be checked, so that a partial read is never taken for a
/// clean table. Rows another finding already names (`table-shape`, `cell-ambiguous`) are not
/// listed again; a blank cell is read (as blank). A group row that may carry its rows' sum
/// (the 2021 （六）其他处理) stands for its rows when it is read, and is never required.
/// `said`: rows another finding already names. Also fills `t.unread` (every row not read, for
/// the page).
void report_unread(ReportTable& t, const std::set<const RowDef*>& said, const TemplateIndex& index,
                   std::vector<Finding>& out);

/// The `cell-ambiguous` findings of one table (`of[k]`: the table id of finding k, empty for
/// other findings) made one: a table whose several rows cannot be split one way is one thing
/// for a reviewer to settle, with every row's place in `occurrences` and every row's readings
/// in the message.
void group_ambiguous(std::vector<Finding>& findings, const std::vector<std::string_view>& of);

}  // namespace nianbao
