// Report text that arrives flattened or wrapped (internal; Prose and the outline use it): a
// crawler's header block
// (标题:, 发布时间:, 发布机构:, …, a line of ====) and a body crawled onto one line, where the
// headings, the paragraphs between them and the signature stand inline:
// "…的通知》要求编制。一、总体情况2023年，…（一）主动公开方面…六、其他需要报告的事项2023年，无收取
// 信息处理费情况。 平潭综合实验区财政金融局 2022年1月13日".
#include <algorithm>
#include <array>
#include <cctype>

#include "narrative/narrative_rules.hpp"
#include "tables/templates.hpp"
#include "util/utf8.hpp"

namespace nianbao {

namespace {

using namespace std::string_view_literals;

using utf8::is_digit;

/// The keys of a crawler's header lines ("发布时间: 2024-03-08 15:34").
constexpr std::array kHeaderKeys = {"标题"sv,     "发布时间"sv, "发布日期"sv, "成文日期"sv, "文号"sv,     "发文字号"sv, "发布机构"sv,
                                    "发文机关"sv, "来源"sv,     "信息来源"sv, "栏目"sv,     "原文链接"sv, "本地目录"sv, "索引号"sv,
                                    "主题分类"sv, "作者"sv,     "链接"sv,     "网址"sv};

/// What ends the words of a section heading written inline ("五、存在的主要问题及改进措施").
constexpr std::array kHeadingEnds = {"情况"sv, "措施"sv, "事项"sv, "计划"sv};
constexpr std::string_view kNumerals = "一二三四五六七八九十";

bool is_numeral(std::string_view t, std::size_t at) {
  if (at + 3 > t.size()) return false;
  const std::size_t k = kNumerals.find(t.substr(at, 3));
  return k != std::string_view::npos && k % 3 == 0;
}

/// A line of one repeated mark ("==== 正文 ====", "------"): the crawler's separator.
bool is_separator(std::string_view t) {
  std::size_t marks = 0;
  for (char c : t) marks += c == '=' || c == '-' || c == '*' || c == '#';
  return marks >= 6 && marks * 2 >= t.size() / 2;
}

/// A date ending t[0, end) ("…管理局2024年1月3日"): where it starts, or npos.
std::size_t date_at_end(std::string_view t) {
  // (Only its last bytes can hold a date that ends it: "2024年12月31日" is 20.)
  const std::size_t from = t.size() > 40 ? t.size() - 40 : 0;
  for (std::size_t y = utf8::find(t, "年", from); y != std::string_view::npos; y = utf8::find(t, "年", y + 3)) {
    if (y < 4 || !std::all_of(t.begin() + static_cast<long>(y - 4), t.begin() + static_cast<long>(y), is_digit)) continue;
    if (whole_date(t.substr(y - 4))) return y - 4;
  }
  return std::string_view::npos;
}

struct Heading {
  std::size_t start, end;
};

/// The six sections' headings written inside a line: a number 一 … 六 and 、, then words that end
/// in 情况/措施/事项/计划 before any digit, space or punctuation, and name a section (outline.cpp).
/// The table's own row labels ("一、本年新收政府信息公开申请数量80…", "三、本年度办理结果（一）…")
/// end otherwise.
std::vector<Heading> inline_headings(std::string_view t) {
  std::vector<Heading> out;
  for (std::size_t c = utf8::find(t, "、"); c != std::string_view::npos; c = utf8::find(t, "、", c + 3)) {
    std::size_t b = c;
    while (b >= 3 && c - b < 6 && is_numeral(t, b - 3)) b -= 3;
    if (b == c) continue;
    const auto n = small_number(to_u32(t.substr(b, c - b)));
    if (!n || *n > 6) continue;
    const std::size_t a = c + 3;
    std::size_t end = std::string_view::npos;
    for (std::size_t i = a; i < t.size() && i - a <= 90;) {
      const char ch = t[i];
      if (is_digit(ch) || ch == ' ' || ch == ',' || ch == ';' || ch == ':' || ch == '(' || ch == '.' || t.compare(i, 3, "。") == 0) break;
      std::size_t len = 0;
      utf8::decode(t, i, len);
      i += len;
      const std::string_view words = t.substr(a, i - a);
      if (std::any_of(kHeadingEnds.begin(), kHeadingEnds.end(), [&](std::string_view e) { return words.ends_with(e); })) {
        end = i;
        break;
      }
    }
    if (end == std::string_view::npos || section_of(t.substr(a, end - a)) == 0) continue;
    // A list of the parts in the preamble ("报告包括一、总体情况，二、…") names headings, it has none.
    if (end < t.size() && (t[end] == ',' || t[end] == ';' || t.compare(end, 3, "、") == 0 || t.compare(end, 3, "等") == 0)) continue;
    out.push_back({b, end});
  }
  return out;
}

bool opens_item(std::string_view t, std::size_t at, std::size_t from) {
  if (at == from) return true;
  const char before = t[at - 1];
  if (before == ' ' || before == ';' || before == ':') return true;
  return at >= 3 && t.compare(at - 3, 3, "。") == 0;
}

/// Splits t[a, b) at "(一)" items that open a sentence (not "第(一)项", not a table row's).
void split_items(std::string_view t, std::size_t a, std::size_t b, std::vector<std::pair<std::size_t, std::size_t>>& out) {
  std::size_t from = a;
  for (std::size_t i = t.find('(', a); i < b; i = t.find('(', i + 1)) {
    std::size_t k = i + 1;
    while (k < b && is_numeral(t, k)) k += 3;
    if (k == i + 1 || k >= b || t[k] != ')' || k + 1 >= b || is_digit(t[k + 1])) continue;
    if (!opens_item(t, i, a)) continue;
    if (i > from) out.emplace_back(from, i);
    from = i;
  }
  if (b > from) out.emplace_back(from, b);
}

/// Splits t[a, b) after each 。 and at items: the text around a table (which has neither) apart
/// from it.
void split_sentences(std::string_view t, std::size_t a, std::size_t b, std::vector<std::pair<std::size_t, std::size_t>>& out) {
  std::size_t from = a;
  for (std::size_t p = utf8::find(t.substr(0, b), "。", a); p != std::string_view::npos; p = utf8::find(t.substr(0, b), "。", p + 3)) {
    split_items(t, from, p + 3, out);
    from = p + 3;
  }
  if (b > from) split_items(t, from, b, out);
}

/// Splits t[a, b) at runs of spaces.
void split_spaces(std::string_view t, std::size_t a, std::size_t b, std::vector<std::pair<std::size_t, std::size_t>>& out) {
  std::size_t from = a;
  for (std::size_t i = a; i <= b; ++i) {
    if (i < b && t[i] != ' ') continue;
    if (i > from) out.emplace_back(from, i);
    from = i + 1;
  }
}

/// The signature after the last sentence of a flattened body: " 平潭综合实验区财政金融局 2022年1月13日",
/// "…管理局2024年1月3日 （此件主动公开）": the body, the date and what follows, each a piece.
void split_tail(std::string_view t, std::size_t a, std::size_t b, std::vector<std::pair<std::size_t, std::size_t>>& out) {
  std::size_t last = std::string_view::npos;
  for (std::size_t p = utf8::find(t.substr(0, b), "。", a); p != std::string_view::npos; p = utf8::find(t.substr(0, b), "。", p + 3)) last = p;
  const std::size_t rest = last == std::string_view::npos ? b : last + 3;
  std::vector<std::pair<std::size_t, std::size_t>> words;
  split_spaces(t, rest, b, words);
  bool dated = false;
  for (const auto& [x, y] : words) dated = dated || date_at_end(t.substr(x, y - x)) != std::string_view::npos;
  if (!dated || rest == a) {
    split_items(t, a, b, out);
    return;
  }
  split_items(t, a, rest, out);
  for (const auto& [x, y] : words) {
    const std::size_t d = date_at_end(t.substr(x, y - x));
    if (d != std::string_view::npos && d > 0) {
      out.emplace_back(x, x + d);
      out.emplace_back(x + d, y);
    } else {
      out.emplace_back(x, y);
    }
  }
}

}  // namespace

HeaderLine header_line(std::string_view t, std::size_t& value) {
  value = 0;
  if (is_separator(t)) return HeaderLine::separator;
  const std::size_t colon = t.find(':');
  if (colon == std::string_view::npos || colon > 15) return HeaderLine::none;
  const std::string_view key = utf8::trim(t.substr(0, colon));
  if (std::find(kHeaderKeys.begin(), kHeaderKeys.end(), key) == kHeaderKeys.end()) return HeaderLine::none;
  value = colon + 1;
  while (value < t.size() && t[value] == ' ') ++value;
  return key == "标题" ? HeaderLine::title : HeaderLine::field;
}

std::vector<std::pair<std::size_t, std::size_t>> flat_pieces(std::string_view t, const std::function<bool(std::size_t, std::size_t)>& has_cells) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  const std::vector<Heading> heads = inline_headings(t);
  if (heads.size() < 2) return out;
  // Before the first heading: the title, the preamble (and a breadcrumb), split where the crawl
  // kept the line breaks as spaces.
  split_spaces(t, 0, heads.front().start, out);
  for (std::size_t h = 0; h < heads.size(); ++h) {
    out.emplace_back(heads[h].start, heads[h].end);
    const std::size_t a = heads[h].end, b = h + 1 < heads.size() ? heads[h + 1].start : t.size();
    if (a >= b) continue;
    if (has_cells(a, b)) split_sentences(t, a, b, out);  // a table, and the text around it
    else if (h + 1 == heads.size()) split_tail(t, a, b, out);
    else split_items(t, a, b, out);
  }
  // Trimmed, without empty pieces.
  std::vector<std::pair<std::size_t, std::size_t>> trimmed;
  for (auto [a, b] : out) {
    while (a < b && t[a] == ' ') ++a;
    while (b > a && t[b - 1] == ' ') --b;
    if (b > a) trimmed.emplace_back(a, b);
  }
  return trimmed;
}

