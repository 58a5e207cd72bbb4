// The official templates of spec §3 and the arithmetic of spec §4, as data.
#include "tables/templates.hpp"

#include <array>

namespace nianbao {

std::string_view format_name(Format f) {
  switch (f) {
    case Format::legacy: return "legacy";
    case Format::f2019: return "2019";
    case Format::f2021: return "2021";
    default: return "unknown";
  }
}

namespace {

using SV = std::string_view;
constexpr std::span<const SV> kNone{};

// ---- T2 -------------------------------------------------------------------------------------
constexpr std::array<SV, 3> kT2019Docs{"本年新制作数量", "本年新公开数量", "对外公开总数量"};
constexpr std::array<SV, 3> kT2019Items{"上一年项目数量", "本年增/减", "处理决定数量"};
constexpr std::array<SV, 2> kT2019Fees{"上一年项目数量", "本年增/减"};
constexpr std::array<SV, 2> kT2019Purchase{"采购项目数量", "采购总金额"};
constexpr std::array<SV, 3> kT2021Docs{"本年制发件数", "本年废止件数", "现行有效件数"};
constexpr std::array<SV, 1> kT2021Decisions{"本年处理决定数量"};
constexpr std::array<SV, 1> kT2021Fees{"本年收费金额（单位：万元）"};

constexpr std::array<RowDef, 13> kT2Rows2019{{
    {"第二十条第（一）项", "第二十条第（一）项", kNone, true},
    {"规章", "规章", kT2019Docs},
    {"规范性文件", "规范性文件", kT2019Docs},
    {"第二十条第（五）项", "第二十条第（五）项", kNone, true},
    {"行政许可", "行政许可", kT2019Items, false, true},
    {"其他对外管理服务事项", "其他对外管理服务事项", kT2019Items, false, true},
    {"第二十条第（六）项", "第二十条第（六）项", kNone, true},
    {"行政处罚", "行政处罚", kT2019Items, false, true},
    {"行政强制", "行政强制", kT2019Items, false, true},
    {"第二十条第（八）项", "第二十条第（八）项", kNone, true},
    {"行政事业性收费", "行政事业性收费", kT2019Fees, false, true},
    {"第二十条第（九）项", "第二十条第（九）项", kNone, true},
    {"政府集中采购", "政府集中采购", kT2019Purchase, false, false, true},
}};

constexpr std::array<RowDef, 10> kT2Rows2021{{
    {"第二十条第（一）项", "第二十条第（一）项", kNone, true},
    {"规章", "规章", kT2021Docs},
    {"行政规范性文件", "行政规范性文件", kT2021Docs, false, false, false, "规范性文件"},
    {"第二十条第（五）项", "第二十条第（五）项", kNone, true},
    {"行政许可", "行政许可", kT2021Decisions},
    {"第二十条第（六）项", "第二十条第（六）项", kNone, true},
    {"行政处罚", "行政处罚", kT2021Decisions},
    {"行政强制", "行政强制", kT2021Decisions},
    {"第二十条第（八）项", "第二十条第（八）项", kNone, true},
    {"行政事业性收费", "行政事业性收费", kT2021Fees, false, false, true},
}};

// 2019: 本年新公开数量 ≤ 本年新制作数量; 本年新公开数量 ≤ 对外公开总数量 (spec §4, warnings).
constexpr std::array<Term, 1> kT2MadeTerms{{{"*", "本年新制作数量"}}};
constexpr std::array<Term, 1> kT2TotalTerms{{{"*", "对外公开总数量"}}};
constexpr std::array<RelationDef, 2> kT2Relations2019{{
    {Rule::t2_cells, false, {"*", "本年新公开数量"}, kT2MadeTerms, Op::at_most, Iterate::each_row, "本年新公开数量不应大于本年新制作数量"},
    {Rule::t2_cells, false, {"*", "本年新公开数量"}, kT2TotalTerms, Op::at_most, Iterate::each_row, "本年新公开数量不应大于对外公开总数量"},
}};

// 2021: 本年制发件数 ≤ 现行有效件数 + 本年废止件数, else last year's stock (现行有效 − 制发 +
// 废止) would be negative (a warning, as the 2019 checks).
constexpr std::array<Term, 2> kT2StockTerms{{{"*", "现行有效件数"}, {"*", "本年废止件数"}}};
constexpr std::array<RelationDef, 1> kT2Relations2021{{
    {Rule::t2_cells, false, {"*", "本年制发件数"}, kT2StockTerms, Op::at_most, Iterate::each_row,
     "本年制发件数不应大于现行有效件数与本年废止件数之和，否则上年末现行有效件数为负数"},
}};

// ---- T3 -------------------------------------------------------------------------------------
constexpr std::array<SV, 7> kT3Cols{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};

#define T3_COMMON_HEAD                                                                         \
  {"一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量", kT3Cols},              \
  {"二、上年结转政府信息公开申请数量", "二、上年结转政府信息公开申请数量", kT3Cols},              \
  {"三、本年度办理结果", "三、本年度办理结果", kNone, true},                                      \
  {"（一）予以公开", "（一）予以公开", kT3Cols},                                                 \
  {"（二）部分公开（区分处理的，只计这一情形，不计其他情形）",                                     \
   "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", kT3Cols},                            \
  {"（三）不予公开", "（三）不予公开", kNone, true},                                             \
  {"（三）不予公开/1.属于国家秘密", "1.属于国家秘密", kT3Cols},                                   \
  {"（三）不予公开/2.其他法律行政法规禁止公开", "2.其他法律行政法规禁止公开", kT3Cols},           \
  {"（三）不予公开/3.危及“三安全一稳定”", "3.危及“三安全一稳定”", kT3Cols},                     \
  {"（三）不予公开/4.保护第三方合法权益", "4.保护第三方合法权益", kT3Cols},                       \
  {"（三）不予公开/5.属于三类内部事务信息", "5.属于三类内部事务信息", kT3Cols},                   \
  {"（三）不予公开/6.属于四类过程性信息", "6.属于四类过程性信息", kT3Cols},                       \
  {"（三）不予公开/7.属于行政执法案卷", "7.属于行政执法案卷", kT3Cols},                           \
  {"（三）不予公开/8.属于行政查询事项", "8.属于行政查询事项", kT3Cols},                           \
  {"（四）无法提供", "（四）无法提供", kNone, true},                                             \
  {"（四）无法提供/1.本机关不掌握相关政府信息", "1.本机关不掌握相关政府信息", kT3Cols},           \
  {"（四）无法提供/2.没有现成信息需要另行制作", "2.没有现成信息需要另行制作", kT3Cols},           \
  {"（四）无法提供/3.补正后申请内容仍不明确", "3.补正后申请内容仍不明确", kT3Cols},               \
  {"（五）不予处理", "（五）不予处理", kNone, true},                                             \
  {"（五）不予处理/1.信访举报投诉类申请", "1.信访举报投诉类申请", kT3Cols},                       \
  {"（五）不予处理/2.重复申请", "2.重复申请", kT3Cols},                                         \
  {"（五）不予处理/3.要求提供公开出版物", "3.要求提供公开出版物", kT3Cols},                       \
  {"（五）不予处理/4.无正当理由大量反复申请", "4.无正当理由大量反复申请", kT3Cols},               \
  {"（五）不予处理/5.要求行政机关确认或重新出具已获取信息", "5.要求行政机关确认或重新出具已获取信息", kT3Cols}

#define T3_COMMON_TAIL                                                                         \
  {"（七）总计", "（七）总计", kT3Cols},                                                         \
  {"四、结转下年度继续办理", "四、结转下年度继续办理", kT3Cols}

constexpr std::array<RowDef, 27> kT3Rows2019{{
    T3_COMMON_HEAD,
    {"（六）其他处理", "（六）其他处理", kT3Cols},
    T3_COMMON_TAIL,
}};

constexpr std::array<RowDef, 30> kT3Rows2021{{
    T3_COMMON_HEAD,
    // A group, which some reports fill as one row (the 2019 layout's) instead of its three: it
    // takes the values then, and the relations below check it either way.
    {"（六）其他处理", "（六）其他处理", kT3Cols, true},
    {"（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", kT3Cols},
    {"（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
     "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", kT3Cols},
    {"（六）其他处理/3.其他", "3.其他", kT3Cols},
    T3_COMMON_TAIL,
}};

#undef T3_COMMON_HEAD
#undef T3_COMMON_TAIL

// 一 + 二 = （七）总计 + 四 (the template's own corner note).
constexpr std::array<Term, 3> kT3BalanceTerms{{
    {"一、本年新收政府信息公开申请数量", "*", 1},
    {"二、上年结转政府信息公开申请数量", "*", 1},
    {"四、结转下年度继续办理", "*", -1},
}};

#define T3_RESULT_TERMS_COMMON                                                         \
  {"（一）予以公开", "*"}, {"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "*"}, \
  {"（三）不予公开/1.属于国家秘密", "*"}, {"（三）不予公开/2.其他法律行政法规禁止公开", "*"}, \
  {"（三）不予公开/3.危及“三安全一稳定”", "*"}, {"（三）不予公开/4.保护第三方合法权益", "*"},  \
  {"（三）不予公开/5.属于三类内部事务信息", "*"}, {"（三）不予公开/6.属于四类过程性信息", "*"}, \
  {"（三）不予公开/7.属于行政执法案卷", "*"}, {"（三）不予公开/8.属于行政查询事项", "*"},       \
  {"（四）无法提供/1.本机关不掌握相关政府信息", "*"},                                          \
  {"（四）无法提供/2.没有现成信息需要另行制作", "*"},                                          \
  {"（四）无法提供/3.补正后申请内容仍不明确", "*"}, {"（五）不予处理/1.信访举报投诉类申请", "*"}, \
  {"（五）不予处理/2.重复申请", "*"}, {"（五）不予处理/3.要求提供公开出版物", "*"},             \
  {"（五）不予处理/4.无正当理由大量反复申请", "*"},                                            \
  {"（五）不予处理/5.要求行政机关确认或重新出具已获取信息", "*"}

constexpr std::array<Term, 19> kT3ResultTerms2019{{T3_RESULT_TERMS_COMMON, {"（六）其他处理", "*"}}};
constexpr std::array<Term, 3> kT3OtherTerms2021{{
    {"（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "*"},
    {"（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "*"},
    {"（六）其他处理/3.其他", "*"},
}};
constexpr std::array<Term, 21> kT3ResultTerms2021{{
    T3_RESULT_TERMS_COMMON,
    {"（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "*"},
    {"（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "*"},
    {"（六）其他处理/3.其他", "*"},
}};
#undef T3_RESULT_TERMS_COMMON

constexpr std::array<Term, 6> kT3ColumnTerms{{
    {"*", "自然人"}, {"*", "商业企业"}, {"*", "科研机构"}, {"*", "社会公益组织"}, {"*", "法律服务机构"}, {"*", "其他"},
}};

constexpr std::array<RelationDef, 3> kT3Relations2019{{
    {Rule::t3_balance, true, {"（七）总计", "*"}, kT3BalanceTerms, Op::equal, Iterate::each_column,
     "第一项加第二项之和，等于第三项加第四项之和"},
    {Rule::t3_results, true, {"（七）总计", "*"}, kT3ResultTerms2019, Op::equal, Iterate::each_column,
     "办理结果总计等于各项办理结果之和"},
    {Rule::t3_columns, true, {"*", "总计"}, kT3ColumnTerms, Op::equal, Iterate::each_row,
     "总计列等于自然人与各类法人或其他组织之和"},
}};
constexpr std::array<Term, 6> kT3OtherColumnTerms{{
    {"（六）其他处理", "自然人"}, {"（六）其他处理", "商业企业"}, {"（六）其他处理", "科研机构"},
    {"（六）其他处理", "社会公益组织"}, {"（六）其他处理", "法律服务机构"}, {"（六）其他处理", "其他"},
}};
// (The 2021 table filled with one （六）其他处理 row: its results sum as the 2019 table's do, and
// its 总计 column as every row's; kept last, after the relations of every table.)
constexpr std::array<RelationDef, 6> kT3Relations2021{{
    {Rule::t3_balance, true, {"（七）总计", "*"}, kT3BalanceTerms, Op::equal, Iterate::each_column,
     "第一项加第二项之和，等于第三项加第四项之和"},
    {Rule::t3_results, true, {"（七）总计", "*"}, kT3ResultTerms2021, Op::equal, Iterate::each_column,
     "办理结果总计等于各项办理结果之和"},
    {Rule::t3_results, true, {"（七）总计", "*"}, kT3ResultTerms2019, Op::equal, Iterate::each_column,
     "办理结果总计等于各项办理结果之和"},
    {Rule::t3_results, true, {"（六）其他处理", "*"}, kT3OtherTerms2021, Op::equal, Iterate::each_column,
     "其他处理等于其下各项之和"},
    {Rule::t3_columns, true, {"*", "总计"}, kT3ColumnTerms, Op::equal, Iterate::each_row,
     "总计列等于自然人与各类法人或其他组织之和"},
    {Rule::t3_columns, true, {"（六）其他处理", "总计"}, kT3OtherColumnTerms, Op::equal, Iterate::none,
     "总计列等于自然人与各类法人或其他组织之和"},
}};

// ---- T4 -------------------------------------------------------------------------------------
constexpr std::array<SV, 5> kT4Cols{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
constexpr std::array<RowDef, 3> kT4Rows{{
    {"行政复议", "行政复议", kT4Cols},
    {"行政诉讼/未经复议直接起诉", "未经复议直接起诉", kT4Cols},
    {"行政诉讼/复议后起诉", "复议后起诉", kT4Cols},
}};
constexpr std::array<Term, 4> kT4Terms{{{"*", "结果维持"}, {"*", "结果纠正"}, {"*", "其他结果"}, {"*", "尚未审结"}}};
constexpr std::array<RelationDef, 1> kT4Relations{{
    {Rule::t4_groups, true, {"*", "总计"}, kT4Terms, Op::equal, Iterate::each_row,
     "总计等于结果维持、结果纠正、其他结果、尚未审结之和"},
}};

// ---- legacy 统计表 (国办发〔2014〕32号) ------------------------------------------------------
constexpr std::array<SV, 1> kStat{"统计数"};

constexpr std::array<RowDef, 62> kLegacyRows{{
    {"一、主动公开情况", "一、主动公开情况", kNone, true},
    {"（一）主动公开政府信息数", "（一）主动公开政府信息数", kStat},
    {"其中：主动公开规范性文件数", "其中：主动公开规范性文件数", kStat},
    {"制发规范性文件总数", "制发规范性文件总数", kStat},
    {"（二）通过不同渠道和方式公开政府信息的情况", "（二）通过不同渠道和方式公开政府信息的情况", kNone, true},
    {"1.政府公报公开政府信息数", "1.政府公报公开政府信息数", kStat},
    {"2.政府网站公开政府信息数", "2.政府网站公开政府信息数", kStat},
    {"3.政务微博公开政府信息数", "3.政务微博公开政府信息数", kStat},
    {"4.政务微信公开政府信息数", "4.政务微信公开政府信息数", kStat},
    {"5.其他方式公开政府信息数", "5.其他方式公开政府信息数", kStat},
    {"二、回应解读情况", "二、回应解读情况", kNone, true},
    {"（一）回应公众关注热点或重大舆情数", "（一）回应公众关注热点或重大舆情数", kStat},
    {"（二）通过不同渠道和方式回应解读的情况", "（二）通过不同渠道和方式回应解读的情况", kNone, true},
    {"1.参加或举办新闻发布会总次数", "1.参加或举办新闻发布会总次数", kStat},
    {"其中：主要负责同志参加新闻发布会次数", "其中：主要负责同志参加新闻发布会次数", kStat},
    {"2.政府网站在线访谈次数", "2.政府网站在线访谈次数", kStat},
    {"其中：主要负责同志参加政府网站在线访谈数", "其中：主要负责同志参加政府网站在线访谈数", kStat},
    {"3.政策解读稿件发布数", "3.政策解读稿件发布数", kStat},
    {"4.微博微信回应事件数", "4.微博微信回应事件数", kStat},
    {"5.其他方式回应事件数", "5.其他方式回应事件数", kStat},
    {"三、依申请公开情况", "三、依申请公开情况", kNone, true},
    {"（一）收到申请数", "（一）收到申请数", kStat},
    {"1.当面申请数", "1.当面申请数", kStat},
    {"2.传真申请数", "2.传真申请数", kStat},
    {"3.网络申请数", "3.网络申请数", kStat},
    {"4.信函申请数", "4.信函申请数", kStat},
    {"（二）申请办结数", "（二）申请办结数", kStat},
    {"1.按时办结数", "1.按时办结数", kStat},
    {"2.延期办结数", "2.延期办结数", kStat},
    {"（三）申请答复数", "（三）申请答复数", kStat},
    {"1.属于已主动公开范围数", "1.属于已主动公开范围数", kStat},
    {"2.同意公开答复数", "2.同意公开答复数", kStat},
    {"3.同意部分公开答复数", "3.同意部分公开答复数", kStat},
    {"4.不同意公开答复数", "4.不同意公开答复数", kStat},
    {"其中：涉及国家秘密", "其中：涉及国家秘密", kStat},
    {"其中：涉及商业秘密", "其中：涉及商业秘密", kStat},
    {"其中：涉及个人隐私", "其中：涉及个人隐私", kStat},
    {"其中：危及国家安全、公共安全、经济安全和社会稳定", "其中：危及国家安全、公共安全、经济安全和社会稳定", kStat},
    {"其中：不是《条例》所指应公开的政府信息", "其中：不是《条例》所指应公开的政府信息", kStat},
    {"其中：法律法规规定的其他情形", "其中：法律法规规定的其他情形", kStat},
    {"5.不属于本行政机关公开数", "5.不属于本行政机关公开数", kStat},
    {"6.申请信息不存在数", "6.申请信息不存在数", kStat},
    {"7.告知作出更改补充数", "7.告知作出更改补充数", kStat},
    {"8.告知通过其他途径办理数", "8.告知通过其他途径办理数", kStat},
    {"四、行政复议数量", "四、行政复议数量", kStat},
    {"四、行政复议数量/（一）维持具体行政行为数", "（一）维持具体行政行为数", kStat},
    {"四、行政复议数量/（二）被依法纠错数", "（二）被依法纠错数", kStat},
    {"四、行政复议数量/（三）其他情形数", "（三）其他情形数", kStat},
    {"五、行政诉讼数量", "五、行政诉讼数量", kStat},
    {"五、行政诉讼数量/（一）维持具体行政行为或者驳回原告诉讼请求数", "（一）维持具体行政行为或者驳回原告诉讼请求数", kStat},
    {"五、行政诉讼数量/（二）被依法纠错数", "（二）被依法纠错数", kStat},
    {"五、行政诉讼数量/（三）其他情形数", "（三）其他情形数", kStat},
    {"六、举报投诉数量", "六、举报投诉数量", kStat},
    {"七、依申请公开信息收取的费用", "七、依申请公开信息收取的费用", kStat, false, false, true},
    {"八、机构建设和保障经费情况", "八、机构建设和保障经费情况", kNone, true},
    {"（一）政府信息公开工作专门机构数", "（一）政府信息公开工作专门机构数", kStat},
    {"（二）设置政府信息公开查阅点数", "（二）设置政府信息公开查阅点数", kStat},
    {"（三）从事政府信息公开工作人员数", "（三）从事政府信息公开工作人员数", kStat},
    {"1.专职人员数", "1.专职人员数", kStat},
    {"2.兼职人员数", "2.兼职人员数", kStat},
    {"（四）政府信息公开专项经费", "（四）政府信息公开专项经费", kStat, false, false, true},
    {"九、政府信息公开会议和培训情况", "九、政府信息公开会议和培训情况", kNone, true},
}};
// The three rows of 九 follow; kept apart so the array above stays readable.
constexpr std::array<RowDef, 3> kLegacyRowsTail{{
    {"（一）召开政府信息公开工作会议或专题会议数", "（一）召开政府信息公开工作会议或专题会议数", kStat},
    {"（二）举办各类培训班数", "（二）举办各类培训班数", kStat},
    {"（三）接受培训人员数", "（三）接受培训人员数", kStat},
}};

template <std::size_t A, std::size_t B>
constexpr std::array<RowDef, A + B> concat(const std::array<RowDef, A>& a, const std::array<RowDef, B>& b) {
  std::array<RowDef, A + B> out{};
  for (std::size_t i = 0; i < A; ++i) out[i] = a[i];
  for (std::size_t i = 0; i < B; ++i) out[A + i] = b[i];
  return out;
}
constexpr auto kLegacyAll = concat(kLegacyRows, kLegacyRowsTail);

constexpr SV kStatCol = "统计数";
constexpr std::array<Term, 4> kLegacyReceived{{{"1.当面申请数", kStatCol}, {"2.传真申请数", kStatCol}, {"3.网络申请数", kStatCol}, {"4.信函申请数", kStatCol}}};
constexpr std::array<Term, 2> kLegacyDone{{{"1.按时办结数", kStatCol}, {"2.延期办结数", kStatCol}}};
constexpr std::array<Term, 3> kLegacyReview{{{"四、行政复议数量/（一）维持具体行政行为数", kStatCol}, {"四、行政复议数量/（二）被依法纠错数", kStatCol}, {"四、行政复议数量/（三）其他情形数", kStatCol}}};
constexpr std::array<Term, 3> kLegacyLitigation{{{"五、行政诉讼数量/（一）维持具体行政行为或者驳回原告诉讼请求数", kStatCol}, {"五、行政诉讼数量/（二）被依法纠错数", kStatCol}, {"五、行政诉讼数量/（三）其他情形数", kStatCol}}};
constexpr std::array<Term, 2> kLegacyStaff{{{"1.专职人员数", kStatCol}, {"2.兼职人员数", kStatCol}}};
constexpr std::array<Term, 1> kLegacyPublished{{{"（一）主动公开政府信息数", kStatCol}}};
constexpr std::array<Term, 1> kLegacyPressTotal{{{"1.参加或举办新闻发布会总次数", kStatCol}}};
constexpr std::array<Term, 1> kLegacyInterviewTotal{{{"2.政府网站在线访谈次数", kStatCol}}};
constexpr std::array<Term, 1> kLegacyRefused{{{"4.不同意公开答复数", kStatCol}}};
constexpr std::array<Term, 5> kLegacyChannels{{{"1.政府公报公开政府信息数", kStatCol}, {"2.政府网站公开政府信息数", kStatCol}, {"3.政务微博公开政府信息数", kStatCol}, {"4.政务微信公开政府信息数", kStatCol}, {"5.其他方式公开政府信息数", kStatCol}}};

constexpr std::array<RelationDef, 15> kLegacyRelations{{
    {Rule::legacy_sum, true, {"（一）收到申请数", kStatCol}, kLegacyReceived, Op::equal, Iterate::none, "收到申请数等于当面、传真、网络、信函申请数之和"},
    {Rule::legacy_sum, true, {"（二）申请办结数", kStatCol}, kLegacyDone, Op::equal, Iterate::none, "申请办结数等于按时办结数与延期办结数之和"},
    {Rule::legacy_sum, true, {"四、行政复议数量", kStatCol}, kLegacyReview, Op::equal, Iterate::none, "行政复议数量等于维持、纠错、其他情形三项之和"},
    {Rule::legacy_sum, true, {"五、行政诉讼数量", kStatCol}, kLegacyLitigation, Op::equal, Iterate::none, "行政诉讼数量等于维持或驳回、纠错、其他情形三项之和"},
    {Rule::legacy_sum, true, {"（三）从事政府信息公开工作人员数", kStatCol}, kLegacyStaff, Op::equal, Iterate::none, "工作人员数等于专职与兼职人员数之和"},
    {Rule::legacy_subset, false, {"其中：主动公开规范性文件数", kStatCol}, kLegacyPublished, Op::at_most, Iterate::none, "“其中”项不应大于其总数"},
    {Rule::legacy_subset, false, {"其中：主要负责同志参加新闻发布会次数", kStatCol}, kLegacyPressTotal, Op::at_most, Iterate::none, "“其中”项不应大于其总数"},
    {Rule::legacy_subset, false, {"其中：主要负责同志参加政府网站在线访谈数", kStatCol}, kLegacyInterviewTotal, Op::at_most, Iterate::none, "“其中”项不应大于其总数"},
    {Rule::legacy_subset, false, {"其中：涉及国家秘密", kStatCol}, kLegacyRefused, Op::at_most, Iterate::none, "“其中”项不应大于其总数"},
    {Rule::legacy_subset, false, {"其中：涉及商业秘密", kStatCol}, kLegacyRefused, Op::at_most, Iterate::none, "“其中”项不应大于其总数"},
    {Rule::legacy_subset, false, {"其中：涉及个人隐私", kStatCol}, kLegacyRefused, Op::at_most, Iterate::none, "“其中”项不应大于其总数"},
    {Rule::legacy_subset, false, {"其中：危及国家安全、公共安全、经济安全和社会稳定", kStatCol}, kLegacyRefused, Op::at_most, Iterate::none, "“其中”项不应大于其总数"},
    {Rule::legacy_subset, false, {"其中：不是《条例》所指应公开的政府信息", kStatCol}, kLegacyRefused, Op::at_most, Iterate::none, "“其中”项不应大于其总数"},
    {Rule::legacy_subset, false, {"其中：法律法规规定的其他情形", kStatCol}, kLegacyRefused, Op::at_most, Iterate::none, "“其中”项不应大于其总数"},
    {Rule::legacy_subset, false, {"（一）主动公开政府信息数", kStatCol}, kLegacyChannels, Op::at_most, Iterate::none, "各渠道公开数之和不应小于主动公开政府信息数（同一信息在一个渠道至少计一次）"},
}};

constexpr TableTemplate kT2_2019{"T2", "2019", kT2Rows2019, false, kT2Relations2019};
constexpr TableTemplate kT2_2021{"T2", "2021", kT2Rows2021, false, kT2Relations2021};
constexpr TableTemplate kT3_2019{"T3", "2019", kT3Rows2019, false, kT3Relations2019};
constexpr TableTemplate kT3_2021{"T3", "2021", kT3Rows2021, false, kT3Relations2021};
constexpr TableTemplate kT4_2019{"T4", "2019", kT4Rows, true, kT4Relations};
constexpr TableTemplate kT4_2021{"T4", "2021", kT4Rows, true, kT4Relations};
constexpr TableTemplate kLegacy{"legacy", "legacy", kLegacyAll, false, kLegacyRelations};

constexpr std::array<const TableTemplate*, 3> k2019{&kT2_2019, &kT3_2019, &kT4_2019};
constexpr std::array<const TableTemplate*, 3> k2021{&kT2_2021, &kT3_2021, &kT4_2021};
constexpr std::array<const TableTemplate*, 1> kLegacySet{&kLegacy};

constexpr std::array<Fingerprint, 17> kFingerprints{{
    {"主动公开政府信息数", Format::legacy},
    {"收到申请数", Format::legacy},
    {"申请办结数", Format::legacy},
    {"行政复议数量", Format::legacy},
    {"本年新制作数量", Format::f2019},
    {"本年新公开数量", Format::f2019},
    {"对外公开总数量", Format::f2019},
    {"上一年项目数量", Format::f2019},
    {"其他对外管理服务事项", Format::f2019},
    {"政府集中采购", Format::f2019},
    {"采购项目数量", Format::f2019},
    {"本年制发件数", Format::f2021},
    {"本年废止件数", Format::f2021},
    {"现行有效件数", Format::f2021},
    {"本年处理决定数量", Format::f2021},
    {"本年收费金额", Format::f2021},
    {"申请人无正当理由逾期不补正", Format::f2021},
}};

}  // namespace

std::span<const TableTemplate* const> templates_for(Format f) {
  switch (f) {
    case Format::legacy: return kLegacySet;
    case Format::f2019: return k2019;
    case Format::f2021: return k2021;
    default: return {};
  }
}

std::span<const Fingerprint> format_fingerprints() { return kFingerprints; }

}  // namespace nianbao
