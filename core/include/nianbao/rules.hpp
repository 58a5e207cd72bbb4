// Table rules: every arithmetic relation of the matched templates (spec §4).
#pragma once
#include <vector>

#include "nianbao/finding.hpp"
#include "nianbao/report.hpp"

namespace nianbao {

/// Checks the relations each table's template declares. A relation with a blank or missing
/// cell is not checked (the blank is reported by the matcher).
std::vector<Finding> check_tables(const std::vector<ReportTable>& tables);

}  // namespace nianbao
