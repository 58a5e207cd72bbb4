#include "nianbao/cross_year.hpp"
#include "tables/templates.hpp"
#include "years/compare.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <map>
#include <unordered_set>

#include "output/json_writer.hpp"
#include "util/utf8.hpp"

namespace nianbao {

namespace {

using namespace std::string_view_literals;

/// A cross-year finding at this year's cell `at`, with the cells it was computed from (`related`).
Finding finding(Rule rule, std::string message, Span at, Decimal expected, Decimal actual, std::vector<Span> related) {
  Finding f;
  f.rule = std::move(rule);
  f.severity = Severity::warning;  // spec §4: derived, so a prompt
  f.message = std::move(message);
  f.span = at;
  f.expected = expected;
  f.actual = actual;
  f.related = std::move(related);
  return f;
}

using years::Settled;
using years::find_table;
using years::value_cell;

class Pair {
 public:
  Pair(const Report& prev, const Report& cur, CrossYear& out, Settled& settled)
      : prev_(prev), cur_(cur), out_(out), settled_(settled) {}

  void run() {
    out_.compare = years::compare(prev_, cur_, settled_);
    carry();
    stock();
    items_2019();
    copied();
  }

 private:
  std::string prev_year() const { return std::to_string(out_.year - 1) + "年度报告"; }

  /// 二、上年结转 of this year is 四、结转下年度继续办理 of the year before, column by column.
  void carry() {
    for (const CarryCompare& c : out_.compare.carry) {
      if (!c.agree || *c.agree) continue;
      const std::string col(c.col);
      Finding f = finding(Rule::xyear_carry,
                          "表三「二、上年结转」" + col + "为" + c.current.value->to_string() + "，而" + prev_year() +
                              "「四、结转下年度继续办理」" + col + "为" + c.previous.value->to_string(),
                          *c.current.span, *c.previous.value, *c.current.value, {*c.previous.span});
      out_.findings.push_back(std::move(f));
    }
  }

  /// 2021 format: 现行有效 ≈ last year's 现行有效 + 制发 − 废止 (documents also lapse: a prompt),
  /// as the comparison relates them (years/compare.cpp). A run-together row of this year that
  /// last year's stock settled is said (info); the stock is reported only when no reading carries it.
  void stock() {
    for (const StockCompare& s : out_.compare.stock) {
      if (s.settled_by) settled(s);
      if (!s.agree || *s.agree) continue;
      std::string message = "表二「" + std::string(s.row) + "」";
      if (s.expected) {
        message += "现行有效" + s.current.value->to_string() + "件；按" + prev_year() + "现行有效" + s.previous.value->to_string() +
                   "件＋本年制发" + s.issued.value->to_string() + "件－本年废止" + s.abolished.value->to_string() + "件应为" +
                   s.expected->to_string() + "件";
      } else {
        const bool now = s.current_readings > 1, before = s.previous_readings > 1;
        message += "的数字有多种读法（" + std::string(now ? "本年" : "") + (now && before ? "和" : "") + (before ? prev_year() : "") +
                   "连写数字的拆分），无论按哪一种，" + prev_year() + "现行有效件数＋本年制发－本年废止都不等于本年现行有效件数";
      }
      Finding f = finding(Rule::xyear_stock, message + "（文件也会因到期等失效，请核对）", *s.issued.span,
                          s.expected.value_or(Decimal{}), s.current.value.value_or(Decimal{}), {*s.previous.span});
      if (!s.expected) f.expected.reset(), f.actual.reset();
      out_.findings.push_back(std::move(f));
    }
  }

  /// This year's ambiguous row, settled by last year's stock: said (info).
  void settled(const StockCompare& s) {
    const std::string stock = s.settled_by->to_string();
    Finding f;
    f.rule = Rule::cell_split;
    f.severity = Severity::info;
    f.message = "表二「" + std::string(s.row) + "」的数字连写，有多种拆分都符合本年报告的模板；按" + prev_year() + "现行有效" + stock +
                "件，本年废止件数和现行有效件数都不能超过" + stock + "＋本年制发件数，只有 " + s.issued.value->to_string() + "、" +
                s.abolished.value->to_string() + "、" + s.current.value->to_string() + " 符合，跨年度核对按此读取";
    f.span = *s.issued.span;
    f.related = {*s.previous.span};
    out_.findings.push_back(std::move(f));
  }

