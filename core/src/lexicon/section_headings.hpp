// The six sections of the 2019 and 2021 formats (lexicon, spec §2): each heading as the format
// words it, as real reports vary it, and the key words that identify it when worded otherwise.
// The outline rules (narrative/outline.cpp) read headings with them.
#pragma once
#include <array>
#include <string_view>

namespace nianbao::lexicon {

struct SectionDef {
  int number;
  std::string_view official;
  std::string_view variants;  ///< seen in real reports (warn, don't fail); "…x" = ends with x
  std::string_view keywords;  ///< what identifies the section when it is worded otherwise
  std::string_view together = {};  ///< words that name it only all together (a lower heading)
};

inline constexpr std::array<SectionDef, 6> kSections{{
    {1, "总体情况", "", "总体情况|概述|概况|总体"},
    {2, "主动公开政府信息情况", "行政机关主动公开政府信息情况", "主动公开"},
    {3, "收到和处理政府信息公开申请情况", "行政机关收到和处理政府信息公开申请情况", "收到和处理|公开申请|依申请"},
    {4, "政府信息公开行政复议、行政诉讼情况", "因政府信息公开工作被申请行政复议、提起行政诉讼情况|…行政复议和行政诉讼情况", "复议|诉讼"},
    {5, "存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况|存在的主要问题|存在问题和改进措施", "问题|改进", "问题|改进"},
    {6, "其他需要报告的事项", "", "其他"},
}};
static_assert([] {
  for (std::size_t i = 0; i < kSections.size(); ++i)
    if (kSections[i].number != static_cast<int>(i) + 1) return false;
  return true;
}(), "kSections[n - 1] is section n");
/// The order keywords are tried in: 复议 before 申请 (被申请行政复议), 问题 before 主动公开.
inline constexpr std::array<int, 6> kKeywordOrder{4, 5, 2, 3, 6, 1};

}  // namespace nianbao::lexicon
