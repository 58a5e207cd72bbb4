#include "narrative/prose.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <functional>
#include <stdexcept>

#include "read/normalize.hpp"
#include "util/number.hpp"
#include "read/screen_words.hpp"
#include "util/utf8.hpp"

namespace nianbao {

using namespace std::string_view_literals;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && utf8::same(s.substr(s.size() - suffix.size()), suffix);
}
bool starts_with(std::string_view s, std::string_view prefix) { return utf8::same(s.substr(0, prefix.size()), prefix); }
bool contains(std::string_view s, std::string_view part) { return utf8::find(s, part) != std::string_view::npos; }


template <std::size_t N>
template <class Stop>
std::size_t BasicPhraseSet<N>::scan(std::string_view s, std::size_t from, std::uint64_t& found, Stop stop) const {
  const auto* d = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  const bool skip_inside = !cont_start_;  // no phrase starts inside a character
  const bool long_only = has_long_ && !has_short_;
  for (std::size_t i = from; i < n;) {
    if (long_only) {
      // The usual case: a run of places where the filter says no phrase starts, passed over in
      // a tight loop (a place it lets through is looked at below, as is a continuation byte).
      // Places with four bytes to read (the last three are left to the general step below), by
      // pointer: the loop tests one bound.
      if (n - i >= 4) {
        const unsigned char* p = d + i;
        const unsigned char* const end = d + n - 3;
        do {
          std::uint32_t w;  // the next three bytes, b0 | b1 << 8 | b2 << 16
          if constexpr (std::endian::native == std::endian::little) {
            std::memcpy(&w, p, 4);  // one load
            w &= 0xFFFFFFu;
          } else {
            w = static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 | static_cast<std::uint32_t>(p[2]) << 16;
          }
          const unsigned k = key(w);
          if ((filter_[k >> 6] >> (k & 63)) & 1) break;
          p += skip_inside && (w & 0xC0C0F0u) == 0x8080E0u ? 3 : 1;
        } while (p < end);
        i = static_cast<std::size_t>(p - d);
      }
      if (n - i < 3) break;  // no phrase of 3 bytes or more fits
    }
    const unsigned char b0 = d[i];
    if (skip_inside && (b0 & 0xC0) == 0x80) { ++i; continue; }
    const std::size_t left = n - i;
    // The next place to look at: past a whole three-byte character (Chinese text) when no
    // phrase starts inside one, else the next byte.
    std::size_t step = 1;
    bool maybe_long = false;
    unsigned k = 0;
    if (left >= 3) {
      // The three bytes as key() reads them: 1110xxxx 10xxxxxx 10xxxxxx is a whole character.
      const std::uint32_t w = static_cast<std::uint32_t>(b0) | static_cast<std::uint32_t>(d[i + 1]) << 8 |
                              static_cast<std::uint32_t>(d[i + 2]) << 16;
      if (skip_inside && (w & 0xC0C0F0u) == 0x8080E0u) step = 3;
      if (has_long_) {
        k = key(w);
        maybe_long = ((filter_[k >> 6] >> (k & 63)) & 1) != 0;
      }
    }
    const bool maybe_short = has_short_ && ((short_first_[b0 >> 6] >> (b0 & 63)) & 1);
    if (!maybe_long && !maybe_short) { i += step; continue; }
    std::uint64_t head = 0;  // the next 8 bytes (fewer at the end), little-endian
    if (left >= 8 && std::endian::native == std::endian::little) {
      std::memcpy(&head, d + i, 8);
    } else {
      for (std::size_t b = 0; b < left && b < 8; ++b) head |= std::uint64_t{d[i + b]} << (8 * b);
    }
    // A phrase matches: its first bytes (up to 8) are the head's and the rest, if any, follow.
    auto matches = [&](std::size_t p) {
      const std::string_view ph = phrases_[p];
      if (left < ph.size() || (head & mask_[p]) != prefix_[p]) return false;
      return ph.size() <= 8 || std::char_traits<char>::compare(s.data() + i + 8, ph.data() + 8, ph.size() - 8) == 0;
    };
    std::uint64_t hits = 0;
    if (maybe_long)
      for (std::size_t p = bucket_[k % kBuckets]; p; p = next_[p - 1])
        if (matches(p - 1)) hits |= std::uint64_t{1} << ((p - 1) & 63);
    if (maybe_short)
      for (std::size_t p = 0; p < n_; ++p)
        if (!phrases_[p].empty() && phrases_[p].size() < 3 && matches(p)) hits |= std::uint64_t{1} << (p & 63);
    if (hits) {
      const bool more = (hits & ~found) != 0;
      found |= hits;
      if (more && stop(found, i)) return i;
    }
    i += step;
  }
  return std::string_view::npos;
}

