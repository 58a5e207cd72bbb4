// Run-together cells: reading the text. A row's label by its characters (punctuation and
// spaces passed over), the numbers that follow it (runtogether_text.hpp), and where runs of
// numbers start in the document's paragraphs (number_runs), lines of one number each joined.
#include "tables/runtogether_text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>

#include "util/strings.hpp"
#include "read/normalize.hpp"
#include "tables/runtogether.hpp"
#include "util/number.hpp"

namespace nianbao::runtogether {

std::size_t label_ending_at(const std::string& t, std::size_t e, const std::u32string& core) {
  std::size_t at = e;
  for (std::size_t k = core.size(); k-- > 0;) {
    char32_t c = 0;
    do {  // the label character before `at`
      if (at == 0) return std::string::npos;
      at = char_before(t, at);
      std::size_t len = 0;
      c = utf8::decode(t, at, len);
    } while (!is_label_char(c));
    if (c != core[k]) return std::string::npos;
  }
  return at;
}

std::size_t find_label(const std::string& t, const std::u32string& core) {
  if (core.empty() || !is_label_char(core[0])) {  // (never so for a template label)
    for (std::size_t i = 0; i < t.size();) {
      std::size_t len = 0;
      if (is_label_char(utf8::decode(t, i, len))) return core.empty() ? i : std::string::npos;
      i += len;
    }
    return std::string::npos;
  }
  std::string first;
  utf8::append(first, core[0]);
  // Where the first character stands (its bytes match only there: UTF-8), then the others.
  for (std::size_t i = utf8::find(t, first); i != std::string::npos; i = utf8::find(t, first, i + first.size())) {
    {
      std::size_t j = i + first.size(), k = 1;
      while (k < core.size() && j < t.size()) {
        std::size_t l = 0;
        const char32_t d = utf8::decode(t, j, l);
        j += l;
        if (!is_label_char(d)) continue;
        if (d != core[k]) break;
        ++k;
      }
      if (k == core.size()) return i;
    }
  }
  return std::string::npos;
}

namespace {

/// A number token at byte `k` of `t`: digits, a decimal point between digits, a minus before
/// a digit, blank markers ("—"), as units appended to `a`. Returns the byte after it (`k` when
/// there is none) and whether it had a digit or a blank marker.
std::size_t read_token(const std::string& t, std::size_t k, After& a, bool& any) {
  std::size_t e = k;
  while (e < t.size()) {
    if (is_digit(t[e])) {
      a.digits += t[e];
      a.ranges.push_back({e, e + 1});
      any = true;
      ++e;
    } else if ((t[e] == '.' && e > k && is_digit(t[e - 1]) && e + 1 < t.size() && is_digit(t[e + 1])) ||
               (t[e] == '-' && e + 1 < t.size() && is_digit(t[e + 1]))) {
      a.digits += t[e];
      a.ranges.push_back({e, e + 1});
      ++e;
    } else if (starts_with(std::string_view(t).substr(e), "—")) {
      a.digits += 'x';
      a.ranges.push_back({e, e + 3});
      e += 3;
    } else {
      break;
    }
  }
  return e;
}

}  // namespace

std::optional<After> read_after(const std::string& t, std::size_t at, bool unit_first, bool amount) {
  std::size_t i = at;
  // Closing brackets and quotes that end a label: "…其他情形）", "…稳定”".
  for (bool more = true; more;) {
    more = false;
    for (std::string_view p : {")", "]", "”", "\"", "’", "」", "】", ":"})
      if (starts_with(std::string_view(t).substr(i), p)) { i += p.size(); more = true; }
  }
  if (unit_first)
    for (std::string_view u : kUnitWords)
      if (starts_with(std::string_view(t).substr(i), u) && i + u.size() < t.size() && is_digit(t[i + u.size()])) {
        i += u.size();
        break;
      }
  After a;
  bool any = false;
  std::size_t e = i;
  for (bool first = true;; first = false) {
    std::size_t k = e;
    bool line_break = false;
    for (; k < t.size() && (t[k] == ' ' || t[k] == '\n'); ++k) line_break = line_break || t[k] == '\n';
    if (!first && k == e) break;
    After tok;
    bool tok_any = false;
    const std::size_t te = read_token(t, k, tok, tok_any);
    if (te == k || (tok.digits == "-")) break;
    if (!first) {
      a.digits += line_break ? '|' : ' ';
      a.ranges.push_back({e, k});
    }
    a.digits += tok.digits;
    a.ranges.insert(a.ranges.end(), tok.ranges.begin(), tok.ranges.end());
    any = any || tok_any;
    e = te;
  }
  // The next item's number glued on: "…00000002.其他法律…" ends with the "2" of "2.其他": a digit
  // followed by "." or "、" and a Han character is an item number, not a cell. A row whose run is
  // that digit alone ("…缴纳费用3.其他") has no numbers of its own.
  const auto item_number_follows = [&] {
    std::size_t after_mark = 0;
    if (t[e] == '.') after_mark = e + 1;
    else if (starts_with(std::string_view(t).substr(e), "、")) after_mark = e + 3;
    while (after_mark && after_mark < t.size() && (t[after_mark] == ' ' || t[after_mark] == '\n')) ++after_mark;
    std::size_t len = 0;
    return after_mark && after_mark < t.size() && utf8::is_han(utf8::decode(t, after_mark, len));
  };
  if (e < t.size() && a.digits.size() == 1 && is_digit(a.digits[0]) && item_number_follows()) return std::nullopt;
  if (e < t.size() && a.digits.size() > 1 && is_digit(a.digits.back()) && a.digits[a.digits.size() - 2] != '.' &&
      a.digits[a.digits.size() - 2] != '-' && item_number_follows()) {
    a.digits.pop_back();
    a.ranges.pop_back();
    if (a.digits.back() == ' ' || a.digits.back() == '|') {
      a.digits.pop_back();
      a.ranges.pop_back();
    }
    e = a.ranges.back().second;
    any = std::any_of(a.digits.begin(), a.digits.end(), is_digit);
  }
  if (!any) return std::nullopt;
  for (std::string_view u : kUnitWords)
    if (starts_with(std::string_view(t).substr(e), u)) {
      if (!amount || (u != "元" && u != "万元")) return std::nullopt;
      // (Then the text ends, or a line, or the next section's number: "三、".)
      const std::size_t next = e + u.size();
      std::size_t len = 0;
      const bool section = next < t.size() && utf8::is_cjk_numeral(utf8::decode(t, next, len)) &&
                           starts_with(std::string_view(t).substr(next + len), "、");
      if (next < t.size() && t[next] != '\n' && t[next] != ' ' && !section) return std::nullopt;
      break;
    }
  for (std::string_view w : {"%", "年", "月", "日"})
    if (starts_with(std::string_view(t).substr(e), w)) return std::nullopt;
  a.end = e;
  return a;
}

Span region(const Document& doc, const Paragraph& p, std::size_t b, std::size_t e) {
  while (b > 0 && p.text[b - 1] != '\n') --b;
  return doc.map ? doc.map->span(p.offset + b, p.offset + e) : p.span;
}

std::vector<Span> spans_of(const Document& doc, const Paragraph& p, const After& a) {
  std::vector<Span> out;
  for (auto [b, e] : a.ranges)
    out.push_back(doc.map ? doc.map->span(p.offset + b, p.offset + e) : p.span);
  return out;
}

}  // namespace nianbao::runtogether