namespace {
/// The row labels of 表三 numbered like headings ("一、本年新收政府信息公开申请数量"), read as lines
/// when the table is not: never headings.
constexpr PhraseSet kTableRowLabels{"本年新收政府信息公开申请数量|上年结转政府信息公开申请数量|本年度办理结果|结转下年度继续办理"};
}  // namespace

bool table_row_label(std::string_view words) { return kTableRowLabels.find(words) == 0; }

/// A numbered line that is (the start of) a label of 表三 printed outside its table by a
/// converter ("(四)无", "2.其他法律行政法规禁", "(二)部分公开(区分处理的,只"): not a heading.
bool table_label_fragment(std::string_view line) {
  static const std::vector<std::string> labels = [] {
    std::vector<std::string> out;
    for (Format f : {Format::f2021, Format::f2019})
      for (const TableTemplate* t : templates_for(f)) {
        if (t->id != "T3") continue;
        for (const RowDef& r : t->rows) {
          std::string l(r.label);
          for (auto [from, to] : {std::pair{"（"sv, "("sv}, std::pair{"）"sv, ")"sv}, std::pair{"，"sv, ","sv}})
            for (std::size_t k = l.find(from); k != std::string::npos; k = l.find(from, k)) l.replace(k, from.size(), to);
          out.push_back(std::move(l));
        }
      }
    return out;
  }();
  if (line.size() < 4) return false;
  return std::any_of(labels.begin(), labels.end(), [&](const std::string& l) { return l.size() > line.size() && starts_with(l, line); });
}

