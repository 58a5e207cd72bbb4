// template-version (spec §1): the tables' layout is the one in force for the report year.
#include "tables/template_version.hpp"

#include <string>

namespace nianbao {

/// The layout must be the one in force for the report year (spec §1): the 2019 format for the
/// 2019 and 2020 reports, the 2021 format from the 2021 reports on, no mandated layout before.
std::optional<Finding> check_template_version(const MatchResult& m, std::optional<int> year) {
  if (!year || m.tables.empty() || m.tables.front().cells.empty() || m.format == Format::unknown) return std::nullopt;
  const Format expected = *year >= 2021 ? Format::f2021 : *year >= 2019 ? Format::f2019 : Format::legacy;
  if (m.format == expected) return std::nullopt;
  static constexpr auto name = [](Format f) -> std::string {
    switch (f) {
      case Format::legacy: return "旧版统计表（2019年以前）";
      case Format::f2019: return "2019年版格式（国办公开办函〔2019〕60号）";
      case Format::f2021: return "2021年版格式（国办公开办函〔2021〕30号）";
      default: return "未知格式";
    }
  };
  Finding f;
  f.rule = Rule::template_version;
  // Using an outdated layout is a defect reviewers flag; a newer one than the year had is odd.
  f.severity = m.format < expected ? Severity::error : Severity::warning;
  f.message = std::to_string(*year) + "年度报告的表格采用了" + name(m.format) + "，应采用" + name(expected);
  f.span = m.tables.front().cells.front().span;
  f.hint = name(expected);
  return f;
}

}  // namespace nianbao