template <std::size_t N>
std::size_t BasicPhraseSet<N>::find(std::string_view s, std::size_t from) const {
  if (from > s.size() || s.size() - from < shortest_) return std::string_view::npos;
  if (empty_) return from;
  if (overflow_) {
    std::size_t best = std::string_view::npos;
    for (std::string_view p : split_bar(source_)) best = std::min(best, utf8::find(s, p, from));
    return best;
  }
  std::uint64_t found = 0;
  return scan(s, from, found, [](std::uint64_t, std::size_t) { return true; });
}

template <std::size_t N>
std::uint64_t BasicPhraseSet<N>::which(std::string_view s, std::span<const std::uint64_t> groups) const {
  static_assert(N <= 64, "which() reports phrases as the bits of 64");
  std::uint64_t found = empty_bits_;
  if (s.size() < shortest_) return found;
  scan(s, 0, found, [&](std::uint64_t f, std::size_t) {
    if (groups.empty()) return false;
    for (std::uint64_t g : groups)
      if (!(f & g)) return false;
    return true;
  });
  return found;
}

template class BasicPhraseSet<32>;
template class BasicPhraseSet<64>;

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    out.push_back(utf8::decode(s, i, len));
    i += len;
  }
  return out;
}

int cn_digit(char32_t c) {
  if (c == U'〇' || c == U'○' || c == U'零' || c == U'O') return 0;
  const auto p = std::u32string_view(U"一二三四五六七八九").find(c);
  return p == std::u32string_view::npos ? -1 : static_cast<int>(p) + 1;
}

std::optional<int> small_number(std::u32string_view s) {
  if (s.empty()) return std::nullopt;
  if (std::all_of(s.begin(), s.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; }) && s.size() <= 2) {
    int v = 0;
    for (char32_t c : s) v = v * 10 + static_cast<int>(c - U'0');
    return v;
  }
  const std::size_t ten = s.find(U'十');
  if (ten == std::u32string_view::npos) return s.size() == 1 && cn_digit(s[0]) > 0 ? std::optional<int>(cn_digit(s[0])) : std::nullopt;
  int tens = 1, ones = 0;
  if (ten == 1) tens = cn_digit(s[0]);
  else if (ten != 0) return std::nullopt;
  if (ten + 1 < s.size()) {
    if (ten + 2 != s.size()) return std::nullopt;
    ones = cn_digit(s[ten + 1]);
  }
  if (tens <= 0 || ones < 0) return std::nullopt;
  return tens * 10 + ones;
}

std::string Date::iso() const {
  // "%04d-%02d-%02d", without the day when it is not given (the parts are read from digits, never
  // negative); by hand: snprintf cost more than the rest of a date's checks.
  std::string out;
  auto digits = [&out](int v, std::size_t width) {
    const std::string s = std::to_string(v);
    if (s.size() < width) out.append(width - s.size(), '0');
    out += s;
  };
  digits(y, 4);
  out += '-';
  digits(m, 2);
  if (d) {
    out += '-';
    digits(d, 2);
  }
  return out;
}

std::optional<Date> whole_date(std::string_view text) {
  const std::u32string s = to_u32(utf8::trim(text));
  Date dt;
  if (s.size() >= 10 && s[4] == U'-' && s[7] == U'-') {
    for (std::size_t k : {0, 1, 2, 3, 5, 6, 8, 9})
      if (s[k] < U'0' || s[k] > U'9') return std::nullopt;
    if (s.size() > 10 && s[10] != U' ') return std::nullopt;
    auto num = [&](std::size_t k, std::size_t n) {
      int v = 0;
      for (std::size_t j = k; j < k + n; ++j) v = v * 10 + static_cast<int>(s[j] - U'0');
      return v;
    };
    dt.y = num(0, 4);
    dt.m = num(5, 2);
    dt.d = num(8, 2);
    return dt.m >= 1 && dt.m <= 12 && dt.d >= 1 && dt.d <= 31 ? std::optional<Date>(dt) : std::nullopt;
  }
  std::size_t i = 0;
  for (; i < s.size() && i < 4; ++i) {
    const int v = s[i] >= U'0' && s[i] <= U'9' ? static_cast<int>(s[i] - U'0') : cn_digit(s[i]);
    if (v < 0 || s[i] == U'O') return std::nullopt;
    dt.y = dt.y * 10 + v;
  }
  if (i != 4 || i >= s.size() || s[i] != U'年' || dt.y < 2000 || dt.y > 2100) return std::nullopt;
  const std::size_t month_end = s.find(U'月', i + 1);
  if (month_end == std::u32string::npos) return std::nullopt;
  const auto m = small_number(std::u32string_view(s).substr(i + 1, month_end - i - 1));
  if (!m || *m < 1 || *m > 12) return std::nullopt;
  dt.m = *m;
  if (month_end + 1 == s.size()) return dt;
  const std::size_t day_end = s.find_first_of(U"日号", month_end + 1);
  if (day_end == std::u32string::npos || day_end + 1 != s.size()) return std::nullopt;
  const auto d = small_number(std::u32string_view(s).substr(month_end + 1, day_end - month_end - 1));
  if (!d || *d < 1 || *d > 31) return std::nullopt;
  dt.d = *d;
  return dt;
}