  /// 2019 format: 上一年项目数量 of this year = last year's 上一年项目数量 + 本年增/减.
  void items_2019() {
    const ReportTable* a = find_table(prev_, "T2");
    const ReportTable* b = find_table(cur_, "T2");
    if (!a || !b || a->template_name != "2019" || b->template_name != "2019") return;
    for (const RowDef& def : b->tmpl->rows) {
      if (std::find(def.columns.begin(), def.columns.end(), "本年增/减") == def.columns.end()) continue;
      const TableCell* base = value_cell(a, def.key, "上一年项目数量");
      const TableCell* change = value_cell(a, def.key, "本年增/减");
      const TableCell* now = value_cell(b, def.key, "上一年项目数量");
      if (!base || !change || !now) continue;
      const Decimal want = *base->value + *change->value;
      if (want == *now->value) continue;
      Finding f = finding(Rule::xyear_2019,
                          "表二「" + std::string(def.key) + "」上一年项目数量为" + now->value->to_string() + "，按" + prev_year() + "的" +
                              base->value->to_string() + (change->value->negative() ? "" : "＋") + change->value->to_string() +
                              "应为" + want.to_string(),
                          now->span, want, *now->value, {base->span, change->span});
      out_.findings.push_back(std::move(f));
    }
  }

  /// Sentences of this year's text found again in last year's (their digits aside).
  void copied() {
    std::unordered_set<std::uint64_t> before;
    for (const SentenceKey& s : prev_.sentences) before.insert(s.key);
    const SentenceKey* first = nullptr;
    for (const SentenceKey& s : cur_.sentences) {
      ++out_.sentences;
      if (!before.count(s.key)) continue;
      ++out_.repeated;
      if (!first) first = &s;
    }
    // Boilerplate repeats every year; most of a report repeating is what reviewers flag.
    if (out_.sentences < 10 || out_.repeated * 2 < out_.sentences || !first) return;
    const std::size_t pct = (out_.repeated * 100 + out_.sentences / 2) / out_.sentences;
    Finding f;
    f.rule = Rule::xyear_copy;
    f.severity = Severity::warning;
    f.message = "本报告" + std::to_string(pct) + "%的句子（" + std::to_string(out_.repeated) + "/" + std::to_string(out_.sentences) +
                "句，数字除外）与" + prev_year() + "相同，疑似沿用上一年度报告";
    f.span = first->span;
    f.expected = Decimal::from_int(0);
    f.actual = Decimal::from_int(static_cast<std::int64_t>(pct));
    out_.findings.push_back(std::move(f));
  }

  const Report& prev_;
  const Report& cur_;
  CrossYear& out_;
  Settled& settled_;
};

}  // namespace

std::string body_key(std::string_view agency) {
  std::string out;
  for (std::size_t i = 0; i < agency.size();) {
    std::size_t len = 0;
    const char32_t cp = utf8::decode(agency, i, len);
    if (utf8::is_han(cp) || (cp < 0x80 && std::isalnum(static_cast<int>(cp)))) out.append(agency.substr(i, len));
    i += len;
  }
  // "鞍山市人民政府" and "鞍山市" (a title that names only the region) are one body.
  for (std::string_view suffix : {"人民政府"sv}) {
    if (out.size() > suffix.size() && out.compare(out.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.resize(out.size() - suffix.size());
  }
  return out;
}

std::vector<CrossYear> cross_year(std::span<const Report* const> reports) {
  // body key -> year -> the positions of that year's reports
  std::map<std::string, std::map<int, std::vector<std::size_t>>> bodies;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const Report* r = reports[i];
    if (r && r->meta.agency && r->meta.year) bodies[body_key(*r->meta.agency)][*r->meta.year].push_back(i);
  }
  std::vector<CrossYear> out;
  Settled settled;  // one body's years in order: a row settled in one pair serves the next
  for (const auto& [key, years] : bodies) {
    if (key.empty()) continue;
    for (const auto& [year, list] : years) {
      const auto prev = years.find(year - 1);
      if (prev == years.end() || prev->second.size() != 1 || list.size() != 1) continue;  // which is which: unclear
      const Report& cur = *reports[list.front()];
      const Report& before = *reports[prev->second.front()];
      CrossYear pair;
      pair.agency = *cur.meta.agency;
      pair.year = year;
      pair.file = cur.file;
      pair.previous_file = before.file;
      pair.index = list.front();
      pair.previous_index = prev->second.front();
      Pair(before, cur, pair, settled).run();
      out.push_back(std::move(pair));
    }
  }
  return out;
}

std::string to_json(const std::vector<CrossYear>& pairs, int indent) {
  JsonWriter w(indent);
  w.begin_object().key("schema").string("nianbao/1").key("cross_year").begin_array();
  for (const CrossYear& p : pairs) {
    w.begin_object().key("agency").string(p.agency).key("year").number(p.year).key("previous_year").number(p.year - 1);
    w.key("file").string(p.file).key("previous_file").string(p.previous_file);
    w.key("index").number(static_cast<long long>(p.index)).key("previous_index").number(static_cast<long long>(p.previous_index));
    w.key("sentences").number(static_cast<long long>(p.sentences)).key("repeated").number(static_cast<long long>(p.repeated));
    years::write_compare(w, p.compare);
    w.key("findings").begin_array();
    for (const Finding& f : p.findings) write_finding(w, f);
    w.end_array().end_object();
  }
  w.end_array().end_object();
  return w.take();
}

}  // namespace nianbao
