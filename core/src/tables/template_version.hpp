// template-version (spec §1): the layout must be the one in force for the report year.
#pragma once
#include <optional>

#include "nianbao/finding.hpp"
#include "tables/matcher.hpp"

namespace nianbao {

/// The 2019 format for the 2019 and 2020 reports, the 2021 format from the 2021 reports on, no
/// mandated layout before: a finding when the tables' layout is another (an older one: error).
std::optional<Finding> check_template_version(const MatchResult& m, std::optional<int> year);

}  // namespace nianbao