namespace {

constexpr std::array<std::string_view, kUnitWords.size() + 7> make_text_units() {
  std::array<std::string_view, kUnitWords.size() + 7> out{};
  std::size_t n = 0;
  for (std::string_view u : kUnitWords) out[n++] = u;
  for (std::string_view u : {"名"sv, "起"sv, "场"sv, "家"sv, "期"sv, "批"sv, "宗"sv}) out[n++] = u;
  return out;
}
constexpr auto kTextUnits = make_text_units();
static_assert(std::all_of(kTextUnits.begin(), kTextUnits.end(), [](std::string_view u) { return !u.empty(); }));

using utf8::is_digit;

}  // namespace

std::span<const std::string_view> text_units() { return kTextUnits; }

std::vector<Mention> find_mentions(std::string_view t, std::size_t from, std::size_t to) {
  std::vector<Mention> out;
  to = std::min(to, t.size());
  for (std::size_t i = next_digit(t, from, to); i < to; i = next_digit(t, i + 1, to)) {
    if (i > 0 && (is_digit(t[i - 1]) || t[i - 1] == '.' || t[i - 1] == '-' || t[i - 1] == '/')) continue;
    auto n = parse_number(t.substr(i, to - i), false, true);
    if (!n) continue;
    std::size_t e = i + n->length;
    bool approximate = n->approximate;
    if (approximate) e += 3;  // 余 / 多
    // (The words are compared only when their first byte is there: most numbers have none.)
    for (std::string_view pre : {"约"sv, "近"sv, "超过"sv, "逾"sv, "大约"sv, "将近"sv})
      if (i >= pre.size() && t[i - pre.size()] == pre[0] && t.substr(i - pre.size(), pre.size()) == pre) approximate = true;
    std::string_view unit;
    if (e + 1 < to && t[e] == ' ' && !is_digit(t[e + 1])) ++e;  // "46 条" (pdftotext, web copies)
    if (e < t.size())
      for (std::string_view u : kTextUnits)
        if (t[e] == u[0] && t.substr(e, u.size()) == u && (unit.empty() || u.size() > unit.size())) unit = u;
    if (unit.empty()) {
      i = e > i ? e - 1 : i;
      continue;
    }
    // "2016年3月" style dates never reach here (年/月 are not units); "第3期" is an ordinal.
    if (i >= 3 && t.substr(i - 3, 3) == "第") {
      i = e + unit.size() - 1;
      continue;
    }
    Mention m{n->value, unit, i, e + unit.size(), approximate, std::nullopt};
    // A share stated right after it: "，占全市发布总量的41.31%" (looked for nearby only).
    const std::string_view near = t.substr(m.end, std::min<std::size_t>(9, to - m.end));
    if (const std::size_t zz = utf8::find(near, "占"); zz != std::string_view::npos) {
      const std::size_t z = m.end + zz;
      const std::string_view span = t.substr(z, std::min<std::size_t>(60, to - z));
      const std::size_t pp = span.find('%');
      const std::size_t stop = span.find_first_of(",;");  // the share stands in the clause of 占
      if (pp != std::string_view::npos && (stop == std::string_view::npos || pp < stop)) {
        const std::size_t pct = z + pp;
        std::size_t b = pct;
        while (b > z && (is_digit(t[b - 1]) || t[b - 1] == '.')) --b;
        if (auto pv = parse_number(t.substr(b, pct - b))) {
          const std::size_t dot = t.substr(b, pct - b).find('.');
          const int decimals = dot != std::string_view::npos ? static_cast<int>(pct - b - dot - 1) : 0;
          m.share = Mention::Share{pv->value, decimals, b, pct + 1};
        }
      }
    }
    out.push_back(m);
    i = m.end - 1;
  }
  return out;
}

