// One defect in many places (spec §9 `occurrences`): the findings of a rule the registry marks
// `grouped` that say the same thing become one finding with every place.
#pragma once
#include <vector>

#include "nianbao/finding.hpp"

namespace nianbao {

/// In `findings` (sorted by place), the findings of a grouped rule with the same severity and
/// message are kept as the first, whose `occurrences` lists every place (its own first) and
/// whose message says how many; the others go. The counts of a report are then of findings,
/// not places. Other findings are untouched, in their order.
void group_repeats(std::vector<Finding>& findings);

}  // namespace nianbao
