// The statistics a reader wants at a glance (issue 4 §9), taken from the rebuilt tables for the
// page's charts: headline figures, breakdowns, and rates with the formula they use. Which
// cells make up which series is data; a series with a blank or missing cell is left out.
#include <algorithm>
#include <array>

#include "narrative/narrative_rules.hpp"
#include "narrative/text_figures.hpp"

namespace nianbao {

namespace {

struct Item {
  std::string_view label, row, col;  ///< row may be a group "（三）不予公开/"
};

struct SeriesDef {
  std::string_view table;  ///< legacy, T2, T3, T4
  std::string_view id, title, unit;
  std::span<const Item> items;
  bool single = false;  ///< a headline figure (its one item), not a chart
};

constexpr std::string_view kTotal = "总计";
constexpr std::string_view kStat = "统计数";
constexpr std::string_view kNew = "一、本年新收政府信息公开申请数量";

constexpr std::array<Item, 1> kT3New{{{"本年新收申请", kNew, kTotal}}};
constexpr std::array<Item, 6> kT3Applicants{{
    {"自然人", kNew, "自然人"}, {"商业企业", kNew, "商业企业"}, {"科研机构", kNew, "科研机构"},
    {"社会公益组织", kNew, "社会公益组织"}, {"法律服务机构", kNew, "法律服务机构"}, {"其他", kNew, "其他"}}};
constexpr std::array<Item, 6> kT3Results{{
    {"予以公开", "（一）予以公开", kTotal},
    {"部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", kTotal},
    {"不予公开", "（三）不予公开/", kTotal},
    {"无法提供", "（四）无法提供/", kTotal},
    {"不予处理", "（五）不予处理/", kTotal},
    {"其他处理", "（六）其他处理", kTotal}}};
constexpr std::array<Item, 8> kT3Refusals{{
    {"属于国家秘密", "（三）不予公开/1.属于国家秘密", kTotal},
    {"其他法律行政法规禁止公开", "（三）不予公开/2.其他法律行政法规禁止公开", kTotal},
    {"危及“三安全一稳定”", "（三）不予公开/3.危及“三安全一稳定”", kTotal},
    {"保护第三方合法权益", "（三）不予公开/4.保护第三方合法权益", kTotal},
    {"属于三类内部事务信息", "（三）不予公开/5.属于三类内部事务信息", kTotal},
    {"属于四类过程性信息", "（三）不予公开/6.属于四类过程性信息", kTotal},
    {"属于行政执法案卷", "（三）不予公开/7.属于行政执法案卷", kTotal},
    {"属于行政查询事项", "（三）不予公开/8.属于行政查询事项", kTotal}}};
constexpr std::array<Item, 4> kT4Review{{
    {"结果维持", "行政复议", "结果维持"}, {"结果纠正", "行政复议", "结果纠正"},
    {"其他结果", "行政复议", "其他结果"}, {"尚未审结", "行政复议", "尚未审结"}}};
constexpr std::array<Item, 4> kT4Litigation{{
    {"结果维持", "行政诉讼/", "结果维持"}, {"结果纠正", "行政诉讼/", "结果纠正"},
    {"其他结果", "行政诉讼/", "其他结果"}, {"尚未审结", "行政诉讼/", "尚未审结"}}};
constexpr std::array<Item, 1> kT4ReviewTotal{{{"行政复议", "行政复议", kTotal}}};
constexpr std::array<Item, 1> kT4LitigationTotal{{{"行政诉讼", "行政诉讼/", kTotal}}};
constexpr std::array<Item, 3> kT2Decisions{{
    {"行政许可", "行政许可", "本年处理决定数量"}, {"行政处罚", "行政处罚", "本年处理决定数量"}, {"行政强制", "行政强制", "本年处理决定数量"}}};
constexpr std::array<Item, 3> kT2Decisions2019{{
    {"行政许可", "行政许可", "处理决定数量"}, {"行政处罚", "行政处罚", "处理决定数量"}, {"行政强制", "行政强制", "处理决定数量"}}};
constexpr std::array<Item, 3> kT2Documents{{
    {"本年制发", "行政规范性文件", "本年制发件数"}, {"本年废止", "行政规范性文件", "本年废止件数"}, {"现行有效", "行政规范性文件", "现行有效件数"}}};
constexpr std::array<Item, 1> kLegacyPublished{{{"主动公开政府信息数", "（一）主动公开政府信息数", kStat}}};
constexpr std::array<Item, 5> kLegacyChannels{{
    {"政府公报", "1.政府公报公开政府信息数", kStat}, {"政府网站", "2.政府网站公开政府信息数", kStat},
    {"政务微博", "3.政务微博公开政府信息数", kStat}, {"政务微信", "4.政务微信公开政府信息数", kStat},
    {"其他方式", "5.其他方式公开政府信息数", kStat}}};
constexpr std::array<Item, 1> kLegacyRequests{{{"收到申请数", "（一）收到申请数", kStat}}};
constexpr std::array<Item, 4> kLegacyRequestWays{{
    {"当面", "1.当面申请数", kStat}, {"传真", "2.传真申请数", kStat}, {"网络", "3.网络申请数", kStat}, {"信函", "4.信函申请数", kStat}}};
constexpr std::array<Item, 8> kLegacyReplies{{
    {"属于已主动公开范围", "1.属于已主动公开范围数", kStat}, {"同意公开", "2.同意公开答复数", kStat},
    {"同意部分公开", "3.同意部分公开答复数", kStat}, {"不同意公开", "4.不同意公开答复数", kStat},
    {"不属于本行政机关公开", "5.不属于本行政机关公开数", kStat}, {"申请信息不存在", "6.申请信息不存在数", kStat},
    {"告知作出更改补充", "7.告知作出更改补充数", kStat}, {"告知通过其他途径办理", "8.告知通过其他途径办理数", kStat}}};
constexpr std::array<Item, 3> kLegacyReview{{
    {"维持具体行政行为", "四、行政复议数量/（一）维持具体行政行为数", kStat},
    {"被依法纠错", "四、行政复议数量/（二）被依法纠错数", kStat},
    {"其他情形", "四、行政复议数量/（三）其他情形数", kStat}}};
constexpr std::array<Item, 3> kLegacyLitigation{{
    {"维持或驳回", "五、行政诉讼数量/（一）维持具体行政行为或者驳回原告诉讼请求数", kStat},
    {"被依法纠错", "五、行政诉讼数量/（二）被依法纠错数", kStat},
    {"其他情形", "五、行政诉讼数量/（三）其他情形数", kStat}}};

constexpr std::array kSeries = {
    SeriesDef{"legacy", "published", "主动公开政府信息数", "条", kLegacyPublished, true},
    SeriesDef{"legacy", "requests", "收到申请数", "件", kLegacyRequests, true},
    SeriesDef{"legacy", "published_channels", "主动公开政府信息（按渠道）", "条", kLegacyChannels},
    SeriesDef{"legacy", "request_ways", "收到申请（按方式）", "件", kLegacyRequestWays},
    SeriesDef{"legacy", "replies", "申请答复情况", "件", kLegacyReplies},
    SeriesDef{"legacy", "review", "行政复议结果", "件", kLegacyReview},
    SeriesDef{"legacy", "litigation", "行政诉讼结果", "件", kLegacyLitigation},
    SeriesDef{"T3", "requests", "本年新收政府信息公开申请", "件", kT3New, true},
    SeriesDef{"T4", "review_total", "行政复议", "件", kT4ReviewTotal, true},
    SeriesDef{"T4", "litigation_total", "行政诉讼", "件", kT4LitigationTotal, true},
    SeriesDef{"T3", "applicants", "本年新收申请（按申请人）", "件", kT3Applicants},
    SeriesDef{"T3", "results", "本年度办理结果", "件", kT3Results},
    SeriesDef{"T3", "refusals", "不予公开的理由", "件", kT3Refusals},
    SeriesDef{"T4", "review", "行政复议结果", "件", kT4Review},
    SeriesDef{"T4", "litigation", "行政诉讼结果（未经复议直接起诉与复议后起诉合计）", "件", kT4Litigation},
    SeriesDef{"T2", "documents", "行政规范性文件", "件", kT2Documents},
    SeriesDef{"T2", "decisions", "行政许可、处罚、强制处理决定", "件", kT2Decisions},
    SeriesDef{"T2", "decisions", "行政许可、处罚、强制处理决定", "件", kT2Decisions2019},
};

/// numerator ÷ denominator, each a sum of ± terms.
struct Term {
  std::string_view row, col;
  int sign = 1;
};
struct RateDef {
  std::string_view table, id, title, basis;
  std::span<const Term> numerator, denominator;
};

constexpr std::array<Term, 2> kOpened{{{"（一）予以公开", kTotal}, {"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", kTotal}}};
constexpr std::array<Term, 1> kHandled{{{"（七）总计", kTotal}}};
constexpr std::array<Term, 1> kReviewCorrected{{{"行政复议", "结果纠正"}}};
constexpr std::array<Term, 2> kReviewDecided{{{"行政复议", kTotal}, {"行政复议", "尚未审结", -1}}};
constexpr std::array<Term, 1> kLitigationCorrected{{{"行政诉讼/", "结果纠正"}}};
constexpr std::array<Term, 2> kLitigationDecided{{{"行政诉讼/", kTotal}, {"行政诉讼/", "尚未审结", -1}}};
constexpr std::array<Term, 1> kLegacyReviewCorrected{{{"四、行政复议数量/（二）被依法纠错数", kStat}}};
constexpr std::array<Term, 1> kLegacyReviewAll{{{"四、行政复议数量", kStat}}};
constexpr std::array<Term, 1> kLegacyLitigationCorrected{{{"五、行政诉讼数量/（二）被依法纠错数", kStat}}};
constexpr std::array<Term, 1> kLegacyLitigationAll{{{"五、行政诉讼数量", kStat}}};

constexpr std::array kRates = {
    RateDef{"T3", "open_rate", "公开率", "（予以公开＋部分公开）÷办理结果总计", kOpened, kHandled},
    RateDef{"T4", "review_correction_rate", "行政复议纠错率", "结果纠正÷已审结（总计－尚未审结）", kReviewCorrected, kReviewDecided},
    RateDef{"T4", "litigation_correction_rate", "行政诉讼纠错率", "结果纠正÷已审结（总计－尚未审结），两类行政诉讼合计", kLitigationCorrected, kLitigationDecided},
    RateDef{"legacy", "review_correction_rate", "行政复议纠错率", "被依法纠错数÷行政复议数量", kLegacyReviewCorrected, kLegacyReviewAll},
    RateDef{"legacy", "litigation_correction_rate", "行政诉讼纠错率", "被依法纠错数÷行政诉讼数量", kLegacyLitigationCorrected, kLegacyLitigationAll},
};

const ReportTable* table(std::span<const ReportTable> tables, std::string_view id) {
  for (const ReportTable& t : tables)
    if (t.id == id) return &t;
  return nullptr;
}

std::optional<Decimal> sum(const ReportTable& t, std::span<const Term> terms) {
  Decimal total;
  for (const Term& x : terms) {
    const auto v = table_value(t, x.row, x.col);
    if (!v) return std::nullopt;
    total = x.sign > 0 ? total + *v : total - *v;
  }
  return total;
}

}  // namespace

ChartStats chart_stats(const Prose& prose, std::span<const ReportTable> tables) {
  ChartStats r;
  for (const SeriesDef& s : kSeries) {
    const ReportTable* t = table(tables, s.table);
    if (!t) continue;
    Chart c{std::string(s.id), std::string(s.title), std::string(s.unit), {}};
    bool complete = true;
    for (const Item& it : s.items) {
      const auto v = table_value(*t, it.row, it.col);
      if (!v) { complete = false; break; }
      c.items.emplace_back(std::string(it.label), *v);
    }
    if (!complete) continue;
    if (s.single) r.figures.push_back({c.id, c.title, c.unit, c.items.front().second, "table", std::nullopt});
    else r.charts.push_back(std::move(c));
  }
  // The 2019 and 2021 tables have no 主动公开 total; the text often states it.
  if (std::none_of(r.figures.begin(), r.figures.end(), [](const Figure& f) { return f.id == "published"; }))
    if (const auto t = stated_published_total(prose.body()))
      r.figures.insert(r.figures.begin(), {"published", "主动公开政府信息数（正文所述）", "条", t->value, "text",
                                           prose.span(*t->para, t->start, t->end)});
  for (const RateDef& d : kRates) {
    const ReportTable* t = table(tables, d.table);
    if (!t) continue;
    const auto num = sum(*t, d.numerator), den = sum(*t, d.denominator);
    if (!num || !den || *den <= Decimal() || *num < Decimal() || *num > *den) continue;
    r.rates.push_back({std::string(d.id), std::string(d.title), std::string(d.basis), *num, *den, share_of(*num, *den, 2)});
  }
  return r;
}

}  // namespace nianbao