// ---- wrapped lines (Prose::reflow) ------------------------------------------------------------

namespace {

/// How wide a line of running text is, in half-width columns: Chinese characters and the
/// punctuation NFKC made ASCII count two, letters and digits one, spaces none.
std::size_t columns(std::string_view t) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < t.size();) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (c < 0x80) {
      w += c == ' ' ? 0 : (std::isalnum(c) ? 1 : 2);
      ++i;
    } else {
      w += 2;
      i += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    }
  }
  return w;
}

bool ends_sentence(std::string_view t) {
  while (!t.empty() && (t.ends_with("”") || t.ends_with(")") || t.ends_with("\"") || t.ends_with("’"))) {
    if (t.ends_with(")") && !t.ends_with("。)")) break;  // "(以下简称《条例》)" ends no sentence
    t.remove_suffix(t.ends_with(")") || t.ends_with("\"") ? 1 : 3);
  }
  return t.ends_with("。") || t.ends_with(";") || t.ends_with(":") || t.ends_with("!") || t.ends_with("?") || t.ends_with("；");
}

/// A line that starts an item or heading: 一、 (一) 1. 1、 一是 (never a wrapped line's rest).
bool starts_item(std::string_view t) {
  if (t.starts_with("(")) return true;
  std::size_t i = 0;
  while (i < t.size() && i < 3 && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
  if (i > 0 && i < t.size() && (t[i] == '.' || t.substr(i, 3) == "、") && !(i + 1 < t.size() && std::isdigit(static_cast<unsigned char>(t[i + 1]))))
    return true;
  static constexpr std::string_view kNumerals = "一二三四五六七八九十";
  std::size_t k = 0;
  while (k + 3 <= t.size() && k < 9 && kNumerals.find(t.substr(k, 3)) != std::string_view::npos && kNumerals.find(t.substr(k, 3)) % 3 == 0) k += 3;
  return k > 0 && (t.substr(k, 3) == "、" || t.substr(k, 3) == "是");
}

}  // namespace

