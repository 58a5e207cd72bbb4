#include "narrative/text_figures.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <optional>

#include "nianbao/report.hpp"
#include "narrative/prose.hpp"
#include "util/utf8.hpp"

namespace nianbao {

namespace {

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
    FigureCue{"legacy", "（一）主动公开政府信息数", "", "条|件", "主动公开政府信息|主动公开信息|主动公开各类信息|公开各类信息|发布各类信息|公开各类政府信息", {}, {}, true},
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
    FigureCue{"legacy", "（一）收到申请数", "", kCount, "收到申请|收到政府信息公开申请|受理政府信息公开申请|受理申请|收到依申请公开申请|受理依申请公开申请", {}, {}, true},
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
    FigureCue{"legacy", "四、行政复议数量", "", kCases, "行政复议|申请行政复议|被申请行政复议", {}, {}, true},
    FigureCue{"legacy", "五、行政诉讼数量", "", kCases, "行政诉讼|提起行政诉讼|被提起行政诉讼|行政应诉", {}, {}, true},
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
    FigureCue{"T3", "一、本年新收政府信息公开申请数量", "", kCount,
              "新收政府信息公开申请|收到政府信息公开申请|受理政府信息公开申请|新收申请|收到申请|受理申请|收到依申请公开申请|受理依申请公开申请",
              {}, {}, true},
    FigureCue{"T3", "二、上年结转政府信息公开申请数量", "", kCount,
              "上年结转|上年度结转|上一年度结转|上年结转政府信息公开申请|上年度结转政府信息公开申请"},
    FigureCue{"T3", "（一）予以公开", "", kCount, "予以公开"},
    FigureCue{"T3", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "", kCount, "部分公开"},
    // A group named with a reason before it ("因本机关不掌握而无法提供30件") is one of its rows.
    FigureCue{"T3", "（三）不予公开/", "", kCount, "不予公开", {}, {}, false, true},
    FigureCue{"T3", "（四）无法提供/", "", kCount, "无法提供", {}, {}, false, true},
    FigureCue{"T3", "（五）不予处理/", "", kCount, "不予处理", {}, {}, false, true},
    FigureCue{"T3", "（六）其他处理|（六）其他处理/", "", kCount, "其他处理", {}, {}, false, true},
    FigureCue{"T3", "（七）总计", "", kCount, "办结|办理完毕|答复完毕|作出答复|办结申请|答复申请|办结政府信息公开申请|答复政府信息公开申请", {},
              "按时办结|延期办结|逾期办结|未办结|尚未办结|按期办结"},
    FigureCue{"T3", "四、结转下年度继续办理", "", kCount,
              "结转下年度继续办理|结转下年度|结转至下年度|结转到下年度|结转下一年度|结转至下一年度|结转到下一年度|转入下一年度|转入下年度|"
              "转下一年度|转下年度"},
    FigureCue{"T3", "", "自然人", kCount, "自然人|自然人申请|自然人提出|自然人提出申请"},
    FigureCue{"T3", "", "法人或其他组织", kCount, "法人或其他组织|法人或其他组织申请|法人或其他组织提出|法人和其他组织"},
    FigureCue{"T3", "", "商业企业", kCount, "商业企业|商业企业申请"},
    FigureCue{"T3", "", "科研机构", kCount, "科研机构|科研机构申请"},
    FigureCue{"T3", "", "社会公益组织", kCount, "社会公益组织|社会公益组织申请"},
    FigureCue{"T3", "", "法律服务机构", kCount, "法律服务机构|法律服务机构申请"},
    // ---- 表四 ----
    FigureCue{"T4", "行政复议", "总计", kCases, "行政复议|申请行政复议|被申请行政复议", {}, {}, true},
    FigureCue{"T4", "行政诉讼/", "总计", kCases, "行政诉讼|提起行政诉讼|被提起行政诉讼|行政应诉", {}, {}, true},
    FigureCue{"T4", "行政诉讼/未经复议直接起诉", "总计", kCases, "未经复议直接起诉|直接起诉|直接提起行政诉讼"},
    FigureCue{"T4", "行政诉讼/复议后起诉", "总计", kCases, "复议后起诉|经复议后起诉|复议后提起行政诉讼"},
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
    NoneCue{"legacy", "（一）收到申请数", "", "依申请公开|依申请|公开申请", true, kAboutOther},
    NoneCue{"T3", "一、本年新收政府信息公开申请数量", "", "依申请公开|依申请|公开申请", true, kAboutOther},
    NoneCue{"legacy", "四、行政复议数量", "", "复议"},
    NoneCue{"legacy", "五、行政诉讼数量", "", "诉讼"},
    NoneCue{"legacy", "六、举报投诉数量", "", "投诉|举报"},
    NoneCue{"legacy", "七、依申请公开信息收取的费用", "", "收费|收取费用|收取任何费用", true, "处理费"},
    // "未发生…被行政复议纠错或行政诉讼败诉": of the cases corrected, not of all (结果纠正).
    NoneCue{"T4", "行政复议", "总计", "复议", true, kCorrected},
    NoneCue{"T4", "行政诉讼/", "总计", "诉讼", true, kCorrected},
    NoneCue{"T4", "行政复议", "结果纠正", "复议纠错|复议纠正|复议被纠错|复议被纠正|复议撤销"},
    NoneCue{"T4", "行政诉讼/", "结果纠正", "诉讼败诉|诉讼纠错|诉讼被纠错|诉讼纠正|诉讼被纠正|诉讼撤销"},
    NoneCue{"T3", "四、结转下年度继续办理", "",
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

constexpr std::string_view strip_fillers(std::string_view s) {
  for (bool again = true; again;) {
    again = false;
    for (std::string_view f : kFillers)  // (the last bytes compared first: a call of memcmp for every filler cost more)
      if (s.size() > f.size() && s.back() == f.back() && s.ends_with(f)) {
        s.remove_suffix(f.size());
        again = true;
      }
  }
  return s;
}

// ---- indexes over the cue tables, made at compile time ---------------------------------------

/// The `before` phrases of every cue without their fillers, by their last two bytes: the
/// phrases that can end a given text are the ones of its bucket.
struct CueWords {
  std::uint16_t cue;       ///< index into kFigureCues
  std::string_view words;  ///< strip_fillers(phrase)
};
constexpr std::size_t kTailBuckets = 1024;
constexpr unsigned tail_key(std::string_view w) {
  return ((static_cast<unsigned char>(w[w.size() - 2]) & 0x0Fu) << 6) | (static_cast<unsigned char>(w[w.size() - 1]) & 0x3Fu);
}
constexpr std::size_t kBeforeCount = [] {
  std::size_t n = 0;
  for (const FigureCue& c : kFigureCues)
    for (std::string_view ph : split_bar(c.before)) n += !strip_fillers(ph).empty();
  return n;
}();
struct CueIndex {
  std::array<std::uint16_t, kTailBuckets + 1> start{};  ///< bucket b: entries [start[b], start[b + 1])
  std::array<CueWords, kBeforeCount> entries{};         ///< in cue order within a bucket
  bool short_words = false;                             ///< a phrase under two bytes (not indexed)
};
constexpr CueIndex kCueIndex = [] {
  CueIndex x;
  std::array<std::uint16_t, kTailBuckets> fill{};
  for (const FigureCue& c : kFigureCues)
    for (std::string_view ph : split_bar(c.before)) {
      const std::string_view w = strip_fillers(ph);
      if (w.size() == 1) x.short_words = true;
      if (w.size() >= 2) ++fill[tail_key(w)];
    }
  for (std::size_t b = 0; b < kTailBuckets; ++b) x.start[b + 1] = static_cast<std::uint16_t>(x.start[b] + fill[b]);
  for (std::size_t b = 0; b < kTailBuckets; ++b) fill[b] = x.start[b];
  for (std::size_t i = 0; i < kFigureCues.size(); ++i)
    for (std::string_view ph : split_bar(kFigureCues[i].before)) {
      const std::string_view w = strip_fillers(ph);
      if (w.size() >= 2) x.entries[fill[tail_key(w)]++] = {static_cast<std::uint16_t>(i), w};
    }
  return x;
}();
static_assert(!kCueIndex.short_words, "a cue phrase of one byte: index it (kCueIndex) before using it");

/// Cues as a set of bits, in table order.
constexpr std::size_t kCueWords = (kFigureCues.size() + 63) / 64;
using CueBits = std::array<std::uint64_t, kCueWords>;
/// The cues with `after` phrases (looked for in the clause after the figure).
constexpr CueBits kCuesWithAfter = [] {
  CueBits b{};
  for (std::size_t i = 0; i < kFigureCues.size(); ++i)
    if (!kFigureCues[i].after.empty()) b[i / 64] |= std::uint64_t{1} << (i % 64);
  return b;
}();

template <class F>
void each_cue(const CueBits& bits, F f) {
  for (std::size_t w = 0; w < bits.size(); ++w)
    for (std::uint64_t b = bits[w]; b; b &= b - 1) f(w * 64 + static_cast<std::size_t>(std::countr_zero(b)));
}

/// Every phrase of the statements of none, of their exceptions and of what they must be about.
template <std::string_view NoneCue::*member>
constexpr std::array<PhraseSet, kNoneCues.size()> none_sets() {
  std::array<PhraseSet, kNoneCues.size()> out{};
  for (std::size_t i = 0; i < kNoneCues.size(); ++i) out[i] = PhraseSet(kNoneCues[i].*member);
  return out;
}
constexpr auto kNonePhrases = none_sets<&NoneCue::phrases>();
constexpr auto kNoneUnless = none_sets<&NoneCue::unless>();
constexpr auto kNoneAbout = none_sets<&NoneCue::about>();
/// Any phrase of any statement of none: a clause without one says no "none".
constexpr WidePhraseSet kAnyNonePhrase = [] {
  WidePhraseSet s;
  for (const NoneCue& c : kNoneCues)
    for (std::string_view p : split_bar(c.phrases)) s.add(p);
  return s;
}();
static_assert(!kAnyNonePhrase.overflowed(), "kAnyNonePhrase: more phrases than PhraseSet::kMax");
/// The phrases of kAnyNonePhrase that are each cue's, as bits.
constexpr std::array<std::uint64_t, kNoneCues.size()> kNoneCuePhrases = [] {
  std::array<std::uint64_t, kNoneCues.size()> out{};
  std::size_t k = 0;
  for (std::size_t i = 0; i < kNoneCues.size(); ++i)
    for (std::string_view p : split_bar(kNoneCues[i].phrases)) {
      (void)p;
      out[i] |= std::uint64_t{1} << k++;
    }
  return out;
}();
constexpr PhraseSet kNegationSet{kNegations};
/// A clause with a subject of its own ("所有申请均已办理完成"): what the sentence named before it
/// (上年结转…2件) does not make it a statement about that.
constexpr PhraseSet kOwnSubject{"所有申请|全部申请|上述申请|以上申请|各项申请"};
constexpr PhraseSet kJoinedSet{"或|和|及|与"};
constexpr PhraseSet kPartScopeSet{kPartScope};
constexpr PhraseSet kPartOfTotalSet{kPartOfTotal};
constexpr PhraseSet kReasonSet{kReason};
constexpr PhraseSet kOtherBodySet{kOtherBody};
constexpr PhraseSet kAttributeSet{"主动公开|依申请公开"};

bool has_word(std::string_view list, std::string_view w) {
  for (std::string_view x : split_bar(list))
    if (x == w) return true;
  return false;
}

const RowDef* row_def(const TableTemplate& t, std::string_view key) {
  for (const RowDef& r : t.rows)
    if (utf8::same(r.key, key)) return &r;
  return nullptr;
}

bool is_t3_applicant_group(std::string_view col) { return col == "法人或其他组织"; }

/// The row key of `rows` that the template has (a group "x/" when some row starts with it).
std::optional<std::string_view> resolve_row(const TableTemplate& t, std::string_view rows) {
  for (std::string_view r : split_bar(rows)) {
    if (ends_with(r, "/")) {
      for (const RowDef& d : t.rows)
        if (starts_with(d.key, r) && !d.group) return r;
    } else if (const RowDef* d = row_def(t, r); d && !d->group) {
      return r;
    }
  }
  return std::nullopt;
}

/// The columns a row (or every row of a group) has.
std::span<const std::string_view> columns_of(const TableTemplate& t, std::string_view row) {
  if (ends_with(row, "/")) {
    for (const RowDef& d : t.rows)
      if (starts_with(d.key, row) && !d.group) return d.columns;
    return {};
  }
  const RowDef* d = row_def(t, row);
  return d ? d->columns : std::span<const std::string_view>{};
}

/// The column of `cols` the row has; "" names the row's total (its last column).
std::optional<std::string_view> resolve_col(const TableTemplate& t, std::string_view row, std::string_view cols) {
  const auto have = columns_of(t, row);
  if (have.empty()) return std::nullopt;
  if (cols.empty()) return have.back();
  for (std::string_view c : split_bar(cols)) {
    if (is_t3_applicant_group(c) && t.id == "T3") return c;
    if (std::find(have.begin(), have.end(), c) != have.end()) return c;
  }
  return std::nullopt;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// A clause with figures other than dates in it does not say "none".
bool has_count(std::string_view c) {
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (!is_digit(c[i])) continue;
    std::size_t e = i;
    while (e < c.size() && (is_digit(c[e]) || c[e] == '.')) ++e;
    const std::string_view next = c.substr(e, 3);
    if (next != "年" && next != "月" && next != "日" && next != "号") return true;
    i = e;
  }
  return false;
}

class Extractor {
 public:
  explicit Extractor(Format f) {
    for (const TableTemplate* t : templates_for(f)) tables_.push_back(t);
  }

  void paragraph(const Paragraph& p, std::vector<StatedCell>& out) {
    const std::string_view t = p.text;
    std::size_t none_at = kAnyNonePhrase.find(t);  // where a phrase of a "none" occurs next (npos: none)
    for (std::size_t s0 = 0; s0 < t.size();) {
      const std::size_t s1 = sentence_end(t, s0);
      sentence(p, s0, s1, out);
      nones(p, s0, s1, none_at, out);
      s0 = std::max(past_stop(t, s1), s0 + 1);
    }
  }

 private:
  struct Match {
    const FigureCue* cue = nullptr;
    const TableTemplate* tmpl = nullptr;
    std::string_view row, col;
    std::size_t phrase_start = 0;  ///< where the naming words start in the text
    std::size_t phrase_end = 0;    ///< and where they end (after the figure for "after" words)
    std::size_t length = 0;        ///< their length: the longest naming wins
  };

  void sentence(const Paragraph& p, std::size_t s0, std::size_t s1, std::vector<StatedCell>& out) {
    const std::string_view t = p.text;
    std::vector<std::pair<const TableTemplate*, std::string_view>> named;  // the row named last, per table
    for (const Mention& m : find_mentions(t, s0, s1)) {
      if (m.approximate) continue;
      const std::size_t c0 = std::max(clause_start(t, m.start), s0);
      const std::string_view head = strip_fillers(utf8::trim(t.substr(c0, m.start - c0)));
      const std::size_t head_start = static_cast<std::size_t>(head.data() - t.data());
      const std::string_view tail = t.substr(m.end, clause_end(t, m.end, false) - m.end);
      std::optional<Match> best;
      bool tie = false;
      // The cues one of whose phrases ends the head (the longest such phrase of each), and those
      // with words after the figure; in table order.
      std::array<std::uint16_t, kFigureCues.size()> before_len{};
      CueBits cues = kCuesWithAfter;
      if (head.size() >= 2) {
        const unsigned key = tail_key(head);
        for (std::size_t e = kCueIndex.start[key]; e < kCueIndex.start[key + 1]; ++e) {
          const CueWords& cw = kCueIndex.entries[e];
          if (cw.words.size() > before_len[cw.cue] && ends_with(head, cw.words)) {
            before_len[cw.cue] = static_cast<std::uint16_t>(cw.words.size());
            cues[cw.cue / 64] |= std::uint64_t{1} << (cw.cue % 64);
          }
        }
      }
      each_cue(cues, [&](std::size_t ci) {
        const FigureCue& cue = kFigureCues[ci];
        const TableTemplate* tmpl = table(cue.table);
        if (!tmpl || !has_word(cue.units, m.unit)) return;
        std::size_t len = before_len[ci], at = len ? head_start + head.size() - len : 0, to = m.end;
        for (std::string_view ph : split_bar(cue.after))
          if (ph.size() > len && contains(tail, ph)) {
            len = ph.size();
            at = m.start;
            to = m.end + utf8::find(tail, ph) + ph.size();
          }
        if (len == 0) return;
        bool excluded = false;
        for (std::string_view x : split_bar(cue.exclude)) excluded = excluded || ends_with(head, strip_fillers(x));
        if (excluded) return;
        Match mt{&cue, tmpl, {}, {}, at, to, len};
        if (cue.rows.empty()) {  // the row named before in this sentence
          const auto it = std::find_if(named.rbegin(), named.rend(), [&](const auto& n) { return n.first == tmpl; });
          if (it == named.rend()) return;
          mt.row = it->second;
        } else if (auto r = resolve_row(*tmpl, cue.rows)) {
          mt.row = *r;
        } else {
          return;
        }
        const auto col = resolve_col(*tmpl, mt.row, cue.cols);
        if (!col) return;
        mt.col = *col;
        // A figure carried over ("废止1件") yields to a naming of its own of the same length.
        const std::size_t rank = len * 2 + (cue.rows.empty() ? 0 : 1);
        const std::size_t best_rank = best ? best->length * 2 + (best->cue->rows.empty() ? 0 : 1) : 0;
        if (!best || rank > best_rank) { best = mt; tie = false; }
        else if (rank == best_rank && (best->row != mt.row || best->col != mt.col || best->tmpl != mt.tmpl)) tie = true;
      });
      if (!best || tie) continue;
      // "其中主动公开信息数130，依申请公开信息数363条，不予公开21条": the 公开属性 of documents,
      // not the results of applications.
      if (best->tmpl->id == "T3" && best->cue->rows.starts_with("（") && kAttributeSet.which(t.substr(s0, s1 - s0)) == 3) continue;
      // "不属于本行政机关公开或信息不存在35条": two categories together are neither.
      const std::string_view joined = t.substr(c0, best->phrase_start - std::min(best->phrase_start, c0));
      if (find_any(joined, kJoinedSet) != std::string_view::npos) continue;
      StatedCell sc{best->tmpl, best->row, best->col, m.value, &p, m.start, m.end, std::min(best->phrase_start, m.start), best->phrase_end};
      const std::size_t w0 = std::max(clause_start(t, m.start, false), s0);
      const std::string_view wide = t.substr(w0, best->phrase_start - std::min(best->phrase_start, w0));
      if (find_any(wide, kOtherBodySet) != std::string_view::npos) sc.scope = StatedCell::Scope::other;
      else if (find_any(wide, kPartScopeSet) != std::string_view::npos ||
               (best->cue->total && find_any(wide, kPartOfTotalSet) != std::string_view::npos) ||
               (best->cue->group && find_any(joined, kReasonSet) != std::string_view::npos))
        sc.scope = StatedCell::Scope::part;
      out.push_back(sc);
      // A row named in an aside ("（含上年结转5件）") is not the one the sentence goes on about.
      if (!best->cue->rows.empty() && !in_brackets(t, s0, m.start)) named.emplace_back(best->tmpl, best->row);
    }
  }

  /// `none_at`: where a phrase of kAnyNonePhrase starts in p.text at or after the place last
  /// asked about (npos: nowhere); moved on here. A clause that no phrase starts in has none
  /// inside it: only the clauses one starts in are looked at, and sentences without any skipped.
  void nones(const Paragraph& p, std::size_t s0, std::size_t s1, std::size_t& none_at, std::vector<StatedCell>& out) {
    const std::string_view t = p.text;
    auto next_phrase = [&](std::size_t from) {
      if (none_at < from) none_at = kAnyNonePhrase.find(t, from);
      return none_at;
    };
    if (next_phrase(s0) >= s1) return;
    for (std::size_t c0 = s0; c0 < s1;) {
      std::size_t c1 = std::min(clause_end(t, c0, false), s1);
      const std::string_view c = t.substr(c0, c1 - c0);
      // (The tests below are those of the table, cheapest and rarest first.)
      const std::uint64_t phrases = next_phrase(c0) < c1 ? kAnyNonePhrase.which(c) : 0;
      if (phrases && !has_count(c)) {
        std::size_t neg = std::string_view::npos;
        bool neg_known = false;
        for (std::size_t i = 0; i < kNoneCues.size(); ++i) {
          const NoneCue& cue = kNoneCues[i];
          if (!(phrases & kNoneCuePhrases[i])) continue;  // none of its phrases in the clause
          const TableTemplate* tmpl = table(cue.table);
          if (!tmpl) continue;
          if (cue.negated && !neg_known) {
            neg_known = true;
            for (std::size_t k = find_any(c, kNegationSet); k != std::string_view::npos; k = find_any(c, kNegationSet, k + 3)) {
              bool real = true;
              for (std::string_view x : split_bar(kNotNegation)) real = real && c.substr(k, x.size()) != x;
              if (real) { neg = k; break; }
            }
          }
          if (cue.negated && neg == std::string_view::npos) continue;
          const std::size_t at = find_any(c, kNonePhrases[i], cue.negated ? neg : 0);
          if (at == std::string_view::npos) continue;
          if (!cue.unless.empty() && find_any(c, kNoneUnless[i]) != std::string_view::npos) continue;
          // What the sentence up to here speaks of ("收到申请35件，均已按期办结").
          if (!cue.about.empty() && find_any(t.substr(s0, c1 - s0), kNoneAbout[i]) == std::string_view::npos) continue;
          if (!cue.unless.empty() && find_any(t.substr(s0, c0 - s0), kNoneUnless[i]) != std::string_view::npos && !cue.about.empty() &&
              find_any(c, kOwnSubject) == std::string_view::npos)
            continue;
          const auto row = resolve_row(*tmpl, cue.rows);
          const auto col = row ? resolve_col(*tmpl, *row, cue.cols) : std::nullopt;
          if (!col) continue;
          std::size_t end = at;
          for (std::string_view ph : split_bar(cue.phrases))
            if (c.substr(at, ph.size()) == ph) end = std::max(end, at + ph.size());
          StatedCell sc{tmpl, *row, *col, Decimal(), &p, c0 + (cue.negated ? neg : at), c0 + end, c0 + (cue.negated ? neg : at), c0 + end};
          sc.none = true;
          out.push_back(sc);
        }
      }
      c0 = std::max(past_stop(t, c1), c0 + 1);
    }
  }

  const TableTemplate* table(std::string_view id) const {
    for (const TableTemplate* t : tables_)
      if (t->id == id) return t;
    return nullptr;
  }

  std::vector<const TableTemplate*> tables_;
};

}  // namespace

bool is_group_key(std::string_view row) { return ends_with(row, "/"); }

namespace {
/// The words of the published total's cue before a figure, without fillers, in the cue's order
/// (a set's phrases keep the order they were added in): what ends the text before the figure,
/// so a paragraph with none of them states no such total.
constexpr PhraseSet kPublishedTotalWords = [] {
  PhraseSet s;
  for (std::string_view ph : split_bar(kFigureCues.front().before)) s.add(strip_fillers(ph));
  return s;
}();
static_assert(!kPublishedTotalWords.overflowed());
}  // namespace

std::optional<StatedTotal> stated_published_total(std::span<const Paragraph* const> paras) {
  const FigureCue& cue = kFigureCues.front();  // legacy （一）主动公开政府信息数: its words and units
  for (const Paragraph* p : paras) {
    const std::string_view t = p->text;
    if (!kPublishedTotalWords.in(t)) continue;  // (most paragraphs: their figures are not read)
    for (const Mention& m : find_mentions(t, 0, t.size())) {
      if (m.approximate || !has_word(cue.units, m.unit)) continue;
      const std::size_t c0 = clause_start(t, m.start);
      const std::string_view head = strip_fillers(utf8::trim(t.substr(c0, m.start - c0)));
      for (std::size_t wi = 0; wi < kPublishedTotalWords.size(); ++wi) {  // its words, in order
        const std::string_view w = kPublishedTotalWords[wi];
        if (!ends_with(head, w)) continue;
        const std::size_t w0 = clause_start(t, m.start, false);
        const std::size_t phrase = static_cast<std::size_t>(head.data() - t.data()) + head.size() - w.size();
        const std::string_view wide = t.substr(w0, phrase - std::min(phrase, w0));
        if (find_any(wide, kPartScopeSet) != std::string_view::npos || find_any(wide, kPartOfTotalSet) != std::string_view::npos ||
            find_any(wide, kOtherBodySet) != std::string_view::npos)
          break;
        return StatedTotal{m.value, p, m.start, m.end};
      }
    }
  }
  return std::nullopt;
}

namespace {

constexpr std::array<std::string_view, 5> kT3Organisations{"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"};

bool add_cell(const ReportTable& t, std::string_view row, std::string_view col, Decimal& sum,
              std::vector<const TableCell*>* cells) {
  if (col == "法人或其他组织") {
    for (std::string_view c : kT3Organisations)
      if (!add_cell(t, row, c, sum, cells)) return false;
    return true;
  }
  const TableCell* c = t.find(row, col);
  if (!c || !c->value) return false;  // not read, or blank: nothing to compare with
  sum += *c->value;
  if (cells) cells->push_back(c);
  return true;
}

}  // namespace

std::optional<Decimal> table_value(const ReportTable& t, std::string_view row, std::string_view col,
                                   std::vector<const TableCell*>* cells) {
  Decimal sum;
  // A group row ("（六）其他处理" of the 2021 format) stands for the rows under it.
  const RowDef* def = row_def(*t.tmpl, row);
  const bool group = is_group_key(row) || (def && def->group);
  if (!group) return add_cell(t, row, col, sum, cells) ? std::optional<Decimal>(sum) : std::nullopt;
  bool any = false;
  for (const RowDef& d : t.tmpl->rows) {
    if (d.group || !starts_with(d.key, row) || (!is_group_key(row) && d.key.substr(row.size(), 1) != "/")) continue;
    if (!add_cell(t, d.key, col, sum, cells)) return std::nullopt;
    any = true;
  }
  return any ? std::optional<Decimal>(sum) : std::nullopt;
}

std::vector<StatedCell> stated_cells(std::span<const Paragraph* const> paras, Format format) {
  std::vector<StatedCell> out;
  if (templates_for(format).empty()) return out;
  Extractor x(format);
  for (const Paragraph* p : paras) x.paragraph(*p, out);
  return out;
}

}  // namespace nianbao
