// The official row keys and column labels of the templates (tables/templates.cpp) that code
// outside the table stage names: the chart statistics (output/stats.cpp), the text's figures
// (lexicon/figure_cues.hpp, narrative/text_figures.cpp, text_table.cpp) and the checks across
// years (years/cross_year.cpp). A key ending in "/" names a group: the rows under it.
#pragma once
#include <array>
#include <string_view>

namespace nianbao::lexicon {

// ---- columns ---------------------------------------------------------------------------------
inline constexpr std::string_view kColTotal = "总计";    ///< the last column of 表三 and 表四
inline constexpr std::string_view kColStat = "统计数";   ///< the legacy table's one column
/// 表三's applicant columns, the total last.
inline constexpr std::string_view kColPerson = "自然人";
inline constexpr std::array<std::string_view, 5> kColOrganisations{"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"};
inline constexpr std::array<std::string_view, 7> kT3Cols{kColPerson, kColOrganisations[0], kColOrganisations[1], kColOrganisations[2],
                                                         kColOrganisations[3], kColOrganisations[4], kColTotal};
/// Not a column: the five organisation columns of 表三 summed (the form's 法人或其他组织 heading).
inline constexpr std::string_view kColOrganisationsSum = "法人或其他组织";

// ---- 表三 (2019 and 2021 formats) ---------------------------------------------------------------
inline constexpr std::string_view kT3New = "一、本年新收政府信息公开申请数量";
inline constexpr std::string_view kT3Carried = "二、上年结转政府信息公开申请数量";
inline constexpr std::string_view kT3Opened = "（一）予以公开";
inline constexpr std::string_view kT3PartlyOpened = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
inline constexpr std::string_view kT3Refused = "（三）不予公开/";
inline constexpr std::string_view kT3Unavailable = "（四）无法提供/";
inline constexpr std::string_view kT3NotProcessed = "（五）不予处理/";
inline constexpr std::string_view kT3Other = "（六）其他处理";
inline constexpr std::string_view kT3Handled = "（七）总计";
inline constexpr std::string_view kT3CarriedOn = "四、结转下年度继续办理";

// ---- 表四 and 表二 ------------------------------------------------------------------------------
inline constexpr std::string_view kT4Review = "行政复议";
inline constexpr std::string_view kT4Litigation = "行政诉讼/";
inline constexpr std::string_view kT2Rules = "规章";
inline constexpr std::string_view kT2Documents = "行政规范性文件";

// ---- the legacy table (国办发〔2014〕32号) -------------------------------------------------------
inline constexpr std::string_view kLegacyPublished = "（一）主动公开政府信息数";
inline constexpr std::string_view kLegacyRequests = "（一）收到申请数";
inline constexpr std::string_view kLegacyReview = "四、行政复议数量";
inline constexpr std::string_view kLegacyLitigation = "五、行政诉讼数量";

}  // namespace nianbao::lexicon
