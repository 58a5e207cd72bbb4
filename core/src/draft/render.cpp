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
#include <vector>

#include "draft/layout.hpp"
#include "nianbao/draft.hpp"

namespace nianbao {

namespace {

using SV = std::string_view;
using Value = std::optional<Decimal>;

class Cells {
 public:
  explicit Cells(const Draft& d) : cells_(d.cells) {}
  Value get(SV table, SV row, SV col) const {
    // The last one given of a cell counts, as with corrections (a draft has about 200 cells).
    for (auto it = cells_.rbegin(); it != cells_.rend(); ++it)
      if (it->table == table && it->row == row && it->col == col) return it->value;
    return std::nullopt;
  }
  /// The sum of cells, nothing when one of them is blank.
  Value sum(SV table, std::initializer_list<SV> rows, SV col) const {
    Decimal total;
    for (SV r : rows) {
      const Value v = get(table, r, col);
      if (!v) return std::nullopt;
      total += *v;
    }
    return total;
  }

 private:
  const std::vector<CellCorrection>& cells_;
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

constexpr SV kT3Total = "总计";

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
  const auto t = [&](SV row) { return c.get("T3", row, kT3Total); };
  const auto sum = [&](std::initializer_list<SV> rows) { return c.sum("T3", rows, kT3Total); };
  std::string s;
  if (const Value v = t("一、本年新收政府信息公开申请数量")) clause(s, "本年度", "，", "新收政府信息公开申请", *v);
  if (const Value v = t("二、上年结转政府信息公开申请数量")) clause(s, "本年度", "，", "上年结转", *v);
  if (const Value done = t("（七）总计")) {
    clause(s, "本年度", "；", "办结", *done);
    breakdown(s, {{"予以公开", t("（一）予以公开")},
                  {"部分公开", t("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")},
                  {"不予公开", sum({"（三）不予公开/1.属于国家秘密", "（三）不予公开/2.其他法律行政法规禁止公开",
                                   "（三）不予公开/3.危及“三安全一稳定”", "（三）不予公开/4.保护第三方合法权益",
                                   "（三）不予公开/5.属于三类内部事务信息", "（三）不予公开/6.属于四类过程性信息",
                                   "（三）不予公开/7.属于行政执法案卷", "（三）不予公开/8.属于行政查询事项"})},
                  {"无法提供", sum({"（四）无法提供/1.本机关不掌握相关政府信息", "（四）无法提供/2.没有现成信息需要另行制作",
                                   "（四）无法提供/3.补正后申请内容仍不明确"})},
                  {"不予处理", sum({"（五）不予处理/1.信访举报投诉类申请", "（五）不予处理/2.重复申请", "（五）不予处理/3.要求提供公开出版物",
                                   "（五）不予处理/4.无正当理由大量反复申请", "（五）不予处理/5.要求行政机关确认或重新出具已获取信息"})},
                  {"其他处理", sum({"（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                                   "（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                                   "（六）其他处理/3.其他"})}},
              *done);
  }
  if (const Value v = t("四、结转下年度继续办理")) clause(s, "本年度", "；", "结转下年度继续办理", *v);
  return s.empty() ? s : s + "。";
}

std::string t4_sentence(const Cells& c) {
  const auto parts = [&](SV row) {
    std::vector<std::pair<SV, Value>> out;
    for (SV p : {SV("结果维持"), SV("结果纠正"), SV("其他结果"), SV("尚未审结")}) out.emplace_back(p, c.get("T4", row, p));
    return out;
  };
  std::string s;
  if (const Value total = c.get("T4", "行政复议", "总计")) {
    clause(s, "本年度因政府信息公开工作", "", "被申请行政复议", *total);
    breakdown(s, parts("行政复议"), *total);
  }
  const Value d = c.get("T4", "行政诉讼/未经复议直接起诉", "总计"), a = c.get("T4", "行政诉讼/复议后起诉", "总计");
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
