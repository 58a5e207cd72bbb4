// A draft as the report's text (draft.hpp render_markdown): the title, the data period, the six
// sections with their mandated headings, the tables as pipe tables in the official layout (the
// shape converter markdown has, which the reader reads cell for cell), the sentences of 三 and
// 四 whose figures come from the tables, and the signature. A sentence says only what the
// tables settle: a figure left blank, or a breakdown that does not add up to its total (the
// table's own finding says so), is left out rather than written twice.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "draft/cells.hpp"
#include "draft/layout.hpp"
#include "lexicon/row_keys.hpp"
#include "nianbao/draft.hpp"
#include "text/text_figures.hpp"

namespace nianbao {

namespace {

using SV = std::string_view;
using Value = std::optional<Decimal>;
using namespace lexicon;

/// The draft's cells in the 2021 tables (draft_tables): a cell's value, or a row key or group's
/// total (text_figures table_value, as the text checks add them up).
class Cells {
 public:
  explicit Cells(const Draft& d) : tables_(draft::draft_tables(d.cells)) {}
  Value get(SV table, SV row, SV col) const {
    const auto* all = std::get_if<std::vector<ReportTable>>(&tables_);
    if (!all) return std::nullopt;
    for (const ReportTable& t : *all)
      if (t.id == table) return table_value(t, row, col);
    return std::nullopt;
  }

