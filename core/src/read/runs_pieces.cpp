// The PDF reader: the pieces the layout is made of. Glyph widths measured on the document's
// items, items split into words with estimated positions, the document's line spacing, and the
// tests on a piece's text (a table number, a numbered line).
#include "read/runs_pieces.hpp"

#include <algorithm>
#include <cmath>

#include "util/utf8.hpp"

namespace nianbao::runs {

namespace {

/// An item of table numbers only ("3001", "0 0 12"): its words are all numeric_word.
bool numeric_item(std::string_view t) {
  bool any = false;
  for (std::size_t i = 0; i < t.size();) {
    std::size_t j = t.find(' ', i);
    if (j == std::string_view::npos) j = t.size();
    if (j > i) {
      if (!numeric_word(t.substr(i, j - i))) return false;
      any = true;
    }
    i = j + 1;
  }
  return any;
}

bool ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// The smallest ratio (in 1/50 of a height) that is common among `ratios` (at least 3 times and
/// 5% of them), or 0. Sorts `ratios`.
int common_ratio(std::vector<int>& ratios) {
  std::sort(ratios.begin(), ratios.end());
  const std::size_t need = std::max<std::size_t>(3, ratios.size() / 20);
  for (std::size_t i = 0; i < ratios.size();) {
    std::size_t j = i;
    while (j < ratios.size() && ratios[j] == ratios[i]) ++j;
    if (j - i >= need) return ratios[i];
    i = j;
  }
  return 0;
}

}  // namespace

double median(std::vector<float>& v, double fallback) {
  if (v.empty()) return fallback;
  auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

Widths calibrate(const Parsed& p) {
  constexpr std::size_t kSamples = 65536;
  std::vector<float> wide, narrow;
  for (const Item& it : p.items) {
    if (wide.size() >= kSamples && narrow.size() >= kSamples) break;
    if (!(it.h > 0) || !(it.w > 0)) continue;
    const std::string_view t = std::string_view(p.text).substr(it.begin, it.len);
    std::size_t nw = 0, nn = 0;
    bool sep = false;
    for (std::size_t i = 0; i < t.size() && !sep;) {
      std::size_t len = 0;
      const char32_t c = utf8::decode(t, i, len);
      sep = is_separator(c);
      (is_wide(c) ? nw : nn) += 1;
      i += len;
    }
    if (sep) continue;
    const double per_em = it.w / it.h;
    if (nw && !nn && wide.size() < kSamples) wide.push_back(static_cast<float>(per_em / static_cast<double>(nw)));
    if (nn && !nw && narrow.size() < kSamples) narrow.push_back(static_cast<float>(per_em / static_cast<double>(nn)));
  }
  Widths w;
  w.wide = std::clamp(median(wide, 1.0), 0.5, 1.5);
  w.narrow = std::clamp(median(narrow, 0.55), 0.2, 1.2);
  return w;
}

/// A table number (or blank marker) as the text reader takes it: "217", "-3", "35.6", "—".
bool numeric_word(std::string_view t) {
  if (t == "—" || t == "-" || t == "/" || t == "－" || t == "／") return true;
  std::size_t i = 0;
  bool digit = false;
  if (t.substr(0, 1) == "-") i = 1;
  else if (t.substr(0, 3) == "－") i = 3;
  while (i < t.size()) {
    std::size_t len = 0;
    const char32_t c = utf8::decode(t, i, len);
    if ((c >= U'0' && c <= U'9') || (c >= 0xFF10 && c <= 0xFF19)) digit = true;
    else if (c != U'.' && c != U',' && c != 0xFF0E && c != 0xFF0C) return false;
    i += len;
  }
  return digit;
}

/// Joins two pieces of wrapped text: directly, or with a space between two Latin words.
void join_text(std::string& a, std::string_view b) {
  if (!a.empty() && !b.empty() && ascii_alnum(a.back()) && ascii_alnum(b.front())) a += ' ';
  a += b;
}

/// A line that begins a heading or an item: 一、 （一） (1) 1. 1、 (not "1.5").
bool starts_numbered(std::string_view t) {
  std::size_t i = 0, n = 0;
  bool bracket = false;
  if (t.substr(0, 3) == "（") { i = 3; bracket = true; }
  else if (t.substr(0, 1) == "(") { i = 1; bracket = true; }
  while (i < t.size()) {
    std::size_t len = 0;
    const char32_t c = utf8::decode(t, i, len);
    if (!((c >= U'0' && c <= U'9') || std::u32string_view(U"一二三四五六七八九十〇零").find(c) != std::u32string_view::npos)) break;
    i += len;
    ++n;
  }
  if (n == 0 || n > 4) return false;
  const std::string_view rest = t.substr(i);
  if (bracket) return rest.substr(0, 3) == "）" || rest.substr(0, 1) == ")";
  if (rest.substr(0, 3) == "、" || rest.substr(0, 3) == "．") return true;
  return rest.substr(0, 1) == "." && !(rest.size() > 1 && rest[1] >= '0' && rest[1] <= '9');
}

void split_item(const Parsed& p, const Item& it, std::uint32_t index, double h, const Widths& wd,
                std::vector<Piece>& out) {
  struct Word {
    std::uint32_t begin, len, cols;
    double em;
  };
  std::vector<Word> words;
  const std::string_view t = std::string_view(p.text).substr(it.begin, it.len);
  bool in_word = false;
  for (std::size_t i = 0; i < t.size();) {
    std::size_t len = 0;
    const char32_t c = utf8::decode(t, i, len);
    if (is_separator(c)) {
      in_word = false;
    } else {
      if (!in_word) words.push_back({it.begin + static_cast<std::uint32_t>(i), 0, 0, 0});
      in_word = true;
      Word& w = words.back();
      w.len = static_cast<std::uint32_t>(i + len) - (w.begin - it.begin);
      const bool wide = is_wide(c);
      w.cols += wide ? 2 : 1;
      w.em += wide ? wd.wide : wd.narrow;
    }
    i += len;
  }
  if (words.empty()) return;
  const double width = it.w > 0 ? it.w : 0;
  double total = 0;
  for (const Word& w : words) total += w.em * h;
  const double gaps = static_cast<double>(words.size() - 1);
  double space = gaps > 0 ? (width - total) / gaps : 0, scale = 1;
  if (gaps > 0 && space < 0.1 * h) {  // the glyphs are narrower than estimated: shrink them
    space = 0.1 * h;
    scale = total > 0 ? std::max(0.0, width - gaps * space) / total : 0;
  }
  double x = it.x;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const Word& w = words[k];
    Piece pc{};
    pc.x = x;
    pc.w = words.size() == 1 ? width : w.em * h * scale;
    pc.h = h;
    pc.y = it.y;
    pc.begin = w.begin;
    pc.len = w.len;
    pc.item = pc.last_item = index;
    pc.cols = w.cols;
    pc.item_first = k == 0;
    pc.item_last = k + 1 == words.size();
    pc.numeric = numeric_word(std::string_view(p.text).substr(w.begin, w.len));
    if (pc.item_last && k > 0) pc.x = std::max(x, it.x + width - pc.w);  // the item's end is exact
    out.push_back(pc);
    x = pc.x + pc.w + space;
  }
}

LinePitch line_pitch(const Parsed& p) {
  std::vector<std::pair<int, int>> ratios;  // (height key, ratio in 1/50 of a height)
  std::vector<std::pair<float, float>> lines;  // baseline, height
  for (const Page& pg : p.pages) {
    lines.clear();
    for (std::size_t i = pg.first; i < pg.last; ++i)
      if (p.items[i].h > 0 && !numeric_item(std::string_view(p.text).substr(p.items[i].begin, p.items[i].len)))
        lines.emplace_back(p.items[i].y, p.items[i].h);  // lines of text: a row of numbers is set apart from its label
    std::sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;  // a total order: the same in every build
    });
    std::size_t prev = 0;
    for (std::size_t i = 1; i < lines.size(); ++i) {
      const double gap = lines[prev].first - lines[i].first, h = lines[i].second;
      if (gap <= 0.3 * h) continue;  // the same line
      if (std::abs(lines[prev].second - h) <= 0.05 * h && gap >= 1.05 * h && gap <= 2.2 * h)
        ratios.emplace_back(LinePitch::key(h), static_cast<int>(gap / h * 50 + 0.5));
      prev = i;
    }
  }
  LinePitch out;
  std::vector<int> all, one;
  for (const auto& r : ratios) all.push_back(r.second);
  if (const int c = common_ratio(all)) out.all = c / 50.0;
  std::sort(ratios.begin(), ratios.end());
  for (std::size_t i = 0; i < ratios.size();) {
    std::size_t j = i;
    one.clear();
    for (; j < ratios.size() && ratios[j].first == ratios[i].first; ++j) one.push_back(ratios[j].second);
    if (const int c = common_ratio(one)) out.sizes.emplace_back(ratios[i].first, c / 50.0);
    i = j;
  }
  return out;
}

}  // namespace nianbao::runs
