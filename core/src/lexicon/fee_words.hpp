// The words of fees (lexicon): a report states whether fees were charged for information on
// request ("未收取任何费用"; the legacy table's row 七、依申请公开信息收取的费用) and, from the
// 2021 reports on, whether 信息处理费 was (国办函〔2020〕109号). The text's figures
// (lexicon/figure_cues.hpp) and the content rules (narrative/content.cpp) share them.
#pragma once
#include <string_view>

namespace nianbao::lexicon {

/// That fees were charged, or (after a negation) that none were.
inline constexpr std::string_view kFeeCharged = "收费|收取费用|收取任何费用";
/// The fee for processing information on request (信息处理费).
inline constexpr std::string_view kProcessingFee = "处理费";

}  // namespace nianbao::lexicon