 private:
  std::variant<std::vector<ReportTable>, Error> tables_;
};

std::string text(const Value& v) { return v ? v->to_string() : std::string(); }

/// A body row's values as written: in a row with any value, a blank cell is "—" (so that the
/// reader places each value in its column, and says the cell is blank); a row with none is
/// left empty (not yet filled).
std::vector<std::string> row_values(const draft::Grid& g, const draft::GridRow& row, const Cells& cells) {
  std::vector<std::string> out;
  bool any = false;
  for (const draft::GridCell& c : row)
    if (c.is_value()) {
      out.push_back(text(cells.get(g.tmpl->id, c.row, c.col)));
      any = any || !out.back().empty();
    }
  if (any)
    for (std::string& v : out)
      if (v.empty()) v = std::string(draft::kBlank);
  return out;
}

void pipe_row(std::string& out, const std::vector<std::string>& cells) {
  out += '|';
  for (const std::string& c : cells) {
    out += ' ';
    out += c;
    out += c.empty() ? "|" : " |";
  }
  out += '\n';
}
void rule_row(std::string& out, std::size_t n) {
  out += '|';
  for (std::size_t i = 0; i < n; ++i) out += "---|";
  out += '\n';
}

/// A grid's rows as markdown rows: header cells at their columns (a merged cell's text in its
/// first column, the others left empty); a body row's labels in one cell, then its values.
/// `label_cols`: how many grid columns the labels take (one markdown column).
std::vector<std::vector<std::string>> rows_of(const draft::Grid& g, int label_cols, const Cells& cells) {
  const int width = label_cols ? g.columns - label_cols + 1 : g.columns;
  std::vector<std::vector<std::string>> out;
  std::vector<int> busy(static_cast<std::size_t>(g.columns), 0);  // rows a rowspan still covers
  for (const draft::GridRow& row : g.rows) {
    const bool body = std::any_of(row.begin(), row.end(), [](const draft::GridCell& c) { return c.is_value(); });
    std::vector<std::string> md;
    if (body) {
      std::string label;
      for (const draft::GridCell& c : row)
        if (!c.is_value() && !c.text.empty()) {
          if (!label.empty()) label += ' ';
          label += c.text;
        }
      if (label_cols) md.push_back(label);
      for (std::string& v : row_values(g, row, cells)) md.push_back(std::move(v));
    } else {
      md.assign(static_cast<std::size_t>(width), std::string());
      int col = 0;
      for (const draft::GridCell& c : row) {
        while (col < g.columns && busy[static_cast<std::size_t>(col)] > 0) ++col;
        const int at = !label_cols ? col : col < label_cols ? 0 : col - label_cols + 1;
        if (at < width && md[static_cast<std::size_t>(at)].empty()) md[static_cast<std::size_t>(at)] = std::string(c.text);
        for (int k = 0; k < c.colspan && col + k < g.columns; ++k) busy[static_cast<std::size_t>(col + k)] = c.rowspan;
        col += c.colspan;
      }
    }
    for (int& b : busy) if (b > 0) --b;
    out.push_back(std::move(md));
  }
  return out;
}

void table(std::string& out, const std::vector<std::vector<std::string>>& rows) {
  if (rows.empty()) return;
  std::size_t width = 0;
  for (const auto& r : rows) width = std::max(width, r.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::vector<std::string> r = rows[i];
    r.resize(width);
    pipe_row(out, r);
    if (i == 0) rule_row(out, width);
  }
  out += '\n';
}

void t2(std::string& out, const draft::Grid& g, const Cells& cells) {
  // One pipe table per 第二十条 block (its caption the first row); a value that spans the
  // block's columns is one cell.
  std::vector<std::vector<std::string>> block;
  for (const draft::GridRow& row : g.rows) {
    const bool caption = row.size() == 1 && row[0].header && row[0].colspan == g.columns;
    if (caption && !block.empty()) { table(out, block); block.clear(); }
    std::vector<std::string> r;
    for (const draft::GridCell& c : row)
      if (!c.is_value()) r.push_back(std::string(c.text));
    for (std::string& v : row_values(g, row, cells)) r.push_back(std::move(v));
    block.push_back(std::move(r));
  }
  if (!block.empty()) table(out, block);
}

/// Appends "<sep><what>N件" to a sentence (its first clause opens with `first` instead).
void clause(std::string& s, SV first, SV sep, SV what, const Decimal& n) {
  s += s.empty() ? first : sep;
  s += what;
  s += n.to_string();
  s += "件";
}

/// "，其中A a件、B b件…" when every part is known and they add up to `total`; else nothing.
void breakdown(std::string& s, const std::vector<std::pair<SV, Value>>& parts, const Decimal& total) {
  Decimal sum;
  for (const auto& [name, v] : parts) {
    if (!v) return;
    sum += *v;
  }
  if (sum != total) return;
  std::string out;
  for (const auto& [name, v] : parts) clause(out, "，其中", "、", name, *v);
  s += out;
}

std::string t3_sentence(const Cells& c) {
  const auto t = [&](SV row) { return c.get("T3", row, kColTotal); };
  std::string s;
  if (const Value v = t(kT3New)) clause(s, "本年度", "，", "新收政府信息公开申请", *v);
  if (const Value v = t(kT3Carried)) clause(s, "本年度", "，", "上年结转", *v);
  if (const Value done = t(kT3Handled)) {
    clause(s, "本年度", "；", "办结", *done);
    breakdown(s, {{"予以公开", t(kT3Opened)}, {"部分公开", t(kT3PartlyOpened)}, {"不予公开", t(kT3Refused)},
                  {"无法提供", t(kT3Unavailable)}, {"不予处理", t(kT3NotProcessed)}, {"其他处理", t(kT3Other)}},
              *done);
  }
  if (const Value v = t(kT3CarriedOn)) clause(s, "本年度", "；", "结转下年度继续办理", *v);
  return s.empty() ? s : s + "。";
}

std::string t4_sentence(const Cells& c) {
  const auto parts = [&](SV row) {
    std::vector<std::pair<SV, Value>> out;
    for (SV p : {SV("结果维持"), SV("结果纠正"), SV("其他结果"), SV("尚未审结")}) out.emplace_back(p, c.get("T4", row, p));
    return out;
  };
  std::string s;
  if (const Value total = c.get("T4", kT4Review, kColTotal)) {
    clause(s, "本年度因政府信息公开工作", "", "被申请行政复议", *total);
    breakdown(s, parts(kT4Review), *total);
  }
  const Value d = c.get("T4", "行政诉讼/未经复议直接起诉", kColTotal), a = c.get("T4", "行政诉讼/复议后起诉", kColTotal);
  if (d && a) {
    clause(s, "本年度因政府信息公开工作", "；", "被提起行政诉讼", *d + *a);
    breakdown(s, {{"未经复议直接起诉", d}, {"复议后起诉", a}}, *d + *a);
  }
  return s.empty() ? s : s + "。";
}

/// A written section's text: its paragraphs (blank lines between), trimmed.
void paragraphs(std::string& out, std::string_view text) {
  std::size_t at = 0;
  while (at <= text.size()) {
    std::size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(at, nl - at);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (!line.empty()) { out += line; out += "\n\n"; }
    at = nl + 1;
  }
}

}  // namespace

std::string render_markdown(const Draft& d) {
  const Cells cells(d);
  const std::string year = std::to_string(d.year);
  std::string out;
  out += d.agency + year + "年政府信息公开工作年度报告\n\n";
  out += "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》编制。"
         "本报告中所列数据的统计期限自" + year + "年1月1日起至" + year + "年12月31日止。\n\n";
  const auto grids = draft::grids_2021();
  const auto grid = [&](SV id) -> const draft::Grid* {
    for (const draft::Grid& g : grids) if (g.tmpl->id == id) return &g;
    return nullptr;
  };
  out += "一、总体情况\n\n";
  paragraphs(out, d.overview);
  out += "二、主动公开政府信息情况\n\n";
  if (const auto* g = grid("T2")) t2(out, *g, cells);
  out += "三、收到和处理政府信息公开申请情况\n\n";
  if (const std::string s = t3_sentence(cells); !s.empty()) out += s + "\n\n";
  if (const auto* g = grid("T3")) table(out, rows_of(*g, 3, cells));
  out += "四、政府信息公开行政复议、行政诉讼情况\n\n";
  if (const std::string s = t4_sentence(cells); !s.empty()) out += s + "\n\n";
  if (const auto* g = grid("T4")) table(out, rows_of(*g, 0, cells));
  out += "五、存在的主要问题及改进情况\n\n";
  paragraphs(out, d.problems);
  out += "六、其他需要报告的事项\n\n";
  paragraphs(out, d.other);
  out += d.agency + "\n";
  if (!d.date.empty()) out += "\n" + d.date + "\n";
  return out;
}

}  // namespace nianbao
