// text-table (spec §6: "numbers in the text that contradict the tables"): every figure the
// text states about a table quantity, and every statement that there were none, against the
// table, with both spans. A figure about a part of the body may not exceed the table's; one
// about another body (代表…受理) is only a prompt.
#include <algorithm>
#include <array>

#include "lexicon/body_words.hpp"
#include "lexicon/row_keys.hpp"
#include "tables/label.hpp"
#include "narrative/narrative_rules.hpp"
#include "text/text_figures.hpp"
#include "util/strings.hpp"
#include "util/utf8.hpp"

namespace nianbao {

namespace {

using namespace lexicon;

std::string cell_name(const ReportTable& t, std::string_view row, std::string_view col) {
  std::string r(row);
  if (is_group_key(row)) r = r.substr(0, r.size() - 1) + "（各项之和）";
  std::string out = std::string(table_title(t.id)) + "「" + r + "」";
  if (t.id != "legacy") out += "「" + std::string(col) + "」";
  return out;
}

Format format_of(Format format, std::span<const ReportTable> tables) {
  if (format != Format::unknown || tables.empty()) return format;
  const std::string& n = tables.front().template_name;
  return n == "2021" ? Format::f2021 : n == "2019" ? Format::f2019 : n == "legacy" ? Format::legacy : Format::unknown;
}

/// The readings of a figure of applications (row 一、本年新收 or （七）总计 named by the text):
/// each a sum of rows of 表三.
struct Reading {
  std::string_view name;  ///< as the statistics say it
  std::array<std::string_view, 2> rows;
  bool applies(std::string_view row) const { return row == kT3New || row == kT3Handled; }
};
constexpr std::array<Reading, 4> kReadings{{
    {"新收", {kT3New, {}}},
    {"新收+上年结转", {kT3New, kT3Carried}},
    {"（七）总计", {kT3Handled, {}}},
    {"（七）总计+结转下年度", {kT3Handled, kT3CarriedOn}},
}};

std::optional<Decimal> reading_value(const ReportTable& t, const Reading& rd, std::string_view col, std::vector<const TableCell*>& used) {
  Decimal sum;
  for (std::string_view row : rd.rows) {
    if (row.empty()) continue;
    const auto x = table_value(t, row, col, &used);
    if (!x) return std::nullopt;
    sum += *x;
  }
  return sum;
}

using utf8::is_digit;

/// The digits a crawl ran together after a row's label in the table's text ("行政规范性文件
/// 77132470"), when the row was not read; empty if none are found.
std::string glued_digits(const Prose& prose, std::string_view label, Span& span) {
  for (const Paragraph* p : prose.all()) {
    if (!prose.is_table_text(p)) continue;
    const std::string_view t = p->text;
    for (std::size_t at = utf8::find(t, label); at != std::string_view::npos; at = utf8::find(t, label, at + 1)) {
      // The label itself, not the end of a longer one ("规范性文件" of "行政规范性文件").
      if (at > 0 && !(is_digit(t[at - 1]) || t[at - 1] == ' ' || t[at - 1] == ')')) continue;
      std::size_t e = at + label.size();
      std::string digits;
      // (With the signs and points a run may hold: "2648-18538", "5949.088667".)
      for (; e < t.size() && (is_digit(t[e]) || t[e] == ' ' || t[e] == '-' || t[e] == '.'); ++e)
        if (t[e] != ' ') digits += t[e];
      if (digits.size() >= 2) {
        span = prose.span(*p, at + label.size(), e);
        return digits;
      }
    }
  }
  return {};
}

/// A figure the text states for a cell of a row that was not read (its digits run together with
/// several possible splits): when no split of the digits can give the figure, the text and the
/// table disagree whatever the split.
void unsplit(const Prose& prose, const ReportTable& t, const StatedCell& sc, TextTableResult& r) {
  if (sc.none || sc.scope != StatedCell::Scope::same || is_group_key(sc.row) || !sc.value.is_integer()) return;
  const auto def = std::find_if(t.tmpl->rows.begin(), t.tmpl->rows.end(), [&](const RowDef& d) { return d.key == sc.row && !d.group; });
  if (def == t.tmpl->rows.end() || def->label.size() < 6) return;
  Span span;
  const std::string digits = glued_digits(prose, def->label, span);
  const std::string value = sc.value.to_string();
  if (digits.empty() || digits.find(value) != std::string::npos) return;
  const std::string said(utf8::trim(std::string_view(sc.para->text).substr(sc.from, sc.to - sc.from)));
  const std::string cell = std::string(t.id) + "/" + std::string(sc.row) + "/" + std::string(sc.col);
  r.figures.push_back({said, cell, digits, "unsplit", false});
  Finding f = make_finding(Rule::text_table, Severity::error,
                           "正文所述“" + said + "”与" + std::string(table_title(t.id)) + "「" + std::string(def->label) + "」不符：该行数字连写为“" +
                               digits + "”，任何拆分都不含" + value,
                           prose.span(*sc.para, sc.start, sc.end));
  f.actual = sc.value;
  f.related.push_back(span);
  r.findings.push_back(std::move(f));
}

/// t2-township-rules (spec §6): 规章 are made by the State Council's departments and the people's
/// governments of provinces and cities with districts (立法法 第九十一、九十三条); a township or
/// sub-district that reports 规章 it made this year has put its other documents in that row.
void township_rules(const NarrativeFacts& facts, std::span<const ReportTable> tables, std::vector<Finding>& out) {
  if (!facts.agency || !ends_with_any(*facts.agency, lexicon::kTownshipSuffixes)) return;
  for (const ReportTable& t : tables) {
    if (t.id != "T2") continue;
    for (std::string_view col : {"本年制发件数", "本年新制作数量"}) {
      const TableCell* c = t.find(lexicon::kT2Rules, col);
      if (!c || !c->value || *c->value == Decimal()) continue;
      Finding f = Finding::of(Rule::t2_township_rules);
      f.message = "表二「规章」「" + std::string(col) + "」填报为" + c->value->to_string() + "，但" + *facts.agency +
                  "是乡镇、街道，没有制定规章的权限（规章由国务院部门和省、自治区、直辖市和设区的市、自治州的人民政府制定），"
                  "请核对是否应填在「行政规范性文件」行";
      f.span = c->span;
      f.expected = Decimal();
      f.actual = *c->value;
      out.push_back(std::move(f));
    }
  }
}

}  // namespace

TextTableResult check_text_table(const Prose& prose, const NarrativeFacts& facts, std::span<const ReportTable> tables) {
  TextTableResult r;
  if (tables.empty()) return r;
  for (const StatedCell& sc : stated_cells(prose.body(), format_of(facts.format, tables))) {
    const auto t = std::find_if(tables.begin(), tables.end(), [&](const ReportTable& x) { return x.tmpl == sc.tmpl; });
    if (t == tables.end()) continue;
    std::vector<const TableCell*> cells;
    auto v = table_value(*t, sc.row, sc.col, &cells);
    // "None" against a row whose 总计 was not read: its applicant columns, when they were.
    bool by_columns = false;
    if (!v && sc.none && t->id == "T3" && sc.col == kColTotal) {
      cells.clear();
      const auto a = table_value(*t, sc.row, kColPerson, &cells), b = table_value(*t, sc.row, kColOrganisationsSum, &cells);
      if (a && b) v = *a + *b;
      by_columns = v.has_value();
    }
    if (!v) {
      unsplit(prose, *t, sc, r);
      continue;
    }
    const std::string said(utf8::trim(std::string_view(sc.para->text).substr(sc.from, sc.to - sc.from)));
    bool holds = sc.none ? *v == Decimal()
                 : sc.scope == StatedCell::Scope::part ? sc.value <= *v
                                                       : sc.value == *v;
    std::string cell = std::string(t->id) + "/" + std::string(sc.row) + "/" + std::string(sc.col);
    // A figure of applications received or handled (受理/办理/办结) may count this year's alone,
    // or with those carried over, or the handled ones: the reading that holds is said.
    std::string readings;
    if (!holds && !sc.none && sc.scope == StatedCell::Scope::same)
      for (const Reading& rd : kReadings) {
        if (!rd.applies(sc.row)) continue;
        std::vector<const TableCell*> used;
        const auto x = reading_value(*t, rd, sc.col, used);
        if (!x) continue;
        if (!readings.empty()) readings += "、";
        readings += std::string(rd.name) + x->to_string();
        if (*x != sc.value) continue;
        holds = true;
        v = x;
        cells = used;
        cell = std::string(t->id) + "/" + std::string(rd.name) + "/" + std::string(sc.col);
        break;
      }
    const char* scope = sc.none ? "none" : sc.scope == StatedCell::Scope::same ? "same" : sc.scope == StatedCell::Scope::part ? "part" : "other";
    r.figures.push_back({said, cell, v->to_string(), scope, holds});
    if (holds) continue;
    const std::string name = cell_name(*t, sc.row, sc.col);
    std::string message;
    Severity severity = Severity::error;
    if (sc.none) {
      message = "正文称“" + said + "”，但" +
                (by_columns ? std::string(table_title(t->id)) + "「" + std::string(sc.row) + "」各申请人列（「总计」未填写）合计为"
                            : name + "填报为") +
                v->to_string();
    } else if (sc.scope == StatedCell::Scope::part) {
      severity = Severity::warning;
      message = "正文所述部分单位的“" + said + "”大于" + name + "填报的总数" + v->to_string();
    } else if (sc.scope == StatedCell::Scope::other) {
      severity = Severity::warning;
      message = "正文所述“" + said + "”（统计口径可能不同）与" + name + "填报的" + v->to_string() + "不一致，请核对";
    } else {
      message = "正文所述“" + said + "”与" + name + "填报的" + v->to_string() + "不一致" +
                (readings.empty() ? std::string() : "（按" + readings + "也不相符）");
    }
    Finding f = make_finding(Rule::text_table, severity, message, prose.span(*sc.para, sc.start, sc.end));
    f.expected = *v;
    if (!sc.none) f.actual = sc.value;
    for (const TableCell* c : cells) f.related.push_back(c->span);
    r.findings.push_back(std::move(f));
  }
  township_rules(facts, tables, r.findings);
  return r;
}

}  // namespace nianbao
