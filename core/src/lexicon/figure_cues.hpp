// The words of running text that name a table quantity (lexicon): which phrases before or
// after a figure name which template cell ("公开各类信息8359条" → legacy （一）主动公开政府信息数),
// the statements that a quantity was none ("无依申请公开案例"), and the words around them that
// change what a figure is about (fillers, a part of the body, another body). text_figures.cpp
// indexes these tables at compile time.
#pragma once
#include <array>
#include <string_view>

#include "lexicon/fee_words.hpp"
#include "lexicon/row_keys.hpp"

namespace nianbao::lexicon {

using namespace std::string_view_literals;

/// Words that name a table quantity in running text. Every list is '|'-separated.
struct FigureCue {
  std::string_view table;    ///< template id: legacy, T2, T3, T4
  std::string_view rows;     ///< row key(s), the first the template has; "" = the row the sentence
                             ///< named before ("制发规范性文件3件，废止1件")
  std::string_view cols;     ///< column(s), the first the row has; "" = the row's total column
  std::string_view units;    ///< units the figure may carry
  std::string_view before;   ///< phrases ending right before the figure (fillers 为/共/数量… dropped)
  std::string_view after = {};    ///< or phrases after it in its clause ("747名公务员参加了培训")
  std::string_view exclude = {};  ///< longer phrases ending the same way that mean something else
  bool total = false;        ///< a body-wide total: 其中/通过网站… before it make it a part
  bool group = false;        ///< a group of rows: a reason before it (因…而) names one of them
};

constexpr std::string_view kCount = "件|条|个|份|项";
constexpr std::string_view kCases = "件|起|宗|个";

constexpr std::array kFigureCues = {
    // ---- legacy 统计表 (国办发〔2014〕32号) ----
    FigureCue{"legacy", kLegacyPublished, "", "条|件", "主动公开政府信息|主动公开信息|主动公开各类信息|公开各类信息|发布各类信息|公开各类政府信息", {}, {}, true},
    FigureCue{"legacy", "其中：主动公开规范性文件数", "", "条|件", "主动公开规范性文件"},
    FigureCue{"legacy", "制发规范性文件总数", "", "条|件", "制发规范性文件|制定规范性文件|出台规范性文件"},
    FigureCue{"legacy", "1.政府公报公开政府信息数", "", "条|件", "政府公报公开政府信息|政府公报公开信息|政府公报发布信息"},
    FigureCue{"legacy", "2.政府网站公开政府信息数", "", "条|件", "政府网站公开政府信息|政府网站公开信息|政府网站发布信息|政府网站发布政府信息"},
    FigureCue{"legacy", "3.政务微博公开政府信息数", "", "条|件", "政务微博公开政府信息|政务微博公开信息|政务微博发布信息"},
    FigureCue{"legacy", "4.政务微信公开政府信息数", "", "条|件", "政务微信公开政府信息|政务微信公开信息|政务微信发布信息"},
    FigureCue{"legacy", "5.其他方式公开政府信息数", "", "条|件", "其他方式公开政府信息|其他方式公开信息"},
    FigureCue{"legacy", "（一）回应公众关注热点或重大舆情数", "", "次|件|条", "回应公众关注热点或重大舆情|回应公众关注热点|回应热点|回应舆情"},
    FigureCue{"legacy", "1.参加或举办新闻发布会总次数", "", "次|场", "新闻发布会|召开新闻发布会|举办新闻发布会"},
    FigureCue{"legacy", "2.政府网站在线访谈次数", "", "次|期|场", "在线访谈|网上访谈"},
    FigureCue{"legacy", "3.政策解读稿件发布数", "", "篇|条|件", "政策解读稿件|解读稿件|政策解读"},
    FigureCue{"legacy", kLegacyRequests, "", kCount, "收到申请|收到政府信息公开申请|受理政府信息公开申请|受理申请|收到依申请公开申请|受理依申请公开申请", {}, {}, true},
    FigureCue{"legacy", "1.当面申请数", "", kCount, "当面申请|当面受理|当面提出申请"},
    FigureCue{"legacy", "2.传真申请数", "", kCount, "传真申请|传真受理"},
    FigureCue{"legacy", "3.网络申请数", "", kCount, "网络申请|网上申请|网络受理|网上受理"},
    FigureCue{"legacy", "4.信函申请数", "", kCount, "信函申请|信件申请|信函受理|信件受理|来信申请"},
    FigureCue{"legacy", "（二）申请办结数", "", kCount, "办结|申请办结", {}, "按时办结|延期办结|逾期办结|未办结|尚未办结"},
    FigureCue{"legacy", "1.按时办结数", "", kCount, "按时办结"},
    FigureCue{"legacy", "2.延期办结数", "", kCount, "延期办结"},
    FigureCue{"legacy", "1.属于已主动公开范围数", "", kCount, "属于已主动公开范围|已主动公开范围"},
    FigureCue{"legacy", "2.同意公开答复数", "", kCount, "同意公开", {}, "不同意公开"},
    FigureCue{"legacy", "3.同意部分公开答复数", "", kCount, "同意部分公开"},
    FigureCue{"legacy", "4.不同意公开答复数", "", kCount, "不同意公开|不予公开"},
    FigureCue{"legacy", "5.不属于本行政机关公开数", "", kCount, "不属于本行政机关公开|不属于本机关公开"},
    FigureCue{"legacy", "6.申请信息不存在数", "", kCount, "申请信息不存在"},
    FigureCue{"legacy", "7.告知作出更改补充数", "", kCount, "告知作出更改补充|告知更改补充"},
    FigureCue{"legacy", "8.告知通过其他途径办理数", "", kCount, "告知通过其他途径办理|通过其他途径办理"},
    FigureCue{"legacy", kLegacyReview, "", kCases, "行政复议|申请行政复议|被申请行政复议", {}, {}, true},
    FigureCue{"legacy", kLegacyLitigation, "", kCases, "行政诉讼|提起行政诉讼|被提起行政诉讼|行政应诉", {}, {}, true},
    FigureCue{"legacy", "六、举报投诉数量", "", "件|次|起|个", "举报投诉|投诉举报"},
    FigureCue{"legacy", "七、依申请公开信息收取的费用", "", "万元", "收取费用|收取的费用"},
    FigureCue{"legacy", "（一）政府信息公开工作专门机构数", "", "个|家", "专门机构"},
    FigureCue{"legacy", "（二）设置政府信息公开查阅点数", "", "个|处", "查阅点|查阅场所|查阅中心|查阅室"},
    FigureCue{"legacy", "（三）从事政府信息公开工作人员数", "", "人|名", "从事政府信息公开工作人员|从事政府信息公开工作的人员|信息公开工作人员"},
    FigureCue{"legacy", "1.专职人员数", "", "人|名", "专职人员|专职工作人员"},
    FigureCue{"legacy", "2.兼职人员数", "", "人|名", "兼职人员|兼职工作人员"},
    FigureCue{"legacy", "（四）政府信息公开专项经费", "", "万元", "专项经费"},
    FigureCue{"legacy", "（一）召开政府信息公开工作会议或专题会议数", "", "次|场", "政府信息公开工作会议|政务公开工作会议|政府信息公开专题会议|政务公开专题会议"},
    FigureCue{"legacy", "（二）举办各类培训班数", "", "次|期|场|个", "培训班|举办培训|开展培训|组织培训", {}, "参加培训"},
    FigureCue{"legacy", "（三）接受培训人员数", "", "人次|人|名", "参训|接受培训|培训人员|参训人员|培训人数", "参加了培训|参加培训|接受培训|接受了培训|参训"},
    // ---- 2019 and 2021 formats: 表二 ----
    FigureCue{"T2", "规章", "本年制发件数|本年新制作数量", "件|部|个", "制定规章|制发规章|出台规章|新制作规章"},
    FigureCue{"T2", "规章", "本年废止件数", "件|部|个", "废止规章"},
    FigureCue{"T2", "规章", "现行有效件数", "件|部|个", "现行有效规章|现行有效的规章"},
    FigureCue{"T2", "行政规范性文件|规范性文件", "本年制发件数|本年新制作数量", "件|个|份",
              "制发行政规范性文件|制发规范性文件|制定行政规范性文件|制定规范性文件|印发行政规范性文件|印发规范性文件|出台行政规范性文件|出台规范性文件|新制作规范性文件|"
              "制发的行政规范性文件|制发的规范性文件|制定的行政规范性文件|制定的规范性文件|印发的行政规范性文件|印发的规范性文件"},
    FigureCue{"T2", "行政规范性文件|规范性文件", "本年废止件数", "件|个|份", "废止行政规范性文件|废止规范性文件"},
    FigureCue{"T2", "行政规范性文件|规范性文件", "现行有效件数", "件|个|份",
              "现行有效行政规范性文件|现行有效规范性文件|现行有效的行政规范性文件|现行有效的规范性文件"},
    FigureCue{"T2", "规范性文件", "本年新公开数量", "件|个|份", "新公开规范性文件"},
    FigureCue{"T2", "规范性文件", "对外公开总数量", "件|个|份", "对外公开规范性文件"},
    FigureCue{"T2", "", "本年制发件数|本年新制作数量", "件|部|个|份", "制发|制定|印发|出台|新制作"},
    FigureCue{"T2", "", "本年废止件数", "件|部|个|份", "废止"},
    FigureCue{"T2", "", "现行有效件数", "件|部|个|份", "现行有效"},
    FigureCue{"T2", "", "本年新公开数量", "件|个|份", "新公开"},
    FigureCue{"T2", "", "对外公开总数量", "件|个|份", "对外公开"},
    FigureCue{"T2", "行政许可", "本年处理决定数量|处理决定数量", "件",
              "行政许可|行政许可决定|行政许可处理决定|作出行政许可决定|办理行政许可"},
    FigureCue{"T2", "行政处罚", "本年处理决定数量|处理决定数量", "件|个|起|宗",
              "行政处罚|行政处罚决定|作出行政处罚决定|实施行政处罚|行政处罚案件"},
    FigureCue{"T2", "行政强制", "本年处理决定数量|处理决定数量", "件|个|起|宗", "行政强制|行政强制措施|行政强制执行|实施行政强制"},
    FigureCue{"T2", "行政事业性收费", "本年收费金额（单位：万元）", "万元", "行政事业性收费|收取行政事业性收费|行政事业性收费金额"},
    // ---- 表三 ----
    FigureCue{"T3", kT3New, "", kCount,
              "新收政府信息公开申请|收到政府信息公开申请|受理政府信息公开申请|新收申请|收到申请|受理申请|收到依申请公开申请|受理依申请公开申请",
              {}, {}, true},
    FigureCue{"T3", kT3Carried, "", kCount,
              "上年结转|上年度结转|上一年度结转|上年结转政府信息公开申请|上年度结转政府信息公开申请"},
    FigureCue{"T3", kT3Opened, "", kCount, "予以公开"},
    FigureCue{"T3", kT3PartlyOpened, "", kCount, "部分公开"},
    // A group named with a reason before it ("因本机关不掌握而无法提供30件") is one of its rows.
    FigureCue{"T3", kT3Refused, "", kCount, "不予公开", {}, {}, false, true},
    FigureCue{"T3", kT3Unavailable, "", kCount, "无法提供", {}, {}, false, true},
    FigureCue{"T3", kT3NotProcessed, "", kCount, "不予处理", {}, {}, false, true},
    FigureCue{"T3", "（六）其他处理|（六）其他处理/", "", kCount, "其他处理", {}, {}, false, true},
    FigureCue{"T3", kT3Handled, "", kCount, "办结|办理完毕|答复完毕|作出答复|办结申请|答复申请|办结政府信息公开申请|答复政府信息公开申请", {},
              "按时办结|延期办结|逾期办结|未办结|尚未办结|按期办结"},
    FigureCue{"T3", kT3CarriedOn, "", kCount,
              "结转下年度继续办理|结转下年度|结转至下年度|结转到下年度|结转下一年度|结转至下一年度|结转到下一年度|转入下一年度|转入下年度|"
              "转下一年度|转下年度"},
    FigureCue{"T3", "", "自然人", kCount, "自然人|自然人申请|自然人提出|自然人提出申请"},
    FigureCue{"T3", "", "法人或其他组织", kCount, "法人或其他组织|法人或其他组织申请|法人或其他组织提出|法人和其他组织"},
    FigureCue{"T3", "", "商业企业", kCount, "商业企业|商业企业申请"},
    FigureCue{"T3", "", "科研机构", kCount, "科研机构|科研机构申请"},
    FigureCue{"T3", "", "社会公益组织", kCount, "社会公益组织|社会公益组织申请"},
    FigureCue{"T3", "", "法律服务机构", kCount, "法律服务机构|法律服务机构申请"},
    // ---- 表四 ----
    FigureCue{"T4", kT4Review, kColTotal, kCases, "行政复议|申请行政复议|被申请行政复议", {}, {}, true},
    FigureCue{"T4", kT4Litigation, kColTotal, kCases, "行政诉讼|提起行政诉讼|被提起行政诉讼|行政应诉", {}, {}, true},
    FigureCue{"T4", "行政诉讼/未经复议直接起诉", kColTotal, kCases, "未经复议直接起诉|直接起诉|直接提起行政诉讼"},
    FigureCue{"T4", "行政诉讼/复议后起诉", kColTotal, kCases, "复议后起诉|经复议后起诉|复议后提起行政诉讼"},
    FigureCue{"T4", "", "结果维持", kCases, "维持|结果维持|被维持|维持原行政行为"},
    FigureCue{"T4", "", "结果纠正", kCases, "纠正|结果纠正|纠错|被纠错|被纠正|被依法纠错"},
    FigureCue{"T4", "", "其他结果", kCases, "其他结果"},
    FigureCue{"T4", "", "尚未审结", kCases, "尚未审结|未审结"},
};

/// Statements that a quantity was zero: "无依申请公开案例", "未发生…行政复议、提起行政诉讼的案件",
/// "所有申请均已办结" (then nothing is carried over).
struct NoneCue {
  std::string_view table, rows, cols;
  std::string_view phrases;
  bool negated = true;          ///< a negation (无/未发生/没有…) must stand before the phrase
  std::string_view unless = {};  ///< the statement is about something else when these are in it
  std::string_view about = {};   ///< its sentence must name one of these ("均已办结" of 申请, not of 提案)
};

/// A statement of none about applications that is about something else: "无依申请公开收费情况".
constexpr std::string_view kAboutOther = "复议|诉讼|收费|费用|投诉|举报|咨询|结转|不予公开|不予处理|无法提供|逾期|延期|超期|答复";

/// A statement of no 复议/诉讼 that speaks of corrected cases only.
constexpr std::string_view kCorrected = "纠错|纠正|败诉|撤销|确认违法";

constexpr std::array kNoneCues = {
    NoneCue{"legacy", kLegacyRequests, "", "依申请公开|依申请|公开申请", true, kAboutOther},
    NoneCue{"T3", kT3New, "", "依申请公开|依申请|公开申请", true, kAboutOther},
    NoneCue{"legacy", kLegacyReview, "", "复议"},
    NoneCue{"legacy", kLegacyLitigation, "", "诉讼"},
    NoneCue{"legacy", "六、举报投诉数量", "", "投诉|举报"},
    NoneCue{"legacy", "七、依申请公开信息收取的费用", "", kFeeCharged, true, kProcessingFee},
    // "未发生…被行政复议纠错或行政诉讼败诉": of the cases corrected, not of all (结果纠正).
    NoneCue{"T4", kT4Review, kColTotal, "复议", true, kCorrected},
    NoneCue{"T4", kT4Litigation, kColTotal, "诉讼", true, kCorrected},
    NoneCue{"T4", kT4Review, "结果纠正", "复议纠错|复议纠正|复议被纠错|复议被纠正|复议撤销"},
    NoneCue{"T4", kT4Litigation, "结果纠正", "诉讼败诉|诉讼纠错|诉讼被纠错|诉讼纠正|诉讼被纠正|诉讼撤销"},
    NoneCue{"T3", kT3CarriedOn, "",
            "均已办结|均办结|全部办结|已全部办结|均已按时办结|均已按期办结|均按时办结|均按期办结|全部按时办结|全部按期办结|"
            "均在法定期限内办结|均已在法定期限内办结|均已答复|均予以答复|全部予以答复|均已按期答复|"
            "均已办理完成|均已按要求办理完成|均办理完成|全部办理完成|均已办理完毕|均已按时办理完成",
            false, "上年结转|上年度结转|结转下年度|建议|提案|信访|诉求|投诉|举报|来信|咨询", "申请"},
};

constexpr std::string_view kNegations = "未发生|没有发生|未收到|没有收到|未受理|没有受理|未接到|没有接到|未产生|没有产生|未出现|没有出现|暂无|尚无|均无|没有|无";
/// 无 that is not a negation of what follows.
constexpr std::string_view kNotNegation = "无法|无正当|无论|无误|无缝|无纸|无偿|无障碍|无人|无线|无关|无锡";

/// Words dropped from the end of the text before a figure: "行政复议数量为1件".
constexpr std::array kFillers = {"为"sv, "共"sv, "共计"sv, "合计"sv, "总计"sv, "累计"sv, "达"sv, "达到"sv, "了"sv, "数"sv,
                                 "数量"sv, "总数"sv, "案件"sv, "件数"sv, "总量"sv, "的"sv, "是"sv, " "sv};

/// Before the words that name the quantity: the text speaks of a part of the body.
constexpr std::string_view kPartScope = "各部门|市直|县直|区直|旗直|本级|各乡镇|乡镇|街道|办事处|各县|各区|各地|下属|所属|各单位|部门";
/// ... and, before a body-wide total, channels and sub-totals.
constexpr std::string_view kPartOfTotal = "其中|通过|网站|微博|微信|公报|新媒体|客户端|栏目|专栏|平台";
/// ... and, right before a group of rows, a reason: "因本机关不掌握而无法提供30件".
constexpr std::string_view kReason = "因|由于|属于";
constexpr std::string_view kOtherBody = "代表|受委托|委托";

}  // namespace nianbao::lexicon
