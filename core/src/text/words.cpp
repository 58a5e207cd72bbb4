// The words of running text (text/words.hpp).
#include "text/words.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "util/number.hpp"
#include "util/strings.hpp"
#include "util/utf8.hpp"

namespace nianbao {

using namespace std::string_view_literals;

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

/// Where the text before `at` resumes after its last stop within `window` bytes (the window's
/// start when there is none). (Continuation bytes of UTF-8 are never a stop: stop_at passes over them.)
inline std::size_t after_last_stop(std::string_view t, std::size_t at, std::size_t window, std::uint64_t stops, bool dun) {
  at = std::min(at, t.size());
  const std::size_t stop = at > window ? char_start(t, at - window) : 0;
  for (std::size_t i = at; i-- > stop;) {
    std::size_t len = 0;
    if (stop_at(t, i, stops, dun, len) && i + len <= at) return i + len;
  }
  return stop;
}

/// The first stop at or after `at` within `window` bytes, or the window's end.
inline std::size_t first_stop(std::string_view t, std::size_t at, std::size_t window, std::uint64_t stops, bool dun) {
  const std::size_t stop = std::min(t.size(), at + window);
  for (std::size_t i = next_may_stop(t, at, stop); i < stop; i = next_may_stop(t, i + 1, stop)) {
    std::size_t len = 0;
    if (stop_at(t, i, stops, dun, len)) return i;
  }
  return char_start(t, stop);  // (t.size() itself when the window reaches the end)
}

}  // namespace

std::size_t clause_start(std::string_view t, std::size_t at, bool dun) { return after_last_stop(t, at, kClauseWindow, kClauseStops, dun); }
std::size_t clause_end(std::string_view t, std::size_t at, bool dun) { return first_stop(t, at, kClauseWindow, kClauseStops, dun); }
std::size_t sentence_start(std::string_view t, std::size_t at) { return after_last_stop(t, at, kSentenceWindow, kSentenceStops, false); }
std::size_t sentence_end(std::string_view t, std::size_t at) { return first_stop(t, at, kSentenceWindow, kSentenceStops, false); }

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

}  // namespace nianbao
