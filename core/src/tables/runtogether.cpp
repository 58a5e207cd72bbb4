#include "tables/runtogether.hpp"
#include "narrative/text_figures.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "tables/cell_index.hpp"
#include "tables/label.hpp"
#include "read/normalize.hpp"
#include "util/number.hpp"
#include "tables/rules.hpp"
#include "narrative/prose.hpp"
#include "util/utf8.hpp"

namespace nianbao {

namespace {

constexpr std::size_t kMaxDigitsPerValue = 9;
constexpr std::size_t kMaxValueLength = kMaxDigitsPerValue + 2 + Decimal::kPlaces;  // "-123456789.123456"
constexpr std::size_t kMaxCandidates = 256;      // per row
// The searches' work, in values tried: per row, per group of tied rows, and for the whole
// report (a hostile row of 90 digits has billions of splits). The rows of the test corpus take
// at most about 5,000; a row or group that runs out is reported as having too many splits
// (nothing is guessed), and so is every row after the report's budget is spent.
constexpr std::size_t kMaxRowWork = 50'000;
constexpr std::size_t kMaxGroupWork = 50'000;
constexpr std::size_t kMaxReportWork = 300'000;
constexpr std::size_t kMaxSolutions = 64;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// The characters a label's core is made of (label.cpp): Han, digits and ASCII letters. The
/// run-together search compares a label's core with the text's such characters, the others
/// (punctuation, spaces) passed over. Paragraph text is valid UTF-8 (normalised).
bool is_label_char(char32_t c) {
  return utf8::is_han(c) || (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

/// The start of the character before byte `at` of `t` (at > 0).
std::size_t char_before(const std::string& t, std::size_t at) {
  std::size_t b = at - 1;
  while (b > 0 && (static_cast<unsigned char>(t[b]) & 0xC0) == 0x80) --b;
  return b;
}

/// Where the label `core` starts when its characters are the label characters of `t` before
/// byte `e` (the one ending at `e` is its last, as the caller checked), or npos.
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

/// The first place in `t` where the label characters spell `core` one after another: the byte
/// where it starts, or npos.
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

struct After {
  std::string digits;                                   // the run (see GluedRow::digits)
  std::vector<std::pair<std::size_t, std::size_t>> ranges;  // byte range per unit
  std::size_t end = 0;                                  // byte after the numbers
};

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

/// What follows a label at byte `at`: number tokens, run together or apart by spaces (a space
/// between two numbers is a cell boundary: "10 0 0 0 01" is 1, 0, 0, 0, 0, 0, 1), after an
/// optional space and (when `unit_first`) a unit word. Prose ("217件", "2016年") is not a row,
/// but an amount's row (`amount`) may end in its currency ("政府集中采购00元三、…") where no
/// sentence goes on after it.
std::optional<After> read_after(const std::string& t, std::size_t at, bool unit_first, bool amount = false) {
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

Span join(const Span& a, const Span& b) {
  Span s = a;
  s.end = b.end;
  return s;
}

/// The span of bytes [b, e) of `p`, from the start of b's line (a label's numbering).
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

}  // namespace

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

/// A row whose label is written a little differently ("其他法律和行政法规禁止公开", "不再受理")
/// is not found by its label; but when it is the one template row missing between two rows
/// found, its place is known: the text between them is its label and numbers, taken when the
/// label is close to the template's (label_score, as the matcher accepts a table's labels).
template <class At>
void missing_between(const Document& doc, const Paragraph& p, bool lines, const TemplateIndex::Template& keys,
                     std::size_t n_placed, At at, std::set<std::size_t>& seen, std::vector<GluedRow>& found) {
  const TableTemplate* t = keys.tmpl;
  const std::string& text = p.text;
  for (std::size_t k = 1; k < n_placed; ++k) {
    const auto [r1, b1, e1] = at(k - 1);
    const auto b2 = at(k)[1];
    if (b2 <= e1 || b2 - e1 > 1200) continue;
    std::vector<std::size_t> missing;
    for (std::size_t r = r1 + 1; r < at(k)[0]; ++r)
      if (!t->rows[r].group) missing.push_back(r);
    std::size_t cursor = e1;
    for (std::size_t m = 0; m < missing.size() && !seen.count(missing[m]); ++m) {
      // The label: from the cursor to the last label character before the next number.
      std::size_t label_end = 0;
      for (std::size_t i = cursor; i < b2 && !label_end; ++i) {
        if (!is_digit(text[i])) continue;
        {  // an item number ("1.申请人…") is part of the label
          std::size_t e = i, len = 0;
          while (e < b2 && is_digit(text[e])) ++e;
          std::size_t h = e < b2 && text[e] == '.' ? e + 1 : starts_with(std::string_view(text).substr(e), "、") ? e + 3 : 0;
          const bool short_number = e - i == 1 || (e - i == 2 && text[i] != '0');
          if (short_number && h && h < text.size() && utf8::is_han(utf8::decode(text, h, len))) {
            i = e;
            continue;
          }
        }
        std::size_t k2 = i;
        while (k2 > cursor && (text[k2 - 1] == ' ' || text[k2 - 1] == '\n')) --k2;
        std::size_t len = 0;
        if (k2 > cursor && utf8::is_han(utf8::decode(text, char_before(text, k2), len))) label_end = k2;
      }
      if (!label_end) break;
      auto after = read_after(text, label_end, false);
      if (!after || after->end > b2) break;
      if (m + 1 == missing.size()) {
        bool clean = true;  // nothing but the next row's numbering after the last one's numbers
        for (std::size_t j = after->end; j < b2;) {
          std::size_t len = 0;
          if (utf8::is_han(utf8::decode(text, j, len))) clean = false;
          j += len ? len : 1;
        }
        if (!clean) break;
      }
      // The label as written, or what follows an item number in it (a group label before it:
      // "（六）其他处理1.申请人…").
      const std::string_view written = std::string_view(text).substr(cursor, label_end - cursor);
      bool close = label_score(label_key(written), keys.rows[missing[m]].key) > 0;
      for (std::size_t j = 1; !close && j + 1 < written.size(); ++j)
        if (written[j] == '.' && is_digit(written[j - 1]))
          close = label_score(label_key(written.substr(j + 1)), keys.rows[missing[m]].key) > 0;
      if (!close) break;
      std::size_t begin = cursor;
      while (begin < label_end && (text[begin] == ' ' || text[begin] == '\n')) ++begin;
      found.push_back({t, missing[m], false, after->digits, spans_of(doc, p, *after), lines, region(doc, p, begin, after->end)});
      seen.insert(missing[m]);
      cursor = after->end;
    }
  }
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

std::vector<GluedRow> find_glued_rows(const Document& doc, Format format, const TemplateIndex& index, std::size_t min_rows) {
  return find_glued_rows(doc, format, index, number_runs(doc), min_rows);
}

std::vector<GluedRow> find_glued_rows(const Document& doc, Format format, const TemplateIndex& index,
                                      const NumberRuns& runs, std::size_t min_rows) {
  const std::vector<const Paragraph*>& paras = runs.paras;
  const std::vector<std::vector<std::size_t>>& run_starts = runs.starts;
  const auto templates = templates_for(format);
  std::vector<std::vector<GluedRow>> per_template(templates.size());  // the rows found, by template
  // The templates with rows (not header-only), searched below.
  struct Scan {
    std::size_t ti;  // index in `templates`
    const TableTemplate* t;
    const TemplateIndex::Template* keys;
    bool unit_first;
    std::set<std::size_t> seen;  // its rows found
  };
  std::vector<Scan> scanned;
  for (std::size_t ti = 0; ti < templates.size(); ++ti) {
    const TableTemplate* t = templates[ti];
    const TemplateIndex::Template& keys = index.of(t);
    if (t->flat) {
      // A header-only table: its header labels, then all numbers in one run.
      std::size_t cells = 0;
      for (const RowDef& r : t->rows) cells += r.columns.size();
      const std::u32string& first = keys.rows.front().key.core;
      for (std::size_t pi = 0; pi < paras.size(); ++pi) {
        if (run_starts[pi].empty()) continue;
        const std::string& text = paras[pi]->text;
        const std::size_t a = find_label(text, first);
        if (a == std::string::npos) continue;
        const bool lines = runs.lines[pi];
        for (std::size_t i = a; i < text.size(); ++i) {
          if (!is_digit(text[i]) && text[i] != ' ' && text[i] != '\n') continue;
          auto after = read_after(text, i, false);
          if (!after) {  // (past the numbers it read: each is read once)
            while (i + 1 < text.size() && (is_digit(text[i + 1]) || text[i + 1] == ' ' || text[i + 1] == '\n' || text[i + 1] == '.')) ++i;
            continue;
          }
          const std::size_t tokens = 1 + std::count_if(after->digits.begin(), after->digits.end(), [](char c) { return c == ' ' || c == '|'; });
          const std::size_t units = after->digits.size() + 1 - tokens;
          // (One cell per line: dropped lines make fewer, broken numbers more.)
          if (lines ? tokens <= 2 * cells : units >= cells && tokens <= cells) {
            GluedRow g{t, 0, true, after->digits, spans_of(doc, *paras[pi], *after), lines, region(doc, *paras[pi], after->ranges.front().first, after->end)};
            per_template[ti].push_back(std::move(g));
            break;
          }
          i = after->end;
        }
        if (!per_template[ti].empty()) break;
      }
      continue;
    }
    scanned.push_back({ti, t, &keys, t->id == "legacy", {}});
  }
  // The other templates' rows, paragraph by paragraph (each paragraph's text is read once for
  // all of them, while it is in the cache): labels that end where numbers start.
  // Where numbers start, walk back over what may stand between a label and its numbers (spaces,
  // closing brackets and quotes, and for the legacy table a unit) to where a label would end: the
  // same places for every template, so found once per paragraph (in the order first reached, each
  // once), with the label character that ends there. Most paragraphs have few such places.
  struct LabelEnd {
    std::size_t e;  // where the label would end (byte)
    char32_t last;  // its last character
  };
  const bool any_unit_first = std::any_of(scanned.begin(), scanned.end(), [](const Scan& sc) { return sc.unit_first; });
  const bool any_plain = std::any_of(scanned.begin(), scanned.end(), [](const Scan& sc) { return !sc.unit_first; });
  std::array<std::vector<LabelEnd>, 2> label_ends;  // [unit_first]
  std::vector<std::size_t> tried;  // where labels were looked for (sorted)
  auto find_label_ends = [&](const std::string& text, const std::vector<std::size_t>& starts, bool unit_first,
                             std::vector<LabelEnd>& out) {
    out.clear();
    tried.clear();
    for (const std::size_t i : starts) {
      std::size_t k = i;
      while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\n')) --k;
      std::array<std::size_t, 2> ends{k, 0};
      std::size_t n_ends = 1;
      if (unit_first)  // (the last bytes compared first: most places have no unit)
        for (std::string_view u : kUnitWords)
          if (k >= u.size() && text[k - 1] == u.back() && starts_with(std::string_view(text).substr(k - u.size()), u)) {
            ends[n_ends++] = k - u.size();
            break;
          }
      for (std::size_t ei = 0; ei < n_ends; ++ei) {
        std::size_t e = ends[ei];
        for (bool more = true; more && e > 0;) {
          more = false;
          // (Only a byte that ends one of the marks can: ) ] " : and the last bytes of ” ’ 」 】.)
          const auto last_byte = static_cast<unsigned char>(text[e - 1]);
          if (last_byte != ')' && last_byte != ']' && last_byte != '"' && last_byte != ':' && last_byte != 0x9D &&
              last_byte != 0x99 && last_byte != 0x8D && last_byte != 0x91)
            break;
          for (std::string_view c : {")", "]", "”", "\"", "’", "」", "】", ":"})
            if (e >= c.size() && starts_with(std::string_view(text).substr(e - c.size()), c)) { e -= c.size(); more = true; }
        }
        // (A set of the places tried, kept sorted: they nearly always come in increasing order.)
        if (tried.empty() || e > tried.back()) {
          tried.push_back(e);
        } else {
          const auto at = std::lower_bound(tried.begin(), tried.end(), e);
          if (*at == e) continue;
          tried.insert(at, e);
        }
        if (e == 0) continue;
        // The label character that ends at `e`, if one does.
        const std::size_t lb = char_before(text, e);
        std::size_t llen = 0;
        const char32_t last = utf8::decode(text, lb, llen);
        if (lb + llen != e || !is_label_char(last)) continue;
        out.push_back({e, last});
      }
    }
  };
  for (std::size_t pi = 0; pi < paras.size(); ++pi) {
    const std::string& text = paras[pi]->text;
    if (run_starts[pi].empty()) continue;
    if (any_plain) find_label_ends(text, run_starts[pi], false, label_ends[0]);
    if (any_unit_first) find_label_ends(text, run_starts[pi], true, label_ends[1]);
    for (Scan& sc : scanned) {
      const TableTemplate* const t = sc.t;
      const TemplateIndex::Template& keys = *sc.keys;
      const bool unit_first = sc.unit_first;
      std::vector<GluedRow>& found = per_template[sc.ti];
      std::set<std::size_t>& seen = sc.seen;
      // Every label that ends at one of the places with numbers after it (labels by their last
      // character: keys.by_last).
      struct Hit {
        std::size_t a, len;  // where the label starts (byte), its length (characters)
        After after;
      };
      std::map<std::size_t, std::vector<Hit>> hits;  // row -> hits in text order
      for (const LabelEnd& le : label_ends[unit_first]) {
        const auto labels = keys.by_last.find(le.last);
        if (labels == keys.by_last.end()) continue;
        for (const auto& [r, core] : labels->second) {
          const std::size_t a = label_ending_at(text, le.e, *core);
          if (a == std::string::npos) continue;
          if (auto after = read_after(text, le.e, unit_first, t->rows[r].decimal_ok)) hits[r].push_back({a, core->size(), std::move(*after)});
        }
      }
      if (hits.empty()) continue;
      std::size_t pos = 0;              // labels start at or after this byte: past the previous row's digits
      std::optional<std::size_t> prev;  // index into `found` of the previous row in this paragraph
      std::size_t prev_end = 0;         // byte after its digits
      struct Placed {
        std::size_t r, begin, end;  // template row, its label's start, the byte after its numbers
      };
      std::vector<Placed> placed;  // the rows found in this paragraph, in order
      for (std::size_t r = 0; r < t->rows.size(); ++r) {
        if (t->rows[r].group || seen.count(r) || !hits.count(r)) continue;
        // The first occurrence at or after `pos`; at one place the longer label (with its note).
        const Hit* first = nullptr;
        for (const Hit& h : hits[r])
          if (h.a >= pos && (!first || h.a < first->a || (h.a == first->a && h.len > first->len))) first = &h;
        if (!first) continue;
        const std::size_t label_begin = first->a;
        // The next item's number run into the previous digits: "…信息32000003" + "2" + ".属于…".
        const std::u32string& numbering = keys.rows[r].key.numbering;
        if (prev && !numbering.empty() &&
            std::all_of(numbering.begin(), numbering.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; })) {
          GluedRow& p = found[*prev];
          std::string num;
          for (char32_t c : numbering) num.push_back(static_cast<char>(c));
          const std::string_view between = std::string_view(text).substr(prev_end, label_begin - prev_end);
          const bool glued = between.empty() || between == "." || between == "、" || between == ")";
          if (glued && p.digits.size() > num.size() &&
              p.digits.compare(p.digits.size() - num.size(), num.size(), num) == 0) {
            p.digits.resize(p.digits.size() - num.size());
            while (!p.digits.empty() && (p.digits.back() == ' ' || p.digits.back() == '|')) p.digits.pop_back();
            p.digit_spans.resize(p.digits.size());
          }
        }
        GluedRow g{t, r, false, first->after.digits, spans_of(doc, *paras[pi], first->after), runs.lines[pi],
                   region(doc, *paras[pi], label_begin, first->after.end)};
        found.push_back(std::move(g));
        seen.insert(r);
        prev = found.size() - 1;
        prev_end = first->after.end;
        pos = first->after.end;
        placed.push_back({r, label_begin, first->after.end});
      }
      missing_between(doc, *paras[pi], runs.lines[pi], keys, placed.size(),
                      [&](std::size_t k) { return std::array<std::size_t, 3>{placed[k].r, placed[k].begin, placed[k].end}; },
                      seen, found);
    }
  }
  // In template order: a header-only table's row, or the rows of another if there are enough.
  std::vector<GluedRow> result;
  for (std::size_t ti = 0; ti < templates.size(); ++ti) {
    std::vector<GluedRow>& rows = per_template[ti];
    if (!templates[ti]->flat && rows.size() < min_rows) continue;
    result.insert(result.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
  }
  return result;
}

namespace {

using Value = std::optional<Decimal>;  // nothing for a blank cell
/// By cell (row, column): looked up many times in the searches below.
template <class V>
using CellMap = std::unordered_map<std::pair<std::string_view, std::string_view>, V, CellHash>;
using Values = CellMap<Value>;

using Piece = std::pair<std::size_t, std::size_t>;  // first unit, units

struct RowWork {
  const GluedRow* glued;
  std::vector<CellRef> cells;
  std::vector<const RowDef*> defs;  // the template row of each cell (signed, decimal)
  std::vector<std::vector<Value>> candidates;
  std::vector<std::vector<Piece>> pieces;  // the units of `digits` each value of a candidate is
  bool overflow = false;  // more candidates than we keep
  bool by_text = false;   // candidates narrowed by figures the text states
  /// No split satisfies the row's relations, but its digits allow only one split at all (as
  /// many digits as cells): read as written, the rules then say what does not add up.
  bool as_written = false;
  bool repaired = false;  // on lines: read only with a repair (a joined, cut or repeated line)
  bool doubtful = false;  // as written it breaks its relations, and lines repaired would fit
};

void cells_of(RowWork& w) {
  const GluedRow& g = *w.glued;
  for (std::size_t r = 0; r < g.tmpl->rows.size(); ++r) {
    if (!g.flat && r != g.row) continue;
    const RowDef& def = g.tmpl->rows[r];
    for (std::string_view c : def.columns) {
      w.cells.push_back({def.key, c});
      w.defs.push_back(&def);
    }
  }
}

/// A relation with its cells as indices into a vector of values (a row's cells, or the cells of
/// the relations across rows).
struct IndexedRelation {
  const RelationInstance* ri;
  std::size_t target;
  std::vector<std::pair<std::size_t, int>> terms;  ///< cell index, sign
};

/// `ri` with each cell as `index_of(cell)`.
template <class IndexOf>
IndexedRelation indexed(const RelationInstance& ri, IndexOf index_of) {
  IndexedRelation x{&ri, index_of(ri.target), {}};
  x.terms.reserve(ri.terms.size());
  for (const auto& [ref, sign] : ri.terms) x.terms.emplace_back(index_of(ref), sign);
  return x;
}

/// A relation holds, or cannot be checked because a cell is blank.
bool holds(const IndexedRelation& x, const std::vector<Value>& v) {
  Decimal sum;
  for (const auto& [k, sign] : x.terms) {
    const Value& term = v[k];
    if (!term) return true;
    sum += sign < 0 ? Decimal() - *term : *term;
  }
  const Value& target = v[x.target];
  if (!target) return true;
  return x.ri->def->op == Op::equal ? *target == sum : *target <= sum;
}

/// The token of `d` at `at` as a value of a cell of `def`: "x" (blank) or [-]digits[.digits].
std::optional<Value> token(std::string_view tok, const RowDef& def) {
  if (tok == "x") return Value{};
  std::size_t i = 0;
  if (tok[0] == '-') {
    if (!def.signed_values) return std::nullopt;
    ++i;
  }
  const std::size_t int_start = i;
  while (i < tok.size() && is_digit(tok[i])) ++i;
  const std::size_t int_len = i - int_start;
  if (int_len == 0 || int_len > kMaxDigitsPerValue || (int_len > 1 && tok[int_start] == '0')) return std::nullopt;
  if (i < tok.size()) {
    if (tok[i] != '.' || !def.decimal_ok || i + 1 >= tok.size() || tok.size() - i - 1 > static_cast<std::size_t>(Decimal::kPlaces)) return std::nullopt;
    for (std::size_t k = i + 1; k < tok.size(); ++k)
      if (!is_digit(tok[k])) return std::nullopt;
  }
  return Value{parse_number(tok, true)->value};
}

/// Whether every cell of the relation is one of `cells` (a row's few: looked through).
bool covers(const RelationInstance& ri, const std::vector<CellRef>& cells) {
  auto has = [&](const CellRef& c) { return std::find(cells.begin(), cells.end(), c) != cells.end(); };
  if (!has(ri.target)) return false;
  for (const auto& [ref, sign] : ri.terms)
    if (!has(ref)) return false;
  return true;
}

/// All splits of `digits` into `n` values satisfying the relations among this row's own cells.
/// `work_left`: the report's budget (values tried), spent here.
/// The splits of `digits` into `n` values, with at most `budget` repairs (lines only): of
/// lines dropped or cut when `more` (fewer lines than cells), of lines joined otherwise.
void enumerate_within(RowWork& w, const std::vector<std::vector<IndexedRelation>>& ready, std::size_t budget,
                      bool more, std::size_t& work_left, bool fewer = false) {
  more = more || fewer;  // `fewer` with `more`: either kind (a dropped line and a broken number)
  fewer = fewer || !more;
  const std::string& d = w.glued->digits;
  const std::size_t n = w.cells.size();
  const bool lines = w.glued->lines;
  std::vector<Value> vals(n);
  std::vector<Piece> pieces(n);
  std::size_t steps = 0;
  std::vector<std::size_t> digits_from(d.size() + 1, 0);  // digits in d[at, end)
  for (std::size_t k = d.size(); k-- > 0;) digits_from[k] = digits_from[k + 1] + is_digit(d[k]);
  // Digits one value can take: its whole part, and its decimals where the column has them.
  const bool decimals = std::any_of(w.defs.begin(), w.defs.end(), [](const RowDef* def) { return def->decimal_ok; });
  const std::size_t per_value = kMaxDigitsPerValue + (decimals ? static_cast<std::size_t>(Decimal::kPlaces) : 0);
  auto holds_all = [&](std::size_t i) {
    for (const IndexedRelation& x : ready[i])
      if (!holds(x, vals)) return false;
    return true;
  };
  auto rec = [&](auto&& self, std::size_t i, std::size_t at, std::size_t repairs) -> void {
    if (w.overflow) return;
    if (i == n) {
      if (at == d.size()) {
        for (const auto& c : w.candidates)
          if (c == vals) return;  // the same values by other repairs
        if (w.candidates.size() >= kMaxCandidates) { w.overflow = true; return; }
        w.candidates.push_back(vals);
        w.pieces.push_back(pieces);
      }
      return;
    }
    const std::size_t left = n - i - 1;  // values still to place after this one
    if (digits_from[at] > (left + 1) * per_value) return;  // more digits than they can hold
    // A line equal to the line before, dropped: the value before, again (a repair).
    if (lines && more && i > 0 && repairs < budget) {
      if (++steps > kMaxRowWork || work_left == 0) { w.overflow = true; return; }
      --work_left;
      vals[i] = vals[i - 1];
      pieces[i] = pieces[i - 1];
      if (holds_all(i)) self(self, i + 1, at, repairs + 1);
      if (w.overflow) return;
    }
    if (!lines && d.size() - at < left + 1) return;
    std::string tok;
    std::size_t joins = 0;  // line breaks inside this value (a number broken over lines)
    for (std::size_t end = at; end < d.size() && tok.size() < kMaxValueLength; ++end) {
      if (d[end] == ' ') break;
      if (d[end] == '|') {
        if (!lines || !fewer || end == at) break;
        ++joins;
        continue;
      }
      tok += d[end];
      // Where the next value starts: after a boundary, or inside this run (a cut, which on
      // lines is a repair: a line holds one cell).
      std::size_t next = end + 1, cost = repairs + joins;
      if (next < d.size()) {
        if (d[next] == ' ' || d[next] == '|') ++next;
        else if (lines && !more) continue;  // (a line holds one cell)
        else if (lines) ++cost;
      }
      if (cost > budget) {
        if (repairs + joins > budget) break;
        continue;
      }
      if (++steps > kMaxRowWork || work_left == 0) { w.overflow = true; return; }
      --work_left;
      const auto v = token(tok, *w.defs[i]);
      if (!v) continue;
      vals[i] = *v;
      pieces[i] = {at, end + 1 - at};
      if (holds_all(i)) self(self, i + 1, next, cost);
      if (w.overflow) return;
    }
  };
  rec(rec, 0, 0, 0);
}

/// All splits of `digits` into `n` values satisfying the relations among this row's own cells.
/// On lines, the splits with the fewest repairs and those with one more (a reading is only
/// trusted when no other as plausible fits). `work_left`: the report's budget (values tried).
void enumerate(RowWork& w, const std::vector<RelationInstance>& intra, std::size_t& work_left) {
  const std::size_t n = w.cells.size();
  // Which relations can be checked once value i is known, with their cells as indices into
  // w.cells (its cells are distinct: a template's rows and columns).
  std::vector<std::vector<IndexedRelation>> ready(n);
  for (const RelationInstance& ri : intra) {
    auto idx = [&](const CellRef& c) {
      for (std::size_t k = 0; k < n; ++k)
        if (w.cells[k] == c) return k;
      return n;
    };
    IndexedRelation x = indexed(ri, idx);
    std::size_t last = x.target;
    for (const auto& term : x.terms) last = std::max(last, term.first);
    if (last < n) ready[last].push_back(std::move(x));
  }
  // On lines, each repair changes the number of values by one: as many as the lines are
  // fewer (dropped or cut lines) or more (joined lines) than the cells, all of one kind. A row
  // with as many lines as cells is read as written.
  const std::string& d = w.glued->digits;
  const std::size_t lines = 1 + static_cast<std::size_t>(std::count_if(d.begin(), d.end(), [](char c) { return c == ' ' || c == '|'; }));
  const bool more = lines < n;
  const std::size_t budget = !w.glued->lines ? 0 : more ? n - lines : lines - n;
  w.repaired = budget > 0;
  enumerate_within(w, ready, budget, more, work_left);
}

/// As many lines as cells, but the row's relations fail: a dropped line and a number broken
/// over two lines in the same row would look the same. The readings with one of each.
void enumerate_mixed(RowWork& w, const std::vector<RelationInstance>& intra, std::size_t& work_left) {
  const std::size_t n = w.cells.size();
  std::vector<std::vector<IndexedRelation>> ready(n);
  for (const RelationInstance& ri : intra) {
    IndexedRelation x = indexed(ri, [&](const CellRef& c) {
      for (std::size_t k = 0; k < n; ++k)
        if (w.cells[k] == c) return k;
      return n;
    });
    std::size_t last = x.target;
    for (const auto& term : x.terms) last = std::max(last, term.first);
    if (last < n) ready[last].push_back(std::move(x));
  }
  enumerate_within(w, ready, 2, true, work_left, true);
}

std::string list_values(const std::vector<Value>& v) {
  std::string s;
  for (const Value& d : v) s += (s.empty() ? "" : "、") + (d ? d->to_string() : std::string("（空白）"));
  return s;
}

std::string shown_digits(const std::string& digits) {
  std::string s;
  for (char c : digits) s += c == 'x' ? std::string("—") : c == '|' ? std::string("/") : std::string(1, c);
  return s;
}

std::string row_name(const GluedRow& g) {
  return g.flat ? std::string(g.tmpl->id == "T4" ? "表四（行政复议、行政诉讼）" : g.tmpl->id) : std::string(g.tmpl->rows[g.row].key);
}

/// Keeps an ambiguous row's fitting splits (those `shown` in its finding) with its table.
void record_ambiguous(ReportTable& rt, const RowWork& w, const std::vector<std::size_t>& shown, Span span) {
  AmbiguousRow a;
  for (const CellRef& c : w.cells) {
    a.rows.push_back(c.row);
    a.cols.push_back(c.col);
  }
  for (std::size_t c : shown) a.candidates.push_back(w.candidates[c]);
  a.span = span;
  rt.ambiguous.push_back(std::move(a));
}

}  // namespace

std::vector<StatedFigure> stated_figures(const Document& doc, const std::vector<GluedRow>& rows) {
  std::vector<StatedFigure> out;
  if (rows.empty()) return out;
  std::vector<const Paragraph*> paras;
  for (const Block& b : doc.blocks)
    if (b.kind == Block::Kind::paragraph) paras.push_back(&b.paragraph);
  const std::string_view name = rows.front().tmpl->template_name;
  const Format format = name == "2021" ? Format::f2021 : name == "2019" ? Format::f2019 : Format::legacy;
  for (const StatedCell& sc : stated_cells(paras, format)) {
    // Only a plain statement about one cell settles a split.
    if (sc.none || sc.scope != StatedCell::Scope::same) continue;
    const bool glued = std::any_of(rows.begin(), rows.end(), [&](const GluedRow& g) {
      if (g.flat || g.tmpl != sc.tmpl || g.tmpl->rows[g.row].key != sc.row) return false;
      const auto& cols = g.tmpl->rows[g.row].columns;
      return std::find(cols.begin(), cols.end(), sc.col) != cols.end();
    });
    if (glued) out.push_back({sc.row, sc.col, sc.value});
  }
  return out;
}

/// A row with fewer numbers than cells (a cell left empty) whose every cell the table's other
/// cells pin through the template's equalities, one unknown at a time: those values, when the
/// numbers written are them with some left out (run together in order); else nothing.
std::optional<std::vector<Decimal>> pinned_row(const RowWork& w, const ReportTable& rt, const std::vector<RelationInstance>& relations) {
  CellMap<Decimal> known;
  for (const TableCell& c : rt.cells)
    if (c.value) known[{c.row, c.col}] = *c.value;
  std::vector<std::optional<Decimal>> got(w.cells.size());
  const auto index_of = [&](const CellRef& c) -> std::size_t {
    for (std::size_t i = 0; i < w.cells.size(); ++i)
      if (w.cells[i] == c) return i;
    return std::string_view::npos;
  };
  for (bool progress = true; progress;) {
    progress = false;
    for (const RelationInstance& ri : relations) {
      if (ri.def->op != Op::equal || !ri.def->error) continue;
      // target = Σ sign·term, with exactly one cell unknown: one of this row.
      std::size_t unknown = 0, unknowns = 0;
      int unknown_sign = 0;  // 0: the target
      bool usable = true;    // every other cell is read
      Decimal rest;          // Σ sign·term of the known terms
      Decimal target;
      auto visit = [&](const CellRef& c, int sign) {
        const std::size_t at = index_of(c);
        std::optional<Decimal> v;
        if (at != std::string_view::npos) v = got[at];
        else if (const auto k = known.find({c.row, c.col}); k != known.end()) v = k->second;
        else usable = false;
        if (!v) {
          if (at != std::string_view::npos) { unknown = at; unknown_sign = sign; ++unknowns; }
        } else if (sign == 0) {
          target = *v;
        } else {
          rest += sign < 0 ? Decimal() - *v : *v;
        }
      };
      visit(ri.target, 0);
      for (const auto& [ref, sign] : ri.terms) visit(ref, sign);
      if (!usable) continue;
      const bool of_row = index_of(ri.target) != std::string_view::npos ||
                          std::any_of(ri.terms.begin(), ri.terms.end(), [&](const auto& t) { return index_of(t.first) != std::string_view::npos; });
      if (unknowns == 0 && of_row && target != rest)
        return std::nullopt;  // the values pinned break another relation of the row
      if (unknowns != 1) continue;
      const Decimal v = unknown_sign == 0 ? rest : unknown_sign > 0 ? target - rest : rest - target;
      if (got[unknown] && *got[unknown] != v) return std::nullopt;  // the relations disagree
      got[unknown] = v;
      progress = true;
    }
  }
  std::vector<Decimal> out;
  for (std::size_t i = 0; i < got.size(); ++i) {
    if (!got[i] || got[i]->negative() || (!w.defs[i]->decimal_ok && !got[i]->is_integer())) return std::nullopt;
    out.push_back(*got[i]);
  }
  // The numbers written are these values with some left out, in order.
  std::string digits;
  for (char c : w.glued->digits)
    if (is_digit(c) || c == '.' || c == '-') digits += c;
  const std::size_t n = out.size();
  if (n > 16) return std::nullopt;
  for (std::uint32_t kept = 0; kept + 1 < (1u << n); ++kept) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i)
      if (kept >> i & 1) s += out[i].to_string();
    if (s == digits) return out;
  }
  return std::nullopt;
}

void split_glued_rows(const std::vector<GluedRow>& rows, const std::vector<StatedFigure>& stated, const TemplateIndex& index,
                      std::vector<ReportTable>& tables, std::vector<Finding>& findings) {
  if (rows.empty()) return;
  auto table_of = [&](const TableTemplate* t) -> ReportTable* {
    for (ReportTable& rt : tables)
      if (rt.tmpl == t) return &rt;
    return nullptr;
  };
  // A table crawled one cell per line: its lines, from the first row's label to the last
  // row's numbers, are the table's.
  for (const GluedRow& g : rows)
    if (ReportTable* rt = g.lines ? table_of(g.tmpl) : nullptr) {
      if (rt->text_spans.empty()) {
        rt->text_spans.push_back(g.region);
      } else {
        Span& s = rt->text_spans.front();
        if (g.region.start < s.start) { s.start = g.region.start; s.line = g.region.line; }
        s.end = std::max(s.end, g.region.end);
      }
    }
  // Rows already read from real tables stay as they are.
  std::vector<RowWork> work;
  for (const GluedRow& g : rows) {
    ReportTable* rt = table_of(g.tmpl);
    if (!rt) continue;
    RowWork w{&g, {}, {}, {}, {}, false, false};
    cells_of(w);
    const bool known = std::any_of(w.cells.begin(), w.cells.end(),
                                   [&](const CellRef& c) { return rt->find(c.row, c.col) != nullptr; });
    if (!known) work.push_back(std::move(w));
  }
  // Per row: the splits its own structure allows.
  std::map<const TableTemplate*, const std::vector<RelationInstance>*> relations;  // the index's, of the rows' templates
  std::size_t work_left = kMaxReportWork;
  for (RowWork& w : work) {
    const auto& rel = *relations.try_emplace(w.glued->tmpl, &index.of(w.glued->tmpl).relations).first->second;
    std::vector<RelationInstance> intra;
    for (const RelationInstance& ri : rel)
      if (covers(ri, w.cells)) intra.push_back(ri);
    enumerate(w, intra, work_left);
    if (w.candidates.empty() && !w.overflow) {
      enumerate(w, {}, work_left);
      if (w.candidates.size() == 1 && !w.overflow) {
        w.as_written = true;
        if (w.glued->lines) {
          // Unless a dropped line and a broken number would explain it: then say so, unread.
          RowWork mixed{w.glued, w.cells, w.defs, {}, {}, false, false};
          enumerate_mixed(mixed, intra, work_left);
          if (!mixed.candidates.empty() || mixed.overflow) {
            w.doubtful = true;
            for (std::size_t c = 0; c < mixed.candidates.size(); ++c) {
              w.candidates.push_back(mixed.candidates[c]);
              w.pieces.push_back(mixed.pieces[c]);
            }
          }
        }
      } else {
        w.candidates.clear();
        w.pieces.clear();
        w.overflow = false;
      }
    }
    // Figures the text states for this row's cells narrow its splits, each one if some split
    // fits it (a figure no split gives is the text's own error: text-table says so).
    for (const StatedFigure& sf : stated) {
      if (w.candidates.size() <= 1 || w.overflow) break;
      const auto at = std::find_if(w.cells.begin(), w.cells.end(), [&](const CellRef& c) { return c.row == sf.row && c.col == sf.col; });
      if (at == w.cells.end()) continue;
      const std::size_t i = static_cast<std::size_t>(at - w.cells.begin());
      std::vector<std::vector<Value>> kept;
      std::vector<std::vector<Piece>> kept_len;
      for (std::size_t c = 0; c < w.candidates.size(); ++c)
        if (w.candidates[c][i] && *w.candidates[c][i] == sf.value) {
          kept.push_back(w.candidates[c]);
          kept_len.push_back(w.pieces[c]);
        }
      if (kept.empty()) continue;
      w.candidates = std::move(kept);
      w.pieces = std::move(kept_len);
      w.by_text = true;
    }
  }
  // Across rows: every relation whose cells are all glued or already read with a value.
  CellMap<std::size_t> owner;  // cell -> work index
  for (std::size_t k = 0; k < work.size(); ++k)
    if (!work[k].candidates.empty() && !work[k].overflow && !work[k].as_written && !work[k].doubtful)
      for (const CellRef& c : work[k].cells) owner[{c.row, c.col}] = k;
  Values known;
  for (const ReportTable& rt : tables)
    for (const TableCell& c : rt.cells) known[{c.row, c.col}] = c.value;
  // Relations tie rows together; rows tied by no relation are solved apart (their choices do
  // not multiply), each group of tied rows by one search.
  // The cells of the relations used across rows, as slots of `values`: a value read from a
  // table, or one the search sets.
  CellMap<std::size_t> slot_of;
  std::vector<Value> values;
  auto slot = [&](const CellRef& c) {
    const auto [it, fresh] = slot_of.try_emplace({c.row, c.col}, values.size());
    if (fresh) {
      const auto k = known.find({c.row, c.col});
      values.push_back(k != known.end() ? k->second : Value{});
    }
    return it->second;
  };
  std::vector<std::vector<IndexedRelation>> ready(work.size());
  std::vector<std::size_t> group(work.size());
  for (std::size_t k = 0; k < work.size(); ++k) group[k] = k;
  auto find = [&](std::size_t k) {
    while (group[k] != k) k = group[k] = group[group[k]];
    return k;
  };
  for (const auto& [tmpl, rels] : relations)
    for (const RelationInstance& ri : *rels) {
      std::vector<std::size_t> owners;
      bool usable = true;
      auto visit = [&](const CellRef& c) {
        auto it = owner.find({c.row, c.col});
        if (it != owner.end()) owners.push_back(it->second);
        else if (!known.count({c.row, c.col})) usable = false;
      };
      visit(ri.target);
      for (const auto& [ref, sign] : ri.terms) visit(ref);
      if (!usable || owners.empty()) continue;
      ready[*std::max_element(owners.begin(), owners.end())].push_back(indexed(ri, slot));
      for (std::size_t o : owners) group[find(o)] = find(owners.front());
    }
  std::vector<std::size_t> choice(work.size(), 0);
  std::vector<std::set<std::size_t>> used(work.size());
  std::vector<bool> solved(work.size(), false);  // its group has solutions and was searched fully
  std::vector<std::vector<std::size_t>> cell_slot(work.size());  // per row cell: its slot, or npos
  for (std::size_t k = 0; k < work.size(); ++k)
    for (const CellRef& c : work[k].cells) {
      const auto it = slot_of.find({c.row, c.col});
      cell_slot[k].push_back(it != slot_of.end() ? it->second : std::string_view::npos);
    }
  for (std::size_t root = 0; root < work.size(); ++root) {
    std::vector<std::size_t> members;
    for (std::size_t k = 0; k < work.size(); ++k)
      if (find(k) == root && !work[k].candidates.empty() && !work[k].overflow) members.push_back(k);
    if (members.empty()) continue;
    std::size_t solutions = 0, steps = 0;
    bool aborted = false;
    auto rec = [&](auto&& self, std::size_t m) -> void {
      if (aborted) return;
      if (m == members.size()) {
        ++solutions;
        for (std::size_t k : members) used[k].insert(choice[k]);
        if (solutions >= kMaxSolutions) aborted = true;
        return;
      }
      const std::size_t k = members[m];
      for (std::size_t c = 0; c < work[k].candidates.size(); ++c) {
        if (++steps > kMaxGroupWork || work_left == 0) { aborted = true; return; }
        --work_left;
        choice[k] = c;
        for (std::size_t i = 0; i < work[k].cells.size(); ++i)
          if (cell_slot[k][i] != std::string_view::npos) values[cell_slot[k][i]] = work[k].candidates[c][i];
        bool ok = true;
        for (const IndexedRelation& x : ready[k]) ok = ok && holds(x, values);
        if (ok) self(self, m + 1);
        if (aborted) return;
      }
    };
    rec(rec, 0);
    for (std::size_t k : members) {
      solved[k] = solutions > 0 && !aborted;
      if (!solved[k]) used[k].clear();
    }
  }

  std::vector<std::pair<std::size_t, std::size_t>> short_rows;  // work index, its table-shape finding
  for (std::size_t k = 0; k < work.size(); ++k) {
    RowWork& w = work[k];
    const GluedRow& g = *w.glued;
    const Span span = join(g.digit_spans.front(), g.digit_spans.back());
    const std::string written = shown_digits(g.digits);
    const std::string written_as = g.lines ? "的数字分行写作“" : "的数字连写为“";
    // Numbers written apart, one per cell: nothing was split.
    const bool apart = !w.repaired && static_cast<std::size_t>(std::count_if(g.digits.begin(), g.digits.end(), [](char c) {
                                        return c == ' ' || c == '|';
                                      })) + 1 == w.cells.size();
    std::optional<std::size_t> pick;
    std::string why;
    if (w.doubtful) {
      // (Left unread: reported below with its readings.)
    } else if (w.candidates.size() == 1 && !w.overflow) {
      pick = 0;
      why = w.as_written ? "只有一种拆分方式（但不符合本行的勾稽关系，见表格检查）"
            : w.by_text ? "只有一种拆分与正文所述数字一致"
                      : solved[k] ? "只有一种拆分符合模板的勾稽关系" : "只有一种拆分符合本行的结构";
    } else if (solved[k] && used[k].size() == 1 && !w.overflow) {
      pick = *used[k].begin();
      why = "只有一种拆分同时符合各行之间的勾稽关系";
    }
    if (apart && pick) {
      // Numbers written apart: nothing was guessed, nothing to say.
    } else if (pick) {
      Finding f;
      f.rule = Rule::cell_split;
      f.severity = Severity::info;
      f.message = "「" + row_name(g) + "」" + written_as + written + "”，" + why + "，按 " + list_values(w.candidates[*pick]) + " 读取";
      f.span = span;
      findings.push_back(std::move(f));
    } else {
      Finding f;
      f.rule = Rule::cell_ambiguous;
      f.severity = Severity::warning;
      if (w.doubtful) {
        std::string list;
        for (std::size_t c = 1; c < w.candidates.size() && c < 4; ++c) list += (c > 1 ? "；" : "") + list_values(w.candidates[c]);
        f.message = "「" + row_name(g) + "」" + written_as + written + "”，照写读作 " + list_values(w.candidates[0]) +
                    " 不符合本行的勾稽关系，而若有一行重复的数字被漏掉、另一个数字被拆成两行，则可读作 " +
                    (list.empty() ? std::string("另一种拆分") : list) + "，无法确定，该行未参与检查";
      } else if (w.candidates.empty() && w.overflow) {  // the search gave up: nothing is known of its splits
        f.message = "「" + row_name(g) + "」" + written_as + written + "”，可能的拆分太多，未能逐一核对，无法确定，该行未参与检查";
      } else if (const std::size_t most = static_cast<std::size_t>(std::count_if(g.digits.begin(), g.digits.end(), [](char c) {
                   return is_digit(c) || c == 'x';
                 }));
                 w.candidates.empty() && !g.lines && most < w.cells.size()) {
        // Fewer digits than cells: the row lacks numbers (a cell left empty), whatever the split.
        f.rule = Rule::table_shape;
        f.message = "表格行「" + row_name(g) + "」的数字“" + written + "”最多只能拆成" + std::to_string(most) + "个数值，模板该行应有" +
                    std::to_string(w.cells.size()) + "个（可能有单元格未填写）";
        short_rows.push_back({k, findings.size()});
      } else if (w.candidates.empty()) {
        f.message = "「" + row_name(g) + "」的数字“" + written + "”无法拆分为" + std::to_string(w.cells.size()) +
                    "个符合本行勾稽关系的数，该行数字可能有误，未参与检查";
      } else {
        std::vector<std::size_t> shown;
        if (solved[k] && !used[k].empty()) shown.assign(used[k].begin(), used[k].end());
        else for (std::size_t c = 0; c < w.candidates.size(); ++c) shown.push_back(c);
        std::string list;
        for (std::size_t c = 0; c < shown.size() && c < 3; ++c) list += (c ? "；" : "") + list_values(w.candidates[shown[c]]);
        // Cells every fitting split gives the same value in the same digits are read all the same.
        std::vector<std::size_t> agreed;
        if (!w.overflow)
          for (std::size_t i = 0; i < w.cells.size(); ++i)
            if (std::all_of(shown.begin(), shown.end(), [&](std::size_t c) {
                  return w.candidates[c][i] == w.candidates[shown.front()][i] && w.pieces[c][i] == w.pieces[shown.front()][i];
                }))
              agreed.push_back(i);
        // (One cell alone of a row is not placed: a table of one value per row would take it for
        // that row's only cell.)
        if (agreed.size() < 2) agreed.clear();
        std::string read;
        for (std::size_t i : agreed) {
          const Value& v = w.candidates[shown.front()][i];
          if (!v) continue;
          const auto [at, len] = w.pieces[shown.front()][i];
          std::string raw = shown_digits(g.digits.substr(at, len));
          raw.erase(std::remove(raw.begin(), raw.end(), '/'), raw.end());
          table_of(g.tmpl)->cells.push_back({w.cells[i].row, w.cells[i].col, v, raw, join(g.digit_spans[at], g.digit_spans[at + len - 1])});
          read += (read.empty() ? "" : "、") + (g.flat ? std::string(w.cells[i].row) + "/" : std::string()) + std::string(w.cells[i].col) +
                  " " + v->to_string();
        }
        f.message = "「" + row_name(g) + "」" + written_as + written + "”，有" + (w.overflow ? std::string("很多") : std::to_string(shown.size())) +
                    "种拆分都符合模板（如 " + list + "），无法确定，" +
                    (read.empty() ? std::string("该行未参与检查") : "只读取各拆分一致的" + read + "，该行其余数字未参与检查");
        if (!w.overflow) record_ambiguous(*table_of(g.tmpl), w, shown, span);
      }
      f.span = span;
      findings.push_back(std::move(f));
      continue;
    }
    // Place the cells: the digits of each value give its span and raw text.
    ReportTable* rt = table_of(g.tmpl);
    for (std::size_t i = 0; i < w.cells.size(); ++i) {
      const Value v = w.candidates[*pick][i];
      const auto [at, len] = w.pieces[*pick][i];
      std::string raw = shown_digits(g.digits.substr(at, len));
      raw.erase(std::remove(raw.begin(), raw.end(), '/'), raw.end());  // a number broken over lines
      const Span s = join(g.digit_spans[at], g.digit_spans[at + len - 1]);
      if (!v) {
        Finding f;
        f.rule = Rule::cell_blank;
        f.severity = Severity::warning;
        f.message = "「" + std::string(w.cells[i].row) + "」「" + std::string(w.cells[i].col) + "」未填写数字（" + raw +
                    "），不按0计算，相关勾稽检查已跳过";
        f.span = s;
        findings.push_back(std::move(f));
      }
      rt->cells.push_back({w.cells[i].row, w.cells[i].col, v, raw, s});
    }
  }
  // Rows with a cell left empty: read when the other rows pin each of their cells and the
  // numbers written are those values but the empty ones; else not checked.
  for (const auto& [k, fi] : short_rows) {
    const RowWork& w = work[k];
    ReportTable* rt = table_of(w.glued->tmpl);
    const auto values = pinned_row(w, *rt, *relations.at(w.glued->tmpl));
    Finding& f = findings[fi];
    if (!values) {
      f.message += "，该行未参与检查";
      continue;
    }
    std::string list;
    for (const Decimal& v : *values) list += (list.empty() ? "" : "、") + v.to_string();
    f.message += "；按其他各行和勾稽关系，该行各列只能是 " + list + "，与所填数字相符，按此读取";
    for (std::size_t i = 0; i < w.cells.size(); ++i) rt->cells.push_back({w.cells[i].row, w.cells[i].col, (*values)[i], "", f.span});
  }
}

}  // namespace nianbao
