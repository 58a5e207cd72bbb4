// The rule registry (nianbao/rules.hpp): one row per rule. Adding a rule is adding a row here and
// an enumerator in rules.hpp, in the same place; docs/rules.md is generated from this table
// (tests/tools/rules-doc.mjs) and the page's rule names come from it (the binding's rules()).
#include "nianbao/rules.hpp"

#include <array>
#include <cstddef>

namespace nianbao {
namespace {

using S = Severity;
using R = Rule;

// The descriptions are for people reading docs/rules.md and `nianbao rules`; the page shows the
// names only, so the wasm build leaves them out (NIANBAO_RULE_DESCRIPTIONS=0: its first load
// would otherwise grow by about 2.4 KB gzip of Chinese text).
#if defined(NIANBAO_RULE_DESCRIPTIONS) && !NIANBAO_RULE_DESCRIPTIONS
#define D(text) ""
#else
#define D(text) text
#endif

constexpr std::array<RuleInfo, 39> kRules{{
    // ---- tables: the relations of spec §4 (tables/templates.cpp declares them as data) ----
    {R::t3_balance, "t3-balance", "tables", S::error, "表三 一+二=（七）+四", "Table 3 balance",
     D("表三每一列：本年新收加上年结转，等于办理结果总计加结转下年度"), "§4"},
    {R::t3_results, "t3-results", "tables", S::error, "表三 办理结果合计", "Table 3 results total",
     D("表三每一列：（七）总计等于各项办理结果之和（（六）其他处理等于其三项之和）"), "§4"},
    {R::t3_columns, "t3-columns", "tables", S::error, "表三 总计列", "Table 3 total column",
     D("表三每一行：总计列等于自然人与各类法人或其他组织之和"), "§4"},
    {R::t4_groups, "t4-groups", "tables", S::error, "表四 合计", "Table 4 totals",
     D("表四行政复议和两类行政诉讼：总计等于结果维持、结果纠正、其他结果、尚未审结之和"), "§4"},
    {R::t2_cells, "t2-cells", "tables", S::warning, "表二数值", "Table 2 values",
     D("表二各行数值之间的关系（如新公开不大于新制作、制发不大于现行有效加废止）和金额单位"), "§4"},
    {R::t2_township_rules, "t2-township-rules", "tables", S::warning, "乡镇制发规章", "rules made by a township",
     D("乡镇、街道没有制定规章的权限，表二“规章”行却填报了本年制发（新制作）的件数"), "§6"},
    {R::legacy_sum, "legacy-sum", "tables", S::error, "统计表合计", "legacy sums",
     D("旧版统计表：收到申请数、办结数、复议诉讼数、人员数等于其分项之和"), "§4"},
    {R::legacy_subset, "legacy-subset", "tables", S::warning, "统计表“其中”项", "legacy subsets",
     D("旧版统计表：“其中”各项不大于其总数，各渠道公开数之和不小于主动公开总数"), "§4"},
    {R::legacy_unit, "legacy-unit", "tables", S::warning, "统计表单位", "legacy units",
     D("旧版统计表的金额按万元填报，填成“元”的数相差一万倍"), "§4"},
    // ---- cells and how the tables were read ----
    {R::cell_blank, "cell-blank", "cells", S::warning, "空白单元格", "blank cells",
     D("表格单元格未填写（空白、—、/、无），不按0计算，相关勾稽检查跳过"), "§4"},
    {R::cell_invalid, "cell-invalid", "cells", S::error, "无效数值", "invalid values",
     D("表格单元格的数值无效：负数、应为整数的小数、无法识别的数字"), "§4"},
    {R::cell_split, "cell-split", "cells", S::info, "连排数字拆分", "run-together digits split",
     D("网页转出的表格数字连在一起，只有一种拆分符合模板及勾稽关系，按此读取"), "§7"},
    {R::cell_ambiguous, "cell-ambiguous", "cells", S::warning, "连排数字无法确定", "run-together digits ambiguous",
     D("连在一起的数字有多种拆分都符合模板，无法确定，不作猜测，该行不参与检查"), "§7"},
    {R::table_shape, "table-shape", "cells", S::warning, "表格结构", "table shape",
     D("表格的行或列数与官方模板不符（数字少于单元格、多出的行列等）"), "§3"},
    {R::table_incomplete, "table-incomplete", "cells", S::warning, "表格未读全", "rows not read",
     D("找到了模板表格，但有行或单元格未能读取，说明哪些勾稽关系因此未核对"), "§9"},
    {R::template_version, "template-version", "cells", S::error, "格式版本", "template version",
     D("报告年度应采用的表格格式（2019年版或2021年版）与实际采用的不一致"), "§1"},
    {R::template_label, "template-label", "cells", S::warning, "表格标签", "table labels",
     D("表格行、列标签与官方模板的写法不一致"), "§3"},
    // ---- structure of the report ----
    {R::section_missing, "section-missing", "structure", S::error, "缺少部分", "missing sections",
     D("格式规定的六个部分缺少某一部分"), "§2"},
    {R::section_order, "section-order", "structure", S::warning, "部分顺序", "section order",
     D("六个部分的顺序与格式规定不一致，或同一部分出现两次"), "§2"},
    {R::section_title, "section-title", "structure", S::warning, "部分标题", "section titles",
     D("一级标题与格式规定的标题写法不一致，或不是规定的六个部分之一"), "§2"},
    {R::numbering, "numbering", "structure", S::warning, "序号", "numbering",
     D("标题或列举的序号跳号、重复或重新编号（一是、二是……）"), "§6"},
    {R::title, "title", "structure", S::warning, "报告标题", "title",
     D("报告标题应为“……年政府信息公开工作年度报告”，并写明年度"), "§6"},
    {R::signature, "signature", "structure", S::warning, "落款", "signature",
     D("报告末尾应有落款：发布机关和成文日期"), "§6"},
    // ---- dates ----
    {R::deadline, "deadline", "dates", S::error, "发布期限", "deadline",
     D("报告应在《条例》规定的期限前公布（部门1月31日前，政府3月31日前）"), "§5"},
    {R::period, "period", "dates", S::error, "统计期限", "statistics period",
     D("正文所述统计期限应为报告年度的1月1日至12月31日"), "§5"},
    // ---- the text against itself and the tables ----
    {R::text_sum, "text-sum", "text", S::error, "正文合计", "sums in the text",
     D("正文所列分项之和与所述总数不一致"), "§6"},
    {R::text_percent, "text-percent", "text", S::error, "正文比例", "shares in the text",
     D("正文所述百分比与所述数字按所写精度计算的结果不一致"), "§6"},
    {R::text_table, "text-table", "text", S::error, "正文与表格", "text against tables",
     D("正文所述数字与表格中对应的数值不一致"), "§6"},
    {R::content_required, "content-required", "text", S::warning, "必备内容", "required content",
     D("格式或《条例》第五十条要求的内容未见（如总体情况的五个方面、考核评议追究情况）"), "§5"},
    {R::info_fee, "info-fee", "text", S::warning, "信息处理费", "information fee",
     D("2021年版格式要求在“其他需要报告的事项”中说明信息处理费的收取情况"), "§5"},
    {R::typo, "typo", "text", S::warning, "错别字", "typos",
     D("常见错别字和规定名称的错误写法"), "§6", true},
    // ---- integrity of what was published ----
    {R::tampering, "tampering", "integrity", S::error, "网页篡改", "tampering",
     D("正文中夹杂与报告无关的植入内容（博彩、广告等）"), "§6", true},
    {R::pii, "pii", "integrity", S::warning, "个人信息", "personal data",
     D("报告中出现身份证号、手机号等个人信息"), "§6"},
    {R::site_chrome, "site-chrome", "integrity", S::info, "网页元素", "page chrome",
     D("识别为网站页面元素（页眉、页脚、按钮、备案信息等），不计入报告正文"), "§7"},
    {R::script_converted, "script-converted", "integrity", S::info, "繁体转换", "Traditional script",
     D("报告为繁体字，已转换为简体后检查（位置仍指向原文）"), "§7"},
    // ---- across years (two or more reports of one body checked together) ----
    {R::xyear_carry, "xyear-carry", "years", S::warning, "跨年度结转", "carry-over across years",
     D("本年“上年结转”应等于上一年度报告的“结转下年度继续办理”，逐列核对"), "§4"},
    {R::xyear_stock, "xyear-stock", "years", S::warning, "跨年度现行有效", "documents in force across years",
     D("本年现行有效件数约等于上年现行有效加本年制发减本年废止（文件也会失效，仅作提示）"), "§4"},
    {R::xyear_2019, "xyear-2019", "years", S::warning, "跨年度项目数量", "item counts across years",
     D("2019年版：本年“上一年项目数量”应等于上一年度的上一年项目数量加本年增/减"), "§4"},
    {R::xyear_copy, "xyear-copy", "years", S::warning, "沿用上年内容", "text copied from last year",
     D("正文大段与上一年度报告相同（数字除外）"), "§5"},
}};
#undef D

constexpr bool in_order() {
  for (std::size_t i = 0; i < kRules.size(); ++i)
    if (static_cast<std::size_t>(kRules[i].rule) != i) return false;
  return true;
}
static_assert(in_order(), "kRules must list every Rule in the order of the enum");
static_assert(static_cast<std::size_t>(Rule::xyear_copy) + 1 == kRules.size(), "a Rule without a row");

}  // namespace

std::span<const RuleInfo> rules() { return kRules; }

const RuleInfo& rule_info(Rule r) { return kRules[static_cast<std::size_t>(r)]; }

std::optional<Rule> rule_by_id(std::string_view id) {
  for (const RuleInfo& r : kRules)
    if (r.id == id) return r.rule;
  return std::nullopt;
}

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "info";
}

}  // namespace nianbao
