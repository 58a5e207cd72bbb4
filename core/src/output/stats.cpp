// The statistics a reader wants at a glance (issue 4 §9), taken from the rebuilt tables for the
// page's charts: headline figures, breakdowns, and rates with the formula they use. Which
// cells make up which series is data; a series with a blank or missing cell is left out.
#include <algorithm>
#include <array>

#include "narrative/narrative_rules.hpp"
#include "lexicon/row_keys.hpp"
#include "text/text_figures.hpp"

namespace nianbao {

namespace {

using namespace lexicon;

struct Item {
  std::string_view label, row, col;  ///< row may be a group "（三）不予公开/"
};

struct SeriesDef {
  std::string_view table;  ///< legacy, T2, T3, T4
  std::string_view id, title, unit;
  std::span<const Item> items;
  bool single = false;  ///< a headline figure (its one item), not a chart
};


constexpr std::array<Item, 1> kT3NewTotal{{{"本年新收申请", kT3New, kColTotal}}};
constexpr std::array<Item, 6> kT3Applicants{{
    {"自然人", kT3New, "自然人"}, {"商业企业", kT3New, "商业企业"}, {"科研机构", kT3New, "科研机构"},
    {"社会公益组织", kT3New, "社会公益组织"}, {"法律服务机构", kT3New, "法律服务机构"}, {"其他", kT3New, "其他"}}};
constexpr std::array<Item, 6> kT3Results{{
    {"予以公开", kT3Opened, kColTotal},
    {"部分公开", kT3PartlyOpened, kColTotal},
    {"不予公开", kT3Refused, kColTotal},
    {"无法提供", kT3Unavailable, kColTotal},
    {"不予处理", kT3NotProcessed, kColTotal},
    {"其他处理", kT3Other, kColTotal}}};
constexpr std::array<Item, 8> kT3Refusals{{
    {"属于国家秘密", "（三）不予公开/1.属于国家秘密", kColTotal},
    {"其他法律行政法规禁止公开", "（三）不予公开/2.其他法律行政法规禁止公开", kColTotal},
    {"危及“三安全一稳定”", "（三）不予公开/3.危及“三安全一稳定”", kColTotal},
    {"保护第三方合法权益", "（三）不予公开/4.保护第三方合法权益", kColTotal},
    {"属于三类内部事务信息", "（三）不予公开/5.属于三类内部事务信息", kColTotal},
    {"属于四类过程性信息", "（三）不予公开/6.属于四类过程性信息", kColTotal},
    {"属于行政执法案卷", "（三）不予公开/7.属于行政执法案卷", kColTotal},
    {"属于行政查询事项", "（三）不予公开/8.属于行政查询事项", kColTotal}}};
constexpr std::array<Item, 4> kT4ReviewResults{{
    {"结果维持", kT4Review, "结果维持"}, {"结果纠正", kT4Review, "结果纠正"},
    {"其他结果", kT4Review, "其他结果"}, {"尚未审结", kT4Review, "尚未审结"}}};
constexpr std::array<Item, 4> kT4LitigationResults{{
    {"结果维持", kT4Litigation, "结果维持"}, {"结果纠正", kT4Litigation, "结果纠正"},
    {"其他结果", kT4Litigation, "其他结果"}, {"尚未审结", kT4Litigation, "尚未审结"}}};
constexpr std::array<Item, 1> kT4ReviewTotal{{{"行政复议", kT4Review, kColTotal}}};
constexpr std::array<Item, 1> kT4LitigationTotal{{{"行政诉讼", kT4Litigation, kColTotal}}};
constexpr std::array<Item, 3> kT2Decisions{{
    {"行政许可", "行政许可", "本年处理决定数量"}, {"行政处罚", "行政处罚", "本年处理决定数量"}, {"行政强制", "行政强制", "本年处理决定数量"}}};
constexpr std::array<Item, 3> kT2Decisions2019{{
    {"行政许可", "行政许可", "处理决定数量"}, {"行政处罚", "行政处罚", "处理决定数量"}, {"行政强制", "行政强制", "处理决定数量"}}};
constexpr std::array<Item, 3> kT2DocumentCounts{{
    {"本年制发", kT2Documents, "本年制发件数"}, {"本年废止", kT2Documents, "本年废止件数"}, {"现行有效", kT2Documents, "现行有效件数"}}};
constexpr std::array<Item, 1> kLegacyPublishedTotal{{{"主动公开政府信息数", kLegacyPublished, kColStat}}};
constexpr std::array<Item, 5> kLegacyChannels{{
    {"政府公报", "1.政府公报公开政府信息数", kColStat}, {"政府网站", "2.政府网站公开政府信息数", kColStat},
    {"政务微博", "3.政务微博公开政府信息数", kColStat}, {"政务微信", "4.政务微信公开政府信息数", kColStat},
    {"其他方式", "5.其他方式公开政府信息数", kColStat}}};
constexpr std::array<Item, 1> kLegacyRequestsTotal{{{"收到申请数", kLegacyRequests, kColStat}}};
constexpr std::array<Item, 4> kLegacyRequestWays{{
    {"当面", "1.当面申请数", kColStat}, {"传真", "2.传真申请数", kColStat}, {"网络", "3.网络申请数", kColStat}, {"信函", "4.信函申请数", kColStat}}};
constexpr std::array<Item, 8> kLegacyReplies{{
    {"属于已主动公开范围", "1.属于已主动公开范围数", kColStat}, {"同意公开", "2.同意公开答复数", kColStat},
    {"同意部分公开", "3.同意部分公开答复数", kColStat}, {"不同意公开", "4.不同意公开答复数", kColStat},
    {"不属于本行政机关公开", "5.不属于本行政机关公开数", kColStat}, {"申请信息不存在", "6.申请信息不存在数", kColStat},
    {"告知作出更改补充", "7.告知作出更改补充数", kColStat}, {"告知通过其他途径办理", "8.告知通过其他途径办理数", kColStat}}};
constexpr std::array<Item, 3> kLegacyReviewResults{{
    {"维持具体行政行为", "四、行政复议数量/（一）维持具体行政行为数", kColStat},
    {"被依法纠错", "四、行政复议数量/（二）被依法纠错数", kColStat},
    {"其他情形", "四、行政复议数量/（三）其他情形数", kColStat}}};
constexpr std::array<Item, 3> kLegacyLitigationResults{{
    {"维持或驳回", "五、行政诉讼数量/（一）维持具体行政行为或者驳回原告诉讼请求数", kColStat},
    {"被依法纠错", "五、行政诉讼数量/（二）被依法纠错数", kColStat},
    {"其他情形", "五、行政诉讼数量/（三）其他情形数", kColStat}}};

constexpr std::array kSeries = {
    SeriesDef{"legacy", "published", "主动公开政府信息数", "条", kLegacyPublishedTotal, true},
    SeriesDef{"legacy", "requests", "收到申请数", "件", kLegacyRequestsTotal, true},
    SeriesDef{"legacy", "published_channels", "主动公开政府信息（按渠道）", "条", kLegacyChannels},
    SeriesDef{"legacy", "request_ways", "收到申请（按方式）", "件", kLegacyRequestWays},
    SeriesDef{"legacy", "replies", "申请答复情况", "件", kLegacyReplies},
    SeriesDef{"legacy", "review", "行政复议结果", "件", kLegacyReviewResults},
    SeriesDef{"legacy", "litigation", "行政诉讼结果", "件", kLegacyLitigationResults},
    SeriesDef{"T3", "requests", "本年新收政府信息公开申请", "件", kT3NewTotal, true},
    SeriesDef{"T4", "review_total", "行政复议", "件", kT4ReviewTotal, true},
    SeriesDef{"T4", "litigation_total", "行政诉讼", "件", kT4LitigationTotal, true},
    SeriesDef{"T3", "applicants", "本年新收申请（按申请人）", "件", kT3Applicants},
    SeriesDef{"T3", "results", "本年度办理结果", "件", kT3Results},
    SeriesDef{"T3", "refusals", "不予公开的理由", "件", kT3Refusals},
    SeriesDef{"T4", "review", "行政复议结果", "件", kT4ReviewResults},
    SeriesDef{"T4", "litigation", "行政诉讼结果（未经复议直接起诉与复议后起诉合计）", "件", kT4LitigationResults},
    SeriesDef{"T2", "documents", "行政规范性文件", "件", kT2DocumentCounts},
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

constexpr std::array<Term, 2> kOpened{{{kT3Opened, kColTotal}, {kT3PartlyOpened, kColTotal}}};
constexpr std::array<Term, 1> kHandled{{{kT3Handled, kColTotal}}};
constexpr std::array<Term, 1> kReviewCorrected{{{kT4Review, "结果纠正"}}};
constexpr std::array<Term, 2> kReviewDecided{{{kT4Review, kColTotal}, {kT4Review, "尚未审结", -1}}};
constexpr std::array<Term, 1> kLitigationCorrected{{{kT4Litigation, "结果纠正"}}};
constexpr std::array<Term, 2> kLitigationDecided{{{kT4Litigation, kColTotal}, {kT4Litigation, "尚未审结", -1}}};
constexpr std::array<Term, 1> kLegacyReviewCorrected{{{"四、行政复议数量/（二）被依法纠错数", kColStat}}};
constexpr std::array<Term, 1> kLegacyReviewAll{{{kLegacyReview, kColStat}}};
constexpr std::array<Term, 1> kLegacyLitigationCorrected{{{"五、行政诉讼数量/（二）被依法纠错数", kColStat}}};
constexpr std::array<Term, 1> kLegacyLitigationAll{{{kLegacyLitigation, kColStat}}};

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