namespace {

/// How far the clause and sentence readers look: a run of text with no punctuation for longer
/// than this is not one clause a figure belongs to (and a 1 MB line stays linear).
constexpr std::size_t kClauseWindow = 1024;
constexpr std::size_t kSentenceWindow = 4096;

std::size_t char_start(std::string_view t, std::size_t i) {
  while (i > 0 && i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) --i;
  return i;
}

// Stops of one byte, as bits: , ; : ! ? and the line end (all below 64).
constexpr std::uint64_t kClauseStops = (std::uint64_t{1} << ',') | (std::uint64_t{1} << ';') | (std::uint64_t{1} << ':') |
                                       (std::uint64_t{1} << '!') | (std::uint64_t{1} << '?') | (std::uint64_t{1} << '\n');
constexpr std::uint64_t kSentenceStops = (std::uint64_t{1} << '!') | (std::uint64_t{1} << '?') | (std::uint64_t{1} << '\n');

/// A stop at t[i]: one of `ascii` (one byte), 。 (E3 80 82) or, when `dun`, 、 (E3 80 81).
inline bool stop_at(std::string_view t, std::size_t i, std::uint64_t ascii, bool dun, std::size_t& len) {
  const auto c = static_cast<unsigned char>(t[i]);
  if (c < 64) {
    if (!((ascii >> c) & 1)) return false;
    len = 1;
    return true;
  }
  if (c != 0xE3 || t.size() - i < 3 || t[i + 1] != '\x80' || !(t[i + 2] == '\x82' || (dun && t[i + 2] == '\x81'))) return false;
  len = 3;
  return true;
}

/// The bytes that can begin a stop of either kind (the ASCII stops and the lead byte of 。 、):
/// the forward readers pass over every other byte with one look-up.
constexpr std::array<bool, 256> kMayStop = [] {
  std::array<bool, 256> out{};
  for (unsigned c = 0; c < 64; ++c) out[c] = ((kClauseStops | kSentenceStops) >> c) & 1;
  out[0xE3] = true;
  return out;
}();

/// The first byte of t[i, stop) that may begin a stop, or stop. Eight bytes at a time are
/// passed over while none of them is below 64 (where the ASCII stops are) or E3.
inline std::size_t next_may_stop(std::string_view t, std::size_t i, std::size_t stop) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = kOnes * 0x80;
  while (i < stop) {
    if (stop - i >= 8) {
      std::uint64_t x;
      std::memcpy(&x, t.data() + i, 8);
      const std::uint64_t e3 = x ^ (kOnes * 0xE3);
      // A byte below 64, or E3 (zero after the xor): the usual tricks, exact as a whole.
      if (!(((x - kOnes * 64) & ~x & kHigh) | ((e3 - kOnes) & ~e3 & kHigh))) {
        i += 8;
        continue;
      }
    }
    for (const std::size_t end = std::min(stop, i + 8); i < end; ++i)  // one by one
      if (kMayStop[static_cast<unsigned char>(t[i])]) return i;
  }
  return i;
}

}  // namespace

// (Continuation bytes of UTF-8 are never a stop: stop_at passes over them.)
std::size_t clause_start(std::string_view t, std::size_t at, bool dun) {
  at = std::min(at, t.size());
  const std::size_t stop = at > kClauseWindow ? char_start(t, at - kClauseWindow) : 0;
  for (std::size_t i = at; i-- > stop;) {
    std::size_t len = 0;
    if (stop_at(t, i, kClauseStops, dun, len) && i + len <= at) return i + len;
  }
  return stop;
}

std::size_t clause_end(std::string_view t, std::size_t at, bool dun) {
  const std::size_t stop = std::min(t.size(), at + kClauseWindow);
  for (std::size_t i = next_may_stop(t, at, stop); i < stop; i = next_may_stop(t, i + 1, stop)) {
    std::size_t len = 0;
    if (stop_at(t, i, kClauseStops, dun, len)) return i;
  }
  return char_start(t, stop);
}

std::size_t sentence_start(std::string_view t, std::size_t at) {
  at = std::min(at, t.size());
  const std::size_t stop = at > kSentenceWindow ? char_start(t, at - kSentenceWindow) : 0;
  for (std::size_t i = at; i-- > stop;) {
    std::size_t len = 0;
    if (stop_at(t, i, kSentenceStops, false, len) && i + len <= at) return i + len;
  }
  return stop;
}

