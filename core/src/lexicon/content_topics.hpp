// What a report's text must cover (lexicon): the topics the formats and the 条例 require, each
// with the key words that show it is covered. The content rules (narrative/content.cpp) index
// them in one set of phrases.
#pragma once
#include <array>
#include <string_view>

#include "lexicon/fee_words.hpp"

namespace nianbao::lexicon {

struct Topic {
  std::string_view name;
  std::string_view keywords;     ///< any of them shows the topic is covered
  std::string_view more = {};    ///< and these (a list shared with other rules)
};

/// 2021 format: 一、总体情况 covers five topics (spec §5).
inline constexpr std::array<Topic, 5> kOverview2021{{
    {"主动公开", "主动公开"},
    {"依申请公开", "依申请|申请公开|公开申请"},
    {"政府信息管理", "信息管理|公开属性|保密审查|发布审查|动态调整|信息发布"},
    {"政府信息公开平台建设", "平台|政府网站|门户网站|政务新媒体|公开专栏|政府公报|新媒体"},
    {"监督保障", "监督|保障|考核|培训|问责|责任追究|评议"},
}};
/// 2019 条例 第五十条: a government's report also states these.
inline constexpr std::array<Topic, 3> kGovernment2019{{
    {"工作考核", "考核"},
    {"社会评议", "评议"},
    {"责任追究结果", "责任追究|追究责任|问责"},
}};
/// 2008 条例 第三十二条: what a report before the formats contains.
inline constexpr std::array<Topic, 4> kLegacyContents{{
    {"主动公开政府信息的情况", "主动公开"},
    {"依申请公开政府信息的情况", "依申请|申请公开|公开申请"},
    {"政府信息公开的收费及减免情况", "收费|收取费用|减免|费用"},
    {"因政府信息公开申请行政复议、提起行政诉讼的情况", "复议|诉讼"},
}};
inline constexpr Topic kProblems{"存在的主要问题", "问题|不足|短板|差距|薄弱|欠缺|有待"};
inline constexpr Topic kImprovements{"改进情况", "改进|措施|下一步|整改|加强|进一步|完善|提升|将"};

inline constexpr Topic kInfoFee{"信息处理费", kProcessingFee, kFeeCharged};

}  // namespace nianbao::lexicon