void Prose::reflow(std::vector<Kind>& kinds) {
  // A wrapped document: most lines of its running text are about as wide as the widest.
  std::vector<std::size_t> widths;
  for (std::size_t i = 0; i < all_.size(); ++i)
    if (kinds[i] == Kind::body && all_[i]->text.size() >= 45) widths.push_back(columns(all_[i]->text));
  if (widths.size() < 8) return;
  std::vector<std::size_t> sorted = widths;
  std::sort(sorted.begin(), sorted.end());
  const std::size_t full = sorted[sorted.size() * 3 / 4];
  const auto near = std::count_if(widths.begin(), widths.end(), [&](std::size_t w) { return w + 6 >= full && w <= full + 2; });
  if (static_cast<std::size_t>(near) * 100 < widths.size() * 45 || full > 160) return;
  std::vector<const Paragraph*> out;
  std::vector<Kind> out_kinds;
  for (std::size_t i = 0; i < all_.size(); ++i) {
    std::size_t j = i;
    // Lines i..j: each but the last fills the line and ends no sentence; the next starts no item.
    while (j + 1 < all_.size() && kinds[j] == Kind::body && kinds[j + 1] == Kind::body && columns(all_[j]->text) + 6 >= full &&
           !ends_sentence(all_[j]->text) && !starts_item(all_[j + 1]->text))
      ++j;
    if (j == i) {
      out.push_back(all_[i]);
      out_kinds.push_back(kinds[i]);
      continue;
    }
    Paragraph x;
    Joined jn{nullptr, {}};
    for (std::size_t k = i; k <= j; ++k) {
      jn.parts.emplace_back(x.text.size(), all_[k]->offset);
      x.text += all_[k]->text;
    }
    x.offset = all_[i]->offset;
    x.span = all_[i]->span;
    x.span.end = all_[j]->span.end;
    owned_.push_back(std::move(x));
    jn.p = &owned_.back();
    joined_.push_back(std::move(jn));
    out.push_back(&owned_.back());
    out_kinds.push_back(Kind::body);
    i = j;
  }
  all_ = std::move(out);
  kinds = std::move(out_kinds);
  std::sort(joined_.begin(), joined_.end(), [](const Joined& a, const Joined& b) { return std::less<const Paragraph*>()(a.p, b.p); });
}

}  // namespace nianbao