std::size_t sentence_end(std::string_view t, std::size_t at) {
  const std::size_t stop = std::min(t.size(), at + kSentenceWindow);
  for (std::size_t i = next_may_stop(t, at, stop); i < stop; i = next_may_stop(t, i + 1, stop)) {
    std::size_t len = 0;
    if (stop_at(t, i, kSentenceStops, false, len)) return i;
  }
  return stop == t.size() ? stop : char_start(t, stop);
}

std::size_t past_stop(std::string_view t, std::size_t i) {
  if (i >= t.size()) return t.size();
  if (t.substr(i, 3) == "。" || t.substr(i, 3) == "、") return i + 3;
  const char c = t[i];
  return c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\n' ? i + 1 : i;
}

bool in_brackets(std::string_view t, std::size_t from, std::size_t at) {
  int depth = 0;
  for (std::size_t i = from; i < at && i < t.size(); ++i) {
    if (t[i] == '(') ++depth;
    else if (t[i] == ')' && depth > 0) --depth;
  }
  return depth > 0;
}

Decimal share_of(Decimal part, Decimal total, int decimals) {
  // part/total×100 rounded half up at `decimals` places, computed in integers.
  std::int64_t scale = 1;
  for (int k = 0; k < decimals + 2; ++k) scale *= 10;
  // In 128 bits: a part of 10^7 units at six places, times 10^6, would not fit in 64.
  const __int128 num = static_cast<__int128>(part.scaled()) * scale * 2 + total.scaled();
  const auto rounded = static_cast<std::int64_t>(num / (static_cast<__int128>(2) * total.scaled()));
  std::int64_t unit = Decimal::kScale;
  for (int k = 0; k < decimals; ++k) unit /= 10;
  return Decimal::from_scaled(rounded * unit);
}

bool share_holds(Decimal part, Decimal total, Decimal stated, int decimals) {
  if (total.scaled() <= 0 || decimals > 4) return true;  // nothing to recompute
  return share_of(part, total, decimals) == stated;
}

