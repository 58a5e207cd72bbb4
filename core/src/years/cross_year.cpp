#include "nianbao/cross_year.hpp"
#include "tables/templates.hpp"

#include <algorithm>
#include <cctype>
#include <array>
#include <initializer_list>
#include <map>
#include <unordered_set>

#include "lexicon/row_keys.hpp"
#include "output/json_writer.hpp"
#include "util/utf8.hpp"

namespace nianbao {

namespace {

using namespace std::string_view_literals;

using namespace lexicon;

const ReportTable* table(const Report& r, std::string_view id) {
  for (const ReportTable& t : r.tables)
    if (t.id == id) return &t;
  return nullptr;
}

const TableCell* value_cell(const ReportTable* t, std::string_view row, std::string_view col) {
  if (!t) return nullptr;
  const TableCell* c = t->find(row, col);
  return c && c->value ? c : nullptr;
}

/// Where an ambiguous row holds the cells of `row` in `cols` (in that order; fewer when some are not there).
std::vector<std::size_t> positions(const AmbiguousRow& amb, std::string_view row, std::span<const std::string_view> cols) {
  std::vector<std::size_t> at;
  for (std::string_view col : cols)
    for (std::size_t i = 0; i < amb.cols.size(); ++i)
      if (amb.rows[i] == row && amb.cols[i] == col) at.push_back(i);
  return at;
}

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

/// Rows that an earlier pair settled (see Pair::stock): the report and the row key, and the
/// whole split chosen, in the order of the row's AmbiguousRow cells.
using SettledKey = std::pair<const Report*, std::string_view>;
using Settled = std::map<SettledKey, std::vector<Decimal>>;

class Pair {
 public:
  Pair(const Report& prev, const Report& cur, CrossYear& out, Settled& settled)
      : prev_(prev), cur_(cur), out_(out), settled_(settled) {}

  void run() {
    carry();
    stock();
    items_2019();
    copied();
  }

 private:
  std::string prev_year() const { return std::to_string(out_.year - 1) + "年度报告"; }

  /// 二、上年结转 of this year is 四、结转下年度继续办理 of the year before, column by column.
  void carry() {
    const ReportTable* a = table(prev_, "T3");
    const ReportTable* b = table(cur_, "T3");
    for (std::string_view col : kT3Cols) {
      const TableCell* before = value_cell(a, kT3CarriedOn, col);
      const TableCell* now = value_cell(b, kT3Carried, col);
      if (!before || !now || *before->value == *now->value) continue;
      Finding f = finding(Rule::xyear_carry,
                          "表三「二、上年结转」" + std::string(col) + "为" + now->value->to_string() + "，而" + prev_year() +
                              "「四、结转下年度继续办理」" + std::string(col) + "为" + before->value->to_string(),
                          now->span, *before->value, *now->value, {before->span});
      out_.findings.push_back(std::move(f));
    }
  }

  /// 2021 format: 现行有效 ≈ last year's 现行有效 + 制发 − 废止 (documents also lapse: a prompt).
  /// A row read in more than one way (run-together digits) takes part with each of its fitting
  /// splits: a split that leaves 废止 or 现行有效 above last year's stock plus this year's 制发
  /// cannot be, and when that leaves one reading, it is used and said (and kept for the next
  /// year's pair); the stock is reported only when no remaining reading carries it.
  void stock() {
    const ReportTable* a = table(prev_, "T2");
    const ReportTable* b = table(cur_, "T2");
    if (!a || !b || a->template_name != "2021" || b->template_name != "2021") return;
    static constexpr std::array<std::string_view, 3> kCols{"本年制发件数", "本年废止件数", "现行有效件数"};
    for (std::string_view row : {kT2Rules, kT2Documents}) {
      const Readings before = readings(prev_, *a, row, std::span(&kCols[2], 1), settled_);
      const Readings now = readings(cur_, *b, row, kCols, settled_);
      if (before.values.empty() || now.values.empty()) continue;
      // The readings that can be: nothing abolished or in force beyond what there could be.
      std::vector<std::pair<std::size_t, std::size_t>> possible, carried;
      for (std::size_t p = 0; p < before.values.size(); ++p)
        for (std::size_t n = 0; n < now.values.size(); ++n) {
          const Decimal most = before.values[p][0] + now.values[n][0];
          if (most < now.values[n][1] || most < now.values[n][2]) continue;
          possible.emplace_back(p, n);
          if (most - now.values[n][1] == now.values[n][2]) carried.emplace_back(p, n);
        }
      const auto only = [&](auto part) {
        return !possible.empty() && std::all_of(possible.begin(), possible.end(), [&](const auto& x) { return part(x) == part(possible.front()); });
      };
      if (now.ambiguous && only([](const auto& x) { return x.second; }))
        settle(row, kCols, now, possible.front().second, before, possible.front().first);
      if (!carried.empty()) continue;
      const auto& [p, n] = possible.size() == 1 ? possible.front() : std::pair<std::size_t, std::size_t>{0, 0};
      const std::vector<Decimal>& v = now.values[n];
      const Decimal want = before.values[p][0] + v[0] - v[1];
      std::string message = "表二「" + std::string(row) + "」";
      if (possible.size() == 1 || (before.values.size() == 1 && now.values.size() == 1)) {
        message += "现行有效" + v[2].to_string() + "件；按" + prev_year() + "现行有效" + before.values[p][0].to_string() + "件＋本年制发" +
                   v[0].to_string() + "件－本年废止" + v[1].to_string() + "件应为" + want.to_string() + "件";
      } else {
        message += "的数字有多种读法（" + std::string(now.ambiguous ? "本年" : "") + (now.ambiguous && before.ambiguous ? "和" : "") +
                   (before.ambiguous ? prev_year() : "") + "连写数字的拆分），无论按哪一种，" + prev_year() +
                   "现行有效件数＋本年制发－本年废止都不等于本年现行有效件数";
      }
      Finding f = finding(Rule::xyear_stock, message + "（文件也会因到期等失效，请核对）", now.span, want, v[2], before.spans);
      if (possible.size() != 1 && !(before.values.size() == 1 && now.values.size() == 1)) f.expected.reset(), f.actual.reset();
      out_.findings.push_back(std::move(f));
    }
  }