namespace nianbao {

using namespace runtogether;

namespace {

constexpr std::size_t kMaxCellLine = 300;  // bytes: a cell's line (the longest T3 label is 120)
constexpr std::size_t kMaxLineGap = 64;    // bytes between two lines of one table (blank lines)

/// A line that is a number alone ("71", "-", "—", "9116.36").
bool number_line(const std::string& t) {
  bool digit = false;
  for (std::size_t i = 0; i < t.size();) {
    if (is_digit(t[i])) { digit = true; ++i; }
    else if (t[i] == '.' || t[i] == '-' || t[i] == ' ') ++i;
    else if (starts_with(std::string_view(t).substr(i), "—")) i += 3;
    else return false;
  }
  return digit || t == "—" || t == "-";
}

/// The document's paragraphs, with runs of short lines among which numbers stand alone on
/// their lines (a crawled table, one cell per line) joined into one paragraph each.
void gather(const Document& doc, NumberRuns& out) {
  std::vector<const Paragraph*> run;
  auto flush = [&] {
    std::size_t numbers = 0;
    for (const Paragraph* p : run) numbers += number_line(p->text);
    if (run.size() >= 4 && numbers >= 3) {
      auto j = std::make_unique<Paragraph>();
      j->offset = run.front()->offset;
      j->span = run.front()->span;
      j->span.end = run.back()->span.end;
      for (const Paragraph* p : run) {
        if (!j->text.empty()) j->text.append(p->offset - (j->offset + j->text.size()), '\n');
        j->text += p->text;
      }
      out.paras.push_back(j.get());
      out.lines.push_back(true);
      out.joined.push_back(std::move(j));
    } else {
      for (const Paragraph* p : run) {
        out.paras.push_back(p);
        out.lines.push_back(false);
      }
    }
    run.clear();
  };
  for (const Block& b : doc.blocks) {
    if (b.kind != Block::Kind::paragraph) {
      flush();
      continue;
    }
    const Paragraph& p = b.paragraph;
    const bool short_line = p.text.size() <= kMaxCellLine;
    const bool follows = !run.empty() && p.offset >= run.back()->offset + run.back()->text.size() &&
                         p.offset - (run.back()->offset + run.back()->text.size()) <= kMaxLineGap;
    if (!short_line || !follows) flush();
    if (short_line) run.push_back(&p);
    else {
      out.paras.push_back(&p);
      out.lines.push_back(false);
    }
  }
  flush();
}

}  // namespace

NumberRuns number_runs(const Document& doc) {
  NumberRuns out;
  gather(doc, out);
  for (const Paragraph* para : out.paras) {
    {
      const std::string& text = para->text;
      std::vector<std::size_t> starts;
      for (std::size_t i = 1; i < text.size(); ++i) {
        // Most of the text: eight bytes at a time while all are beyond ASCII and none is E2.
        while (text.size() - i >= 8) {
          std::uint64_t x;
          std::memcpy(&x, text.data() + i, 8);
          constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = kOnes * 0x80;
          const std::uint64_t e2 = x ^ (kOnes * 0xE2);
          if ((~x & kHigh) | ((e2 - kOnes) & ~e2 & kHigh)) break;  // an ASCII byte, or E2 (exact as a whole)
          i += 8;
        }
        if (i >= text.size()) break;
        const char c = text[i];
        if (static_cast<unsigned char>(c) >= 0x80 && c != '\xE2') continue;  // most of the text
        const char p = text[i - 1];
        const bool begins = is_digit(c) || c == '-' || (c == '\xE2' && starts_with(std::string_view(text).substr(i), "—"));
        if (begins && !is_digit(p) && p != '.' && p != '-') starts.push_back(i);
      }
      out.starts.push_back(std::move(starts));
    }
  }
  return out;
}

}  // namespace nianbao