Prose::Prose(const Document& doc, std::span<const ReportTable> tables) : doc_(doc) {
  // Crawled tables: paragraphs that hold cells the matcher placed.
  std::vector<Span> cells;
  for (const ReportTable& t : tables)
    for (const TableCell& c : t.cells) cells.push_back(c.span);
  std::sort(cells.begin(), cells.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
  auto holds_cell = [&](const Span& s) {
    auto it = std::lower_bound(cells.begin(), cells.end(), s.start, [](const Span& c, std::uint32_t v) { return c.start < v; });
    return it != cells.end() && it->end <= s.end;
  };
  std::vector<Kind> kinds;
  // A crawler's header block: "key: value" lines at the top, down to a separator line if any.
  std::size_t seen = 0, header_end = 0, fields = 0, leading = 0;
  for (const Block& b : doc.blocks) {
    if (b.kind != Block::Kind::paragraph) continue;
    if (++seen > 14) break;
    std::size_t value = 0;
    const HeaderLine h = header_line(b.paragraph.text, value);
    if (h == HeaderLine::separator) {
      if (fields >= 2) header_end = seen;
      break;
    }
    if (h == HeaderLine::none) continue;
    if (++fields == seen) leading = seen;  // the fields that open the document
  }
  if (!header_end && leading >= 2) header_end = leading;
  seen = 0;
  for (const Block& b : doc.blocks) {
    if (b.kind != Block::Kind::paragraph) continue;
    const Paragraph& p = b.paragraph;
    if (++seen <= header_end) {
      std::size_t value = 0;
      if (header_line(p.text, value) == HeaderLine::title && value < p.text.size()) {
        all_.push_back(piece(p, value, p.text.size()));  // the title is report text
        kinds.push_back(Kind::body);
      } else {
        all_.push_back(&p);
        kinds.push_back(Kind::chrome);
      }
      continue;
    }
    // A markdown heading ("## 一、总体情况", "# 沐阳县人民政府 2025 年 …"): its words.
    if (p.text.size() > 2 && p.text[0] == '#') {
      std::size_t k = 0;
      while (k < p.text.size() && p.text[k] == '#') ++k;
      if (k <= 6 && k < p.text.size() && p.text[k] == ' ') {
        while (k < p.text.size() && p.text[k] == ' ') ++k;
        const Paragraph* x = piece(p, k, p.text.size());
        all_.push_back(x);
        kinds.push_back(holds_cell(x->span) ? Kind::table_text : Kind::body);
        continue;
      }
    }
    const auto span_of = [&](std::size_t a, std::size_t e) { return doc.map ? doc.map->span(p.offset + a, p.offset + e) : p.span; };
    const auto pieces = p.text.size() < 512 ? std::vector<std::pair<std::size_t, std::size_t>>{}
                                            : flat_pieces(p.text, [&](std::size_t a, std::size_t e) { return holds_cell(span_of(a, e)); });
    if (pieces.empty()) {
      all_.push_back(&p);
      kinds.push_back(holds_cell(p.span) ? Kind::table_text : Kind::body);
      continue;
    }
    for (const auto& [a, e] : pieces) {
      const Paragraph* x = piece(p, a, e);
      all_.push_back(x);
      kinds.push_back(holds_cell(x->span) ? Kind::table_text : Kind::body);
    }
  }
  // Lines of a table crawled one cell per line (row labels, group labels between them).
  for (const ReportTable& t : tables)
    for (const Span& s : t.text_spans)
      for (std::size_t i = 0; i < all_.size(); ++i)
        if (all_[i]->span.start >= s.start && all_[i]->span.end <= s.end) kinds[i] = Kind::table_text;
  reflow(kinds);
  kind_ = std::move(kinds);
  words_.resize(all_.size());
  for (std::size_t i = 0; i < all_.size(); ++i) words_[i] = screening::kWords.which(all_[i]->text);
  order_.reserve(all_.size());
  for (std::size_t i = 0; i < all_.size(); ++i) order_.emplace_back(all_[i], i);
  std::sort(order_.begin(), order_.end(), [](const auto& x, const auto& y) { return std::less<const Paragraph*>()(x.first, y.first); });
  sort();
}

const Paragraph* Prose::piece(const Paragraph& p, std::size_t a, std::size_t b) {
  Paragraph x;
  x.text = p.text.substr(a, b - a);
  x.offset = p.offset + a;
  x.span = doc_.map ? doc_.map->span(x.offset, x.offset + x.text.size()) : p.span;
  owned_.push_back(std::move(x));
  return &owned_.back();
}

void Prose::set_chrome(const std::vector<const Paragraph*>& chrome) {
  for (const Paragraph* p : chrome) kind_[index(p)] = Kind::chrome;
  sort();
}

void Prose::sort() {
  body_.clear();
  for (std::size_t i = 0; i < all_.size(); ++i)
    if (kind_[i] == Kind::body) body_.push_back(all_[i]);
}

bool Prose::is_chrome(const Paragraph* p) const { return kind_[index(p)] == Kind::chrome; }
bool Prose::is_table_text(const Paragraph* p) const { return kind_[index(p)] == Kind::table_text; }

Span Prose::span(const Paragraph& p, std::size_t a, std::size_t b) const {
  if (!doc_.map) return p.span;
  if (!joined_.empty()) {
    const auto it = std::lower_bound(joined_.begin(), joined_.end(), &p,
                                     [](const Joined& j, const Paragraph* v) { return std::less<const Paragraph*>()(j.p, v); });
    if (it != joined_.end() && it->p == &p) {
      // Each end in the line it belongs to: the start's part, and the part of the byte before the end.
      auto offset_of = [&](std::size_t i) {
        auto k = std::upper_bound(it->parts.begin(), it->parts.end(), i, [](std::size_t v, const auto& x) { return v < x.first; });
        --k;
        return k->second + (i - k->first);
      };
      const std::size_t na = offset_of(a), nb = b > a ? offset_of(b - 1) + 1 : na;
      return doc_.map->span(na, std::max(na, nb));
    }
  }
  return doc_.map->span(p.offset + a, p.offset + b);
}


std::size_t Prose::index(const Paragraph* p) const {
  const auto it = std::lower_bound(order_.begin(), order_.end(), p,
                                   [](const auto& x, const Paragraph* v) { return std::less<const Paragraph*>()(x.first, v); });
  if (it == order_.end() || it->first != p) throw std::out_of_range("Prose::index: not a paragraph of the document");
  return it->second;
}

Finding make_finding(Rule rule, Severity severity, std::string message, Span span, std::string hint) {
  Finding f;
  f.rule = std::move(rule);
  f.severity = severity;
  f.message = std::move(message);
  f.span = span;
  f.hint = std::move(hint);
  return f;
}

}  // namespace nianbao