  /// What a report gives one row's cells (`cols`): the values read, or each fitting split of the
  /// row's run-together digits, or the reading an earlier pair settled; none when a cell is
  /// unread or blank. Equal readings are kept once.
  struct Readings {
    std::vector<std::vector<Decimal>> values;
    bool ambiguous = false;
    Span span;                  ///< the row's first cell, or its digits as written
    std::vector<Span> spans;    ///< every cell read (the related spans of a finding)
  };
  static Readings readings(const Report& r, const ReportTable& t, std::string_view row, std::span<const std::string_view> cols,
                           const Settled& settled) {
    Readings out;
    std::vector<Decimal> read;
    for (std::string_view col : cols) {
      const TableCell* c = value_cell(&t, row, col);
      if (!c) break;
      read.push_back(*c->value);
      if (out.spans.empty()) out.span = c->span;
      out.spans.push_back(c->span);
    }
    if (read.size() == cols.size()) {
      out.values.push_back(std::move(read));
      return out;
    }
    out.spans.clear();
    for (const AmbiguousRow& amb : t.ambiguous) {
      const std::vector<std::size_t> at = positions(amb, row, cols);
      if (at.size() != cols.size()) continue;
      out.span = amb.span;
      out.spans = {amb.span};
      if (const auto s = settled.find(SettledKey{&r, row}); s != settled.end()) {
        std::vector<Decimal> v;
        for (std::size_t i : at) v.push_back(s->second[i]);
        out.values.push_back(std::move(v));
        return out;
      }
      out.ambiguous = true;
      for (const auto& cand : amb.candidates) {
        std::vector<Decimal> v;
        for (std::size_t i : at)
          if (cand[i]) v.push_back(*cand[i]);
        if (v.size() == at.size() && std::find(out.values.begin(), out.values.end(), v) == out.values.end()) out.values.push_back(std::move(v));
      }
      if (out.values.size() == 1) out.ambiguous = false;
      return out;
    }
    return out;
  }

  /// This year's ambiguous row is settled by last year's stock: said (info) and kept for the
  /// next pair, where this report is the earlier one.
  void settle(std::string_view row, std::span<const std::string_view> cols, const Readings& now, std::size_t n, const Readings& before,
              std::size_t p) {
    const ReportTable* b = table(cur_, "T2");
    for (const AmbiguousRow& amb : b->ambiguous) {
      const std::vector<std::size_t> at = positions(amb, row, cols);
      if (at.size() != cols.size()) continue;
      std::vector<Decimal> whole(amb.cols.size());
      for (const auto& cand : amb.candidates) {
        bool same = true;
        for (std::size_t k = 0; k < at.size(); ++k) same = same && cand[at[k]] && *cand[at[k]] == now.values[n][k];
        if (!same) continue;
        for (std::size_t i = 0; i < cand.size(); ++i) whole[i] = cand[i].value_or(Decimal{});
        break;
      }
      settled_[SettledKey{&cur_, row}] = whole;
      break;
    }
    std::string values;
    for (std::size_t k = 0; k < cols.size(); ++k) values += (k ? "、" : "") + now.values[n][k].to_string();
    Finding f;
    f.rule = Rule::cell_split;
    f.severity = Severity::info;
    f.message = "表二「" + std::string(row) + "」的数字连写，有多种拆分都符合本年报告的模板；按" + prev_year() + "现行有效" +
                before.values[p][0].to_string() + "件，本年废止件数和现行有效件数都不能超过" + before.values[p][0].to_string() +
                "＋本年制发件数，只有 " + values + " 符合，跨年度核对按此读取";
    f.span = now.span;
    f.related = before.spans;
    out_.findings.push_back(std::move(f));
  }

  /// 2019 format: 上一年项目数量 of this year = last year's 上一年项目数量 + 本年增/减.
  void items_2019() {
    const ReportTable* a = table(prev_, "T2");
    const ReportTable* b = table(cur_, "T2");
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
    w.key("findings").begin_array();
    for (const Finding& f : p.findings) write_finding(w, f);
    w.end_array().end_object();
  }
  w.end_array().end_object();
  return w.take();
}

}  // namespace nianbao
